"""Aggregation over quarters and Renstra years with series that fall and have gaps (a rising,
complete series cannot tell the latest value from the largest, nor a mean over the periods
with a value from one over all periods), and the laws every rule obeys (hypothesis)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.perhitungan import (
    JUMLAH,
    RATA_RATA,
    TERAKHIR,
    MasukanBaris,
    TahunRenstra,
    agregasi,
    agregasi_hasil,
    capaian_renstra,
    hitung_baris,
)

# A falling series with no value in TW III.
TURUN = [D(40), D("25.5"), None, D(10)]
LABEL = ["TW I", "TW II", "TW III", "TW IV"]


class TestFallingSeriesWithAGap:
    def test_sum_skips_the_gap(self):
        # 40 + 25,5 + 10 = 75,5
        assert agregasi(JUMLAH, TURUN) == D("75.5")

    def test_latest_is_the_last_value_not_the_largest(self):
        assert agregasi(TERAKHIR, TURUN) == D(10)

    def test_latest_skips_trailing_quarters_without_a_value(self):
        assert agregasi(TERAKHIR, [D(5), D(7), None, None]) == D(7)

    def test_mean_counts_only_the_periods_with_a_value(self):
        # (40 + 25,5 + 10) / 3 = 25,1666…, not 75,5 / 4 = 18,875
        assert agregasi(RATA_RATA, TURUN).quantize(D("0.0001")) == D("25.1667")

    def test_nothing_to_combine(self):
        for aturan in (JUMLAH, TERAKHIR, RATA_RATA):
            assert agregasi(aturan, [None, None]) is None
            assert agregasi(aturan, []) is None

    def test_an_unknown_rule_is_refused_by_name(self):
        with pytest.raises(ValueError, match="aturan agregasi tidak dikenal: median"):
            agregasi("median", [D(1)])


class TestWorking:
    def test_sum_shows_its_terms_and_the_quarters_used(self):
        h = agregasi_hasil(JUMLAH, list(zip(LABEL, TURUN, strict=True)))
        assert (h.nilai, h.rumus) == (D("75.50"), "40 + 25,5 + 10 = 75,50")
        assert h.keterangan == "dijumlahkan: TW I, TW II, TW IV; tanpa nilai: TW III"

    def test_latest_names_its_quarter(self):
        h = agregasi_hasil(TERAKHIR, list(zip(LABEL, TURUN, strict=True)))
        assert (h.nilai, h.rumus) == (D("10.00"), "nilai terakhir (TW IV) = 10,00")
        assert h.keterangan == "nilai terakhir: TW I, TW II, TW IV; tanpa nilai: TW III"

    def test_mean_divides_by_the_periods_used(self):
        h = agregasi_hasil(RATA_RATA, list(zip(LABEL, TURUN, strict=True)))
        assert (h.nilai, h.rumus) == (D("25.17"), "(40 + 25,5 + 10) / 3 = 25,17")
        assert h.keterangan == "rata-rata: TW I, TW II, TW IV; tanpa nilai: TW III"

    def test_a_complete_series_names_no_gap(self):
        h = agregasi_hasil(JUMLAH, [("2021", D(1)), ("2022", D(2))])
        assert h.keterangan == "dijumlahkan: 2021, 2022"

    def test_percent_and_decimals_are_the_callers(self):
        h = agregasi_hasil(JUMLAH, [("a", D("1.25")), ("b", D("2.5"))], desimal=1, persen=True)
        # 1,25 + 2,5 = 3,75 → 3,8 at one decimal (half-up)
        assert (h.nilai, h.desimal, h.rumus) == (D("3.8"), 1, "1,25 + 2,5 = 3,8%")

    def test_no_value_in_any_period(self):
        assert agregasi_hasil(RATA_RATA, [("a", None)]).alasan == (
            "tidak dapat dihitung: tidak ada nilai pada periode mana pun"
        )


class TestThroughALine:
    """The rule of a PK line combines the values reported per quarter (no supporting data)."""

    def line(self, aturan: str, dilaporkan) -> MasukanBaris:
        return MasukanBaris(
            kode="I.1", sasaran="s", indikator="i", satuan="Nilai", target=D(20), tahun=2023,
            agregasi_triwulan=aturan, dilaporkan=tuple(dilaporkan),
        )  # fmt: skip

    def test_latest_value_of_a_falling_series(self):
        h = hitung_baris(self.line(TERAKHIR, TURUN), None)
        # the year: the TW IV value 10; capaian 10 / 20 = 50,00%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D("10.00"), D("50.00"))
        assert h.realisasi.rumus == "dilaporkan s.d. TW IV = 10,00"

    def test_mean_of_an_incomplete_series(self):
        h = hitung_baris(self.line(RATA_RATA, TURUN), None)
        # (40 + 25,5 + 10) / 3 = 25,1666… → 25,17; capaian 25,17 / 20 = 125,85%
        assert (h.realisasi.nilai, h.capaian.nilai) == (D("25.17"), D("125.85"))

    def test_sum_up_to_a_quarter(self):
        # s.d. TW III: 40 + 25,5 (TW III has no value) = 65,5
        assert hitung_baris(self.line(JUMLAH, TURUN), 3).realisasi.nilai == D("65.50")

    def test_only_the_latest_rule_says_which_quarter_it_stands_for(self):
        catatan = "Nilai terakhir yang dilaporkan adalah posisi TW II."
        gap = [D(40), D("25.5"), None, None]
        assert catatan in hitung_baris(self.line(TERAKHIR, gap), 3).catatan
        assert catatan not in hitung_baris(self.line(JUMLAH, gap), 3).catatan
        # the quarter itself has a value: nothing to say
        assert not any(c.startswith("Nilai terakhir") for c in hitung_baris(
            self.line(TERAKHIR, gap), 2).catatan)  # fmt: skip


class TestRenstraYears:
    def test_latest_year_of_a_falling_index(self):
        # Index 3,9 (2021), 3,7 (2022), 3,5 (2023): to date it stands at 3,5 against the 2023
        # target 3,6: 3,5 / 3,6 = 97,22%.
        h = capaian_renstra(
            TERAKHIR,
            [TahunRenstra(2021, D("3.4"), D("3.9")), TahunRenstra(2022, D("3.5"), D("3.7")),
             TahunRenstra(2023, D("3.6"), D("3.5"))],
            sampai_tahun=2023,
        )  # fmt: skip
        assert (h.realisasi_sd.nilai, h.target_sd.nilai, h.capaian_sd.nilai) == (
            D("3.50"), D("3.60"), D("97.22"),
        )  # fmt: skip
        assert h.target_sd.rumus == "nilai terakhir (2023) = 3,60"

    def test_a_minimasi_indicator_over_the_years_uses_its_convention(self):
        # Minimasi (lower is better), target 10 in both years, realisations 12 and 5: mean
        # (12 + 5) / 2 = 8,5 against the mean target 10. Ratio convention 10 / 8,5 =
        # 117,647… → 117,65%; LAKIP convention (2 × 10 − 8,5) / 10 = 115,00%.
        tahun = [TahunRenstra(2022, D(10), D(12)), TahunRenstra(2023, D(10), D(5))]
        rasio = capaian_renstra(
            RATA_RATA, tahun, sampai_tahun=2023, klasifikasi="minimasi", rumus_minimasi="rasio"
        )
        selisih = capaian_renstra(RATA_RATA, tahun, sampai_tahun=2023, klasifikasi="minimasi")
        assert (rasio.capaian_sd.nilai, selisih.capaian_sd.nilai) == (D("117.65"), D("115.00"))

    def test_years_after_the_one_reported_count_only_for_the_period_target(self):
        h = capaian_renstra(
            JUMLAH,
            [TahunRenstra(2023, D(2), D(3)), TahunRenstra(2024, D(4), D(100))],
            sampai_tahun=2023,
        )
        assert (h.realisasi_sd.nilai, h.target_sd.nilai, h.target_periode.nilai) == (
            D("3.00"), D("2.00"), D("6.00"),
        )  # fmt: skip
        assert h.target_periode.rumus == "2 + 4 = 6,00"
        assert h.target_periode.keterangan == "dijumlahkan: 2023, 2024"


# --- laws -----------------------------------------------------------------------------------

angka = st.decimals(min_value=D("-1000"), max_value=D("1000"), places=3, allow_nan=False)
seri = st.lists(st.one_of(st.none(), angka), min_size=1, max_size=8)


@given(c=angka, n=st.integers(min_value=1, max_value=8), kosong=st.integers(0, 4))
def test_a_constant_series_aggregates_to_the_constant(c, n, kosong):
    nilai = [c] * n + [None] * kosong
    assert agregasi(TERAKHIR, nilai) == c
    assert agregasi(RATA_RATA, nilai) == c
    assert agregasi(JUMLAH, nilai) == c * n


@given(nilai=seri, data=st.data())
def test_sum_and_mean_do_not_depend_on_the_order(nilai, data):
    diacak = data.draw(st.permutations(nilai))
    assert agregasi(JUMLAH, diacak) == agregasi(JUMLAH, nilai)
    assert agregasi(RATA_RATA, diacak) == agregasi(RATA_RATA, nilai)


@given(nilai=seri)
def test_the_mean_lies_between_the_smallest_and_largest_value(nilai):
    ada = [v for v in nilai if v is not None]
    rata = agregasi(RATA_RATA, nilai)
    if not ada:
        assert rata is None
    else:
        assert min(ada) <= rata <= max(ada)


@given(nilai=seri)
def test_latest_is_the_last_period_with_a_value(nilai):
    ada = [v for v in nilai if v is not None]
    assert agregasi(TERAKHIR, nilai) == (ada[-1] if ada else None)
