"""Budget computation on small hand-made trees: roll-up, recorded versus summed progress,
pagu-weighted physical progress, review flags, quarter columns, efficiency, deviation from
the disbursement plan."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.perhitungan import anggaran as pa

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
        assert h.periode[0].deviasi.nilai == D("100.00")
        assert "(dibatasi 100%)" in h.periode[0].deviasi.rumus

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
