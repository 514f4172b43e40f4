"""Review flags: what an evaluator would point out, said instead of left silent."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from kinerja.formatting import format_angka, romawi
from kinerja.perhitungan.dasar import angka


def capaian_jauh_di_atas(nilai_capaian: Decimal | None, batas: Decimal) -> str | None:
    """A capaian far above 100% suggests the target was not challenging (SAKIP evaluators
    note it)."""
    if nilai_capaian is None or nilai_capaian <= batas:
        return None
    return (
        f"Capaian {angka(nilai_capaian)}% jauh di atas target (di atas "
        f"{angka(batas)}%): target mungkin kurang menantang."
    )


def target_antara_tidak_wajar(target_antara: Sequence[Decimal | None]) -> list[str]:
    """Flags of a Rencana Aksi's cumulative targets, quarter I..IV: missing quarters, a
    decrease, or a year that does not end at 100."""
    catatan = []
    kosong = [f"TW {romawi(i)}" for i, t in enumerate(target_antara, start=1) if t is None]
    if kosong:
        catatan.append(f"Target antara {', '.join(kosong)} belum ditetapkan.")
    ada = [(i, t) for i, t in enumerate(target_antara, start=1) if t is not None]
    for (i0, t0), (i1, t1) in itertools.pairwise(ada):
        if t1 < t0:
            catatan.append(
                f"Target antara menurun dari TW {romawi(i0)} ({angka(t0)}) "
                f"ke TW {romawi(i1)} ({angka(t1)})."
            )
    if len(target_antara) == 4 and target_antara[3] is not None and target_antara[3] < 100:
        catatan.append(f"Target antara TW IV {angka(target_antara[3])}, belum mencapai 100.")
    return catatan


def kumulatif_menurun(nilai: Sequence[tuple[int, Decimal | None]], nama: str) -> list[str]:
    """A cumulative value (progress, a count to date) may not go down between quarters."""
    ada = [(tw, v) for tw, v in nilai if v is not None]
    return [
        f"{nama} menurun dari TW {romawi(tw0)} ({angka(v0)}) ke TW {romawi(tw1)} ({angka(v1)})."
        for (tw0, v0), (tw1, v1) in itertools.pairwise(ada)
        if v1 < v0
    ]


def tanpa_data_dukung(nama_data: str) -> str:
    return (
        f"Realisasi diambil dari nilai yang dilaporkan, tanpa data dukung ({nama_data}) "
        f"yang dapat dihitung ulang."
    )


def dilaporkan_berbeda(dilaporkan: Decimal, dihitung: Decimal, desimal: int) -> str | None:
    """The value a satker reported differs from the one its own supporting data give."""
    if Decimal(dilaporkan) == Decimal(dihitung):
        return None
    return (
        f"Realisasi yang dilaporkan ({angka(dilaporkan)}) berbeda dengan hasil hitung dari "
        f"data dukung ({format_angka(dihitung, desimal)}); yang dipakai hasil hitung."
    )


def target_berbeda_renstra(
    target_pk: Decimal, target_renstra: Decimal | None, tahun: int
) -> str | None:
    if target_renstra is None or Decimal(target_pk) == Decimal(target_renstra):
        return None
    return (
        f"Target PK ({angka(target_pk)}) berbeda dengan target Renstra tahun {tahun} "
        f"({angka(target_renstra)})."
    )


def total_tidak_sesuai(nama: str, total_tercetak: Decimal, total_hitung: Decimal) -> str | None:
    """A printed total that does not match its parts."""
    if Decimal(total_tercetak) == Decimal(total_hitung):
        return None
    return (
        f"{nama}: total tercetak {angka(total_tercetak)} tidak sama dengan jumlah komponennya "
        f"{angka(total_hitung)}; yang dipakai jumlah komponen."
    )
