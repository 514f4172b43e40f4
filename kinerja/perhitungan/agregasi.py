"""How values combine over the quarters of a year and over the years of a Renstra: summed
(counts), the latest value (indices, scores, cumulative positions) or the mean."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kinerja.perhitungan.dasar import BAKU, Hasil, Pembulatan, angka, hasil_bulat

JUMLAH = "jumlah"
TERAKHIR = "terakhir"
RATA_RATA = "rata_rata"

NAMA_ATURAN = {JUMLAH: "dijumlahkan", TERAKHIR: "nilai terakhir", RATA_RATA: "rata-rata"}


def agregasi(aturan: str, nilai: Sequence[Decimal | None]) -> Decimal | None:
    """Combine a series by `aturan`, skipping the periods without a value. Exact: the
    caller rounds the result when it reports it. None when no period has a value."""
    ada = [Decimal(v) for v in nilai if v is not None]
    if not ada:
        return None
    if aturan == JUMLAH:
        return sum(ada, Decimal(0))
    if aturan == TERAKHIR:
        return ada[-1]
    if aturan == RATA_RATA:
        return sum(ada, Decimal(0)) / len(ada)
    raise ValueError(f"aturan agregasi tidak dikenal: {aturan}")


def agregasi_hasil(
    aturan: str,
    nilai: Sequence[tuple[str, Decimal | None]],
    *,
    desimal: int | None = None,
    persen: bool = False,
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """`agregasi` with its working: the periods (labelled) that entered and the rule used.
    Summing yearly index values would be wrong; the rule shown says which one applied."""
    ada = [(label, Decimal(v)) for label, v in nilai if v is not None]
    hilang = [label for label, v in nilai if v is None]
    if not ada:
        return Hasil.gagal("tidak ada nilai pada periode mana pun")
    total = agregasi(aturan, [v for _, v in ada])
    if aturan == JUMLAH:
        rumus = " + ".join(angka(v) for _, v in ada)
    elif aturan == TERAKHIR:
        rumus = f"nilai terakhir ({ada[-1][0]})"
    else:
        rumus = f"({' + '.join(angka(v) for _, v in ada)}) / {len(ada)}"
    keterangan = f"{NAMA_ATURAN[aturan]}: " + ", ".join(label for label, _ in ada)
    if hilang:
        keterangan += "; tanpa nilai: " + ", ".join(hilang)
    return hasil_bulat(
        total, rumus, pembulatan, persen=persen, desimal=desimal, keterangan=keterangan
    )
