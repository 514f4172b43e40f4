"""The budget tables of the PP-39 report of BSPJI Manado (satker 247246), Triwulan II 2023,
cell by cell, against values worked out by hand from fixtures/manado/anggaran_2023.yaml and
the budget rules (DESIGN.md sections 4-5): output realisation keuangan and fisik, S and R, in
three quarter columns (Bab III and Form A), the deviation from the disbursement plan, Form A's
data keuangan, Form ALKI, the component recap, and the workbook's formats (Form A's data umum
and kendala: test_isi_pp39_lampiran.py).

Each expected figure carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, whose slips the fixtures name. Rounding is
half-up to two decimals; a capaian is computed from the rounded realisasi; a "triwulan ini"
column is the difference of the two rounded cumulative figures beside it; sums of money are
exact integers; the physical progress of a parent is its children's progress weighted by their
pagu over the parent's own pagu. Rows are picked where the columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell (Rp, %, plain) and its decimals."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.laporan.conftest import (
    ANGKA_1,
    ANGKA_2,
    BULAT,
    PERSEN_2,
    RUPIAH,
    UMUM,
    baris_lembar,
    format_dan_nilai,
    judul_kolom,
    kepala,
    lembar,
    nilai_baris,
    tabel,
    teks_baris,
)

pytestmark = pytest.mark.django_db

SULUT = "SULAWESI UTARA"
PP39 = "pp39-manado"


# --- Bab III and Form A: output realisation, keuangan and fisik, S and R ---------------------

REALISASI_OUTPUT = {
    "6077": {
        "bab-iii": "Realisasi capaian kinerja Triwulan II berdasarkan output kegiatan 6077 "
        "Pengembangan dan Penyelenggaraan Jasa Industri",  # 3.1.2
        "form-a": "Target dan realisasi pelaksanaan per output kegiatan 6077",  # Form A III
    },
    "6042": {
        "bab-iii": "Realisasi capaian kinerja Triwulan II berdasarkan output kegiatan 6042 "
        "Pengelolaan Manajemen Kesekretariatan Bidang Standardisasi dan Kebijakan Jasa Industri",
        "form-a": "Target dan realisasi pelaksanaan per output kegiatan 6042",
    },
}

REALISASI_OUTPUT_KEPALA = [
    [
        ("Kode", 1, 3),
        ("Output", 1, 3),
        ("Pagu (Rp)", 1, 3),
        ("S.d. triwulan lalu (%)", 4, 1),
        ("Triwulan ini (%)", 4, 1),
        ("S.d. triwulan ini (%)", 4, 1),
        ("Lokasi", 1, 3),
    ],
    [("Keuangan", 2, 1), ("Fisik", 2, 1)] * 3,
    [("S", 1, 1), ("R", 1, 1)] * 6,
    [(str(i), 1, 1) for i in range(1, 17)],
]

# Rows: kode, output, pagu, then s.d. TW I (keuangan S, R, fisik S, R), TW II alone (s.d. TW II
# − s.d. TW I, of the figures as printed), s.d. TW II; lokasi. KRO figures are recorded
# (anggaran_2023.yaml progres, bulan 3 and 6); the KRO pagu is its leaves' sum.
KRO = {
    "6077": {
        # 48.488.000; nothing in TW I (Form A "-", written 0); TW II alone = s.d. TW II.
        "AEF": (
            "Sosialisasi dan Diseminasi",
            48_488_000,
            ["0", "0", "0", "0", "30.52", "31.04", "31.53", "31.53"],
            ["30.52", "31.04", "31.53", "31.53"],
        ),
        # 26,51 − 17,95 = 8,56; 27,63 − 18,63 = 9,00 (Form A prints 9,01); 27,86 − 18,89 =
        # 8,97 (Form A prints 8,96).
        "BAD": (
            "Pelayanan Publik kepada industri",
            548_888_000,
            ["17.95", "18.63", "18.89", "18.89", "8.56", "9.00", "8.97", "8.97"],
            ["26.51", "27.63", "27.86", "27.86"],
        ),
        "CAH": (
            "Sarana Bidang Industri dan Perdagangan",
            232_180_000,
            ["0"] * 8,
            ["0"] * 4,
        ),
        # 19,15 − 1,09 = 18,06; 21,00 − 1,61 = 19,39 (Form A prints 19,40); 21,29 − 2,00 = 19,29.
        "QDI": (
            "Fasilitasi dan Pembinaan Industri",
            106_885_000,
            ["1.09", "1.61", "2.00", "2.00", "18.06", "19.39", "19.29", "19.29"],
            ["19.15", "21.00", "21.29", "21.29"],
        ),
    },
    "6042": {
        # 46,63 − 17,27 = 29,36; 44,82 − 16,53 = 28,29; 48,00 − 19,06 = 28,94.
        "EBA": (
            "Layanan Dukungan Manajemen Internal",
            10_725_706_000,
            ["17.27", "16.53", "19.06", "19.06", "29.36", "28.29", "28.94", "28.94"],
            ["46.63", "44.82", "48.00", "48.00"],
        ),
        "EBB": (
            "Layanan Sarana dan Prasarana Internal",
            18_000_000,
            ["0"] * 8,
            ["0"] * 4,
        ),
        # 45,45 − 10,20 = 35,25; 45,37 − 10,48 = 34,89; 46,92 − 10,70 = 36,22 (printed 36,21).
        "EBC": (
            "Layanan Manajemen SDM Internal",
            200_480_000,
            ["10.20", "10.48", "10.70", "10.70", "35.25", "34.89", "36.22", "36.22"],
            ["45.45", "45.37", "46.92", "46.92"],
        ),
        # 38,68 − 4,37 = 34,31; 39,31 − 4,48 = 34,83; 39,75 − 5,21 = 34,54.
        "EBD": (
            "Layanan Manajemen Kinerja Internal",
            326_446_000,
            ["4.37", "4.48", "5.21", "5.21", "34.31", "34.83", "34.54", "34.54"],
            ["38.68", "39.31", "39.75", "39.75"],
        ),
    },
}

# The "Jumlah" row of each kegiatan, weighted by the kegiatan's OWN pagu (Form A divides by
# the DIPA's 12.207.073.000: the slip named in anggaran_2023.yaml). Keuangan: rupiah of each
# KRO = pagu × % to the rupiah (half-up), summed, over the kegiatan's pagu; fisik: Σ pagu ×
# fisik / the kegiatan's pagu; each rounded to 2 decimals; the middle column is s.d. TW II −
# s.d. TW I of these rounded figures.
JUMLAH = {
    # Pagu 48.488.000 + 548.888.000 + 232.180.000 + 106.885.000 = 936.441.000.
    # S s.d. TW I: BAD 548.888.000 × 17,95% = 98.525.396 + QDI 106.885.000 × 1,09% =
    #   1.165.047 → 99.690.443 / 936.441.000 = 10,6457% → 10,65.
    # R s.d. TW I: 102.257.834 + 1.720.849 = 103.978.683 → 11,1036% → 11,10.
    # Fisik s.d. TW I: (548.888.000 × 18,89 + 106.885.000 × 2,00) / 936.441.000 =
    #   10.582.264.320 / 936.441.000 = 11,3005 → 11,30 (S and R alike).
    # S s.d. TW II: AEF 14.798.538 + BAD 145.510.209 + QDI 20.468.478 = 180.777.225 →
    #   19,3047% → 19,30.
    # R s.d. TW II: 15.050.675 + 151.657.754 + 22.445.850 = 189.154.279 → 20,1993% → 20,20
    #   (test_anggaran_demo; Form A prints 1,55).
    # Fisik s.d. TW II: 19.096.427.970 / 936.441.000 = 20,393 → 20,39 (test_anggaran_demo).
    # TW II alone: 19,30 − 10,65 = 8,65; 20,20 − 11,10 = 9,10; 20,39 − 11,30 = 9,09.
    "6077": (
        936_441_000,
        ["10.65", "11.10", "11.30", "11.30", "8.65", "9.10", "9.09", "9.09"],
        ["19.30", "20.20", "20.39", "20.39"],
    ),
    # Pagu 10.725.706.000 + 18.000.000 + 200.480.000 + 326.446.000 = 11.270.632.000.
    # S s.d. TW I: EBA 1.852.329.426 + EBC 20.448.960 + EBD 14.265.690 = 1.887.044.076 →
    #   16,7430% → 16,74.
    # R s.d. TW I: 1.772.959.202 + 21.010.304 + 14.624.781 = 1.808.594.287 → 16,0469% → 16,05.
    # Fisik s.d. TW I: (10.725.706.000 × 19,06 + 200.480.000 × 10,70 + 326.446.000 × 5,21)
    #   = 208.277.876.020 / 11.270.632.000 = 18,4798 → 18,48.
    # S s.d. TW II: 5.001.396.708 + 91.118.160 + 126.269.313 = 5.218.784.181 → 46,3043% →
    #   46,30.
    # R s.d. TW II: 4.807.261.429 + 90.957.776 + 128.325.923 = 5.026.545.128 → 44,5991% →
    #   44,60 (test_anggaran_demo; Form A prints 41,18).
    # Fisik s.d. TW II: 537.216.638.100 / 11.270.632.000 = 47,665 → 47,67.
    # TW II alone: 46,30 − 16,74 = 29,56; 44,60 − 16,05 = 28,55; 47,67 − 18,48 = 29,19.
    "6042": (
        11_270_632_000,
        ["16.74", "16.05", "18.48", "18.48", "29.56", "28.55", "29.19", "29.19"],
        ["46.30", "44.60", "47.67", "47.67"],
    ),
}


def _persen_teks(nilai: str) -> str:
    """ "8.56" → "8,56%"; "0" → "0,00%" (the stored percentages carry two decimals)."""
    return f"{D(nilai).quantize(D('0.01'))}%".replace(".", ",")


def _rupiah_teks(nilai: int) -> str:
    return "Rp " + f"{nilai:,}".replace(",", ".")


PASANGAN_REALISASI = [
    pytest.param(keg, judul, kro, id=f"{keg}-{tempat}-{kro}")
    for keg, juduls in REALISASI_OUTPUT.items()
    for tempat, judul in juduls.items()
    for kro in KRO[keg]
]


@pytest.mark.parametrize(("kegiatan", "judul", "kro"), PASANGAN_REALISASI)
def test_realisasi_output_kro_row(pp39, kegiatan, judul, kro):
    t = tabel(pp39, f"Realisasi Output {kegiatan}", judul)
    uraian, pagu, lalu_dan_ini, sd_ini = KRO[kegiatan][kro]
    persen = [*lalu_dan_ini, *sd_ini]
    assert nilai_baris(t, kro) == [kro, uraian, pagu, *[D(v) for v in persen], SULUT]
    assert teks_baris(t, kro) == [
        kro,
        uraian,
        _rupiah_teks(pagu),
        *[_persen_teks(v) for v in persen],
        SULUT,
    ]


@pytest.mark.parametrize(
    ("kegiatan", "judul"),
    [
        pytest.param(k, j, id=f"{k}-{tempat}")
        for k, js in REALISASI_OUTPUT.items()
        for tempat, j in js.items()
    ],
)
def test_realisasi_output_header_and_jumlah(pp39, kegiatan, judul):
    t = tabel(pp39, f"Realisasi Output {kegiatan}", judul)
    assert kepala(t) == REALISASI_OUTPUT_KEPALA
    assert [r[0].nilai for r in t.baris] == list(KRO[kegiatan])
    pagu, lalu_dan_ini, sd_ini = JUMLAH[kegiatan]
    persen = [*lalu_dan_ini, *sd_ini]
    jumlah = f"Jumlah {kegiatan}"
    assert nilai_baris(t, jumlah, kaki=True) == [jumlah, pagu, *[D(v) for v in persen], ""]
    assert teks_baris(t, jumlah, kaki=True) == [
        jumlah,
        _rupiah_teks(pagu),
        *[_persen_teks(v) for v in persen],
        "",
    ]
    assert t.kaki[0][0].colspan == 2


def test_fisik_plan_and_realisation_are_separate_columns(manado):
    """Every recorded fisik S of the demo data equals its R (Form A and Form ALKI print them
    alike), so the tables above cannot tell the two columns apart. Here, inside this test's
    transaction, one plan is changed so that they differ: 6077.BAD's rencana fisik s.d. TW II
    25,00 (recorded 27,86) and ALKI activity 8's target fisik 10 (recorded 8)."""
    from kinerja.models import KegiatanAlki, ProgresAnggaran
    from laporan import services

    bad = ProgresAnggaran.objects.filter(
        item__satker=manado, item__tahun=2023, item__kode_lengkap="6077.BAD", bulan=6
    )
    assert bad.update(rencana_fisik=D("25.00")) == 1
    assert KegiatanAlki.objects.filter(satker=manado, tahun=2023, nomor=8).update(
        target_fisik=D("10")
    )
    lap = services.susun("pp39", manado, 2023, 2)  # not the session's report: it is changed
    for judul in REALISASI_OUTPUT["6077"].values():
        t = tabel(lap, "Realisasi Output 6077", judul)
        # Fisik S: s.d. TW I 18,89, TW II alone 25,00 − 18,89 = 6,11, s.d. TW II 25,00; R as
        # recorded: 18,89, 27,86 − 18,89 = 8,97, 27,86.
        assert nilai_baris(t, "BAD")[3:15] == [
            D(v)
            for v in (
                *("17.95", "18.63", "18.89", "18.89"),
                *("8.56", "9.00", "6.11", "8.97"),
                *("26.51", "27.63", "25.00", "27.86"),
            )
        ]
        # Jumlah fisik S s.d. TW II: (48.488.000 × 31,53 + 548.888.000 × 25,00 + 232.180.000 × 0
        # + 106.885.000 × 21,29) / 936.441.000 = (1.528.826.640 + 13.722.200.000 +
        # 2.275.581.650) / 936.441.000 = 17.526.608.290 / 936.441.000 = 18,716 → 18,72; TW II
        # alone 18,72 − 11,30 = 7,42. R stays 20,39 and 20,39 − 11,30 = 9,09.
        assert nilai_baris(t, "Jumlah 6077", kaki=True)[2:14] == [
            D(v)
            for v in (
                *("10.65", "11.10", "11.30", "11.30"),
                *("8.65", "9.10", "7.42", "9.09"),
                *("19.30", "20.20", "18.72", "20.39"),
            )
        ]
    alki = tabel(lap, "Form ALKI")
    assert nilai_baris(alki, "8") == [
        8,
        "Pengelolaan Kepegawaian",
        12_940_000,
        D(6),
        D(4),
        D(10),
        D(8),
    ]


