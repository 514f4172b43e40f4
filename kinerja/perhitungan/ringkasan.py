"""Figures across lines and satker, for the dashboards: a share of a count (indicators
reached among a PK's lines), a rupiah amount as a share of pagu, and days to or past a
deadline. Each with its working, as every other figure."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja.formatting import format_angka
from kinerja.perhitungan.dasar import BAKU, SERATUS, Hasil, Pembulatan, hasil_bulat

METODE_TERCAPAI = (
    "jumlah indikator PK berstatus tercapai dibagi jumlah seluruh indikator PK × 100% "
    "(indikator yang belum dapat dinilai dihitung belum tercapai)"
)
METODE_PENYERAPAN = "realisasi anggaran s.d. triwulan dibagi pagu DIPA × 100%"


def persen_bagian(bagian: int, jumlah: int, *, pembulatan: Pembulatan = BAKU) -> Hasil:
    """`bagian` of `jumlah` in percent: 9 of 13 indicators reached → 9 / 13 × 100% = 69,23%."""
    if jumlah <= 0:
        return Hasil.gagal("tidak ada yang dihitung")
    if not 0 <= bagian <= jumlah:
        raise ValueError(f"bagian {bagian} di luar 0..{jumlah}")
    return hasil_bulat(
        Decimal(bagian) / Decimal(jumlah) * SERATUS,
        f"{bagian} / {jumlah} × 100%",
        pembulatan,
        persen=True,
    )


def persen_rupiah(nilai: int | None, pagu: int | None, *, pembulatan: Pembulatan = BAKU) -> Hasil:
    """A rupiah amount as a percentage of pagu (the sum of several satker's realisation over
    the sum of their pagu, for instance)."""
    if nilai is None:
        return Hasil.gagal("realisasi belum ada")
    if not pagu:
        return Hasil.gagal("pagu belum ada")
    return hasil_bulat(
        Decimal(nilai) / Decimal(pagu) * SERATUS,
        f"{format_angka(nilai)} / {format_angka(pagu)} × 100%",
        pembulatan,
        persen=True,
    )


def selisih_hari(batas: datetime.date, hari_ini: datetime.date) -> int:
    """Days left until `batas` (positive), or past it (negative); 0 on the day itself."""
    return (batas - hari_ini).days
