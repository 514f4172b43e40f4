"""The budget tables of the LAKIP 2023 of BSPJI Pekanbaru (satker 417912), cell by cell,
against values worked out by hand from fixtures/pekanbaru/anggaran_2023.yaml and the budget
rules (DESIGN.md sections 4-5): revisions, the kegiatan and their roll-up, realisation per
quarter and per component, the deviation from the disbursement plan, budget per indicator and
the efficiency table (LAKIP Tabel 38); then the workbook's number format of each kind of cell.

Each expected value carries its working in the comment beside it; none is copied from the
code's output or from the printed source report, which has slips (the fixtures name them).
Rounding is half-up to two decimals; a capaian is computed from the rounded realisasi; sums of
money are exact integers. A row is picked where its columns differ, so that two swapped
columns, a column reading its neighbour's field or a footer printing another figure fail; the
printed text of a row (`teks_baris`) pins the kind of each cell and its decimals."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from tests.laporan.conftest import (
    ANGKA_1,
    ANGKA_2,
    BULAT,
    PERSEN_2,
    RUPIAH,
    TANGGAL,
    baris_lembar,
    judul_kolom,
    lembar,
    nilai_baris,
    tabel,
    teks_baris,
)
from tests.laporan.lakip_pekanbaru import HASIL, IND

pytestmark = pytest.mark.django_db


# --- the budget -----------------------------------------------------------------------------


def test_revisi_anggaran(lakip):
    t = tabel(lakip, "Revisi Anggaran")
    assert judul_kolom(t) == [
        [
            "Revisi",
            "Tanggal",
            "Kewenangan",
            "Pagu semula (Rp)",
            "Pagu menjadi (Rp)",
            "Blokir (Rp)",
            "Target PNBP (Rp)",
        ]
    ]
    assert len(t.baris) == 19
    assert nilai_baris(t, "DIPA awal") == [
        "DIPA awal",
        datetime.date(2022, 11, 30),
        "",
        None,
        7_592_226_000,
        295_000_000,
        250_000_000,
    ]
    # Pagu semula is the pagu after the previous revision: 3 left 7.592.226.000, 4 added
    # DAPATI's 47.175.000 → 7.639.401.000 and opened 295.000.000 of the blokir.
    assert nilai_baris(t, "Revisi 4") == [
        "Revisi 4",
        datetime.date(2023, 2, 21),
        "Direktorat Jenderal Anggaran",
        7_592_226_000,
        7_639_401_000,
        289_080_000,
        250_000_000,
    ]
    # 11 released the automatic-adjustment blokir 289.080.000: 7.639.401.000 − 289.080.000
    # = 7.350.321.000.
    assert nilai_baris(t, "Revisi 11")[3:6] == [7_639_401_000, 7_350_321_000, 0]
    assert nilai_baris(t, "Revisi 16")[2:5] == [
        "Direktorat Jenderal Anggaran",
        7_350_321_000,
        7_680_590_000,
    ]
    assert nilai_baris(t, "Revisi 5")[2] == "Kanwil Ditjen Perbendaharaan"
    assert teks_baris(t, "Revisi 4") == [
        "Revisi 4",
        "21 Februari 2023",
        "Direktorat Jenderal Anggaran",
        "Rp 7.592.226.000",
        "Rp 7.639.401.000",
        "Rp 289.080.000",
        "Rp 250.000.000",
    ]
    assert teks_baris(t, "DIPA awal")[3] == "–"


def test_program_kegiatan(lakip):
    t = tabel(lakip, "Program Kegiatan")
    assert judul_kolom(t) == [["Kode", "Program/Kegiatan/Output", "Pagu"]]
    # Down to the komponen: no sub-komponen (five code segments) rows.
    assert all(len(r[0].teks().split(".")) <= 4 for r in t.baris)
    # Roll-ups of the leaf pagu (anggaran_2023.yaml):
    # 6077: 56.520.000 + 469.597.000 + 72.147.000 + 29.723.000 + 52.600.000 + 12.081.000
    # + 740.000 + 16.896.000 + 19.551.000 + 115.199.000 + 47.175.000 = 892.229.000 (its
    # only kegiatan, so EC has the same; Tabel 32 prints 6042's figures on this row).
    assert nilai_baris(t, "EC") == [
        "EC",
        "Program Nilai Tambah dan Daya Saing Industri",
        892_229_000,
    ]
    assert nilai_baris(t, "6077")[2] == 892_229_000
    # 12.081.000 + 740.000 + 16.896.000 + 19.551.000 = 49.268.000
    assert nilai_baris(t, "6077.BDI.006.052") == [
        "6077.BDI.006.052",
        "Penerapan Pemanfaatan Teknologi Oleh BSPJI",
        49_268_000,
    ]
    # 36.746.000 + 12.315.000 + 392.440.000 + 118.333.000 + 91.624.000 + 136.890.000
    # + 7.340.000 + 203.921.000 + 1.147.590.000 = 2.147.199.000
    assert nilai_baris(t, "6042.EBA.994.002") == [
        "6042.EBA.994.002",
        "Operasional dan Pemeliharaan Kantor",
        2_147_199_000,
    ]
    # 292.700.000 + 15.620.000 + 542.406.000 = 850.726.000
    assert nilai_baris(t, "6042.EBB")[2] == 850_726_000
    # 7.680.590.000 − 892.229.000 = 6.788.361.000 for WA/6042 (the final DIPA pagu after
    # revision 18 is 7.680.590.000).
    assert nilai_baris(t, "WA")[2] == 6_788_361_000
    assert nilai_baris(t, "Total", kaki=True) == ["Total", 7_680_590_000]
    assert teks_baris(t, "Total", kaki=True) == ["Total", "Rp 7.680.590.000"]


# Pagu and realisation at year end (the realisation of a leaf from Tabel 32 in rupiah, the
# nodes above summed) and realisation / pagu × 100 (two decimals, half-up). Tabel 32's
# slips are corrected in the fixture (6077.BDI.006.052.D 19.550.273; 6077's own row).
REALISASI_ANGGARAN = {
    # 56.520.000 + 624.065.370 + 49.265.230 + 115.198.600 + 47.162.958 = 892.212.158;
    # / 892.229.000 = 99,998… → 100,00
    "6077": (892_229_000, 892_212_158, D("100.00"), "100,00%"),
    # 12.080.057 + 740.000 + 16.894.900 + 19.550.273 = 49.265.230; / 49.268.000 = 99,994…
    # → 99,99
    "6077.BDI.006.052": (49_268_000, 49_265_230, D("99.99"), "99,99%"),
    # 19.550.273 / 19.551.000 = 99,996… → 100,00
    "6077.BDI.006.052.D": (19_551_000, 19_550_273, D("100.00"), "100,00%"),
    # 47.162.958 / 47.175.000 = 99,974… → 99,97
    "6077.QDI.002.053.A": (47_175_000, 47_162_958, D("99.97"), "99,97%"),
    # 36.745.550 + 12.314.100 + 392.439.926 + 118.332.450 + 91.617.364 + 136.889.777
    # + 7.340.000 + 203.916.222 + 1.147.143.772 = 2.146.739.161; / 2.147.199.000 = 99,978…
    # → 99,98
    "6042.EBA.994.002": (2_147_199_000, 2_146_739_161, D("99.98"), "99,98%"),
    # 1.147.143.772 / 1.147.590.000 = 99,961… → 99,96
    "6042.EBA.994.002.I": (1_147_590_000, 1_147_143_772, D("99.96"), "99,96%"),
    # 7.680.058.359 − 892.212.158 = 6.787.846.201; / 6.788.361.000 = 99,992… → 99,99
    "6042": (6_788_361_000, 6_787_846_201, D("99.99"), "99,99%"),
}


def test_realisasi_anggaran(lakip):
    t = tabel(lakip, "Realisasi Anggaran")
    assert judul_kolom(t) == [
        ["Kode", "Kegiatan/KRO/RO/Komponen/Sub Komponen", "Pagu (Rp)", "Realisasi (Rp)", "%"],
        ["1", "2", "3", "4", "5"],
    ]
    # Every node below the programs: 82 rows from 6077 to the last sub-komponen.
    assert t.baris[0][0].teks() == "6077"
    assert all(r[0].teks() not in ("EC", "WA") for r in t.baris)
    for kode, (pagu, realisasi, persen, persen_teks) in REALISASI_ANGGARAN.items():
        assert nilai_baris(t, kode)[2:] == [pagu, realisasi, persen], kode
        assert teks_baris(t, kode)[2:] == [
            "Rp " + f"{pagu:,}".replace(",", "."),
            "Rp " + f"{realisasi:,}".replace(",", "."),
            persen_teks,
        ], kode
    # 892.212.158 + 6.787.846.201 = 7.680.058.359 of 7.680.590.000 = 99,993… → 99,99.
    assert nilai_baris(t, "Total", kaki=True) == ["Total", 7_680_590_000, 7_680_058_359, D("99.99")]
    assert teks_baris(t, "Total", kaki=True) == [
        "Total",
        "Rp 7.680.590.000",
        "Rp 7.680.058.359",
        "99,99%",
    ]


def test_realisasi_per_triwulan(lakip):
    t = tabel(lakip, "Realisasi per Triwulan")
    assert judul_kolom(t) == [
        [
            "No",
            "Kegiatan/Komponen/Sub Komponen",
            "Anggaran (Rp)",
            "Triwulan I (%)",
            "Triwulan II (%)",
            "Triwulan III (%)",
            "Triwulan IV (%)",
            "% Realisasi Output",
        ],
        ["T", "R"] * 4,
    ]
    # One row per leaf, in the order of the tree: 38 sub-komponen.
    assert len(t.baris) == 38
    # T and R of TW I-III as recorded (Tabel 31); TW IV's R from the rupiah:
    # 469.596.604 / 469.597.000 × 100 = 99,9999… → 100,00.
    assert nilai_baris(t, "2") == [
        2,
        "Manajemen Laboratorium Pengujian sesuai SNI ISO/IEC 17025:2017 (6077.BAD.001.051.A)",
        469_597_000,
        *[D("30"), D("51.7"), D("45"), D("64.5"), D("75"), D("84.6"), D("100"), D("100.00")],
        D("100"),
    ]
    # The halal laboratory: its recorded cumulative R falls from 47,8 to 32,9.
    assert nilai_baris(t, "5")[3:9] == [D("30"), D("47.8"), D("45"), D("32.9"), D("75"), D("33.3")]
    # TW II planned 50, realised 96,0; year 16.894.900 / 16.896.000 = 99,993… → 99,99.
    assert nilai_baris(t, "8")[2:] == [
        16_896_000,
        *[D("30"), D("20.6"), D("50"), D("96.0"), D("75"), D("96.0"), D("100"), D("99.99")],
        D("100"),
    ]
    # 1.147.143.772 / 1.147.590.000 = 99,961… → 99,96.
    assert teks_baris(t, "24") == [
        "24",
        "Operasional Perkantoran dan Pimpinan (6042.EBA.994.002.I)",
        "Rp 1.147.590.000",
        *["21,00%", "22,80%", "45,00%", "47,80%", "75,00%", "70,60%", "100,00%", "99,96%"],
        "100,00%",
    ]


def test_deviasi_rpd(lakip):
    t = tabel(lakip, "Deviasi RPD")
    assert judul_kolom(t) == [["Periode", "Rencana penarikan (Rp)", "Realisasi (Rp)", "Deviasi"]]
    # Plan and realisation s.d. each quarter: Σ over the 38 leaves of pagu × T% (and R%),
    # whole rupiah (every pagu is a multiple of 1.000 and the % have one decimal, so there is
    # nothing to round); TW IV the plan 100% = 7.680.590.000 and the realisation in rupiah
    # 7.680.058.359. Cumulative plan 2.200.322.700 / 3.755.043.050 / 5.750.297.000 /
    # 7.680.590.000, realisation 1.898.072.873 / 3.841.357.859 / 5.714.996.607 /
    # 7.680.058.359. Each quarter's own amounts are the differences, and its deviation
    # |R − P| / P × 100:
    # Tabel 31 reports the quarters in percent only, so every quarter's own realisation rests
    # on a rupiah rebuilt from those percentages (TW IV: the reported year total less the
    # rebuilt s.d. TW III) and is marked "≈"; the deviation is still scored from it.
    assert [
        [r[0], r[1], int(str(r[2]).removeprefix("≈ Rp ").replace(".", "")), r[3]]
        for r in (nilai_baris(t, f"TW {q}") for q in ("I", "II", "III", "IV"))
    ] == [
        # 302.249.827 / 2.200.322.700 = 13,7366… → 13,74
        ["TW I", 2_200_322_700, 1_898_072_873, D("13.74")],
        # 3.755.043.050 − 2.200.322.700 = 1.554.720.350; 3.841.357.859 − 1.898.072.873 =
        # 1.943.284.986; 388.564.636 / 1.554.720.350 = 24,9926… → 24,99
        ["TW II", 1_554_720_350, 1_943_284_986, D("24.99")],
        # 1.995.253.950 and 1.873.638.748; 121.615.202 / 1.995.253.950 = 6,0952… → 6,10
        ["TW III", 1_995_253_950, 1_873_638_748, D("6.10")],
        # 1.930.293.000 and 1.965.061.752; 34.768.752 / 1.930.293.000 = 1,8012… → 1,80
        ["TW IV", 1_930_293_000, 1_965_061_752, D("1.80")],
    ]
    assert teks_baris(t, "TW III") == [
        "TW III",
        "Rp 1.995.253.950",
        "≈ Rp 1.873.638.748",
        "6,10%",
    ]
    # (13,74 + 24,99 + 6,10 + 1,80) / 4 = 46,63 / 4 = 11,6575 → 11,66; 100 − 11,66 = 88,34.
    assert nilai_baris(t, "Rata-rata deviasi", kaki=True) == ["Rata-rata deviasi", D("11.66")]
    assert teks_baris(t, "Rata-rata deviasi", kaki=True) == ["Rata-rata deviasi", "11,66%"]
    assert teks_baris(t, "Nilai deviasi (100 − rata-rata)", kaki=True) == [
        "Nilai deviasi (100 − rata-rata)",
        "88,34",
    ]
    assert nilai_baris(t, "Nilai deviasi (100 − rata-rata)", kaki=True)[1] == D("88.34")


# Budget per PK line: the nodes of Tabel 30 (tautan_indikator) rolled up, realised / pagu.
ANGGARAN_INDIKATOR = {
    # A 12.081.000 + B 740.000 + D 19.551.000 = 32.372.000; 12.080.057 + 740.000 + 19.550.273
    # = 32.370.330; 99,994… → 99,99
    "I.1": (
        "6077.BDI.006.052.A, 6077.BDI.006.052.B, 6077.BDI.006.052.D",
        32_372_000,
        32_370_330,
        D("99.99"),
    ),
    # 47.162.958 / 47.175.000 = 99,974… → 99,97
    "III.1": ("6077.QDI.002.053.A", 47_175_000, 47_162_958, D("99.97")),
    # RO 6077.CAH.021 115.199.000 + RO 6042.EBB.951 850.726.000 = 965.925.000;
    # 115.198.600 + 850.723.300 = 965.921.900; 99,9996… → 100,00
    "III.4": ("6077.CAH.021, 6042.EBB.951", 965_925_000, 965_921_900, D("100.00")),
    # 19.323.000 + 2.147.199.000 = 2.166.522.000; 19.322.568 + 2.146.739.161 =
    # 2.166.061.729; 99,978… → 99,98
    "VII.1": (
        "6042.EBA.958.051.B, 6042.EBA.994.002",
        2_166_522_000,
        2_166_061_729,
        D("99.98"),
    ),
    # 82.611.000 + 94.523.000 + 3.247.841.000 = 3.424.975.000; 82.604.743 + 94.521.898
    # + 3.247.799.855 = 3.424.926.496; 99,9986… → 100,00 (codes in the tree's order)
    "VI.1": (
        "6042.EBA.994.001.A, 6042.EBC.996.051.A, 6042.EBC.996.051.B",
        3_424_975_000,
        3_424_926_496,
        D("100.00"),
    ),
}


def test_anggaran_per_indikator(lakip):
    t = tabel(lakip, "Anggaran per Indikator")
    assert judul_kolom(t) == [
        ["Indikator Kinerja", "Komponen anggaran pendukung", "Pagu (Rp)", "Realisasi (Rp)", "%"]
    ]
    assert len(t.baris) == 12
    for kode, expected in ANGGARAN_INDIKATOR.items():
        assert nilai_baris(t, IND[kode]) == [IND[kode], *expected], kode
    assert teks_baris(t, IND["VII.1"])[2:] == ["Rp 2.166.522.000", "Rp 2.166.061.729", "99,98%"]
    # IV.1 has no budget component (Tabel 30): no realisation, no percentage.
    r = nilai_baris(t, IND["IV.1"])
    assert (r[1], r[3], r[4]) == ("–", None, None)


# Efisiensi: per line the year's target, realisasi and capaian (HASIL), the budget (above)
# with realised / pagu, IBT = pagu / target and IBR = realised / realisasi to the whole rupiah,
# efficiency (IBT − IBR) / IBT × 100. The same working is in tests/kinerja/
# test_anggaran_demo.py (TABEL_38).
EFISIENSI = {
    # 32.372.000 / 10 = 3.237.200; 32.370.330 / 25,00 = 1.294.813,2 → 1.294.813;
    # 1.942.387 / 3.237.200 = 60,002… → 60,00
    "I.1": (32_372_000, 32_370_330, D("99.99"), 3_237_200, 1_294_813, D("60.00")),
    # 16.896.000 / 1; 16.894.900 / 1; 1.100 / 16.896.000 = 0,0065… → 0,01; 99,993… → 99,99
    "II.1": (16_896_000, 16_894_900, D("99.99"), 16_896_000, 16_894_900, D("0.01")),
    # 47.175.000 / 12 = 3.931.250; 47.162.958 / 60,00 = 786.049,3 → 786.049; 80,005… → 80,01
    "III.1": (47_175_000, 47_162_958, D("99.97"), 3_931_250, 786_049, D("80.01")),
    # 764.307.000 / 5 = 152.861.400; 764.304.843 / 363,80 = 2.100.892,9 → 2.100.893;
    # 98,625… → 98,63; 764.304.843 / 764.307.000 = 99,9997… → 100,00
    "III.2": (764_307_000, 764_304_843, D("100.00"), 152_861_400, 2_100_893, D("98.63")),
    # 117.799.000 / 5 = 23.559.800; 117.797.902 / 54,55 = 2.159.448,2 → 2.159.448; 90,834…
    "III.3": (117_799_000, 117_797_902, D("100.00"), 23_559_800, 2_159_448, D("90.83")),
    # 965.925.000 / 45 = 21.465.000; 965.921.900 / 84,31 = 11.456.789,1 → 11.456.789; 46,626…
    "III.4": (965_925_000, 965_921_900, D("100.00"), 21_465_000, 11_456_789, D("46.63")),
    # 24.000.000 / 3,5 = 6.857.142,9 → 6.857.143; 23.999.685 / 3,82 = 6.282.640,1 →
    # 6.282.640; 8,378… → 8,38
    "V.1": (24_000_000, 23_999_685, D("100.00"), 6_857_143, 6_282_640, D("8.38")),
    # 3.424.975.000 / 73 = 46.917.465,8 → 46.917.466; 3.424.926.496 / 87,63 = 39.083.949,5
    # → 39.083.950; 16,696… → 16,70
    "VI.1": (3_424_975_000, 3_424_926_496, D("100.00"), 46_917_466, 39_083_950, D("16.70")),
    # 2.166.522.000 / 3,53 = 613.745.609,1; 2.166.061.729 / 4,23 = 512.071.330,7; 16,566…
    "VII.1": (2_166_522_000, 2_166_061_729, D("99.98"), 613_745_609, 512_071_331, D("16.57")),
    # 99.588.000 / 75 = 1.327.840; 99.586.816 / 75,15 = 1.325.173,9 → 1.325.174; 0,2008…
    "VIII.1": (99_588_000, 99_586_816, D("100.00"), 1_327_840, 1_325_174, D("0.20")),
    # 21.031.000 / 90 = 233.677,8 → 233.678; 21.030.800 / 90,75 = 231.744,4 → 231.744;
    # 0,828… → 0,83
    "VIII.2": (21_031_000, 21_030_800, D("100.00"), 233_678, 231_744, D("0.83")),
}


def test_efisiensi_header(lakip):
    t = tabel(lakip, "Efisiensi")
    assert judul_kolom(t) == [
        ["Indikator", "Kinerja", "Efektivitas", "Anggaran", "IBT (Rp)", "IBR (Rp)", "Efisiensi"],
        ["Target", "Realisasi", "%", "Target (Rp)", "Realisasi (Rp)", "%", "%", "Keterangan"],
    ]
    assert len(t.baris) == 12


@pytest.mark.parametrize("kode", EFISIENSI)
def test_efisiensi_rows(lakip, kode):
    t = tabel(lakip, "Efisiensi")
    target, _, realisasi, capaian, *_ = HASIL[kode]
    pagu, realisasi_rp, persen, ibt, ibr, efisiensi = EFISIENSI[kode]
    # Effective: capaian ≥ 100 (all); efficient: efficiency ≥ 0 (all).
    assert nilai_baris(t, IND[kode]) == [
        IND[kode],
        target,
        realisasi,
        capaian,
        "Efektif",
        pagu,
        realisasi_rp,
        persen,
        ibt,
        ibr,
        efisiensi,
        "Efisien",
    ]


def test_efisiensi_printed(lakip):
    t = tabel(lakip, "Efisiensi")
    assert teks_baris(t, IND["III.2"])[1:] == [
        "5",
        "363,80",
        "7.276,00%",
        "Efektif",
        "Rp 764.307.000",
        "Rp 764.304.843",
        "100,00%",
        "152.861.400",
        "2.100.893",
        "98,63%",
        "Efisien",
    ]
    # IV.1 has no budget: effective (108,11%) but no efficiency.
    assert teks_baris(t, IND["IV.1"])[1:] == [
        "92,5",
        "100,00",
        "108,11%",
        "Efektif",
        *["–"] * 6,
        "–",
    ]
    # (60,00 + 0,01 + 80,01 + 98,63 + 90,83 + 46,63 + 8,38 + 16,70 + 16,57 + 0,20 + 0,83) / 11
    # = 418,79 / 11 = 38,071… → 38,07 (IV.1 has none; Tabel 38 prints 37,97).
    assert nilai_baris(t, "Efisiensi rata-rata", kaki=True) == [
        "Efisiensi rata-rata",
        D("38.07"),
        "",
    ]
    assert teks_baris(t, "Efisiensi rata-rata", kaki=True)[1] == "38,07%"


# --- the workbook: number formats by kind of cell -------------------------------------------


@pytest.fixture(scope="module")
def buku(xlsx_bytes):
    """The LAKIP workbook, read once for this module's checks (they only read it)."""
    return load_workbook(io.BytesIO(xlsx_bytes("lakip-pekanbaru")))


