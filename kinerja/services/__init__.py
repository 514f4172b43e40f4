"""Writes of the performance and budget data. Keyword-only arguments, no request; every
write validates and runs in one transaction, so it is applied entirely or not at all."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from kinerja import siklus
from kinerja.impor import anggaran as impor_anggaran
from kinerja.impor import dasar as impor
from kinerja.impor.dasar import HasilImpor, RencanaImpor
from satker.models import Pengguna, Satker

__all__ = ["HasilImpor", "anggaran_impor"]


def anggaran_impor(
    *, user: Pengguna, satker: Satker, tahun: int, rencana: RencanaImpor
) -> HasilImpor:
    """Apply a validated budget import plan (kinerja.impor.anggaran.baca) to a satker's
    budget of a year: all of it, or nothing."""
    # Budget data are entered like the rest of the satker's data: by its own staff.
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied("Anda tidak berwenang mengubah anggaran satker ini.")
    return impor.terapkan(
        impor_anggaran.SPEC[rencana.jenis], rencana, impor.Lingkup(satker, tahun, user=user), user
    )
