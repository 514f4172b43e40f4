"""The budget of both demo satker: every total above a leaf is rolled up from the leaves and
matches the printed tables, except where a printed subtotal disagrees with its own leaves: there
the test asserts the rolled-up value and the comment names the slip. Expected values are
derived by hand from the raw figures (leaf pagu, realisation, recorded percentages)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.models import Dipa, IndikatorPerjanjian
from kinerja.selectors import anggaran as sel
from satker.models import Satker
from tests.conftest import MANADO, PEKANBARU

pytestmark = pytest.mark.django_db


def tree(kode_satker: str, bulan=sel.SETAHUN) -> dict[str, sel.NodeAnggaran]:
    nodes = sel.pohon(Satker.objects.get(kode=kode_satker), 2023, bulan=bulan)
    return {n.kode: n for n in nodes.values()}


# --- the invariant, on both trees -------------------------------------------------------


@pytest.mark.parametrize("kode_satker", [MANADO, PEKANBARU])
def test_pagu_is_stored_on_leaves_only_and_every_total_is_the_sum_of_its_children(
    demo, kode_satker
):
    nodes = tree(kode_satker)
    anak: dict[str, list[sel.NodeAnggaran]] = {}
    for n in nodes.values():
        anak.setdefault(n.kode_induk, []).append(n)
    for kode, n in nodes.items():
        children = anak.get(kode, [])
        if children:
            assert n.item.pagu is None, f"{kode} is not a leaf but stores a pagu"
            assert n.hasil.pagu == sum(c.hasil.pagu for c in children), kode
            for bulan, posisi in n.hasil.posisi.items():
                if posisi.sumber == "gabungan":
                    assert posisi.realisasi_rp == sum(
                        c.hasil.posisi[bulan].realisasi_rp for c in children
                    ), (kode, bulan)
        else:
            assert n.item.pagu is not None, f"leaf {kode} has no pagu"


@pytest.mark.parametrize(
    ("kode_satker", "pagu_dipa"),
    [
        # Manado: DIPA after revisi 02 (text 2.1): Rp 12.207.073.000.
        (MANADO, 12_207_073_000),
        # Pekanbaru: after revision 18 (Tabel 6, Tabel 7, Tabel 33): Rp 7.680.590.000.
        (PEKANBARU, 7_680_590_000),
    ],
)
def test_the_tree_adds_up_to_the_pagu_of_the_last_dipa_revision(demo, kode_satker, pagu_dipa):
    dipa = Dipa.objects.get(satker__kode=kode_satker, tahun=2023)
    assert dipa.revisi.order_by("-nomor").first().pagu == pagu_dipa
    programs = [n for n in tree(kode_satker).values() if n.item.induk_id is None]
    assert sum(n.hasil.pagu for n in programs) == pagu_dipa


def test_pekanbaru_has_its_18_revisions_and_manado_its_two(demo):
    assert Dipa.objects.get(satker__kode=PEKANBARU, tahun=2023).revisi.count() == 18
    assert Dipa.objects.get(satker__kode=MANADO, tahun=2023).revisi.count() == 2


# --- Manado, PP-39 Tabel 2 --------------------------------------------------------------

# Every subtotal printed in Tabel 2; each is the sum of the rows below it (checked by hand:
# e.g. 6077.BAD 436.560.000 + 70.740.000 + 41.588.000 = 548.888.000).
MANADO_TABEL_2 = {
    "EC": 936_441_000,
    "6077": 936_441_000,
    "6077.AEF": 48_488_000,
    "6077.AEF.002": 48_488_000,
    "6077.BAD": 548_888_000,
    "6077.BAD.012": 436_560_000,
    "6077.BAD.036": 70_740_000,
    "6077.BAD.058": 41_588_000,
    "6077.CAH": 232_180_000,
    "6077.CAH.021": 232_180_000,
    "6077.QDI": 106_885_000,
    "6077.QDI.002": 106_885_000,
    "WA": 11_270_632_000,
    "6042": 11_270_632_000,
    "6042.EBA": 10_725_706_000,
    "6042.EBA.958": 4_550_000,
    "6042.EBA.962": 12_940_000,
    "6042.EBA.994": 10_708_216_000,
    "6042.EBB": 18_000_000,
    "6042.EBB.951": 18_000_000,
    "6042.EBC": 200_480_000,
    "6042.EBC.996": 200_480_000,
    "6042.EBD": 326_446_000,
    "6042.EBD.952": 21_880_000,
    "6042.EBD.953": 25_370_000,
    "6042.EBD.961": 25_010_000,
    "6042.EBD.965": 254_186_000,
}


def test_manado_rolled_up_pagu_matches_every_row_of_tabel_2(demo):
    nodes = tree(MANADO)
    assert {k: nodes[k].hasil.pagu for k in MANADO_TABEL_2} == MANADO_TABEL_2


def test_manado_kegiatan_progress_is_weighted_by_the_kegiatans_own_pagu(demo):
    """Form A "Jumlah" rows divide by the whole DIPA (12.207.073.000) instead of the
    kegiatan's pagu; the product weights by the kegiatan's own pagu."""
    nodes = tree(MANADO)
    k6077 = nodes["6077"].hasil.posisi[6]
    # Realisation of each KRO s.d. TW II from its recorded %, to the rupiah:
    # AEF 48.488.000 × 31,04% = 15.050.675; BAD 548.888.000 × 27,63% = 151.657.754;
    # CAH 0; QDI 106.885.000 × 21,00% = 22.445.850; sum 189.154.279.
    assert k6077.realisasi_rp == 189_154_279
    # 189.154.279 / 936.441.000 = 20,199% → 20,20 (Form A prints 1,55: divided by the DIPA).
    assert k6077.realisasi_keuangan.nilai == D("20.20")
    # Fisik: (48.488.000 × 31,53 + 548.888.000 × 27,86 + 232.180.000 × 0
    #         + 106.885.000 × 21,29) / 936.441.000 = 19.096.427.970 / 936.441.000 = 20,393 → 20,39
    # (Form A prints 1,56).
    assert k6077.realisasi_fisik.nilai == D("20.39")

    k6042 = nodes["6042"].hasil.posisi[6]
    # EBA 10.725.706.000 × 44,82% = 4.807.261.429; EBB 0; EBC 200.480.000 × 45,37% =
    # 90.957.776; EBD 326.446.000 × 39,31% = 128.325.923; sum 5.026.545.128.
    assert k6042.realisasi_rp == 5_026_545_128
    # 5.026.545.128 / 11.270.632.000 = 44,599% → 44,60 (Form A prints 41,18 = / DIPA pagu).
    assert k6042.realisasi_keuangan.nilai == D("44.60")
    # (10.725.706.000 × 48,00 + 18.000.000 × 0 + 200.480.000 × 46,92 + 326.446.000 × 39,75)
    # / 11.270.632.000 = 537.216.638.100 / 11.270.632.000 = 47,665 → 47,67 (printed 44,01).
    assert k6042.realisasi_fisik.nilai == D("47.67")


def test_manado_quarter_columns_come_from_one_cumulative_series(demo):
    bad = tree(MANADO)["6077.BAD"].hasil.posisi
    lalu, ini = bad[3].realisasi_keuangan.nilai, bad[6].realisasi_keuangan.nilai
    # s.d. TW I 18,63; s.d. TW II 27,63; so TW II alone is 9,00 (Form A prints 9,01).
    kolom = sel.pa.kolom_triwulan(lalu, ini)
    assert (kolom.sd_lalu, kolom.ini, kolom.sd_ini) == (D("18.63"), D("9.00"), D("27.63"))


def test_manado_whole_dipa_realisation_to_the_end_of_quarter_ii(demo):
    nodes = {n.item.pk: n for n in tree(MANADO).values()}
    pagu, _, realisasi = sel.total_satker(nodes, 6)
    # 189.154.279 (6077) + 5.026.545.128 (6042) = 5.215.699.407. Bab IV prints
    # 5.215.824.466: its KRO amounts are not derivable from the two-decimal percentages.
    assert (pagu, realisasi) == (12_207_073_000, 5_215_699_407)


# --- Pekanbaru, LAKIP Tabel 32 and 33 ---------------------------------------------------

# (pagu, realisation) of Tabel 32 per kegiatan, KRO and RO. Every row is the sum of its
# leaves except those noted.
PEKANBARU_TABEL_32 = {
    # Printed 6.788.361.000 / 6.787.846.201: the row copies kegiatan 6042's figures. Its KROs
    # give 56.520.000 + 624.067.000 + 49.268.000 + 115.199.000 + 47.175.000 = 892.229.000 and
    # 56.520.000 + 624.065.370 + 49.265.230 + 115.198.600 + 47.162.958 = 892.212.158.
    "6077": (892_229_000, 892_212_158),
    "6077.AEF": (56_520_000, 56_520_000),
    "6077.AEF.001": (56_520_000, 56_520_000),
    "6077.BAD": (624_067_000, 624_065_370),
    "6077.BAD.001": (469_597_000, 469_596_604),
    "6077.BAD.024": (72_147_000, 72_146_619),
    "6077.BAD.036": (29_723_000, 29_722_147),
    "6077.BAD.075": (52_600_000, 52_600_000),
    "6077.BDI": (49_268_000, 49_265_230),
    "6077.BDI.006": (49_268_000, 49_265_230),
    "6077.CAH": (115_199_000, 115_198_600),
    "6077.CAH.021": (115_199_000, 115_198_600),
    "6077.QDI": (47_175_000, 47_162_958),
    "6077.QDI.002": (47_175_000, 47_162_958),
    "6042": (6_788_361_000, 6_787_846_201),
    "6042.EBA": (5_522_083_000, 5_521_580_742),
    "6042.EBA.958": (127_043_000, 127_041_726),
    "6042.EBA.994": (5_395_040_000, 5_394_539_016),
    "6042.EBB": (850_726_000, 850_723_300),
    "6042.EBB.951": (850_726_000, 850_723_300),
    "6042.EBC": (177_134_000, 177_126_641),
    "6042.EBC.996": (177_134_000, 177_126_641),
    "6042.EBD": (238_418_000, 238_415_518),
    "6042.EBD.952": (35_554_000, 35_553_857),
    "6042.EBD.955": (21_031_000, 21_030_800),
    "6042.EBD.961": (64_034_000, 64_032_959),
    "6042.EBD.965": (117_799_000, 117_797_902),
}


def test_pekanbaru_rolled_up_pagu_and_realisation_match_tabel_32(demo):
    nodes = tree(PEKANBARU)
    computed = {
        k: (nodes[k].hasil.pagu, nodes[k].hasil.posisi[12].realisasi_rp) for k in PEKANBARU_TABEL_32
    }
    assert computed == PEKANBARU_TABEL_32


def test_pekanbaru_leaf_slips_of_tabel_32_are_corrected_from_their_parents(demo):
    nodes = tree(PEKANBARU)
    # 6077.BDI.006.052 realised 49.265.230 = A 12.080.057 + B 740.000 + C 16.894.900 + D, so
    # D = 19.550.273; Tabel 32 prints 9.550.273 (and 100% of its pagu 19.551.000).
    assert nodes["6077.BDI.006.052.D"].hasil.posisi[12].realisasi_rp == 19_550_273
    # 6042.EBD.955.051 realised 21.030.800 with one sub-komponen A, printed 21.031.000.
    assert nodes["6042.EBD.955.051.A"].hasil.posisi[12].realisasi_rp == 21_030_800


def test_pekanbaru_year_total_is_tabel_33(demo):
    nodes = {n.item.pk: n for n in tree(PEKANBARU).values()}
    pagu, rencana, realisasi = sel.total_satker(nodes, 12)
    # Tabel 33, TA 2023: 7.680.590.000 and 7.680.058.359 (= 892.212.158 + 6.787.846.201).
    assert (pagu, rencana, realisasi) == (7_680_590_000, 7_680_590_000, 7_680_058_359)


def test_a_cumulative_realisation_that_falls_is_flagged(demo):
    # Tabel 31 row 5 (halal laboratory): R 47,8% at TW I, 32,9% at TW II.
    catatan = tree(PEKANBARU)["6077.BAD.075.051.A"].hasil.catatan
    menurun = [c for c in catatan if "menurun" in c]
    assert len(menurun) == 1 and "6077.BAD.075.051.A" in menurun[0]


# --- Pekanbaru, LAKIP Tabel 38 ----------------------------------------------------------

# (budget, realised, IBT, IBR, efficiency) per PK line. Budget and realised are the roll-ups
# of the nodes linked to the line (Tabel 30) and match Tabel 38. IBT = budget / target and
# IBR = realised / realisasi kinerja, to the whole rupiah; efficiency = (IBT − IBR) / IBT ×
# 100, rounded half-up to two decimals (DESIGN.md). The realisasi kinerja are those derived
# from the raw figures in test_capaian_demo.
TABEL_38 = {
    # 32.372.000 / 10 = 3.237.200; 32.370.330 / 25 = 1.294.813,2 → 1.294.813;
    # 1.942.387 / 3.237.200 = 60,002%.
    "I.1": (32_372_000, 32_370_330, 3_237_200, 1_294_813, "60.00"),
    # 16.896.000 / 1; 16.894.900 / 1; 1.100 / 16.896.000 = 0,0065% → 0,01.
    "II.1": (16_896_000, 16_894_900, 16_896_000, 16_894_900, "0.01"),
    # 47.175.000 / 12 = 3.931.250; 47.162.958 / 60 = 786.049,3 → 786.049; 80,005% → 80,01.
    "III.1": (47_175_000, 47_162_958, 3_931_250, 786_049, "80.01"),
    # 764.307.000 / 5 = 152.861.400; 764.304.843 / 363,80 = 2.100.892,9 → 2.100.893;
    # 98,6256% → 98,63. Tabel 38 prints IBR 2.105.523 and 98,62: it divides by the realisasi
    # truncated to 363.
    "III.2": (764_307_000, 764_304_843, 152_861_400, 2_100_893, "98.63"),
    # 117.799.000 / 5 = 23.559.800; 117.797.902 / 54,55 = 2.159.448,2 → 2.159.448; 90,834%
    # → 90,83. Tabel 38 prints realisasi 50, IBR 2.355.958 and 90,00.
    "III.3": (117_799_000, 117_797_902, 23_559_800, 2_159_448, "90.83"),
    # 965.925.000 / 45 = 21.465.000; 965.921.900 / 84,31 = 11.456.789,1 → 11.456.789; 46,626%.
    "III.4": (965_925_000, 965_921_900, 21_465_000, 11_456_789, "46.63"),
    # 24.000.000 / 3,5 = 6.857.142,9 → 6.857.143; 23.999.685 / 3,82 = 6.282.640,1 →
    # 6.282.640; 8,378% → 8,38. Tabel 38 uses the IKM 3,81 (IBR 6.299.130, 8,14).
    "V.1": (24_000_000, 23_999_685, 6_857_143, 6_282_640, "8.38"),
    # 3.424.975.000 / 73 = 46.917.465,8 → 46.917.466; 3.424.926.496 / 87,63 = 39.083.949,5 →
    # 39.083.950; 16,696% → 16,70.
    "VI.1": (3_424_975_000, 3_424_926_496, 46_917_466, 39_083_950, "16.70"),
    # 2.166.522.000 / 3,53 = 613.745.609,1; 2.166.061.729 / 4,23 = 512.071.330,7; 16,566%.
    "VII.1": (2_166_522_000, 2_166_061_729, 613_745_609, 512_071_331, "16.57"),
    # 99.588.000 / 75 = 1.327.840; 99.586.816 / 75,15 = 1.325.173,9 → 1.325.174; 0,2008%.
    "VIII.1": (99_588_000, 99_586_816, 1_327_840, 1_325_174, "0.20"),
    # 21.031.000 / 90 = 233.677,8 → 233.678; 21.030.800 / 90,75 = 231.744,4 → 231.744; 0,828%.
    "VIII.2": (21_031_000, 21_030_800, 233_678, 231_744, "0.83"),
}


def efisiensi_pekanbaru():
    lines = (
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker__kode=PEKANBARU, sasaran__perjanjian__tahun=2023
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .prefetch_related("anggaran")
        .order_by("sasaran__nomor", "nomor")
    )
    return {e.baris.kode: e for e in sel.efisiensi_indikator(lines)}


def test_tabel_38_is_reproduced_by_computation(demo):
    hasil = efisiensi_pekanbaru()
    computed = {
        kode: (
            e.pagu,
            e.realisasi_anggaran,
            int(e.efisiensi.ibt.nilai),
            int(e.efisiensi.ibr.nilai),
            str(e.efisiensi.efisiensi.nilai),
        )
        for kode, e in hasil.items()
        if kode in TABEL_38
    }
    assert computed == TABEL_38
    assert all(hasil[k].efisiensi.efektif and hasil[k].efisiensi.efisien for k in TABEL_38)


def test_a_line_without_budget_has_no_efficiency_and_says_why(demo):
    # IV.1 (audit follow-up) has no component linked in Tabel 30; Tabel 38 prints "-".
    iv1 = efisiensi_pekanbaru()["IV.1"]
    assert iv1.pagu == 0
    assert iv1.efisiensi.efisiensi.nilai is None
    assert "tidak ada anggaran" in iv1.efisiensi.efisiensi.alasan


def test_mean_efficiency_of_the_lines(demo):
    from kinerja.perhitungan import anggaran as pa

    hasil = efisiensi_pekanbaru()
    rata = pa.rata_rata([e.efisiensi.efisiensi for e in hasil.values()])
    # (60,00 + 0,01 + 80,01 + 98,63 + 90,83 + 46,63 + 8,38 + 16,70 + 16,57 + 0,20 + 0,83) / 11
    # = 418,79 / 11 = 38,07 (Tabel 38 prints 37,97 from its three slipped rows).
    assert rata.nilai == D("38.07")


# --- PNBP against target, and the disbursement plan ------------------------------------


def test_pnbp_against_target(demo):
    pekanbaru = {
        x.tahun: x
        for x in sel.pnbp_per_tahun(Satker.objects.get(kode=PEKANBARU), range(2020, 2024))
    }
    # 2020: 14.686.331 / 45.500.000 = 32,277% → 32,28 (Tabel 15 prints 32,27, truncated).
    assert pekanbaru[2020].persen_total.nilai == D("32.28")
    # 2023: service fees 556.782.250 / 250.000.000 = 222,71%; all receipts
    # 616.640.854 / 250.000.000 = 246,656% → 246,66.
    assert (pekanbaru[2023].persen_layanan.nilai, pekanbaru[2023].persen_total.nilai) == (
        D("222.71"),
        D("246.66"),
    )
    manado = sel.pnbp_per_tahun(Satker.objects.get(kode=MANADO), [2023])[0]
    # Bab IV: 518.891.250 received against the target 1.150.000.000 = 45,121% → 45,12.
    assert (manado.target, manado.total, manado.persen_total.nilai) == (
        1_150_000_000,
        518_891_250,
        D("45.12"),
    )


def test_deviation_from_the_disbursement_plan_per_quarter(demo):
    nodes = {n.item.pk: n for n in tree(MANADO).values()}
    dev = sel.deviasi_penarikan(nodes, 6)
    # The DIPA-wide plan and realisation s.d. TW I and II are the roll-ups (asserted above for
    # the realisation); each quarter's own amounts are their differences.
    (tw1, tw2) = dev.periode
    _, rencana1, realisasi1 = sel.total_satker(nodes, 3)
    _, rencana2, realisasi2 = sel.total_satker(nodes, 6)
    assert (tw1.rencana, tw1.realisasi) == (rencana1, realisasi1)
    assert (tw2.rencana, tw2.realisasi) == (rencana2 - rencana1, realisasi2 - realisasi1)
    # TW I plan, pagu × S% of Form A per KRO, to the rupiah: BAD 548.888.000 × 17,95% =
    # 98.525.396; QDI 106.885.000 × 1,09% = 1.165.047; EBA 10.725.706.000 × 17,27% =
    # 1.852.329.426; EBC 200.480.000 × 10,20% = 20.448.960; EBD 326.446.000 × 4,37% =
    # 14.265.690; AEF, CAH, EBB nil: 1.986.734.519. Realisation, the same way with R%:
    # 102.257.834 + 1.720.849 + 1.772.959.202 + 21.010.304 + 14.624.781 = 1.912.572.970.
    # Deviation 74.161.549 / 1.986.734.519 = 3,733% → 3,73.
    assert (tw1.rencana, tw1.realisasi, tw1.deviasi.nilai) == (
        1_986_734_519,
        1_912_572_970,
        D("3.73"),
    )
    # S.d. TW II the same way with the June S% and R%: 5.399.561.406 and 5.215.699.407; TW II
    # alone 3.412.826.887 and 3.303.126.437; deviation 109.700.450 / 3.412.826.887 = 3,214%.
    assert (tw2.rencana, tw2.realisasi, tw2.deviasi.nilai) == (
        3_412_826_887,
        3_303_126_437,
        D("3.21"),
    )
