"""Properties that must hold for every input (hypothesis): capaian rises with realisasi for
maksimasi and falls for minimasi; aggregation by sum equals the sum of the quarters."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.perhitungan import JUMLAH, MasukanBaris, agregasi, capaian, hitung_baris
from kinerja.perhitungan.dasar import Pembulatan

nilai = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2, allow_nan=False)
positif = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2, allow_nan=False)
pembulatan = st.sampled_from(
    [
        Pembulatan.dari_nama(m, d)
        for m in ("ROUND_HALF_UP", "ROUND_DOWN", "ROUND_HALF_EVEN")
        for d in (0, 2, 4)
    ]
)


@given(r1=nilai, r2=nilai, target=positif, p=pembulatan)
def test_capaian_is_monotonic_in_realisasi_for_maksimasi(r1, r2, target, p):
    lo, hi = sorted((r1, r2))
    assert capaian(lo, target, pembulatan=p).nilai <= capaian(hi, target, pembulatan=p).nilai


@given(r1=nilai, r2=nilai, target=positif, p=pembulatan)
def test_capaian_is_reversed_for_minimasi_lakip_convention(r1, r2, target, p):
    lo, hi = sorted((r1, r2))
    c_lo = capaian(lo, target, klasifikasi="minimasi", pembulatan=p).nilai
    c_hi = capaian(hi, target, klasifikasi="minimasi", pembulatan=p).nilai
    assert c_lo >= c_hi


@given(r1=positif, r2=positif, target=positif, p=pembulatan)
def test_capaian_is_reversed_for_minimasi_ratio_convention(r1, r2, target, p):
    lo, hi = sorted((r1, r2))
    kw = {"klasifikasi": "minimasi", "rumus_minimasi": "rasio", "pembulatan": p}
    assert capaian(lo, target, **kw).nilai >= capaian(hi, target, **kw).nilai


kuartal = st.lists(st.one_of(st.none(), nilai), min_size=4, max_size=4)


@given(values=kuartal)
def test_sum_aggregation_equals_the_sum_of_the_quarters(values):
    ada = [v for v in values if v is not None]
    assert agregasi(JUMLAH, values) == (sum(ada, D(0)) if ada else None)


@settings(max_examples=60)
@given(values=st.lists(nilai, min_size=4, max_size=4))
def test_a_summed_indicator_reports_the_sum_of_its_quarters(values):
    """Reported quarterly counts of a summed indicator: s.d. TW IV (the year) is their sum,
    and every quarter's cumulative value is the sum so far."""
    masukan = MasukanBaris(
        kode="I.1",
        sasaran="s",
        indikator="i",
        satuan="Perusahaan",
        target=D(10),
        tahun=2023,
        agregasi_triwulan=JUMLAH,
        dilaporkan=tuple(values),
    )
    tahun = hitung_baris(masukan, None)
    assert tahun.realisasi.nilai == sum(values, D(0))
    for tw in range(1, 5):
        assert hitung_baris(masukan, tw).realisasi.nilai == sum(values[:tw], D(0))
