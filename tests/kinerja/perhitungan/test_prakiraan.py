"""The year-end forecast (kinerja/perhitungan/prakiraan.py) and the shares of the dashboards
(kinerja/perhitungan/ringkasan.py), worked by hand."""

from __future__ import annotations

import datetime
from decimal import ROUND_DOWN
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.perhitungan import Ambang, Pembulatan
from kinerja.perhitungan.prakiraan import (
    AKHIR_TAHUN,
    BERTAHAN,
    PENYERAPAN,
    PROGRES,
    PROPORSI_RENCANA_AKSI,
    PROPORSI_WAKTU,
    prakiraan_baris,
    prakiraan_penyerapan,
)
from kinerja.perhitungan.ringkasan import persen_bagian, persen_rupiah, selisih_hari


def baris(**kwargs):
    awal = dict(
        triwulan=2, bertambah=True, realisasi=None, target=D(750), target_antara=D(50),
        capaian_antara=None,
    )  # fmt: skip
    return prakiraan_baris(**(awal | kwargs))


def test_a_count_grows_as_the_rencana_aksi_planned():
    # Manado III.3: 426 SPK/Order to June, when the plan expected 50% of the year's.
    # 426 × 100 / 50 = 852 by December; 852 / 750 × 100 = 113,60%: expected to be reached.
    p = baris(realisasi=D(426))
    assert (p.realisasi.nilai, p.capaian.nilai, p.meleset) == (D("852.00"), D("113.60"), False)
    assert p.realisasi.rumus == "426 × 100 / 50 = 852,00"
    assert p.capaian.rumus == "852,00 / 750 × 100% = 113,60%"
    assert p.metode == PROPORSI_RENCANA_AKSI


def test_a_count_behind_its_plan_is_expected_to_miss():
    # 300 to June of a plan of 50%: 300 × 100 / 50 = 600; 600 / 750 = 80,00% < 100.
    p = baris(realisasi=D(300))
    assert (p.capaian.nilai, p.meleset) == (D("80.00"), True)


def test_without_a_target_antara_the_share_of_the_year_elapsed():
    # Three quarters elapsed (75%), 480 done: 480 × 100 / 75 = 640; 640 / 750 = 85,33%.
    p = baris(triwulan=3, realisasi=D(480), target_antara=None)
    assert (p.realisasi.nilai, p.capaian.nilai, p.metode) == (
        D("640.00"), D("85.33"), PROPORSI_WAKTU,
    )  # fmt: skip
    # A target antara of 0 says nothing of the share either.
    assert baris(triwulan=1, realisasi=D(100), target_antara=D(0)).realisasi.rumus == (
        "100 × 100 / 25 = 400,00"
    )


def test_an_index_stays_where_it_is():
    # Pekanbaru V.1, IKM 3,82 against 3,5: 3,82 / 3,5 × 100 = 109,14%.
    p = baris(bertambah=False, realisasi=D("3.82"), target=D("3.5"), target_antara=D(25))
    assert (p.realisasi.nilai, p.capaian.nilai, p.metode) == (D("3.82"), D("109.14"), BERTAHAN)


def test_the_fourth_quarter_and_the_year_are_the_result_itself():
    for tw in (4, None):
        p = baris(triwulan=tw, realisasi=D(700), target_antara=D(100))
        # 700 / 750 × 100 = 93,33%: missed, not forecast.
        assert (p.capaian.nilai, p.metode, p.meleset) == (D("93.33"), AKHIR_TAHUN, True)


def test_without_a_realisasi_the_progress_stands_for_the_year():
    p = baris(realisasi=None, capaian_antara=D("91.00"))
    assert (p.capaian.nilai, p.metode, p.meleset) == (D("91.00"), PROGRES, True)
    kosong = baris(realisasi=None, capaian_antara=None)
    assert (kosong.capaian.nilai, kosong.meleset) == (None, None)
    # In the fourth quarter there is nothing left to forecast.
    assert baris(triwulan=4, realisasi=None, capaian_antara=D(100)).capaian.nilai is None