# --- Bab III: deviation from the disbursement plan -----------------------------------------


def test_deviasi_rpd_per_quarter_with_its_mean_and_score(pp39):
    t = tabel(pp39, "Deviasi RPD")
    assert judul_kolom(t) == [["Periode", "Rencana penarikan (Rp)", "Realisasi (Rp)", "Deviasi"]]
    # Only quarter ends are recorded, so the periods are quarters. Plan and realisation of the
    # DIPA s.d. TW I are the KRO rupiah of JUMLAH: 99.690.443 + 1.887.044.076 = 1.986.734.519
    # and 103.978.683 + 1.808.594.287 = 1.912.572.970; |1.912.572.970 − 1.986.734.519| =
    # 74.161.549 / 1.986.734.519 = 3,7328% → 3,73. The realisation was reported in percent
    # only (no SAKTI amount for March): its rupiah is marked as rebuilt.
    assert teks_baris(t, "TW I") == ["TW I", "Rp 1.986.734.519", "≈ Rp 1.912.572.970", "3,73%"]
    # TW II alone: plan (180.777.225 + 5.218.784.181 = 5.399.561.406) − 1.986.734.519 =
    # 3.412.826.887; realisation SAKTI 5.215.824.466 − 1.912.572.970 = 3.303.251.496 (still
    # resting on quarter I's rebuilt figure, so marked); 109.575.391 / 3.412.826.887 = 3,2107%
    # → 3,21.
    assert nilai_baris(t, "TW II")[3] == D("3.21")
    assert teks_baris(t, "TW II") == ["TW II", "Rp 3.412.826.887", "≈ Rp 3.303.251.496", "3,21%"]
    assert t.catatan == [
        "≈: sumber melaporkan realisasi periode ini dalam persen pagu; rupiahnya dihitung dari "
        "persentase itu untuk menilai deviasi, bukan jumlah yang dilaporkan."
    ]
    # Mean (3,73 + 3,21) / 2 = 3,47%; score 100 − 3,47 = 96,53 (a score, not a percentage).
    assert nilai_baris(t, "Rata-rata deviasi", kaki=True) == ["Rata-rata deviasi", D("3.47")]
    assert teks_baris(t, "Rata-rata deviasi", kaki=True) == ["Rata-rata deviasi", "3,47%"]
    nilai = "Nilai deviasi (100 − rata-rata)"
    assert nilai_baris(t, nilai, kaki=True) == [nilai, D("96.53")]
    assert teks_baris(t, nilai, kaki=True) == [nilai, "96,53"]
    assert [r[0].colspan for r in t.kaki] == [3, 3]


