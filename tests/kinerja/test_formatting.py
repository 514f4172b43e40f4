"""Figures printed the way the ministry's documents print them."""

import datetime
from decimal import Decimal

import pytest

from kinerja.formatting import (
    format_angka,
    format_desimal_ringkas,
    format_rupiah,
    format_tanggal,
    romawi,
    terbilang,
)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "I"), (3, "III"), (4, "IV"), (5, "V"), (8, "VIII"), (9, "IX"), (14, "XIV")],
)
def test_roman_numerals_of_sasaran(n, expected):
    assert romawi(n) == expected


@pytest.mark.parametrize("n", [0, -1, 40])
def test_roman_numerals_out_of_range(n):
    with pytest.raises(ValueError):
        romawi(n)


def test_rupiah_with_dots():
    assert format_rupiah(12_207_073_000) == "Rp 12.207.073.000"
    assert format_rupiah(518_891_250) == "Rp 518.891.250"
    assert format_rupiah(0) == "Rp 0"


def test_rupiah_refuses_fractions():
    with pytest.raises(ValueError):
        format_rupiah(Decimal("10.5"))


def test_decimal_comma_and_thousands_dot():
    assert format_angka(Decimal("45.12"), 2) == "45,12"
    assert format_angka(Decimal("363.80"), 2) == "363,80"
    assert format_angka(Decimal("7260.00"), 2) == "7.260,00"
    assert format_angka(Decimal("-1234.5"), 1) == "-1.234,5"


def test_formatting_never_rounds():
    with pytest.raises(ValueError):
        format_angka(Decimal("363.8003"), 2)


def test_compact_decimal_drops_trailing_zeros():
    assert format_desimal_ringkas(Decimal("92.5000")) == "92,5"
    assert format_desimal_ringkas(Decimal("750.0000")) == "750"
    assert format_desimal_ringkas(Decimal("1000")) == "1.000"
    assert format_desimal_ringkas(Decimal("3.5300")) == "3,53"


def test_dates_in_indonesian():
    assert format_tanggal(datetime.date(2023, 6, 30)) == "30 Juni 2023"
    assert format_tanggal(datetime.date(2023, 10, 27)) == "27 Oktober 2023"


@pytest.mark.parametrize(
    ("angka", "kata"),
    [
        # The PK of BSPJI Pekanbaru 2023 writes its total budget out.
        (7_350_321_000, "tujuh miliar tiga ratus lima puluh juta tiga ratus dua puluh satu ribu"),
        (1_000, "seribu"),
        (1_100_011, "satu juta seratus ribu sebelas"),
        (12_207_073_000, "dua belas miliar dua ratus tujuh juta tujuh puluh tiga ribu"),
        (115, "seratus lima belas"),
        (10, "sepuluh"),
        (0, "nol"),
    ],
)
def test_terbilang(angka, kata):
    assert terbilang(angka) == kata
