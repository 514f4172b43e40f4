"""Achievement over the Renstra years by each indicator's rule, with Pekanbaru's figures.
LAKIP Tabel 29 sums every indicator's yearly values, indices and percentages included; the
rule of each indicator gives other (meaningful) totals."""

from __future__ import annotations

from decimal import Decimal as D

from kinerja.perhitungan import JUMLAH, RATA_RATA, TERAKHIR, TahunRenstra, capaian_renstra


def tahun(*rows):
    return [
        TahunRenstra(t, None if a is None else D(a), None if r is None else D(r))
        for t, a, r in rows
    ]


def test_indices_take_the_latest_year():
    # Indeks kepuasan masyarakat: 2021 3,4/3,64; 2022 3,45/3,75; 2023 3,50/3,82 (computed).
    # Tabel 29 sums them (13,87 target incl. 2024, 11,2 realisasi, 80,74%): meaningless.
    h = capaian_renstra(
        TERAKHIR,
        tahun(
            (2021, "3.4", "3.64"),
            (2022, "3.45", "3.75"),
            (2023, "3.50", "3.82"),
            (2024, "3.52", None),
        ),
        sampai_tahun=2023,
    )
    assert (h.target_sd.nilai, h.realisasi_sd.nilai) == (D("3.50"), D("3.82"))
    assert h.capaian_sd.nilai == D("109.14")  # 3,82 / 3,50
    assert h.target_periode.nilai == D("3.52")  # the final year's target
    assert h.realisasi_sd.rumus == "nilai terakhir (2023) = 3,82"


def test_rates_take_the_mean():
    # Productivity through consultancy: targets 5, 10, 12; realisations 23, 66,6, 60.
    # Mean realisasi 149,6 / 3 = 49,866... → 49,87; mean target 27 / 3 = 9; 49,87 / 9 = 554,11%.
    h = capaian_renstra(
        RATA_RATA,
        tahun((2021, "5", "23"), (2022, "10", "66.6"), (2023, "12", "60"), (2024, "15", None)),
        sampai_tahun=2023,
    )
    assert (h.target_sd.nilai, h.realisasi_sd.nilai, h.capaian_sd.nilai) == (
        D("9.00"), D("49.87"), D("554.11"),
    )  # fmt: skip
    assert h.realisasi_sd.rumus == "(23 + 66,6 + 60) / 3 = 49,87"


def test_counts_are_summed_and_missing_years_said():
    # Companies facilitated: target 1 in 2022 and 2023; none reported for 2022, 1 in 2023.
    h = capaian_renstra(
        JUMLAH,
        tahun((2021, None, None), (2022, "1", None), (2023, "1", "1"), (2024, "1", None)),
        sampai_tahun=2023,
    )
    assert (h.target_sd.nilai, h.realisasi_sd.nilai, h.capaian_sd.nilai) == (
        D("2.00"), D("1.00"), D("50.00"),
    )  # fmt: skip
    assert h.realisasi_sd.keterangan == "dijumlahkan: 2023; tanpa nilai: 2021, 2022"
    assert h.target_periode.nilai == D("3.00")


def test_no_realisation_yet_cannot_be_computed():
    h = capaian_renstra(JUMLAH, tahun((2024, "1", None)), sampai_tahun=2024)
    assert h.realisasi_sd.alasan == "tidak dapat dihitung: tidak ada nilai pada periode mana pun"
    assert h.capaian_sd.nilai is None