# --- Form A: data keuangan per kegiatan ----------------------------------------


def test_form_a_keuangan_6077(pp39):
    t = tabel(pp39, "Form A 6077 keuangan")
    assert judul_kolom(t) == [
        [
            "Kode dan nama output",
            "Anggaran (Rp)",
            "Indikator keluaran (output)",
            "Volume dan satuan",
        ]
    ]
    assert nilai_baris(t, "BAD Pelayanan Publik kepada industri") == [
        "BAD Pelayanan Publik kepada industri",
        548_888_000,  # 436.560.000 + 70.740.000 + 41.588.000
        "Jumlah industri yang mendapatkan layanan jasa",
        "237 Industri",
    ]
    assert teks_baris(t, "QDI Fasilitasi dan Pembinaan Industri") == [
        "QDI Fasilitasi dan Pembinaan Industri",
        "Rp 106.885.000",
        "Jumlah perusahaan industri yang difasilitasi dan dibina",
        "2 Industri",
    ]
    # Total: the kegiatan's pagu 936.441.000 (not the DIPA's 12.207.073.000).
    assert nilai_baris(t, "Total", kaki=True) == ["Total", 936_441_000, "", ""]
    assert teks_baris(t, "Total", kaki=True) == ["Total", "Rp 936.441.000", "", ""]


