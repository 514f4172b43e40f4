"""Deterministic randomness and the calendar of a simulated year: one random stream per
satker (seeded by the run's seed, the year and the satker's name, so adding satker does not
change earlier ones), exact decimals drawn from integers, and the fixed dates and times every
simulated record carries instead of "now"."""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

SERATUS = Decimal(100)


def rng_satker(seed: int, tahun: int, nama: str) -> random.Random:
    """The random stream of one satker's year. A string seed is hashed (SHA-512) by
    `random`, so the stream is the same on every machine and every Python run."""
    return random.Random(f"buat_simulasi:{seed}:{tahun}:{nama}")


def rng_identitas(seed: int, nomor: int) -> random.Random:
    """The random stream of a new simulated satker's identity (kind, city, head)."""
    return random.Random(f"buat_simulasi:{seed}:identitas:{nomor}")


def acak_desimal(
    rng: random.Random, bawah: Decimal | str, atas: Decimal | str, tempat: int = 2
) -> Decimal:
    """A decimal in [bawah, atas] with `tempat` decimals, drawn as an integer: no float is
    ever rounded into a stored value."""
    skala = 10**tempat
    lo = int(Decimal(bawah) * skala)
    hi = int(Decimal(atas) * skala)
    return Decimal(rng.randint(lo, hi)).scaleb(-tempat)


def bulat(nilai: Decimal, tempat: int = 2) -> Decimal:
    """Half-up to `tempat` decimals."""
    return nilai.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def rupiah(nilai: Decimal) -> int:
    """Whole rupiah, half-up."""
    return int(nilai.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def batasi(nilai: Decimal, bawah: Decimal | int, atas: Decimal | int) -> Decimal:
    return max(Decimal(bawah), min(Decimal(atas), nilai))


# --- the calendar -------------------------------------------------------------------------


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    """The last day of a quarter (the position date of its supporting data)."""
    bulan = 3 * triwulan
    return datetime.date(tahun, bulan, 31 if bulan in (3, 12) else 30)


def awal_triwulan(tahun: int, triwulan: int) -> datetime.date:
    return datetime.date(tahun, 3 * triwulan - 2, 1)


def batas_pelaporan(tahun: int, triwulan: int) -> datetime.date:
    """The simulated deadline of a quarter's report: the 20th of the month after it."""
    if triwulan == 4:
        return datetime.date(tahun + 1, 1, 20)
    return datetime.date(tahun, 3 * triwulan + 1, 20)


def tanggal_acuan(tahun: int) -> datetime.date:
    """The day the simulated picture is taken: 25 January of the next year, after the
    deadline of quarter IV (20 January) and before the extensions it grants (5 February)."""
    return datetime.date(tahun + 1, 1, 25)


def batas_perpanjangan(tahun: int) -> datetime.date:
    """The extended deadline of quarter IV given to a satker still correcting its report."""
    return datetime.date(tahun + 1, 2, 5)


def tanggal_acak(rng: random.Random, awal: datetime.date, akhir: datetime.date) -> datetime.date:
    """A day in [awal, akhir]."""
    return awal + datetime.timedelta(days=rng.randint(0, max(0, (akhir - awal).days)))


def waktu(tanggal: datetime.date, jam: int = 9, menit: int = 0) -> datetime.datetime:
    """A moment in the project's time zone (WIB): simulated records never carry "now"."""
    return datetime.datetime.combine(
        tanggal, datetime.time(jam, menit), tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def waktu_kerja(rng: random.Random, tanggal: datetime.date) -> datetime.datetime:
    """A moment in office hours of the day."""
    return waktu(tanggal, rng.randint(8, 15), rng.choice((0, 10, 15, 20, 30, 40, 45, 50)))