def test_a_minimasi_line_and_the_thresholds_are_the_lines_own():
    # Minimasi (LAKIP convention): 40 to June of a plan of 50% → 80; target 90:
    # (2 × 90 − 80) / 90 × 100 = 111,11%.
    p = baris(realisasi=D(40), target=D(90), klasifikasi="minimasi")
    assert p.capaian.nilai == D("111.11")
    # 80,00% is reached when the threshold for reached is 80.
    kurang = baris(realisasi=D(300))
    assert kurang.meleset is True
    assert baris(realisasi=D(300), ambang=Ambang(D(80), D(60))).meleset is False


def test_a_forecast_is_rounded_as_configured():
    # 427 × 100 / 60 = 711,666…: truncated to one decimal 711,6; 711,6 / 750 × 100 = 94,88 →
    # truncated 94,8.
    p = baris(realisasi=D(427), target_antara=D(60), pembulatan=Pembulatan(ROUND_DOWN, 1))
    assert (p.realisasi.nilai, p.capaian.nilai) == (D("711.6"), D("94.8"))


def test_budget_absorption_carried_to_the_december_plan():
    # Manado to June: 42,73% realised of 44,23% planned; the plan for December 100%:
    # 42,73 / 44,23 × 100 = 96,6086 → 96,61%, above the 95% limit.
    p = prakiraan_penyerapan(
        persen_realisasi=D("42.73"), persen_rencana=D("44.23"), persen_rencana_akhir=D(100),
        batas=D(95),
    )  # fmt: skip
    assert (p.capaian.nilai, p.meleset, p.metode) == (D("96.61"), False, PENYERAPAN)
    assert p.capaian.rumus == "42,73% / 44,23% × 100% = 96,61%"
    # Behind the plan: 30 of 44,23 → 67,83%.
    assert prakiraan_penyerapan(
        persen_realisasi=D(30), persen_rencana=D("44.23"), persen_rencana_akhir=D(100),
        batas=D(95),
    ).meleset is True  # fmt: skip
    for kosong in (
        dict(persen_realisasi=None, persen_rencana=D(10), persen_rencana_akhir=D(100)),
        dict(persen_realisasi=D(5), persen_rencana=D(0), persen_rencana_akhir=D(100)),
        dict(persen_realisasi=D(5), persen_rencana=D(10), persen_rencana_akhir=None),
    ):
        assert prakiraan_penyerapan(**kosong, batas=D(95)).meleset is None


@given(
    realisasi=st.integers(min_value=0, max_value=10_000),
    lebih=st.integers(min_value=1, max_value=500),
    antara=st.integers(min_value=1, max_value=100),
)
def test_more_done_so_far_never_forecasts_less(realisasi, lebih, antara):
    """Monotonic: a count with more done by the same quarter forecasts at least as much."""
    a = baris(realisasi=D(realisasi), target_antara=D(antara))
    b = baris(realisasi=D(realisasi + lebih), target_antara=D(antara))
    assert b.capaian.nilai >= a.capaian.nilai


def test_shares_of_a_count_and_of_pagu():
    # 9 of 13 indicators reached: 9 / 13 × 100 = 69,2307… → 69,23%.
    h = persen_bagian(9, 13)
    assert (h.nilai, h.rumus) == (D("69.23"), "9 / 13 × 100% = 69,23%")
    assert persen_bagian(0, 12).nilai == D("0.00")
    assert persen_bagian(12, 12).nilai == D("100.00")
    assert persen_bagian(0, 0).nilai is None
    with pytest.raises(ValueError):
        persen_bagian(14, 13)
    # Manado to June: 5.215.699.407 / 12.207.073.000 × 100 = 42,7268… → 42,73%.
    assert persen_rupiah(5_215_699_407, 12_207_073_000).nilai == D("42.73")
    assert persen_rupiah(None, 100).nilai is None
    assert persen_rupiah(5, 0).nilai is None


def test_days_to_and_past_a_deadline():
    batas = datetime.date(2023, 7, 10)
    assert selisih_hari(batas, datetime.date(2023, 7, 3)) == 7
    assert selisih_hari(batas, datetime.date(2023, 7, 10)) == 0
    assert selisih_hari(batas, datetime.date(2023, 7, 14)) == -4
