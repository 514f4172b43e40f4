"""Budget computation on small hand-made trees: roll-up, recorded versus summed progress,
pagu-weighted physical progress, review flags, quarter columns, efficiency, deviation from
the disbursement plan."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.perhitungan import Ambang
from kinerja.perhitungan import anggaran as pa
from kinerja.perhitungan.dasar import Hasil

# EC → 6077 → KRO A (pagu 300) and KRO B (pagu 100, two leaves 60 + 40).
POHON = [
    pa.Simpul(1, None, "program", "EC", "Program"),
    pa.Simpul(2, 1, "kegiatan", "6077", "Kegiatan"),
    pa.Simpul(3, 2, "kro", "6077.AAA", "KRO A", pagu=300),
    pa.Simpul(4, 2, "kro", "6077.BBB", "KRO B"),
    pa.Simpul(5, 4, "ro", "6077.BBB.001", "RO B1", pagu=60),
    pa.Simpul(6, 4, "ro", "6077.BBB.002", "RO B2", pagu=40),
]


def test_pagu_rolls_up_from_the_leaves():
    hasil = pa.hitung_pohon(POHON, {})
    assert [hasil[i].pagu for i in range(1, 7)] == [400, 400, 300, 100, 60, 40]
    assert hasil[4].rumus_pagu == "60 + 40 = 100"
    assert [hasil[i].daun for i in range(1, 7)] == [False, False, True, False, True, True]


def test_a_pagu_stored_above_the_leaves_is_ignored_and_flagged():
    simpul = [*POHON[:3], pa.Simpul(4, 2, "kro", "6077.BBB", "KRO B", pagu=999), *POHON[4:]]
    hasil = pa.hitung_pohon(simpul, {})
    assert hasil[4].pagu == 100
    assert hasil[4].catatan == (
        "Pagu 999 tercatat pada 6077.BBB yang memiliki rincian; dipakai jumlah rinciannya 100.",
    )


def test_a_leaf_without_pagu_counts_zero_and_is_flagged():
    simpul = [pa.Simpul(1, None, "program", "EC", "P"), pa.Simpul(2, 1, "kegiatan", "6077", "K")]
    hasil = pa.hitung_pohon(simpul, {})
    assert hasil[2].pagu == 0
    assert hasil[2].catatan == ("Rincian terbawah 6077 belum memiliki pagu.",)


def test_progress_recorded_on_a_node_in_percent_gives_its_rupiah_half_up():
    progres = {3: [pa.Titik(6, realisasi_keuangan=D("33.33"), realisasi_fisik=D("40"))]}
    posisi = pa.hitung_pohon(POHON, progres, (6,))[3].posisi[6]
    # 300 × 33,33% = 99,99 → 100 rupiah.
    assert (posisi.realisasi_rp, posisi.realisasi_keuangan.nilai) == (100, D("33.33"))
    assert posisi.sumber == "tercatat"


def test_progress_of_a_parent_is_summed_and_weighted_by_its_own_pagu():
    progres = {
        3: [pa.Titik(6, realisasi_keuangan_rp=150, realisasi_fisik=D("50"))],
        5: [pa.Titik(6, realisasi_keuangan_rp=60, realisasi_fisik=D("100"))],
        6: [pa.Titik(6, realisasi_keuangan_rp=10, realisasi_fisik=D("25"))],
    }
    hasil = pa.hitung_pohon(POHON, progres, (6,))
    kro_b, kegiatan = hasil[4].posisi[6], hasil[2].posisi[6]
    # KRO B: 60 + 10 = 70 of 100 = 70,00%; fisik (60 × 100 + 40 × 25) / 100 = 70,00.
    assert (kro_b.realisasi_rp, kro_b.realisasi_keuangan.nilai) == (70, D("70.00"))
    assert kro_b.realisasi_fisik.nilai == D("70.00")
    assert kro_b.sumber == "gabungan"
    # Kegiatan: 150 + 70 = 220 of 400 = 55,00%; fisik (300 × 50 + 100 × 70) / 400 = 55,00,
    # weighted by the kegiatan's own pagu (400), not by the program's or the DIPA's.
    assert (kegiatan.realisasi_rp, kegiatan.realisasi_keuangan.nilai) == (220, D("55.00"))
    assert kegiatan.realisasi_fisik.nilai == D("55.00")
    assert kegiatan.realisasi_fisik.rumus == "(300 × 50 + 100 × 70,00) / 400 = 55,00%"


def test_a_rupiah_rebuilt_from_a_percentage_is_not_a_reported_amount():
    progres = {
        3: [pa.Titik(6, realisasi_keuangan=D("50"))],  # 300 × 50% = 150, rebuilt
        5: [pa.Titik(6, realisasi_keuangan_rp=60)],
        6: [pa.Titik(6, realisasi_keuangan_rp=10)],
    }
    hasil = pa.hitung_pohon(POHON, progres, (6,))
    assert (hasil[3].posisi[6].realisasi_rp, hasil[3].posisi[6].realisasi_rp_tercatat) == (
        150,
        None,
    )
    # KRO B: both leaves reported amounts, 60 + 10 = 70.
    assert hasil[4].posisi[6].realisasi_rp_tercatat == 70
    # The kegiatan sums 150 + 70 = 220 to compute with, but 150 of it was never reported.
    assert (hasil[2].posisi[6].realisasi_rp, hasil[2].posisi[6].realisasi_rp_tercatat) == (
        220,
        None,
    )


def test_an_amount_reported_above_the_leaves_wins_and_the_rest_still_rolls_up():
    # The SAKTI total of the program: 231 rupiah spent, while the KROs reported percentages
    # (KRO A 50% of 300 = 150; KRO B 70% of 100 = 70: 220 rebuilt) and physical progress.
    progres = {
        1: [pa.Titik(6, realisasi_keuangan_rp=231)],
        3: [pa.Titik(6, realisasi_keuangan=D("50"), realisasi_fisik=D("50"))],
        4: [pa.Titik(6, realisasi_keuangan=D("70"), realisasi_fisik=D("70"))],
    }
    program = pa.hitung_pohon(POHON, progres, (6,))[1].posisi[6]
    # 231 / 400 = 57,75%.
    assert (program.realisasi_rp, program.realisasi_rp_tercatat) == (231, 231)
    assert program.realisasi_keuangan.nilai == D("57.75")
    # Fisik is not in the SAKTI figure: (300 × 50 + 100 × 70) / 400 = 55,00 from below.
    assert program.realisasi_fisik.nilai == D("55.00")
    assert program.sumber == "tercatat"


def test_a_parent_with_a_child_not_reported_has_no_total():
    progres = {
        3: [pa.Titik(6, realisasi_keuangan_rp=150)],
        5: [pa.Titik(6, realisasi_keuangan_rp=1)],
    }
    hasil = pa.hitung_pohon(POHON, progres, (6,))
    assert hasil[4].posisi[6].realisasi_rp is None  # RO B2 not reported
    assert hasil[2].posisi[6].realisasi_rp is None
    assert hasil[2].posisi[6].realisasi_keuangan.nilai is None


def test_realisation_above_pagu_and_a_falling_cumulative_are_flagged():
    progres = {
        3: [
            pa.Titik(3, realisasi_keuangan_rp=200),
            pa.Titik(6, realisasi_keuangan_rp=150),
            pa.Titik(9, realisasi_keuangan_rp=301),
        ]
    }
    catatan = pa.hitung_pohon(POHON, progres, (3, 6, 9))[3].catatan
    assert catatan == (
        "Realisasi kumulatif 6077.AAA menurun dari 200 (s.d. bulan 3) ke 150 (s.d. bulan 6).",
        "Realisasi s.d. bulan 9 (301) melebihi pagu 6077.AAA (300).",
    )


def test_quarter_columns_always_add_up():
    kolom = pa.kolom_triwulan(D("18.63"), D("27.63"))
    assert (kolom.sd_lalu, kolom.ini, kolom.sd_ini) == (D("18.63"), D("9.00"), D("27.63"))
    pertama = pa.kolom_triwulan(None, D("31.04"))
    assert (pertama.sd_lalu, pertama.ini, pertama.sd_ini) == (None, D("31.04"), D("31.04"))
    assert pa.kolom_triwulan(D("5"), None).ini is None


class TestEfisiensi:
    def test_ibt_ibr_and_efficiency(self):
        h = pa.efisiensi_anggaran(
            target_kinerja=D(10),
            realisasi_kinerja=D(25),
            pagu=32_372_000,
            realisasi_anggaran=32_370_330,
            capaian=D("250.00"),
        )
        assert (h.ibt.nilai, h.ibr.nilai, h.efisiensi.nilai) == (D(3237200), D(1294813), D("60.00"))
        assert h.efisiensi.rumus == "(3.237.200 − 1.294.813) / 3.237.200 × 100% = 60,00%"
        assert (h.efektif, h.efisien) == (True, True)

    def test_costlier_than_planned_is_not_efficient(self):
        # IBT 100 / 10 = 10; IBR 100 / 5 = 20; (10 − 20) / 10 = −100%.
        h = pa.efisiensi_anggaran(
            target_kinerja=D(10), realisasi_kinerja=D(5), pagu=100, realisasi_anggaran=100,
            capaian=D("50"),
        )  # fmt: skip
        assert (h.efisiensi.nilai, h.efisien, h.efektif) == (D("-100.00"), False, False)

    @pytest.mark.parametrize(
        ("kwargs", "alasan"),
        [
            ({"pagu": 0}, "tidak ada anggaran yang mendukung indikator ini"),
            ({"target_kinerja": D(0)}, "target kinerja nol"),
            ({"realisasi_kinerja": D(0)}, "realisasi kinerja nol"),
            ({"realisasi_anggaran": None}, "realisasi kinerja atau anggaran belum ada"),
        ],
    )
    def test_what_cannot_be_computed_says_why(self, kwargs, alasan):
        args = {
            "target_kinerja": D(10), "realisasi_kinerja": D(5), "pagu": 100,
            "realisasi_anggaran": 90, "capaian": D(50),
        } | kwargs  # fmt: skip
        h = pa.efisiensi_anggaran(**args)
        assert h.efisiensi.nilai is None
        assert alasan in h.efisiensi.alasan


class TestDeviasiRpd:
    def test_each_period_on_its_own_amounts(self):
        # Own amounts: plan 100, 200; realised 90, 230. |90−100|/100 = 10%;
        # |230−200|/200 = 15%; mean 12,50%; score 87,50.
        h = pa.deviasi_rpd([("TW I", 100), ("TW II", 300)], [("TW I", 90), ("TW II", 320)])
        assert [(p.rencana, p.realisasi, p.deviasi.nilai) for p in h.periode] == [
            (100, 90, D("10.00")),
            (200, 230, D("15.00")),
        ]
        assert (h.rata_rata.nilai, h.nilai.nilai) == (D("12.50"), D("87.50"))

    def test_a_period_deviation_is_capped_at_100(self):
        h = pa.deviasi_rpd([("Jan", 10)], [("Jan", 50)])
        # |50 − 10| / 10 = 400%, counted as 100
        assert h.periode[0].deviasi.nilai == D("100.00")
        assert h.periode[0].deviasi.rumus == "|50 − 10| / 10 × 100% (dibatasi 100%) = 100,00%"

    def test_spending_without_a_plan_counts_100_and_neither_counts_0(self):
        h = pa.deviasi_rpd([("Jan", 0), ("Feb", 0)], [("Jan", 0), ("Feb", 5)])
        assert [p.deviasi.nilai for p in h.periode] == [D(0), D(100)]

    def test_a_period_after_a_gap_is_not_scored(self):
        # Feb is missing, so March's own amounts (March − Feb) are unknown; April's are known.
        h = pa.deviasi_rpd(
            [("Jan", 10), ("Feb", None), ("Mar", 30), ("Apr", 40)],
            [("Jan", 10), ("Feb", None), ("Mar", 30), ("Apr", 45)],
        )
        assert [(p.label, p.rencana, p.realisasi) for p in h.periode] == [
            ("Jan", 10, 10),
            ("Apr", 10, 15),
        ]
        assert h.catatan == (
            "Feb: rencana atau realisasi belum ada.",
            "Mar: tidak dihitung karena periode sebelumnya belum ada.",
        )

    def test_nothing_to_score(self):
        h = pa.deviasi_rpd([], [])
        assert h.nilai.nilai is None


def test_percentage_of_a_target():
    assert pa.persen_terhadap(518_891_250, 1_150_000_000).nilai == D("45.12")
    assert "target belum ditetapkan" in pa.persen_terhadap(5, None).alasan
    assert "jumlah belum ada" in pa.persen_terhadap(None, 5).alasan


# --- edges: zero, exact limits, what a node records and what it sums --------------------------


def test_an_empty_tree_has_no_figures():
    assert pa.hitung_pohon([], {}) == {}


def test_each_node_keeps_its_identity_and_a_leaf_its_pagu_as_working():
    hasil = pa.hitung_pohon(POHON, {})
    assert (hasil[3].simpul.kode, hasil[3].rumus_pagu) == ("6077.AAA", "pagu 300")


def test_a_child_with_zero_pagu_is_left_out_of_its_parents_progress():
    # KRO B (100) has RO B1 (60), RO B2 (40) and RO B3 (0, nothing to spend, nothing
    # reported): B's figures come from B1 and B2 alone: 45 + 30 = 75 of 100 = 75,00%; fisik
    # (60 × 80 + 40 × 50) / 100 = 68,00.
    simpul = [*POHON, pa.Simpul(7, 4, "ro", "6077.BBB.003", "RO B3", pagu=0)]
    progres = {
        5: [pa.Titik(6, realisasi_keuangan_rp=45, realisasi_fisik=D(80))],
        6: [pa.Titik(6, realisasi_keuangan_rp=30, realisasi_fisik=D(50))],
    }
    kro_b = pa.hitung_pohon(simpul, progres, (6,))[4].posisi[6]
    assert (kro_b.realisasi_rp, kro_b.realisasi_keuangan.nilai) == (75, D("75.00"))
    assert kro_b.realisasi_fisik.nilai == D("68.00")
    assert kro_b.sumber == "gabungan"


def test_a_child_with_a_pagu_of_one_rupiah_still_counts():
    # RO B1 60, RO B2 1 (a real, if tiny, allocation): 60 + 1 = 61 of 61 = 100,00%.
    simpul = [*POHON[:4], POHON[4], pa.Simpul(6, 4, "ro", "6077.BBB.002", "RO B2", pagu=1)]
    progres = {
        5: [pa.Titik(6, realisasi_keuangan_rp=60)],
        6: [pa.Titik(6, realisasi_keuangan_rp=1)],
    }
    kro_b = pa.hitung_pohon(simpul, progres, (6,))[4].posisi[6]
    assert (kro_b.realisasi_rp, kro_b.realisasi_keuangan.nilai) == (61, D("100.00"))


def test_a_node_with_nothing_reported_has_empty_figures_and_no_source():
    posisi = pa.hitung_pohon(POHON, {}, (6,))
    for node in (3, 4, 2):  # a leaf, a parent of leaves, a parent of parents
        p = posisi[node].posisi[6]
        assert (p.rencana_rp, p.realisasi_rp, p.sumber) == (None, None, "")
        assert [h.nilai for h in (p.rencana_keuangan, p.realisasi_keuangan, p.rencana_fisik,
                                  p.realisasi_fisik)] == [None] * 4  # fmt: skip


def test_a_parent_with_a_child_not_reported_is_not_summed():
    progres = {
        3: [pa.Titik(6, realisasi_keuangan_rp=150)],
        5: [pa.Titik(6, realisasi_keuangan_rp=1)],
    }
    kro_b = pa.hitung_pohon(POHON, progres, (6,))[4].posisi[6]
    assert (kro_b.realisasi_rp, kro_b.sumber) == (None, "")


def test_the_plan_of_a_parent_is_summed_and_weighted_like_the_realisation():
    # Plan recorded in percent on the leaves: KRO A 300 × 10% = 30; RO B1 60 × 50% = 30; RO B2
    # 40 × 25% = 10. KRO B: 30 + 10 = 40 of 100 = 40,00%; kegiatan: 30 + 40 = 70 of 400 =
    # 17,50%. Physical plan: KRO B (60 × 20 + 40 × 70) / 100 = 40,00; kegiatan (300 × 10 +
    # 100 × 40) / 400 = 17,50.
    progres = {
        3: [pa.Titik(6, rencana_keuangan=D(10), rencana_fisik=D(10), realisasi_keuangan_rp=0)],
        5: [pa.Titik(6, rencana_keuangan=D(50), rencana_fisik=D(20), realisasi_keuangan_rp=0)],
        6: [pa.Titik(6, rencana_keuangan=D(25), rencana_fisik=D(70), realisasi_keuangan_rp=0)],
    }
    hasil = pa.hitung_pohon(POHON, progres, (6,))
    daun = hasil[3].posisi[6]
    assert (daun.rencana_rp, daun.rencana_keuangan.nilai, daun.rencana_keuangan.rumus) == (
        30, D(10), "tercatat",
    )  # fmt: skip
    assert (daun.rencana_fisik.nilai, daun.rencana_fisik.rumus) == (D(10), "tercatat")
    kro_b, kegiatan = hasil[4].posisi[6], hasil[2].posisi[6]
    assert (kro_b.rencana_rp, kro_b.rencana_keuangan.nilai, kro_b.rencana_fisik.nilai) == (
        40, D("40.00"), D("40.00"),
    )  # fmt: skip
    assert (kegiatan.rencana_rp, kegiatan.rencana_keuangan.nilai) == (70, D("17.50"))
    assert kegiatan.rencana_fisik.nilai == D("17.50")
    assert kegiatan.rencana_keuangan.rumus == "70 / 400 × 100% = 17,50%"


def test_a_recorded_rupiah_gives_the_percentage_and_the_volume_passes_through():
    progres = {3: [pa.Titik(6, realisasi_keuangan_rp=150, realisasi_volume=D(12))]}
    daun = pa.hitung_pohon(POHON, progres, (6,))[3].posisi[6]
    # 150 / 300 = 50,00%
    assert (daun.realisasi_keuangan.nilai, daun.realisasi_keuangan.rumus) == (
        D("50.00"), "150 / 300 × 100% = 50,00%",
    )  # fmt: skip
    assert (daun.realisasi_volume, daun.rencana_rp, daun.sumber) == (D(12), None, "tercatat")


@pytest.mark.parametrize(("persen", "rupiah"), [("0.05", 1), ("0.25", 3), ("0.04", 0)])
def test_rupiah_of_a_percentage_is_rounded_half_up_to_the_rupiah(persen, rupiah):
    # pagu 1.000: 0,05% = 0,5 → 1 (half-up, not to even 0); 0,25% = 2,5 → 3; 0,04% = 0,4 → 0
    simpul = [pa.Simpul(1, None, "ro", "R", "RO", pagu=1_000)]
    progres = {1: [pa.Titik(6, realisasi_keuangan=D(persen), rencana_keuangan=D(persen))]}
    p = pa.hitung_pohon(simpul, progres, (6,))[1].posisi[6]
    assert (p.realisasi_rp, p.rencana_rp) == (rupiah, rupiah)


def test_realisation_exactly_at_pagu_and_a_level_cumulative_are_not_flagged():
    progres = {3: [pa.Titik(3, realisasi_keuangan_rp=300), pa.Titik(6, realisasi_keuangan_rp=300)]}
    assert pa.hitung_pohon(POHON, progres, (3, 6))[3].catatan == ()


def test_a_month_without_realisation_does_not_stop_the_checks_of_later_months():
    progres = {3: [pa.Titik(6, realisasi_keuangan_rp=301)]}  # nothing in month 3
    assert pa.hitung_pohon(POHON, progres, (3, 6))[3].catatan == (
        "Realisasi s.d. bulan 6 (301) melebihi pagu 6077.AAA (300).",
    )


def test_spending_on_a_leaf_without_pagu_cannot_be_a_percentage():
    simpul = [pa.Simpul(1, None, "ro", "R", "RO")]
    p = pa.hitung_pohon(simpul, {1: [pa.Titik(6, realisasi_keuangan_rp=5)]}, (6,))[1]
    assert p.posisi[6].realisasi_keuangan.alasan == "tidak dapat dihitung: pagu nol"
    assert p.catatan == (
        "Rincian terbawah R belum memiliki pagu.",
        "Realisasi s.d. bulan 6 (5) melebihi pagu R (0).",
    )


def test_quarter_columns_without_this_quarter_keep_the_previous():
    kolom = pa.kolom_triwulan(D(5), None)
    assert (kolom.sd_lalu, kolom.ini, kolom.sd_ini) == (D(5), None, None)


class TestEfisiensiBatas:
    def test_efficiency_of_exactly_zero_is_efficient(self):
        # Cost as planned: IBT 1.000 / 10 = 100 = IBR 1.000 / 10; (100 − 100) / 100 = 0,00%.
        h = pa.efisiensi_anggaran(
            target_kinerja=D(10), realisasi_kinerja=D(10), pagu=1_000, realisasi_anggaran=1_000,
            capaian=D(100),
        )  # fmt: skip
        assert (h.efisiensi.nilai, h.efisien, h.efektif) == (D("0.00"), True, True)

    def test_the_smallest_budget_is_still_a_budget(self):
        h = pa.efisiensi_anggaran(
            target_kinerja=D(1), realisasi_kinerja=D(1), pagu=1, realisasi_anggaran=1,
            capaian=D(100),
        )  # fmt: skip
        assert (h.ibt.nilai, h.ibr.nilai, h.efisiensi.nilai) == (D(1), D(1), D("0.00"))

    def test_a_slightly_costlier_result_is_not_efficient(self):
        # IBT 1.000 / 10 = 100; IBR 1.001 / 10 = 100,1 → 100 (whole rupiah): 0,00% and
        # efficient; 1.010 / 10 = 101: (100 − 101) / 100 = −1,00%, not efficient.
        h = pa.efisiensi_anggaran(
            target_kinerja=D(10), realisasi_kinerja=D(10), pagu=1_000, realisasi_anggaran=1_010,
            capaian=D(100),
        )  # fmt: skip
        assert (h.efisiensi.nilai, h.efisien) == (D("-1.00"), False)

    def test_capaian_between_the_thresholds_is_not_effective(self):
        args = {"target_kinerja": D(10), "realisasi_kinerja": D(9), "pagu": 100,
                "realisasi_anggaran": 90}  # fmt: skip
        assert pa.efisiensi_anggaran(**args, capaian=D(90)).efektif is False
        assert pa.efisiensi_anggaran(**args, capaian=D(100)).efektif is True
        assert pa.efisiensi_anggaran(**args, capaian=None).efektif is None
        # reached by a configured threshold of 90
        ambang = Ambang(tercapai=D(90), perlu_perhatian=D(50))
        assert pa.efisiensi_anggaran(**args, capaian=D(90), ambang=ambang).efektif is True

    def test_without_budget_nothing_is_computed_but_effectiveness_stands(self):
        h = pa.efisiensi_anggaran(
            target_kinerja=D(10), realisasi_kinerja=D(12), pagu=0, realisasi_anggaran=0,
            capaian=D(120),
        )  # fmt: skip
        alasan = "tidak dapat dihitung: tidak ada anggaran yang mendukung indikator ini"
        assert (h.ibt.alasan, h.ibr.alasan, h.efisiensi.alasan) == (alasan, alasan, alasan)
        assert (h.efektif, h.efisien) == (True, None)

    @pytest.mark.parametrize(
        ("kwargs", "alasan"),
        [
            ({"target_kinerja": D(0)}, "tidak dapat dihitung: target kinerja nol"),
            ({"realisasi_kinerja": D(0)}, "tidak dapat dihitung: realisasi kinerja nol"),
            (
                {"realisasi_kinerja": None},
                "tidak dapat dihitung: realisasi kinerja atau anggaran belum ada",
            ),
        ],
    )
    def test_the_reason_is_said_once(self, kwargs, alasan):
        args = {
            "target_kinerja": D(10), "realisasi_kinerja": D(5), "pagu": 100,
            "realisasi_anggaran": 90, "capaian": D(50),
        } | kwargs  # fmt: skip
        assert pa.efisiensi_anggaran(**args).efisiensi.alasan == alasan


class TestDeviasiBatas:
    def test_a_deviation_of_exactly_100_is_not_marked_as_capped(self):
        # plan 10, realised 20: |20 − 10| / 10 = 100,00%, the cap not applied
        h = pa.deviasi_rpd([("Jan", 10)], [("Jan", 20)])
        assert h.periode[0].deviasi.rumus == "|20 − 10| / 10 × 100% = 100,00%"

    def test_every_period_fully_off_scores_zero(self):
        # deviations 100 and 100 (capped): mean 100; score max(100 − 100, 0) = 0,00
        h = pa.deviasi_rpd([("Jan", 10), ("Feb", 20)], [("Jan", 50), ("Feb", 50)])
        assert (h.rata_rata.nilai, h.nilai.nilai) == (D("100.00"), D("0.00"))
        assert h.nilai.rumus == "100 − 100,00 = 0,00"

    def test_no_plan_and_nothing_spent_is_said(self):
        h = pa.deviasi_rpd([("Jan", 0)], [("Jan", 0)])
        assert (h.periode[0].deviasi.nilai, h.periode[0].deviasi.rumus) == (
            D(0), "tidak ada rencana pada periode ini",
        )  # fmt: skip

    def test_a_missing_realisation_alone_is_a_gap(self):
        h = pa.deviasi_rpd([("Jan", 10), ("Feb", 20)], [("Jan", 10), ("Feb", None)])
        assert [p.label for p in h.periode] == ["Jan"]
        assert h.catatan == ("Feb: rencana atau realisasi belum ada.",)

    def test_plan_and_realisation_must_cover_the_same_periods(self):
        with pytest.raises(ValueError):
            pa.deviasi_rpd([("Jan", 10), ("Feb", 20)], [("Jan", 10)])

    def test_the_mean_and_its_working(self):
        h = pa.rata_rata([Hasil(D("10.00")), Hasil(None), Hasil(D("15.00"))])
        # the figure that could not be computed is left out: (10 + 15) / 2 = 12,50
        assert (h.nilai, h.rumus) == (D("12.50"), "(10,00 + 15,00) / 2 = 12,50%")
        assert pa.rata_rata([Hasil(None)]).alasan == "tidak dapat dihitung: tidak ada nilai"


def test_percentage_of_a_target_with_its_working_and_reasons():
    h = pa.persen_terhadap(518_891_250, 1_150_000_000)
    # 518.891.250 / 1.150.000.000 = 45,1209…% → 45,12
    assert h.rumus == "518.891.250 / 1.150.000.000 × 100% = 45,12%"
    assert pa.persen_terhadap(None, 5).alasan == "tidak dapat dihitung: jumlah belum ada"
    assert pa.persen_terhadap(5, 0).alasan == "tidak dapat dihitung: target belum ditetapkan"


def test_a_node_with_only_a_physical_figure_has_no_financial_one():
    daun = pa.hitung_pohon(POHON, {3: [pa.Titik(6, realisasi_fisik=D(40))]}, (6,))[3].posisi[6]
    assert (daun.realisasi_rp, daun.realisasi_keuangan.nilai, daun.realisasi_fisik.nilai) == (
        None, None, D(40),
    )  # fmt: skip