def test_form_a_keuangan_6042(pp39):
    t = tabel(pp39, "Form A 6042 keuangan")
    assert len(t.baris) == 4
    # EBA: 4.550.000 + 12.940.000 + 7.572.916.000 + 3.135.300.000 = 10.725.706.000.
    assert nilai_baris(t, "EBA Layanan Dukungan Manajemen Internal") == [
        "EBA Layanan Dukungan Manajemen Internal",
        10_725_706_000,
        "Terselenggaranya layanan manajemen internal Satker",
        "3 Layanan",
    ]
    assert teks_baris(t, "EBC Layanan Manajemen SDM Internal")[1:] == [
        "Rp 200.480.000",
        "Jumlah SDM yang ditingkatkan kompetensinya",
        "5 Orang",
    ]
    assert nilai_baris(t, "Total", kaki=True) == ["Total", 11_270_632_000, "", ""]


# --- annexes: Form ALKI, Rekap Komponen ------------------------------------------------------


def test_form_alki(pp39):
    t = tabel(pp39, "Form ALKI")
    assert t.judul == "Form ALKI posisi 30 Juni 2023"
    assert kepala(t) == [
        [
            ("No", 1, 2),
            ("Kegiatan", 1, 2),
            ("Pagu (Rp)", 1, 2),
            ("Keuangan (%)", 2, 1),
            ("Fisik (%)", 2, 1),
        ],
        [("Target", 1, 1), ("Realisasi", 1, 1), ("Target", 1, 1), ("Realisasi", 1, 1)],
    ]
    assert len(t.baris) == 31
    # Activity 8: keuangan target 6 against realisation 4, fisik 8 and 8 (alki, nomor 8).
    assert nilai_baris(t, "8") == [
        8,
        "Pengelolaan Kepegawaian",
        12_940_000,
        D("6"),
        D("4"),
        D("8"),
        D("8"),
    ]
    assert teks_baris(t, "8") == [
        "8",
        "Pengelolaan Kepegawaian",
        "Rp 12.940.000",
        "6,00%",
        "4,00%",
        "8,00%",
        "8,00%",
    ]
    # Activity 22: 10 against 11,5, fisik 12.
    assert teks_baris(t, "22") == [
        "22",
        "Monitoring dan Evaluasi",
        "Rp 25.370.000",
        "10,00%",
        "11,50%",
        "12,00%",
        "12,00%",
    ]
    # Jumlah of the 31 activities: 6077's (23.436.000 + 25.052.000 + 436.560.000 + 70.740.000
    # + 41.588.000 + 232.180.000 + 48.275.000 + 58.610.000 = 936.441.000) and 6042's (4.550.000
    # + 12.940.000 + 7.572.916.000 + 3.135.300.000 [nomor 10-15, 28, 29] + 18.000.000 +
    # 200.480.000 [17-20] + 21.880.000 + 25.370.000 + 25.010.000 + 254.186.000 [24-27] =
    # 11.270.632.000): 12.207.073.000, the "Pagu anggaran pada ALKI".
    assert nilai_baris(t, "Jumlah", kaki=True) == ["Jumlah", 12_207_073_000, ""]
    assert teks_baris(t, "Jumlah", kaki=True)[:2] == ["Jumlah", "Rp 12.207.073.000"]
    assert [s.colspan for s in t.kaki[0]] == [2, 1, 4]


