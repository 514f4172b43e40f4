"""Indonesian presentation of numbers, money, dates and codes, as the ministry's documents
print them (Rp 12.207.073.000; 45,12; 30 Juni 2023; III.2). Pure functions, no Django."""

from __future__ import annotations

import datetime
from decimal import Decimal

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_ROMAWI = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def angka_romawi(n: int) -> str:
    """Roman numeral of 1..3999 (14 → XIV): page numbers of a report's front matter."""
    if not 1 <= n <= 3999:
        raise ValueError(f"angka romawi di luar 1..3999: {n}")
    hasil = []
    for nilai, huruf in _ROMAWI:
        while n >= nilai:
            hasil.append(huruf)
            n -= nilai
    return "".join(hasil)


def romawi(n: int) -> str:
    """Roman numeral of a sasaran number (1 → I, 8 → VIII), as PK tables number them."""
    if not 1 <= n <= 39:
        raise ValueError(f"nomor sasaran di luar 1..39: {n}")
    return angka_romawi(n)


def _kelompok_ribuan(digits: str) -> str:
    kelompok = []
    while len(digits) > 3:
        kelompok.insert(0, digits[-3:])
        digits = digits[:-3]
    kelompok.insert(0, digits)
    return ".".join(kelompok)


def format_angka(nilai: Decimal | int, desimal: int | None = None) -> str:
    """45.12 → "45,12"; 12207073000 → "12.207.073.000"; with `desimal` the value is shown
    with exactly that many decimals (the value must already be rounded by the caller:
    formatting never rounds, so a printed figure is always the computed one)."""
    d = Decimal(nilai)
    if desimal is not None:
        kuantum = Decimal(1).scaleb(-desimal)
        if d != d.quantize(kuantum):
            raise ValueError(f"{d} belum dibulatkan ke {desimal} desimal")
        d = d.quantize(kuantum)
    tanda = "-" if d < 0 else ""
    teks = format(abs(d), "f")
    bulat, _, pecahan = teks.partition(".")
    hasil = tanda + _kelompok_ribuan(bulat)
    if pecahan:
        hasil += "," + pecahan
    return hasil


def format_rupiah(nilai: int) -> str:
    """12207073000 → "Rp 12.207.073.000" (money is always whole rupiah)."""
    if isinstance(nilai, Decimal):
        if nilai != nilai.to_integral_value():
            raise ValueError(f"rupiah harus bilangan bulat: {nilai}")
        nilai = int(nilai)
    return "Rp " + format_angka(int(nilai))


def format_tanggal(tanggal: datetime.date) -> str:
    """date(2023, 6, 30) → "30 Juni 2023"."""
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def format_rentang_tanggal(mulai: datetime.date, selesai: datetime.date | None = None) -> str:
    """A period as the ministry's forms print it: "3-5 Mei 2023"; "30 Mei - 2 Juni 2023";
    one day, or no end: "14 Juni 2023"."""
    if selesai is None or selesai == mulai:
        return format_tanggal(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day}-{format_tanggal(selesai)}"
    if mulai.year == selesai.year:
        return f"{mulai.day} {BULAN[mulai.month - 1]} - {format_tanggal(selesai)}"
    return f"{format_tanggal(mulai)} - {format_tanggal(selesai)}"


def periode_triwulan(tahun: int, triwulan: int) -> str:
    """The months of a quarter, as the staff-monitoring form prints them: "April - Juni 2023"."""
    return f"{BULAN[3 * triwulan - 3]} - {BULAN[3 * triwulan - 1]} {tahun}"


def format_desimal_ringkas(nilai: Decimal) -> str:
    """A stored decimal without its trailing zeros: 92.5000 → "92,5"; 750.0000 → "750"."""
    d = Decimal(nilai)
    if d == d.to_integral_value():
        return format_angka(d.quantize(Decimal(1)))
    return format_angka(d.normalize())


_SATUAN = (
    "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas",
)  # fmt: skip
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu"))


def terbilang(n: int) -> str:
    """An amount in Indonesian words, as documents write rupiah out: 7350321000 → "tujuh miliar
    tiga ratus lima puluh juta tiga ratus dua puluh satu ribu"; 1000 → "seribu"."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"
    for besar, nama in _SKALA:
        if n >= besar:
            depan, sisa = divmod(n, besar)
            kata = "seribu" if besar == 1000 and depan == 1 else f"{terbilang(depan)} {nama}"
            return kata if sisa == 0 else f"{kata} {terbilang(sisa)}"
    if n >= 100:
        ratus, sisa = divmod(n, 100)
        kata = "seratus" if ratus == 1 else f"{_SATUAN[ratus]} ratus"
        return kata if sisa == 0 else f"{kata} {terbilang(sisa)}"
    if n >= 20:
        puluh, sisa = divmod(n, 10)
        kata = f"{_SATUAN[puluh]} puluh"
        return kata if sisa == 0 else f"{kata} {_SATUAN[sisa]}"
    if n >= 12:
        return f"{_SATUAN[n - 10]} belas"
    return _SATUAN[n]


def diktum(n: int) -> str:
    """The label of a decree's n-th decision, as decrees print them: 1 → "KESATU", 2 →
    "KEDUA", 12 → "KEDUA BELAS"."""
    if n < 1:
        raise ValueError(f"nomor diktum harus 1 atau lebih: {n}")
    return f"KE{terbilang(n).upper()}"


def rentang_tanggal(mulai: datetime.date, selesai: datetime.date | None) -> str:
    """A period as documents print it: "25 Mei 2023", "18–19 Agustus 2023", "31 Agustus –
    1 September 2023", "29 Desember 2023 – 2 Januari 2024"."""
    if selesai is None or selesai == mulai:
        return format_tanggal(mulai)
    if (mulai.year, mulai.month) == (selesai.year, selesai.month):
        return f"{mulai.day}–{format_tanggal(selesai)}"
    if mulai.year == selesai.year:
        return f"{mulai.day} {BULAN[mulai.month - 1]} – {format_tanggal(selesai)}"
    return f"{format_tanggal(mulai)} – {format_tanggal(selesai)}"
