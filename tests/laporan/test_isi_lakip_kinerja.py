"""The performance tables of the LAKIP 2023 of BSPJI Pekanbaru (satker 417912), cell by cell,
against values worked out by hand from fixtures/ and the definitions (DESIGN.md section 4,
fixtures/manual_indikator.yaml, the docstrings of kinerja/perhitungan/): the inventory of
tables, the year's measurement, Rencana Aksi against the quarters, each indicator's Renstra
years and measurements, the Renstra, the PK and the cascade (body and annex copies).

Each expected value carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, which has slips (the fixtures name them).
Rounding is half-up to two decimals; a capaian is computed from the rounded realisasi; sums of
money are exact integers. A row is picked where its columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell and its decimals."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest

from tests.laporan.conftest import (
    badan_dan_lampiran,
    baris,
    judul_kolom,
    nilai_baris,
    sel_semua,
    tabel,
    teks_baris,
)
from tests.laporan.lakip_pekanbaru import HASIL, IND, PERTAMA, SASARAN, STATUS, uraian

pytestmark = pytest.mark.django_db


# --- the inventory of tables --------------------------------------------------------------


def test_the_report_has_these_tables_and_no_others(lakip):
    kode = list(HASIL)
    per_indikator = []
    for k in kode:
        per_indikator += [f"Capaian {k}", f"Riwayat {k}"]
        per_indikator += {
            "I.1": ["Pengukuran I.1"],
            "II.1": ["Rincian II.1"],
            "III.1": ["Pengukuran III.1"],
            "III.2": ["Promosi dan Pemasaran", "PNBP per jenis"],
            "III.3": ["Hasil layanan"],
            "III.4": ["Belanja PDN"],
            "IV.1": ["Rekomendasi audit"],
            "V.1": ["Survei kepuasan"],
            "VI.1": ["Pelatihan Pegawai", "Profesionalitas ASN"],
            "VII.1": ["Layanan publik"],
            "VIII.1": ["Nilai SAKIP"],
            "VIII.2": ["Nilai laporan keuangan"],
        }[k]
    assert [t.nama_lembar for t in lakip.tabel()] == [
        "Tim Reviu",
        "Target dan Capaian",
        "Lingkup Pengujian",
        "Lingkup Kalibrasi",
        "Matriks Renstra",
        "Rencana Kinerja",
        "Revisi Anggaran",
        "Program Kegiatan",
        "Perjanjian Kinerja",
        "Rencana Aksi",
        "Alur IKU",
        "Capaian Rencana Aksi",
        *per_indikator,
        "Capaian Renstra",
        "Anggaran per Indikator",
        "Realisasi per Triwulan",
        "Realisasi Anggaran",
        "Deviasi RPD",
        "Perkembangan Anggaran",
        "PNBP per Tahun",
        "PNBP terhadap Target",
        "Jumlah Pelanggan",
        "Volume Layanan",
        "Layanan per Tahun",
        "Efisiensi",
        "Pengukuran Kinerja",
        "Alur IKU",
        "Capaian Rencana Aksi",
        "Capaian Renstra",
        "Perjanjian Kinerja",
        "Pedoman Kinerja",  # the last annex: the manual of the PK's indicators
    ]


# --- the year's measurement: four tables with the same figures ----------------------------


def test_target_dan_capaian_header(lakip):
    t = tabel(lakip, "Target dan Capaian")
    assert judul_kolom(t) == [
        ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Realisasi", "Capaian"],
        ["1", "2", "3", "4", "5", "6", "7"],
    ]
    assert len(t.baris) == 12 and t.kaki == []


@pytest.mark.parametrize("kode", HASIL)
def test_target_dan_capaian_rows(lakip, kode):
    t = tabel(lakip, "Target dan Capaian")
    target, satuan, realisasi, capaian, tt, tr, tc = HASIL[kode]
    awal = (str(PERTAMA[kode]),) if kode in PERTAMA else (IND[kode],)
    depan = [PERTAMA[kode], SASARAN[PERTAMA[kode]]] if kode in PERTAMA else []
    assert nilai_baris(t, *awal) == [*depan, IND[kode], target, satuan, realisasi, capaian]
    assert teks_baris(t, *awal)[len(depan) :] == [IND[kode], tt, satuan, tr, tc]
    cells = baris(t, *awal)[len(depan) :]
    # Target and realisasi are numbers, the capaian a percentage with two decimals.
    assert [(s.jenis, s.desimal) for s in cells[1:]] == [
        ("angka", None),
        ("teks", None),
        ("angka", 0 if kode == "II.1" else 2),
        ("persen", 2),
    ]


@pytest.mark.parametrize("kode", HASIL)
def test_capaian_per_indikator(lakip, kode):
    t = tabel(lakip, f"Capaian {kode}")
    target, satuan, realisasi, capaian, tt, tr, tc = HASIL[kode]
    assert judul_kolom(t) == [
        ["Indikator Kinerja", "Target", "Satuan", "Realisasi", "Capaian", "Status"]
    ]
    assert len(t.baris) == 1
    assert nilai_baris(t, uraian(kode)) == [
        uraian(kode),
        target,
        satuan,
        realisasi,
        capaian,
        STATUS,
    ]
    assert teks_baris(t, uraian(kode)) == [uraian(kode), tt, satuan, tr, tc, STATUS]


def test_pengukuran_kinerja_header(lakip):
    t = tabel(lakip, "Pengukuran Kinerja")
    assert judul_kolom(t) == [
        ["Sasaran", "Indikator Kinerja", "Target", "Satuan", "Realisasi", "Capaian", "Status"]
    ]
    assert len(t.baris) == 12


@pytest.mark.parametrize("kode", HASIL)
def test_pengukuran_kinerja_rows(lakip, kode):
    t = tabel(lakip, "Pengukuran Kinerja")
    target, satuan, realisasi, capaian, tt, tr, tc = HASIL[kode]
    romawi = kode.split(".")[0]
    assert nilai_baris(t, romawi, IND[kode]) == [
        romawi,
        IND[kode],
        target,
        satuan,
        realisasi,
        capaian,
        STATUS,
    ]
    assert teks_baris(t, romawi, IND[kode]) == [romawi, IND[kode], tt, satuan, tr, tc, STATUS]


# --- Rencana Aksi against the quarters ----------------------------------------------------

# Target antara (Rencana Aksi) and realisasi antara of the four quarters, as entered
# (pk_2023.yaml): every line plans 10, 30, 60, 100 and reaches 10, 30, x, 100.
REALISASI_TW3 = {
    "I.1": "95",
    "II.1": "95",
    "III.1": "80",
    "III.2": "90",
    "III.3": "95",
    "III.4": "90",
    "IV.1": "90",
    "V.1": "90",
    "VI.1": "90",
    "VII.1": "90",
    "VIII.1": "90",
    "VIII.2": "90",
}


def test_capaian_rencana_aksi_header(lakip):
    badan, _ = badan_dan_lampiran(lakip, "Capaian Rencana Aksi")
    assert badan.judul == "Capaian Rencana Aksi Per Triwulan TA. 2023"
    assert judul_kolom(badan) == [
        [
            "Indikator Kinerja",
            "Target",
            "Satuan",
            "Triwulan I",
            "Triwulan II",
            "Triwulan III",
            "Triwulan IV",
            "Capaian tahunan",
        ],
        ["Target antara", "Realisasi antara"] * 4,
    ]
    assert [(s.colspan, s.rowspan) for s in badan.kepala[0]] == [
        (1, 2),
        (1, 2),
        (1, 2),
        (2, 1),
        (2, 1),
        (2, 1),
        (2, 1),
        (1, 2),
    ]


@pytest.mark.parametrize("kode", HASIL)
def test_capaian_rencana_aksi_rows(lakip, kode):
    badan, _ = badan_dan_lampiran(lakip, "Capaian Rencana Aksi")
    target, satuan, _, capaian, tt, _, tc = HASIL[kode]
    tw3 = REALISASI_TW3[kode]
    assert nilai_baris(badan, IND[kode]) == [
        IND[kode],
        target,
        satuan,
        *[D("10"), D("10"), D("30"), D("30"), D("60"), D(tw3), D("100"), D("100")],
        capaian,
    ]
    # Percentages of progress as stored, two decimals; the year's capaian as computed.
    assert teks_baris(badan, IND[kode]) == [
        IND[kode],
        tt,
        satuan,
        *["10,00%", "10,00%", "30,00%", "30,00%", "60,00%", f"{tw3},00%", "100,00%"],
        "100,00%",
        tc,
    ]


def test_capaian_rencana_aksi_annex_is_the_body_copy(lakip):
    badan, lampiran = badan_dan_lampiran(lakip, "Capaian Rencana Aksi")
    assert lampiran.judul == "Capaian Rencana Aksi Per Triwulan TA. 2023 (lampiran)"
    assert sel_semua(lampiran) == sel_semua(badan)


def test_rencana_aksi(lakip):
    t = tabel(lakip, "Rencana Aksi")
    assert judul_kolom(t) == [
        ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Rencana Aksi"],
        ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
        ["Target Antara (%)", "Rencana Kegiatan"] * 4,
    ]
    # IV.1 (target 92,5): target antara 10, 30, 60, 100 with its planned activities between.
    r = nilai_baris(t, "IV")
    assert r[:5] == ["IV", SASARAN[4], IND["IV.1"], D("92.5"), "Persen"]
    assert r[5::2] == [D("10"), D("30"), D("60"), D("100")]
    assert r[8] == "- Tindak lanjut hasil temuan"
    assert teks_baris(t, "IV")[3:6] == ["92,5", "Persen", "10,00%"]
    # A line that is not the first of its sasaran has no sasaran cells.
    assert nilai_baris(t, IND["III.4"])[:3] == [IND["III.4"], D("45"), "Persen"]
    assert nilai_baris(t, IND["III.4"])[3::2] == [D("10"), D("30"), D("60"), D("100")]


# --- per indicator: the Renstra years, the companies measured, the counted items ----------

# Riwayat <kode>: the Renstra targets of 2021-2023 (renstra_2021_2024.yaml, written the way
# the PK writes a target) with the realisations as reported for 2021 and 2022 and the
# computed realisasi of 2023 (HASIL). "–" where the Renstra has none (null).
RIWAYAT = {
    "I.1": [(None, None), (None, None), (D("10"), D("25.00"))],
    "II.1": [(None, None), (D("1"), None), (D("1"), D("1"))],
    "III.1": [(D("5"), D("23")), (D("10"), D("66.6")), (D("12"), D("60.00"))],
    "III.2": [(None, None), (D("2"), D("11.91")), (D("5"), D("363.80"))],
    "III.3": [(None, None), (None, None), (D("5"), D("54.55"))],
    "III.4": [(D("40"), D("63")), (D("40"), D("76.87")), (D("45"), D("84.31"))],
    "IV.1": [(D("91.5"), D("100")), (D("92"), D("100")), (D("92.5"), D("100.00"))],
    "V.1": [(D("3.4"), D("3.64")), (D("3.45"), D("3.75")), (D("3.5"), D("3.82"))],
    "VI.1": [(D("71"), D("79")), (D("72"), D("77.67")), (D("73"), D("87.63"))],
    "VII.1": [(D("3.51"), D("3.52")), (D("3.52"), D("4.23")), (D("3.53"), D("4.23"))],
    "VIII.1": [(D("82"), D("83.48")), (D("84"), D("81")), (D("75"), D("75.15"))],
    # The Renstra's 2023 target is 92 (Tabel 4), not the PK's 90.
    "VIII.2": [(D("90"), D("81.9")), (D("92"), D("95.25")), (D("92"), D("90.75"))],
}


@pytest.mark.parametrize("kode", RIWAYAT)
def test_riwayat_per_indikator(lakip, kode):
    t = tabel(lakip, f"Riwayat {kode}")
    assert judul_kolom(t) == [["Tahun", "Target", "Realisasi"]]
    assert [nilai_baris(t, str(th)) for th in (2021, 2022, 2023)] == [
        [str(th), target, realisasi]
        for th, (target, realisasi) in zip((2021, 2022, 2023), RIWAYAT[kode], strict=True)
    ]
    # 2023 is the computed realisasi with its decimals (HASIL); earlier years as reported.
    assert teks_baris(t, "2023") == ["2023", TARGET_RENSTRA_2023[kode], HASIL[kode][5]]


# The Renstra's 2023 targets as printed (the PK's way of writing a target).
TARGET_RENSTRA_2023 = {
    "I.1": "10",
    "II.1": "1",
    "III.1": "12",
    "III.2": "5",
    "III.3": "5",
    "III.4": "45",
    "IV.1": "92,5",
    "V.1": "3,5",
    "VI.1": "73",
    "VII.1": "3,53",
    "VIII.1": "75",
    "VIII.2": "92",
}


def test_riwayat_past_years_print_as_reported(lakip):
    assert teks_baris(tabel(lakip, "Riwayat III.1"), "2022") == ["2022", "10", "66,6"]
    assert teks_baris(tabel(lakip, "Riwayat VIII.2"), "2021") == ["2021", "90", "81,9"]
    assert teks_baris(tabel(lakip, "Riwayat II.1"), "2022") == ["2022", "1", "–"]


def test_pengukuran_perusahaan(lakip):
    header = [
        [
            "Perusahaan/IKM",
            "Kegiatan",
            "Ukuran",
            "Sebelum (A)",
            "Sesudah (B)",
            "Produktivitas/efisiensi",
        ]
    ]
    t = tabel(lakip, "Pengukuran I.1")
    assert judul_kolom(t) == header
    # (500 − 400) / 400 × 100 = 25,00%.
    assert nilai_baris(t, "IKM Mustang") == [
        "IKM Mustang",
        "Pelatihan peningkatan produktivitas bersama asosiasi PEKINDO Provinsi Riau",
        "Produksi jahe merah kristal (kg/bulan)",
        D("400"),
        D("500"),
        D("25.00"),
    ]
    assert teks_baris(t, "IKM Mustang")[3:] == ["400", "500", "25,00%"]
    t = tabel(lakip, "Pengukuran III.1")
    assert judul_kolom(t) == header
    # (160 − 100) / 100 × 100 = 60,00%.
    assert nilai_baris(t, "IKM ROQI") == [
        "IKM ROQI",
        "DAPATI 2023, Kabupaten Rokan Hilir",
        "Produksi terasi bubuk (kg/bulan)",
        D("100"),
        D("160"),
        D("60.00"),
    ]
    assert teks_baris(t, "IKM ROQI")[3:] == ["100", "160", "60,00%"]


def test_rincian_ii_1(lakip):
    t = tabel(lakip, "Rincian II.1")
    assert judul_kolom(t) == [["No", "Uraian", "Tanggal", "Jumlah", "Bukti"]]
    # One company, counted once (the realisasi 1 of II.1).
    assert nilai_baris(t, "1") == [
        1,
        "CV Wawa Group, Kabupaten Indragiri Hulu (pendampingan penyusunan dokumen mutu AMDK)",
        datetime.date(2023, 10, 31),
        1,
        "Perjanjian Kerja Sama BSPJI Pekanbaru dengan CV. Wawa Group (Tabel 12, Oktober 2023)",
    ]
    assert teks_baris(t, "1")[2:4] == ["31 Oktober 2023", "1"]
    assert len(t.baris) == 1


# --- the Renstra ------------------------------------------------------------------------


def test_matriks_renstra(lakip):
    t = tabel(lakip, "Matriks Renstra")
    assert judul_kolom(t) == [
        ["No", "Sasaran/Indikator", "Satuan", "Target"],
        ["2021", "2022", "2023", "2024"],
    ]
    # Targets as in Tabel 4 (renstra_2021_2024.yaml), "–" for N/A.
    assert nilai_baris(t, "2", "Meningkatnya PNBP layanan jasa industri (IKU)") == [
        2,
        "Meningkatnya PNBP layanan jasa industri (IKU)",
        "Persen",
        None,
        D("2"),
        D("5"),
        D("10"),
    ]
    assert nilai_baris(t, "1", "Indeks kepuasan masyarakat terhadap layanan jasa industri") == [
        1,
        "Indeks kepuasan masyarakat terhadap layanan jasa industri",
        "Indeks",
        D("3.4"),
        D("3.45"),
        D("3.5"),
        D("3.52"),
    ]
    assert teks_baris(t, "1", "Indeks kepuasan masyarakat terhadap layanan jasa industri")[3:] == [
        "3,4",
        "3,45",
        "3,5",
        "3,52",
    ]
    assert nilai_baris(t, "1", "Nilai minimal akuntabilitas kinerja")[3:] == [
        D("82"),
        D("84"),
        D("75"),
        D("75"),
    ]
    # Indicative allocations per year, in rupiah.
    assert nilai_baris(t, "Indikasi pagu (Rp)", kaki=True) == [
        "Indikasi pagu (Rp)",
        7_530_000_000,
        6_850_000_000,
        7_680_000_000,
        8_460_000_000,
    ]
    assert teks_baris(t, "Indikasi pagu (Rp)", kaki=True)[1] == "Rp 7.530.000.000"


def test_rencana_kinerja(lakip):
    t = tabel(lakip, "Rencana Kinerja")
    assert judul_kolom(t) == [
        ["Kode", "Indikator Kinerja", "Satuan", "Target Renstra", "Target PK"]
    ]
    # The Renstra sets 92 for 2023 (Tabel 4), the PK 90.
    assert nilai_baris(t, "VIII.2") == ["VIII.2", uraian("VIII.2"), "Nilai", D("92"), D("90")]
    assert nilai_baris(t, "IV.1") == ["IV.1", uraian("IV.1"), "Persen", D("92.5"), D("92.5")]
    assert teks_baris(t, "V.1")[3:] == ["3,5", "3,5"]


# Capaian Renstra, per indicator: T and R of 2021 and 2022 as recorded, T of 2023 and 2024,
# the rule of the indicator's manual entry and the target to date by that rule (two decimals).
# Target s.d. 2023: rata-rata of the targets set so far, sum for counts, the latest for
# indices/scores and for P3DN (manual: agregasi_tahunan).
RENSTRA = {
    # only 2023 has a target: 10,00
    "SK1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi": (
        "Persen",
        [None, None, None, None, D("10")],
        [D("12"), None],
        "rata-rata",
        D("10.00"),
    ),
    # counts summed: 1 (2022) + 1 (2023) = 2
    "SK2 Perusahaan yang terfasilitasi di bidang standardisasi industri": (
        "Perusahaan",
        [None, None, D("1"), None, D("1")],
        [D("1"), None],
        "dijumlahkan",
        D("2"),
    ),
    # (5 + 10 + 12) / 3 = 9,00
    "SK3 Produktivitas/efisiensi perusahaan industri yang memanfaatkan teknologi melalui jasa "
    "konsultasi": (
        "Persen",
        [D("5"), D("23"), D("10"), D("66.6"), D("12")],
        [D("15"), None],
        "rata-rata",
        D("9.00"),
    ),
    # (2 + 5) / 2 = 3,50
    "SK3 Meningkatnya PNBP layanan jasa industri": (
        "Persen",
        [None, None, D("2"), D("11.91"), D("5")],
        [D("10"), None],
        "rata-rata",
        D("3.50"),
    ),
    # latest: 45,00
    "SK3 Persentase nilai capaian penggunaan produk dalam negeri dalam pengadaan barang dan jasa": (
        "Persen",
        [D("40"), D("63"), D("40"), D("76.87"), D("45")],
        [D("50"), None],
        "nilai terakhir",
        D("45.00"),
    ),
    # latest: 3,50
    "SK5 Indeks kepuasan masyarakat terhadap layanan jasa industri": (
        "Indeks",
        [D("3.4"), D("3.64"), D("3.45"), D("3.75"), D("3.5")],
        [D("3.52"), None],
        "nilai terakhir",
        D("3.50"),
    ),
    # latest: 92,00 (the Renstra's, not the PK's 90)
    "SK8 Nilai minimal laporan keuangan": (
        "Nilai",
        [D("90"), D("81.9"), D("92"), D("95.25"), D("92")],
        [D("92"), None],
        "nilai terakhir",
        D("92.00"),
    ),
}


def test_capaian_renstra_header(lakip):
    badan, _ = badan_dan_lampiran(lakip, "Capaian Renstra")
    assert badan.judul == "Capaian Kinerja Renstra BSPJI Pekanbaru TA. 2021-2024"
    assert judul_kolom(badan) == [
        ["Sasaran/Indikator", "Satuan", "2021", "2022", "2023", "2024", "Aturan", "s.d. 2023"],
        ["T", "R"] * 4 + ["Target", "Realisasi", "Capaian"],
    ]
    assert len(badan.baris) == 13


@pytest.mark.parametrize("nama", RENSTRA)
def test_capaian_renstra_rows(lakip, nama):
    """Columns 2023 R, realisasi s.d. 2023 and capaian s.d. 2023 are left out: the report
    leaves out the computed 2023 realisation (see the report of issue 16)."""
    badan, _ = badan_dan_lampiran(lakip, "Capaian Renstra")
    satuan, sampai_2023, tahun_2024, aturan, target_sd = RENSTRA[nama]
    r = nilai_baris(badan, nama)
    assert r[:7] == [nama, satuan, *sampai_2023]
    assert r[8:12] == [*tahun_2024, aturan, target_sd]


def test_capaian_renstra_prints_the_target_to_date_with_two_decimals(lakip):
    badan, _ = badan_dan_lampiran(lakip, "Capaian Renstra")
    nama = "SK3 Produktivitas/efisiensi perusahaan industri yang memanfaatkan teknologi melalui"
    nama += " jasa konsultasi"
    assert teks_baris(badan, nama)[:7] == [nama, "Persen", "5", "23", "10", "66,6", "12"]
    assert teks_baris(badan, nama)[11] == "9,00"


def test_capaian_renstra_annex_is_the_body_copy(lakip):
    badan, lampiran = badan_dan_lampiran(lakip, "Capaian Renstra")
    assert lampiran.judul == "Capaian Renstra BSPJI Pekanbaru s.d. Tahun 2023 (lampiran)"
    assert sel_semua(lampiran) == sel_semua(badan)


# --- the PK and the cascade, body and annex ------------------------------------------------


def test_perjanjian_kinerja(lakip):
    badan, lampiran = badan_dan_lampiran(lakip, "Perjanjian Kinerja")
    assert judul_kolom(badan) == [
        ["No", "Sasaran Kegiatan", "Kode", "Indikator Kinerja", "Target", "Satuan"],
        ["1", "2", "3", "4", "5", "6"],
    ]
    assert nilai_baris(badan, "IV") == [
        "IV",
        SASARAN[4],
        "IV.1",
        uraian("IV.1"),
        D("92.5"),
        "Persen",
    ]
    assert nilai_baris(badan, "III.4") == ["III.4", uraian("III.4"), D("45"), "Persen"]
    assert [nilai_baris(badan, k)[-2:] for k in ("III.2", "III.3", "VIII.2")] == [
        [D("5"), "Persen"],
        [D("5"), "Persen"],
        [D("90"), "Nilai"],
    ]
    assert teks_baris(badan, "VII")[4:] == ["3,53", "Indeks"]
    assert sel_semua(lampiran) == sel_semua(badan)


def test_alur_iku_annex_is_the_body_copy(lakip):
    badan, lampiran = badan_dan_lampiran(lakip, "Alur IKU")
    assert judul_kolom(badan) == [
        ["Indikator Kemenperin", "Indikator BSKJI", "Indikator Perjanjian Kinerja", "Jenis"]
    ]
    assert sel_semua(lampiran) == sel_semua(badan)
    # The manual marks T1/SP3/e an IKU and T4/SP6/b not.
    assert [r[-1].teks() for r in badan.baris if r[2].teks() in (IND["III.2"], IND["IV.1"])] == [
        "IKU",
        "IK",
    ]


def test_capaian_renstra_has_every_2023_realisation(lakip):
    """Every indicator of the Renstra table (and its annex copy) has its 2023 realisation,
    the PK line's computed year figure, and a realisation and capaian to date built on it."""
    badan, lampiran = badan_dan_lampiran(lakip, "Capaian Renstra")
    for tabel_ in (badan, lampiran):
        for nama in RENSTRA:
            r = nilai_baris(tabel_, nama)
            assert r[7] is not None, nama  # 2023 R
            assert r[12] is not None and r[13] is not None, nama  # s.d. 2023 R and capaian
    # III.2 (PNBP growth): 363,80 persen, worked by hand in test_capaian_demo and printed so
    # in the indicator section.
    assert nilai_baris(badan, "SK3 Meningkatnya PNBP layanan jasa industri")[7] == D("363.80")
    assert teks_baris(badan, "SK3 Meningkatnya PNBP layanan jasa industri")[7] == "363,80"