def test_rekap_komponen(pp39):
    t = tabel(pp39, "Rekap Komponen")
    assert judul_kolom(t) == [
        [
            "No",
            "Komponen",
            "Status",
            "Progres",
            "Fisik riil",
            "Alokasi (Rp)",
            "Realisasi (Rp)",
            "%",
            "Status kemanfaatan",
            "Kategori permasalahan",
            "Keterangan",
        ]
    ]
    assert len(t.baris) == 15  # the fifteen komponen of the recap, in the tree's order
    # 6077.BAD.012.051: progres 36; alokasi 436.560.000; 130.649.450 / 436.560.000 =
    # 29,9270% → 29,93.
    assert nilai_baris(t, "2") == [
        2,
        "6077.BAD.012.051 Jasa Pelayanan Teknis Pengujian",
        "Pelaksanaan",
        D("36"),
        "20 Industri",
        436_560_000,
        130_649_450,
        D("29.93"),
        "Belum",
        "Tidak Ada Masalah",
        "Tidak ada permasalahan",
    ]
    assert teks_baris(t, "2")[3:8] == [
        "36,00%",
        "20 Industri",
        "Rp 436.560.000",
        "Rp 130.649.450",
        "29,93%",
    ]
    # 6042.EBA.994.001 (one of two komponen of its RO, so its alokasi is its own pagu, not
    # the RO's 10.708.216.000): 3.845.278.957 / 7.572.916.000 = 50,7768% → 50,78.
    assert nilai_baris(t, "8") == [
        8,
        "6042.EBA.994.001 Gaji dan Tunjangan",
        "Pelaksanaan",
        D("52"),
        "1 Bulan",
        7_572_916_000,
        3_845_278_957,
        D("50.78"),
        "Belum",
        "Tidak Ada Masalah",
        "Tidak terdapat permasalahan",
    ]
    # 6042.EBD.965.051: 114.474.000 / 254.186.000 = 45,0355% → 45,04; no fisik riil: "–".
    assert teks_baris(t, "15")[2:8] == [
        "Pelaksanaan",
        "47,00%",
        "–",
        "Rp 254.186.000",
        "Rp 114.474.000",
        "45,04%",
    ]
    # 6042.EBA.962.051: 519.800 / 12.940.000 = 4,0170% → 4,02.
    assert nilai_baris(t, "7")[5:8] == [12_940_000, 519_800, D("4.02")]


