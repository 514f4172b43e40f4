"""Template filters that print figures the Indonesian way, through kinerja.formatting."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template

from kinerja import formatting

register = template.Library()


@register.filter
def angka(nilai: Decimal | int | None) -> str:
    """92.5000 → "92,5"; 750 → "750"; None → "–"."""
    if nilai is None or nilai == "":
        return "–"
    return formatting.format_desimal_ringkas(Decimal(nilai))


@register.filter
def rupiah(nilai: int | None) -> str:
    if nilai is None:
        return "–"
    return formatting.format_rupiah(nilai)


@register.filter
def tanggal(nilai: datetime.date | None) -> str:
    if nilai is None:
        return "–"
    return formatting.format_tanggal(nilai)


@register.filter
def romawi(nilai: int) -> str:
    return formatting.romawi(int(nilai))


@register.filter
def persen(nilai: Decimal | None) -> str:
    """A reported percentage with the precision it carries: 20.20 → "20,20"; None → "–"."""
    if nilai is None or nilai == "":
        return "–"
    return formatting.format_angka(Decimal(nilai))
