"""The dotted codes of the RKA-K/L tree: programs "EC", kegiatan "6077", then from the
kegiatan down "6077.BAD", "6077.BAD.012", "6077.BAD.012.051", "6077.BAD.012.051.A" and the akun
("….521211"). Pure functions."""

from __future__ import annotations

import re

from kinerja.choices import POLA_KODE, TingkatAnggaran

T = TingkatAnggaran

# Levels by the number of segments of a code below the kegiatan; segment 5 is a sub-komponen
# (letters) or an akun placed directly under its komponen (6 digits).
_TINGKAT_SEGMEN = {2: T.KRO, 3: T.RO, 4: T.KOMPONEN}


class KodeTidakSah(ValueError):
    """A code that is not a valid node code; the message says why, in Indonesian."""


def tingkat_kode(kode: str) -> str:
    """The level of a full code: EC → program, 6077 → kegiatan, 6077.BAD → KRO, ..."""
    segmen = kode.split(".")
    if any(not s for s in segmen):
        raise KodeTidakSah(f"kode {kode!r} mengandung bagian kosong")
    if len(segmen) == 1:
        if re.match(POLA_KODE[T.PROGRAM], kode):
            return T.PROGRAM
        if re.match(POLA_KODE[T.KEGIATAN], kode):
            return T.KEGIATAN
        raise KodeTidakSah(
            f"kode {kode!r} bukan program (2 huruf, mis. EC) atau kegiatan (4 angka, mis. 6077)"
        )
    if len(segmen) in _TINGKAT_SEGMEN:
        tingkat = _TINGKAT_SEGMEN[len(segmen)]
    elif len(segmen) == 5:
        tingkat = T.AKUN if re.match(POLA_KODE[T.AKUN], segmen[4]) else T.SUB_KOMPONEN
    elif len(segmen) == 6:
        tingkat = T.AKUN
    else:
        raise KodeTidakSah(f"kode {kode!r} terlalu panjang (paling banyak sampai akun)")
    if not re.match(POLA_KODE[T.KEGIATAN], segmen[0]):
        raise KodeTidakSah(f"kode {kode!r} harus diawali kode kegiatan 4 angka")
    for i, s in enumerate(segmen[1:], start=1):
        level = _TINGKAT_SEGMEN.get(i + 1) or (tingkat if i == len(segmen) - 1 else T.SUB_KOMPONEN)
        if not re.match(POLA_KODE[level], s):
            raise KodeTidakSah(
                f"bagian {s!r} dari kode {kode!r} bukan kode {T(level).label} yang sah"
            )
    return tingkat


def kode_induk(kode: str) -> str | None:
    """The parent's full code below the kegiatan (None for a program or a kegiatan, whose
    parent is given separately)."""
    segmen = kode.split(".")
    return ".".join(segmen[:-1]) if len(segmen) > 1 else None


def segmen_terakhir(kode: str) -> str:
    return kode.split(".")[-1]


def kunci_urut(kode: str) -> tuple:
    """Sort key that keeps a node before its children and siblings in code order."""
    return tuple(kode.split("."))