def test_xlsx_realisasi_output_rupiah_and_percent(workbook):
    wb = workbook(PP39)
    ws = lembar(wb, REALISASI_OUTPUT["6077"]["bab-iii"])
    # Columns: A kode, B output, C pagu, D-G s.d. TW I, H-K TW II, L-O s.d. TW II, P lokasi.
    r = baris_lembar(ws, "A", "BAD")
    assert format_dan_nilai(ws, r, "C") == (RUPIAH, D(548_888_000))
    assert format_dan_nilai(ws, r, "D") == (PERSEN_2, D("17.95"))
    assert format_dan_nilai(ws, r, "E") == (PERSEN_2, D("18.63"))
    assert format_dan_nilai(ws, r, "I") == (PERSEN_2, D("9.00"))
    assert format_dan_nilai(ws, r, "M") == (PERSEN_2, D("27.63"))
    assert format_dan_nilai(ws, r, "P") == (UMUM, SULUT)
    # A zero recorded as 0: still a percentage with two decimals.
    r = baris_lembar(ws, "A", "CAH")
    assert format_dan_nilai(ws, r, "L") == (PERSEN_2, D(0))
    # The Jumlah row (A:B merged): 936.441.000 and 20,20% s.d. TW II.
    r = baris_lembar(ws, "A", "Jumlah 6077")
    assert format_dan_nilai(ws, r, "C") == (RUPIAH, D(936_441_000))
    assert format_dan_nilai(ws, r, "M") == (PERSEN_2, D("20.20"))
    assert format_dan_nilai(ws, r, "H") == (PERSEN_2, D("8.65"))


