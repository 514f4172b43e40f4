"""Which stored figures an open block of writes has made stale, and not yet refreshed.

kinerja/hasil.py pushes a set here when a block of writes starts (`hasil.menyegarkan()`),
adds to it when an input changes and refreshes at the block's end. Readers ask `tertunda()`
so that, inside such a block, they compute the figures of a satker whose inputs just changed
instead of reading its stored figures from before the change."""

from __future__ import annotations

import threading

# ("kinerja" | "anggaran", satker id, year)
Kunci = tuple[str, int, int]
KINERJA = "kinerja"
ANGGARAN = "anggaran"

_lokal = threading.local()


def tumpukan() -> list[set[Kunci]]:
    """The open blocks of this thread, innermost last."""
    if not hasattr(_lokal, "tumpukan"):
        _lokal.tumpukan = []
    return _lokal.tumpukan


def tertunda() -> set[Kunci]:
    """Every key changed in this thread's open blocks and not refreshed yet."""
    hasil: set[Kunci] = set()
    for kumpulan in tumpukan():
        hasil |= kumpulan
    return hasil