def _sheet_checks():
    ind = IND
    return [
        # (sheet name, key column, key, column, value, number format)
        ("Target dan Capaian", "C", ind["I.1"], "D", 10, BULAT),
        ("Target dan Capaian", "C", ind["I.1"], "F", D("25.00"), ANGKA_2),
        ("Target dan Capaian", "C", ind["I.1"], "G", D("250.00"), PERSEN_2),
        ("Target dan Capaian", "C", ind["II.1"], "F", 1, BULAT),  # a count
        ("Target dan Capaian", "C", ind["IV.1"], "D", D("92.5"), ANGKA_1),
        ("Target dan Capaian", "C", ind["V.1"], "F", D("3.82"), ANGKA_2),  # an index
        ("Target dan Capaian", "C", ind["III.2"], "G", D("7276.00"), PERSEN_2),
        ("Realisasi Anggaran", "A", "6042.EBA.994.002.I", "C", 1_147_590_000, RUPIAH),
        ("Realisasi Anggaran", "A", "6042.EBA.994.002.I", "D", 1_147_143_772, RUPIAH),
        ("Realisasi Anggaran", "A", "6042.EBA.994.002.I", "E", D("99.96"), PERSEN_2),
        ("Realisasi Anggaran", "A", "Total", "D", 7_680_058_359, RUPIAH),
        ("Realisasi Anggaran", "A", "Total", "E", D("99.99"), PERSEN_2),
        ("Layanan per Tahun", "A", "Pengujian", "C", 211, BULAT),
        ("Layanan per Tahun", "A", "Jumlah", "C", 255, BULAT),
        ("PNBP per Tahun", "A", "Jumlah", "E", 616_640_854, RUPIAH),
        ("PNBP terhadap Target", "A", "2022", "F", D("94.02"), PERSEN_2),
        ("Nilai SAKIP", "A", "BSPJI Pekanbaru", "F", D("75.15"), ANGKA_2),
        ("Efisiensi", "A", ind["III.2"], "I", 152_861_400, BULAT),
        ("Efisiensi", "A", ind["III.2"], "J", 2_100_893, BULAT),
        ("Efisiensi", "A", ind["III.2"], "K", D("98.63"), PERSEN_2),
        ("Efisiensi", "A", "Efisiensi rata-rata", "K", D("38.07"), PERSEN_2),
        ("Deviasi RPD", "A", "TW II", "B", 1_554_720_350, RUPIAH),
        ("Deviasi RPD", "A", "Nilai deviasi (100 − rata-rata)", "D", D("88.34"), ANGKA_2),
        ("Realisasi per Triwulan", "A", 24, "D", D("21"), PERSEN_2),
        ("Realisasi per Triwulan", "A", 24, "K", D("99.96"), PERSEN_2),
        ("Revisi Anggaran", "A", "Revisi 4", "B", datetime.datetime(2023, 2, 21), TANGGAL),
        ("Revisi Anggaran", "A", "Revisi 4", "D", 7_592_226_000, RUPIAH),
    ]


@pytest.mark.parametrize(
    ("nama_lembar", "kolom_kunci", "kunci", "kolom", "nilai", "format_"), _sheet_checks()
)
def test_workbook_number_formats(
    buku, lakip, nama_lembar, kolom_kunci, kunci, kolom, nilai, format_
):
    ws = lembar(buku, tabel(lakip, nama_lembar))
    c = ws[f"{kolom}{baris_lembar(ws, kolom_kunci, kunci)}"]
    assert c.number_format == format_
    if isinstance(nilai, datetime.date):
        assert c.value == nilai
    else:
        assert isinstance(c.value, int | float) and D(str(c.value)) == nilai
