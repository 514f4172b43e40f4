"""The rules of a line's Rencana Aksi that its page and its workbook share: a quarter's
target antara (cumulative %, 0-100, may stay empty) and that it never falls below an earlier
quarter's."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from kinerja import riwayat
from kinerja.forms import AngkaField

# A quarter may be left empty (a line measured only at the year's end).
TARGET_ANTARA = AngkaField(
    required=False,
    min_value=Decimal(0),
    max_value=Decimal(100),
    max_digits=5,
    decimal_places=2,
    error_messages={
        "min_value": "Target antara antara 0 dan 100.",
        "max_value": "Target antara antara 0 dan 100.",
    },
)


def galat_kumulatif(target: Mapping[int, Decimal | None]) -> dict[int, str]:
    """The quarters (1-4) whose target falls below an earlier quarter's, with the message."""
    galat: dict[int, str] = {}
    sebelumnya = Decimal(0)
    for tw in sorted(target):
        v = target[tw]
        if v is None:
            continue
        if v < sebelumnya:
            galat[tw] = (
                f"Kumulatif: tidak boleh turun dari TW sebelumnya ({riwayat.teks(sebelumnya)}%)."
            )
        sebelumnya = v
    return galat
