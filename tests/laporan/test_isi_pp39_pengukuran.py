"""The measurement tables of the PP-39 report of BSPJI Manado (satker 247246), Triwulan II
2023, cell by cell, against values worked out by hand from fixtures/manado/ and the
definitions (DESIGN.md section 4): the Rencana Aksi of each quarter, the quarter's measurement
(Bab III and its annex form), one table per sasaran, and the workbook's formats of them.

Each expected figure carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, whose slips the fixtures name. Rounding is
half-up to two decimals; a capaian is computed from the rounded realisasi; a "triwulan ini"
column is the difference of the two rounded cumulative figures beside it; sums of money are
exact integers; the physical progress of a parent is its children's progress weighted by their
pagu over the parent's own pagu. Rows are picked where the columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell (Rp, %, plain) and its decimals."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest

from laporan import dokumen
from tests.laporan.conftest import (
    ANGKA_1,
    ANGKA_2,
    BULAT,
    PERSEN_2,
    UMUM,
    baris_lembar,
    format_dan_nilai,
    kepala,
    lembar,
    nilai_baris,
    normal,
    tabel,
    teks_baris,
)

pytestmark = pytest.mark.django_db

PK = "pk-pekanbaru"
PP39 = "pp39-manado"


_KODE = re.compile(r"^[IVX]+\.\d+ ")


def per_indikator(t: dokumen.Tabel) -> dict[str, list[dokumen.Sel]]:
    """Every body row by its PK code, from the indicator cell on (the sasaran cells that span
    several rows are printed only on the first of them)."""
    hasil = {}
    for r in t.baris:
        i = next(i for i, s in enumerate(r) if _KODE.match(normal(s.teks())))
        hasil[normal(r[i].teks()).split(" ", 1)[0]] = r[i:]
    return hasil


def kecuali(daftar: list, *indeks: int) -> list:
    """A row without the cells at `indeks` (cells whose printed form is left out: see
    TANPA_TEKS_ANTARA)."""
    return [x for i, x in enumerate(daftar) if i not in indeks]


def kolom(t: dokumen.Tabel, indeks: int) -> dict[str, object]:
    """One column (counted from the indicator cell) of every indicator row, by PK code."""
    return {kode: r[indeks].nilai for kode, r in per_indikator(t).items()}


# --- Bab III: Rencana Aksi ----------------------------------------------------------------


def test_rencana_aksi_target_antara_of_each_quarter(pp39):
    t = tabel(pp39, "Rencana Aksi")
    assert kepala(t) == [
        [
            ("No", 1, 3),
            ("Sasaran Kegiatan", 1, 3),
            ("Indikator Kinerja", 1, 3),
            ("Target", 1, 3),
            ("Satuan", 1, 3),
            ("Rencana Aksi", 8, 1),
        ],
        [
            ("Triwulan I", 2, 1),
            ("Triwulan II", 2, 1),
            ("Triwulan III", 2, 1),
            ("Triwulan IV", 2, 1),
        ],
        [("Target Antara (%)", 1, 1), ("Rencana Kegiatan", 1, 1)] * 4,
    ]
    # VIII.1: target antara 40 / 60 / 80 / 100, each quarter's own activities.
    assert nilai_baris(t, "VIII") == [
        "VIII",
        "Penguatan Akuntabilitas Organisasi",
        "VIII.1 Nilai minimal akuntabilitas kinerja",
        D("80.4"),
        "Nilai",
        D("40"),
        "- Melakukan rapat evaluasi penilaian SAKIP TA. 2021 - Melakukan tindaklanjut hasil "
        "rekomendasi penilaian SAKIP TA. 2021 - Membuat publikasi dokumen SAKIP - Menyiapkan "
        "dokumen penilaian - Mengikuti penilaian SAKIP TA. 2022",
        D("60"),
        "- Melakukan rapat evaluasi penilaian SAKIP TA. 2022 - Melakukan tindaklanjut "
        "rekomendasi penilaian SAKIP TA. 2022 - Melakukan publikasi dokumen pendukung SAKIP",
        D("80"),
        "- Melakukan publikasi dokumen pendukung SAKIP - Menyiapkan dokumen pendukung",
        D("100"),
        "- Melakukan publikasi dokumen pendukung SAKIP - Penyusunan laporan",
    ]
    viii = teks_baris(t, "VIII")
    assert viii[3:5] == ["80,4", "Nilai"]
    assert viii[5::2] == ["40,00%", "60,00%", "80,00%", "100,00%"]
    # V.1: no target antara agreed for quarters I and III (null in pk_2023.yaml): "–".
    v1 = per_indikator(t)["V.1"]
    assert [s.nilai for s in v1[3::2]] == [None, D("50"), None, D("100")]
    assert [s.teks() for s in v1[3::2]] == ["–", "50,00%", "–", "100,00%"]
    # IV.1: nothing planned after quarter I (rencana_kegiatan null).
    assert [normal(s.teks()) for s in per_indikator(t)["IV.1"][4::2]] == [
        "- Menyiapkan dokumen yang dibutuhkan dalam audit kinerja - Melakukan tindaklanjut "
        "hasil rekomendasi audit - Menyampaikan laporan hasil tindaklanjut",
        "–",
        "–",
        "–",
    ]


# --- Bab III and annex: Pengukuran TW II ----------------------------------------------------

PENGUKURAN = [
    "Pengukuran Rencana Aksi Perjanjian Kinerja Triwulan II TA. 2023",  # Bab III 3.1.1
    "Form pengukuran rencana aksi Perjanjian Kinerja Triwulan II TA. 2023",  # annex
]

RENCANA_VIII_1 = (
    "- Melakukan rapat evaluasi penilaian SAKIP TA. 2022 - Melakukan tindaklanjut rekomendasi "
    "penilaian SAKIP TA. 2022 - Melakukan publikasi dokumen pendukung SAKIP"
)
KEGIATAN_VIII_1 = "- Hasil penilaian SAKIP TA 2022 untuk BSPJI Manado , Nilai : 76,80"
RENCANA_VIII_2 = (
    "- Menyiapkan dokumen yang dibutuhkan dalam penyusunan laporan keuangan - Penyusunan "
    "laporan keuangan semester I"
)
KEGIATAN_VIII_2 = (
    "- Melakukan rekonsiliasi bulanan ke KPPN - Laporan keuangan 2022 sudah dilakukan "
    "perbaikan dan sedang diaudit oleh BPK"
)
RENCANA_III_3 = "- Melakukan kegiatan pemasaran dan promosi"
KEGIATAN_III_3 = (
    "- B05: Melakukan kegiatan promosi dan pemasaran ke Instansi Daerah, Instansi Akademik "
    "dan IKM yang ada Kota Tomohon dan Kabupaten Minahasa Selatan - Jumlah permintaan "
    "uji/order sebanyak 426"
)
# The text names the PNBP received ({pnbp.realisasi} ({pnbp.persen}%)): printed as Bab IV
# prints it, 518.891.250 / 1.150.000.000 = 45,12%.
KEGIATAN_III_2 = (
    "- Melakukan kegiatan Surveilan I di PT Aquwar Bintang Semesta - Jumlah pelanggan "
    "sebanyak 254 - Jumlah sampel sebanyak 905. - Jumlah PNBP Sampai dengan 30 Juni 2023 "
    "yaitu sebesar Rp 518.891.250 (45,12%)"
)
TANPA_KENDALA = "Tidak terdapat kendala pada kegiatan ini."

# Realisasi s.d. TW II of every line (None: cannot be computed, printed "–"):
REALISASI_TW2 = {
    "I.1": None,  # no company measurement and no reported value (nilai_realisasi null)
    "II.1": None,  # no facilitated company recorded, nothing reported
    "III.1": None,  # no company measurement, nothing reported
    # PNBP to 30 June 2023 518.891.250 against 409.440.882 to 30 June 2022:
    # 109.450.368 / 409.440.882 = 26,7316% → 26,73 (test_capaian_demo MANADO_TW2).
    "III.2": D("26.73"),
    "III.3": D(426),  # 426 SPK/order to 30 June 2023 (data_dukung.yaml), a count
    "III.4": None,  # no scope recorded, nothing reported
    "III.5": D("95.62"),  # reported, no PDN accounts recorded for Manado
    "IV.1": D("100.00"),  # reported 100, no audit list recorded
    "V.1": D("3.61"),  # reported, no survey recorded
    "VI.1": D("79.71"),  # reported, no employee scores recorded
    "VII.1": None,  # no assessment recorded, nothing reported
    "VIII.1": D("76.80"),  # SAKIP 23,70 + 23,10 + 12,00 + 18,00 = 76,80 (test_capaian_demo)
    "VIII.2": None,  # the financial-report score came in August, after 30 June
}
# Capaian = realisasi / target × 100 (all lines maksimasi):
CAPAIAN_TW2 = {
    "I.1": None,
    "II.1": None,
    "III.1": None,
    "III.2": D("668.25"),  # 26,73 / 4 = 668,25%
    "III.3": D("56.80"),  # 426 / 750 = 56,80%
    "III.4": None,
    "III.5": D("222.37"),  # 95,62 / 43 = 222,372% → 222,37
    "IV.1": D("108.11"),  # 100 / 92,5 = 108,108% → 108,11
    "V.1": D("100.28"),  # 3,61 / 3,6 = 100,278% → 100,28
    "VI.1": D("110.71"),  # 79,71 / 72 = 110,708% → 110,71
    "VII.1": None,
    "VIII.1": D("95.52"),  # 76,80 / 80,4 = 95,522% → 95,52
    "VIII.2": None,
}
# Capaian antara = realisasi antara / target antara of TW II (pk_2023.yaml); 50 / 50 = 100,00
# unless noted. Status: ≥ 100 tercapai, 75-99 perlu perhatian, < 75 tidak tercapai.
CAPAIAN_ANTARA_TW2 = {
    "I.1": D("100.00"),
    "II.1": D("100.00"),
    "III.1": D("100.00"),
    "III.2": D("100.00"),
    "III.3": D("113.60"),  # 56,8 / 50 = 113,60%
    "III.4": D("100.00"),
    "III.5": D("100.00"),
    "IV.1": D("100.00"),  # 100 / 100
    "V.1": D("100.00"),
    "VI.1": D("100.00"),
    "VII.1": D("100.00"),
    "VIII.1": D("166.67"),  # 100 / 60 = 166,667% → 166,67
    "VIII.2": D("50.00"),  # 30 / 60 = 50,00% → tidak tercapai
}


# TANPA_TEKS_ANTARA: the target antara and realisasi antara of the Pengukuran and Sasaran tables
# are pinned by value, not by their printed decimals. Worked by hand they are percentages of
# progress printed like every other percentage of the report, with two decimals ("60,00%",
# "56,80%"), as the Rencana Aksi table prints the same target antara ("60,00%"); the report
# prints them trimmed ("60%", "56,8%", so one column mixes "50%" and "56,8%") because
# kinerja.selectors.capaian._opsional passes them through ringkas(). The same figure printed
# two ways in one report is a disagreement left to be decided, not pinned here either way.


@pytest.mark.parametrize("judul", PENGUKURAN, ids=["bab-iii", "lampiran"])
def test_pengukuran_tw2_header(pp39, judul):
    t = tabel(pp39, "Pengukuran TW II", judul)
    assert kepala(t) == [
        [
            ("No", 1, 2),
            ("Sasaran Kegiatan", 1, 2),
            ("Indikator Kinerja", 1, 2),
            ("Target", 1, 2),
            ("Satuan", 1, 2),
            ("Realisasi", 1, 2),
            ("Capaian", 1, 2),
            ("Triwulan II", 5, 1),
            ("Status", 1, 2),
            ("Kendala/Permasalahan", 1, 2),
        ],
        [
            ("Target Antara (%)", 1, 1),
            ("Rencana Kegiatan", 1, 1),
            ("Realisasi Antara (%)", 1, 1),
            ("Realisasi Kegiatan", 1, 1),
            ("Capaian Antara", 1, 1),
        ],
        [(str(i), 1, 1) for i in range(1, 15)],
    ]


@pytest.mark.parametrize("judul", PENGUKURAN, ids=["bab-iii", "lampiran"])
def test_pengukuran_tw2_rows(pp39, judul):
    t = tabel(pp39, "Pengukuran TW II", judul)
    # VIII.1, every column different: target 80,4; realisasi 76,80; capaian 95,52%; target
    # antara 60; realisasi antara 100; capaian antara 166,67%.
    assert nilai_baris(t, "VIII") == [
        "VIII",
        "Penguatan Akuntabilitas Organisasi",
        "VIII.1 Nilai minimal akuntabilitas kinerja",
        D("80.4"),
        "Nilai",
        D("76.80"),
        D("95.52"),
        D("60"),
        RENCANA_VIII_1,
        D("100"),
        KEGIATAN_VIII_1,
        D("166.67"),
        "Tercapai",
        TANPA_KENDALA,
    ]
    assert kecuali(teks_baris(t, "VIII"), 7, 9) == [  # TANPA_TEKS_ANTARA
        "VIII",
        "Penguatan Akuntabilitas Organisasi",
        "VIII.1 Nilai minimal akuntabilitas kinerja",
        "80,4",
        "Nilai",
        "76,80",
        "95,52%",
        RENCANA_VIII_1,
        KEGIATAN_VIII_1,
        "166,67%",
        "Tercapai",
        TANPA_KENDALA,
    ]
    # VIII.2: no score yet ("–"); progress 30 of 60 = 50,00% → tidak tercapai. The kendala is
    # the one Tabel 5 and the Form give (the text's "Belum ada Tidak terdapat kendala ..." said
    # there was none, of a line below its target: pk_2023.yaml).
    viii2 = "VIII.2 Nilai minimal laporan keuangan"
    assert nilai_baris(t, viii2) == [
        viii2,
        D(90),
        "Nilai",
        None,
        None,
        D("60"),
        RENCANA_VIII_2,
        D("30"),
        KEGIATAN_VIII_2,
        D("50.00"),
        "Tidak tercapai",
        "Belum ada hasil penilaian laporan keuangan.",
    ]
    assert kecuali(teks_baris(t, viii2), 0, 5, 7) == [  # TANPA_TEKS_ANTARA
        "90",
        "Nilai",
        "–",
        "–",
        RENCANA_VIII_2,
        KEGIATAN_VIII_2,
        "50,00%",
        "Tidak tercapai",
        "Belum ada hasil penilaian laporan keuangan.",
    ]
    # III.3, a count: 426 printed without decimals; 426 / 750 = 56,80%; progress 56,8 / 50
    # = 113,60%.
    iii3 = "III.3 Meningkatnya jumlah layanan jasa yang digunakan oleh industri"
    assert kecuali(teks_baris(t, iii3), 5, 7) == [  # TANPA_TEKS_ANTARA
        iii3,
        "750",
        "SPK/Order",
        "426",
        "56,80%",
        RENCANA_III_3,
        KEGIATAN_III_3,
        "113,60%",
        "Tercapai",
        TANPA_KENDALA,
    ]
    # III.2: growth of PNBP 26,73 against the target 4: 668,25%.
    iii2 = "III.2 Meningkatnya PNBP layanan jasa industri"
    assert nilai_baris(t, iii2) == [
        iii2,
        D(4),
        "Persen",
        D("26.73"),
        D("668.25"),
        D("50"),
        RENCANA_III_3,  # the same "pemasaran dan promosi" of TW II
        D("50"),
        KEGIATAN_III_2,
        D("100.00"),
        "Tercapai",
        TANPA_KENDALA,
    ]
    assert teks_baris(t, iii2)[3:5] == ["26,73", "668,25%"]


@pytest.mark.parametrize("judul", PENGUKURAN, ids=["bab-iii", "lampiran"])
def test_pengukuran_tw2_computed_columns_of_every_line(pp39, judul):
    t = tabel(pp39, "Pengukuran TW II", judul)
    assert kolom(t, 3) == REALISASI_TW2
    assert kolom(t, 4) == CAPAIAN_TW2
    assert kolom(t, 9) == CAPAIAN_ANTARA_TW2
    assert kolom(t, 10) == {
        kode: "Tidak tercapai" if kode == "VIII.2" else "Tercapai" for kode in REALISASI_TW2
    }
    # Two decimals on every capaian and on a reported realisasi (the count has none, above).
    assert per_indikator(t)["III.5"][4].teks() == "222,37%"
    assert per_indikator(t)["IV.1"][3].teks() == "100,00"
    assert per_indikator(t)["I.1"][9].teks() == "100,00%"


# --- Bab III: one table per sasaran ---------------------------------------------------------


def sasaran_kepala() -> list:
    return [
        [
            ("Indikator Kinerja", 1, 3),
            ("Target", 1, 3),
            ("Satuan", 1, 3),
            ("Realisasi", 1, 3),
            ("Capaian", 1, 3),
            ("Sampai Triwulan II", 4, 1),
        ],
        [("% Fisik", 2, 1), ("Realisasi", 2, 1)],
        [
            ("Target", 1, 1),
            ("Realisasi", 1, 1),
            ("Rencana Kegiatan", 1, 1),
            ("Realisasi Kegiatan", 1, 1),
        ],
    ]


# Per sasaran, one line: [indikator, target, satuan, realisasi, capaian, target antara,
# realisasi antara, rencana kegiatan TW II, realisasi kegiatan]; figures as in the
# Pengukuran tables above (REALISASI_TW2, CAPAIAN_TW2) and pk_2023.yaml.
SASARAN = {
    "Sasaran I": [
        "I.1 Produktivitas/efisiensi perusahaan industri hasil kegiatan kolaborasi",
        D(6),
        "Persen",
        None,
        None,
        D("50"),
        D("50"),
        "- Melakukan kegiatan kolaborasi - Melakukan sosialisasi dan/atau kegiatan pelatihan",
        "- Telah dilakukan komunikasi secara formal dan informal dengan Dinas Perindustrian dan "
        "Ketenagakerjaan Kota Kotamobagu sehubungan kerjasama dalam rangka kegiatan kolaborasi. "
        "- Dilakukan MOU antara BSPJI Manado dengan Dinas Perindustrian dan Ketenagakerjaan Kota "
        "Kotamobagu pada tanggal 27 Juni 2023.",
    ],
    "Sasaran II": [
        "II.1 Peningkatan peran balai dalam penerapan industri 4.0 dan standardisasi industri",
        D(1),
        "Perusahaan",
        None,
        None,
        D("50"),
        D("50"),
        "- Melakukan pendataan Industri yang memiliki peluang untuk penerapan Industri 4.0",
        "- B05 : Melakukan survei ke wilayah kabupaten Minahasa Selatan dan Kabupaten "
        "Bolaang-Mongondow terkait kegiatan Pemanfaatan teknologi dan implementasi mutu/standar "
        "ke IKM. - B06: Persiapan Kegiatan optimalisasi 2023 di UD RT. Tokin dan IKM Nenas Lobong",
    ],
    # III.3: target antara 50 against realisasi antara 56,8 (426 of 750).
    "Sasaran III": [
        "III.3 Meningkatnya jumlah layanan jasa yang digunakan oleh industri",
        D(750),
        "SPK/Order",
        D(426),
        D("56.80"),
        D("50"),
        D("56.8"),
        RENCANA_III_3,
        KEGIATAN_III_3,
    ],
    "Sasaran IV": [
        "IV.1 Rekomendasi hasil pengawasan internal telah ditindaklanjuti oleh satker",
        D("92.5"),
        "Persen",
        D("100.00"),
        D("108.11"),
        D("100"),
        D("100"),
        "–",  # nothing planned in TW II (rencana_kegiatan null)
        "–",  # nothing done in TW II (kegiatan null)
    ],
    "Sasaran V": [
        "V.1 Indeks Kepuasan Masyarakat terhadap layanan jasa industri",
        D("3.6"),
        "Indeks",
        D("3.61"),
        D("100.28"),
        D("50"),
        D("50"),
        "- Membuat kuesioner - Mendistribusikan kuesioner ke pelanggan - Mengolah data "
        "kuesioner - Melakukan pengujian yang tepat waktu minimal 71%",
        # the index is named ({V.1.realisasi}): 3,61, where the source prints "3.61"
        "- Jumlah kuesioner yang sudah diisi pelanggan melalui layar touchscreen di ruang "
        "pelayanan publik sebanyak 173 kuesioner - Indeks kepuasan Masyarakat yang dicapai 3,61 "
        "- Ketepatan waktu pengujian di laboratorium sampai dengan Juni 2023 sebesar 92% (14 hari "
        "kerja)",
    ],
    "Sasaran VI": [
        "VI.1 Rata-rata indeks profesionalitas ASN",
        D(72),
        "Indeks",
        D("79.71"),
        D("110.71"),
        D("50"),
        D("50"),
        "- Peningkatan dan Pengembangan Kompetensi SDM - Melengkapi administrasi/dokumen "
        "penilaian IPA - Mengunggah dokumen ke aplikasi",
        "- B04-B06: Pegawai mengikuti kegiatan pengembangan SDM yaitu workshop dan Bimtek baik "
        "secara offline maupun online - B05: In House Training SNI ISO/IEC 17020:2012 Penilaian "
        "Kesesuaian - Persyaratan untuk Pengoperasian Berbagai Lembaga Inspeksi - B04-B06: Telah "
        "dilaksanakan pembinaan pegawai oleh Kepala BSPJI Manado pada apel bulan April 2023 - "
        "B06: In House Training Pelatihan pemahaman proses produksi garam konsumsi beryodium, "
        "yang bekerja sama dengan PT empat Saudara - Rata-rata Indeks Profesionalitas hingga "
        "Triwulan II : 79,71",
    ],
    "Sasaran VII": [
        "VII.1 Nilai minimal indeks layanan publik",
        D("3.56"),
        "Nilai",
        None,
        None,
        D("50"),
        D("50"),
        "- Pengembangan pelayanan publik melalui digitalisasi layanan - Sosialisasi layanan jasa "
        "melalui website dan media sosial",
        "- B04-B06: Telah dikembangkan layanan tracking order untuk pengujian laboratorium - "
        "B04-B06: Layanan pengujian sampel dan sertifikasi produk disosialisasikan melalui TV di "
        "ruang pelayanan - B04-B06: Layanan sertifikasi produk telah digitalisasi, namun masih "
        "diinput oleh personil LSPro - Pembuatan Form Keberatan Layanan Informasi Publik",
    ],
    # VIII.1: target antara 60 against realisasi antara 100; realisasi 76,80, capaian 95,52%.
    "Sasaran VIII": [
        "VIII.1 Nilai minimal akuntabilitas kinerja",
        D("80.4"),
        "Nilai",
        D("76.80"),
        D("95.52"),
        D("60"),
        D("100"),
        RENCANA_VIII_1,
        KEGIATAN_VIII_1,
    ],
}


@pytest.mark.parametrize(("lembar", "expected"), SASARAN.items())
def test_sasaran_table(pp39, lembar, expected):
    t = tabel(pp39, lembar)
    assert kepala(t) == sasaran_kepala()
    assert nilai_baris(t, expected[0]) == expected


def test_sasaran_tables_print_decimals_and_kinds(pp39):
    # The printed target, realisasi and capaian (TANPA_TEKS_ANTARA: not the two progress
    # columns beside them).
    viii = tabel(pp39, "Sasaran VIII")
    assert teks_baris(viii, "VIII.1 Nilai minimal akuntabilitas kinerja")[1:5] == [
        "80,4",
        "Nilai",
        "76,80",
        "95,52%",
    ]
    # VIII.2 (second line of Sasaran VIII): no score yet.
    assert teks_baris(viii, "VIII.2 Nilai minimal laporan keuangan")[1:5] == [
        "90",
        "Nilai",
        "–",
        "–",
    ]
    iii = tabel(pp39, "Sasaran III")
    assert teks_baris(iii, SASARAN["Sasaran III"][0])[1:5] == ["750", "SPK/Order", "426", "56,80%"]
    assert [normal(r[0].teks()).split(" ")[0] for r in iii.baris] == [
        "III.1",
        "III.2",
        "III.3",
        "III.4",
        "III.5",
    ]
    # III.2: PNBP growth 26,73 against 4: 668,25%. III.5: reported 95,62 against 43: 222,37%.
    assert [teks_baris(iii, normal(iii.baris[i][0].teks()))[1:5] for i in (1, 4)] == [
        ["4", "Persen", "26,73", "668,25%"],
        ["43", "Persen", "95,62", "222,37%"],
    ]
    assert nilai_baris(iii, normal(iii.baris[4][0].teks()))[5:7] == [D(50), D(50)]
    assert teks_baris(tabel(pp39, "Sasaran I"), SASARAN["Sasaran I"][0])[1:5] == [
        "6",
        "Persen",
        "–",
        "–",
    ]
    assert teks_baris(tabel(pp39, "Sasaran IV"), SASARAN["Sasaran IV"][0])[1:5] == [
        "92,5",
        "Persen",
        "100,00",
        "108,11%",
    ]


def test_xlsx_pengukuran_counts_scores_and_percent(workbook):
    wb = workbook(PP39)
    for judul in PENGUKURAN:
        ws = lembar(wb, judul)
        # Columns: A no, B sasaran, C indikator, D target, E satuan, F realisasi, G capaian,
        # H target antara, I rencana, J realisasi antara, K kegiatan, L capaian antara,
        # M status, N kendala.
        r = baris_lembar(ws, "C", "VIII.1 Nilai minimal akuntabilitas kinerja")
        assert format_dan_nilai(ws, r, "D") == (ANGKA_1, D("80.4"))  # target 80,4
        assert format_dan_nilai(ws, r, "F") == (ANGKA_2, D("76.80"))  # a score
        assert format_dan_nilai(ws, r, "G") == (PERSEN_2, D("95.52"))
        # (H target antara and J realisasi antara: TANPA_TEKS_ANTARA, their format follows
        # their trimmed decimals.)
        assert format_dan_nilai(ws, r, "L") == (PERSEN_2, D("166.67"))
        assert format_dan_nilai(ws, r, "M") == (UMUM, "Tercapai")
        # A count: 426 SPK/order of the target 750, whole numbers.
        r = baris_lembar(
            ws, "C", "III.3 Meningkatnya jumlah layanan jasa yang digunakan oleh industri"
        )
        assert format_dan_nilai(ws, r, "D") == (BULAT, D(750))
        assert format_dan_nilai(ws, r, "F") == (BULAT, D(426))
        # A figure that cannot be computed is an empty cell, not "–".
        r = baris_lembar(ws, "C", "VIII.2 Nilai minimal laporan keuangan")
        assert format_dan_nilai(ws, r, "F") == (UMUM, None)
        assert format_dan_nilai(ws, r, "L") == (PERSEN_2, D(50))