def test_xlsx_budget_tables(workbook):
    wb = workbook(PP39)
    ws = lembar(wb, "Program Kegiatan BSPJI Manado Tahun 2023")
    assert format_dan_nilai(ws, baris_lembar(ws, "A", "6077"), "C") == (
        RUPIAH,
        D(936_441_000),
    )
    assert format_dan_nilai(ws, baris_lembar(ws, "A", "Total"), "C") == (
        RUPIAH,
        D(12_207_073_000),
    )
    ws = lembar(wb, "Deviasi realisasi terhadap rencana penarikan dana s.d. Triwulan II")
    r = baris_lembar(ws, "A", "TW I")
    assert format_dan_nilai(ws, r, "B") == (RUPIAH, D(1_986_734_519))
    assert format_dan_nilai(ws, r, "D") == (PERSEN_2, D("3.73"))
    r = baris_lembar(ws, "A", "Rata-rata deviasi")
    assert format_dan_nilai(ws, r, "D") == (PERSEN_2, D("3.47"))
    r = baris_lembar(ws, "A", "Nilai deviasi (100 − rata-rata)")
    assert format_dan_nilai(ws, r, "D") == (ANGKA_2, D("96.53"))  # a score, no "%"
    ws = lembar(wb, "Form ALKI posisi 30 Juni 2023")
    r = baris_lembar(ws, "B", "Pengelolaan Kepegawaian")
    assert format_dan_nilai(ws, r, "A") == (BULAT, D(8))  # the activity's number
    assert format_dan_nilai(ws, r, "C") == (RUPIAH, D(12_940_000))
    assert format_dan_nilai(ws, r, "D") == (PERSEN_2, D(6))
    assert format_dan_nilai(ws, r, "E") == (PERSEN_2, D(4))
    assert format_dan_nilai(ws, r, "F") == (PERSEN_2, D(8))
    assert format_dan_nilai(ws, baris_lembar(ws, "A", "Jumlah"), "C") == (
        RUPIAH,
        D(12_207_073_000),
    )
    ws = lembar(wb, "Rekap pelaporan komponen Triwulan II (kumulatif)")
    r = baris_lembar(ws, "B", "6077.BAD.012.051 Jasa Pelayanan Teknis Pengujian")
    assert format_dan_nilai(ws, r, "A") == (BULAT, D(2))
    assert format_dan_nilai(ws, r, "D") == (PERSEN_2, D(36))
    assert format_dan_nilai(ws, r, "F") == (RUPIAH, D(436_560_000))
    assert format_dan_nilai(ws, r, "G") == (RUPIAH, D(130_649_450))
    assert format_dan_nilai(ws, r, "H") == (PERSEN_2, D("29.93"))
    ws = lembar(wb, "Rencana Aksi Perjanjian Kinerja Tahun 2023")
    # Columns: A no, B sasaran, C indikator, D target, E satuan, then per quarter F/H/J/L
    # target antara and G/I/K/M rencana kegiatan.
    r = baris_lembar(ws, "C", "V.1 Indeks Kepuasan Masyarakat terhadap layanan jasa industri")
    assert format_dan_nilai(ws, r, "D") == (ANGKA_1, D("3.6"))
    assert format_dan_nilai(ws, r, "F") == (UMUM, None)  # no target antara for TW I
    assert format_dan_nilai(ws, r, "H") == (PERSEN_2, D(50))
