"""The supporting-data tables of the LAKIP 2023 of BSPJI Pekanbaru (satker 417912), cell by
cell, against values worked out by hand from fixtures/pekanbaru/data_dukung.yaml and
fixtures/nilai_eksternal_2023.yaml: PNBP and service results by kind and year, PDN spending,
audit recommendations, the survey, the professionalism scores, the public-service index, the
SAKIP and financial-report scores.

Each expected value carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, which has slips (the fixtures name them).
Rounding is half-up to two decimals; a capaian is computed from the rounded realisasi; sums of
money are exact integers. A row is picked where its columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell and its decimals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.laporan.conftest import judul_kolom, nilai_baris, tabel, teks_baris

pytestmark = pytest.mark.django_db


# --- PNBP and service results by kind -----------------------------------------------------

# Receipts by kind at each year's end (data_dukung.yaml), "–" where a kind has none that year.
# Rows sorted by the kind's label.
PNBP_PER_JENIS = [
    ("Halal", None, None, None, 2_100_000),
    ("Jasa lainnya", None, 1_500_000, None, None),
    ("Kalibrasi", None, None, 484_000, 10_560_000),
    ("Konsultansi", None, None, 1_000_000, 228_000_000),
    ("Magang", 1_600_000, 2_800_000, None, None),
    ("Pelatihan", None, None, 9_000_000, 38_400_000),
    ("Pendapatan penjualan peralatan dan mesin", None, None, None, 49_255_000),
    ("Pendapatan sewa tanah, gedung dan bangunan", None, None, None, 2_158_040),
    ("Penerimaan kembali belanja tahun anggaran yang lalu", None, None, 20_980_300, 8_445_564),
    ("Pengujian", 13_086_331, 102_970_000, 109_563_000, 199_172_250),
    ("Sertifikasi", None, None, None, 78_550_000),
]
PNBP_JUMLAH = [
    "Jumlah",
    # 2020: 13.086.331 + 1.600.000 = 14.686.331
    14_686_331,
    # 2021: 102.970.000 + 2.800.000 + 1.500.000 = 107.270.000
    107_270_000,
    # 2022: 9.000.000 + 109.563.000 + 484.000 + 1.000.000 + 20.980.300 = 141.027.300
    141_027_300,
    # 2023: services 556.782.250 + rent 2.158.040 + asset sale 49.255.000 + refunds
    # 8.445.564 = 616.640.854 (all receipts, Tabel 34/35)
    616_640_854,
]


@pytest.mark.parametrize("nama_lembar", ["PNBP per jenis", "PNBP per Tahun"])
def test_pnbp_by_kind(lakip, nama_lembar):
    t = tabel(lakip, nama_lembar)
    assert judul_kolom(t) == [["Jenis", "TA 2020", "TA 2021", "TA 2022", "TA 2023"]]
    assert [nilai_baris(t, r[0]) for r in PNBP_PER_JENIS] == [list(r) for r in PNBP_PER_JENIS]
    assert len(t.baris) == len(PNBP_PER_JENIS)
    assert nilai_baris(t, "Jumlah", kaki=True) == PNBP_JUMLAH
    assert teks_baris(t, "Jumlah", kaki=True) == [
        "Jumlah",
        "Rp 14.686.331",
        "Rp 107.270.000",
        "Rp 141.027.300",
        "Rp 616.640.854",
    ]
    assert teks_baris(t, "Magang") == ["Magang", "Rp 1.600.000", "Rp 2.800.000", "–", "–"]


@pytest.mark.parametrize("nama_lembar", ["Hasil layanan", "Layanan per Tahun"])
def test_service_results_by_kind(lakip, nama_lembar):
    t = tabel(lakip, nama_lembar)
    assert judul_kolom(t) == [["Jenis", "TA 2022", "TA 2023"]]
    assert [nilai_baris(t, j) for j in ("Kalibrasi", "Konsultansi", "Pelatihan", "Pengujian")] == [
        ["Kalibrasi", 2, 14],
        ["Konsultansi", 2, 9],
        ["Pelatihan", 6, 15],
        ["Pengujian", 155, 211],
    ]
    assert teks_baris(t, "Sertifikasi") == ["Sertifikasi", "–", "6"]
    # 2022: 2 + 2 + 6 + 155 = 165; 2023: 14 + 9 + 15 + 211 + 6 = 255 (Tabel 17 prints 249).
    assert nilai_baris(t, "Jumlah", kaki=True) == ["Jumlah", 165, 255]
    assert teks_baris(t, "Jumlah", kaki=True) == ["Jumlah", "165", "255"]


def test_pnbp_against_target(lakip):
    t = tabel(lakip, "PNBP terhadap Target")
    assert judul_kolom(t) == [
        [
            "Tahun",
            "Target (Rp)",
            "PNBP layanan jasa (Rp)",
            "%",
            "Seluruh penerimaan (Rp)",
            "%",
        ]
    ]
    # Targets: 2020-2022 recorded, 2023 the DIPA's 250.000.000. Service fees leave out rent,
    # asset sales and refunds (DESIGN.md 4); magang and jasa lainnya are service fees.
    assert [nilai_baris(t, str(th)) for th in (2020, 2021, 2022, 2023)] == [
        # 14.686.331 / 45.500.000 × 100 = 32,277… → 32,28 (both: no non-service receipts)
        ["2020", 45_500_000, 14_686_331, D("32.28"), 14_686_331, D("32.28")],
        # 107.270.000 / 50.000.000 × 100 = 214,54
        ["2021", 50_000_000, 107_270_000, D("214.54"), 107_270_000, D("214.54")],
        # 120.047.000 / 150.000.000 = 80,031… → 80,03; 141.027.300 / 150.000.000 = 94,018…
        # → 94,02
        ["2022", 150_000_000, 120_047_000, D("80.03"), 141_027_300, D("94.02")],
        # 556.782.250 / 250.000.000 = 222,712… → 222,71; 616.640.854 / 250.000.000 =
        # 246,656… → 246,66
        ["2023", 250_000_000, 556_782_250, D("222.71"), 616_640_854, D("246.66")],
    ]
    assert teks_baris(t, "2022") == [
        "2022",
        "Rp 150.000.000",
        "Rp 120.047.000",
        "80,03%",
        "Rp 141.027.300",
        "94,02%",
    ]


# --- the other supporting data ------------------------------------------------------------


def test_belanja_pdn(lakip):
    t = tabel(lakip, "Belanja PDN")
    assert judul_kolom(t) == [
        [
            "Akun",
            "Pagu (Rp)",
            "Realisasi PDN (Rp)",
            "Realisasi TKDN (Rp)",
            "Realisasi impor (Rp)",
        ]
    ]
    assert [r[0].teks() for r in t.baris] == [
        "521111",
        "521211",
        "521811",
        "521841",
        "522191",
        "522192",
        "524119",
        "532111",
    ]
    # The one account with TKDN and imports: 506.791.600 + 60.907.400 + 397.581.000 =
    # 965.280.000, its pagu.
    assert nilai_baris(t, "532111") == ["532111", 965_280_000, 506_791_600, 60_907_400, 397_581_000]
    assert nilai_baris(t, "521811") == ["521811", 539_550_000, 539_550_000, 0, 0]
    # Pagu 760.303.000 + 19.522.000 + 539.550.000 + 718.000 + 222.567.000 + 300.000
    # + 26.481.000 + 965.280.000 = 2.534.721.000; PDN the same accounts with 532111's
    # 506.791.600 = 2.076.232.600; TKDN and imports only 532111's.
    assert nilai_baris(t, "Jumlah", kaki=True) == [
        "Jumlah",
        2_534_721_000,
        2_076_232_600,
        60_907_400,
        397_581_000,
    ]
    assert teks_baris(t, "Jumlah", kaki=True) == [
        "Jumlah",
        "Rp 2.534.721.000",
        "Rp 2.076.232.600",
        "Rp 60.907.400",
        "Rp 397.581.000",
    ]


def test_rekomendasi_audit(lakip):
    t = tabel(lakip, "Rekomendasi audit")
    assert judul_kolom(t) == [["Tahun", "No", "Rekomendasi", "Status", "Tanggal selesai"]]
    assert len(t.baris) == 9
    r = nilai_baris(t, "2023", "7")
    assert r[:2] == ["2023", 7] and r[3:] == ["Selesai", None]
    assert r[2].startswith("KPA menginstruksikan Kasubbag Tata Usaha")
    assert teks_baris(t, "2023", "7")[3:] == ["Selesai", "–"]
    # 9 of the 9 recommendations are followed up (the realisasi 100,00 of IV.1).
    assert t.catatan == ["Selesai ditindaklanjuti: 9 dari 9 rekomendasi."]


def test_survei_kepuasan(lakip):
    t = tabel(lakip, "Survei kepuasan")
    assert judul_kolom(t) == [["No", "Unsur pelayanan", "Nilai"]]
    assert [nilai_baris(t, str(i)) for i in range(1, 10)] == [
        [1, "Persyaratan Pelayanan", D("3.86")],
        [2, "Sistem, Mekanisme dan Prosedur", D("3.81")],
        [3, "Waktu Penyelesaian", D("3.69")],
        [4, "Biaya Pelayanan", D("3.73")],
        [5, "Produk Spesifikasi Jenis Pelayanan", D("3.81")],
        [6, "Kompetensi Pelaksana Petugas Pelayanan", D("3.87")],
        [7, "Perilaku Pelaksana Petugas Pelayanan", D("3.91")],
        [8, "Penanganan Pengaduan, Saran dan Masukan", D("3.81")],
        [9, "Sarana dan prasarana", D("3.85")],
    ]
    assert teks_baris(t, "3") == ["3", "Waktu Penyelesaian", "3,69"]
    # The 2023 survey: 134 respondents, position 31 December 2023.
    assert t.catatan == ["134 responden; posisi 31 Desember 2023."]


def test_profesionalitas_asn(lakip):
    t = tabel(lakip, "Profesionalitas ASN")
    assert judul_kolom(t) == [
        ["No", "Pegawai", "Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Total"]
    ]
    assert len(t.baris) == 16
    # Total = kualifikasi + kompetensi + kinerja + disiplin.
    # Pegawai 02: 23 + 25 + 30 + 5 = 83 (every dimension different).
    assert nilai_baris(t, "2") == [2, "Pegawai 02", D(23), D(25), D(30), D(5), D(83)]
    assert teks_baris(t, "2") == ["2", "Pegawai 02", "23,00", "25,00", "30,00", "5,00", "83,00"]
    # Pegawai 01: 23 + 15 + 25 + 5 = 68; Pegawai 10: 21 + 40 + 25 + 5 = 91.
    assert nilai_baris(t, "1")[2:] == [D(23), D(15), D(25), D(5), D(68)]
    assert nilai_baris(t, "10")[2:] == [D(21), D(40), D(25), D(5), D(91)]
    # The 16 totals: 68 + 83 + 78 + 77 + 92 × 7 + 90 × 3 + 91 × 2 = 1402, the 87,63 of VI.1.
    assert sum(r[-1].nilai for r in t.baris) == 1402


def test_layanan_publik(lakip):
    t = tabel(lakip, "Layanan publik")
    assert judul_kolom(t) == [["No", "Aspek", "Indeks", "Bobot (%)"]]
    assert [nilai_baris(t, str(i)) for i in range(1, 7)] == [
        [1, "Kebijakan Pelayanan", D("4.66"), D("24")],
        [2, "Profesionalisme SDM", D("4.80"), D("25")],
        [3, "Sarana dan Prasarana", D("4.33"), D("18")],
        [4, "Sistem Informasi Pelayanan Publik", D("3.75"), D("11")],
        [5, "Konsultasi dan Pengaduan", D("4.75"), D("10")],
        [6, "Inovasi", D("2.00"), D("12")],
    ]
    assert teks_baris(t, "6") == ["6", "Inovasi", "2,00", "12,00"]


def test_nilai_sakip(lakip):
    t = tabel(lakip, "Nilai SAKIP")
    assert judul_kolom(t) == [
        [
            "Satker",
            "Perencanaan",
            "Pengukuran",
            "Pelaporan",
            "Evaluasi internal",
            "Total",
            "Predikat",
        ]
    ]
    assert len(t.baris) == 24
    # The total is the sum of the four components (nilai_eksternal_2023.yaml):
    # 23,10 + 22,50 + 11,55 + 18,00 = 75,15.
    assert nilai_baris(t, "BSPJI Pekanbaru") == [
        "BSPJI Pekanbaru",
        D("23.10"),
        D("22.50"),
        D("11.55"),
        D("18.00"),
        D("75.15"),
        "BB",
    ]
    assert teks_baris(t, "BSPJI Pekanbaru")[1:] == [
        "23,10",
        "22,50",
        "11,55",
        "18,00",
        "75,15",
        "BB",
    ]
    # Padang: 23,70 + 23,10 + 11,25 + 18,00 = 76,05 (Tabel 27 prints 74,80, a slip).
    assert nilai_baris(t, "BSPJI Padang")[1:6] == [
        D("23.70"),
        D("23.10"),
        D("11.25"),
        D("18.00"),
        D("76.05"),
    ]
    # KFK: 25,80 + 26,10 + 11,70 + 18,00 = 81,60, the one "A" (> 80).
    assert nilai_baris(t, "BBSPJIKFK")[5:] == [D("81.60"), "A"]
    # Ordered by the units' names: the Balai Besar first ("Agro" leads), the Balai after.
    assert [r[0].teks() for r in t.baris][:2] == ["BBSPJIA", "BBSPJIBBT"]
    assert [r[0].teks() for r in t.baris][-1] == "BSPJI Surabaya"


def test_nilai_laporan_keuangan(lakip):
    t = tabel(lakip, "Nilai laporan keuangan")
    assert judul_kolom(t) == [["No", "Unit", "Nilai"]]
    assert len(t.baris) == 17
    # 17 units ordered by name: the 9 Balai Besar (Agro … Tekstil, then "Jasa Pencegahan
    # Pencemaran"), then Ambon, Banjarbaru, Manado, Palembang, so Pekanbaru is the 14th.
    assert nilai_baris(t, "14") == [
        14,
        "Balai Standardisasi dan Pelayanan Jasa Industri Pekanbaru",
        D("90.75"),
    ]
    assert teks_baris(t, "14")[2] == "90,75"
    # The first is BBSPJIA (Agro) with 95,00, the last Surabaya with 98,75.
    assert nilai_baris(t, "1")[2] == D("95.00") and nilai_baris(t, "17")[2] == D("98.75")
