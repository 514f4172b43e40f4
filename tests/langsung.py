"""Writes straight into a table, past kinerja.jejak: what only someone at the database could
still do to a submitted or verified quarter, since every path of the application refuses it.
Tests of the snapshot and the archive use it to show that even such a change does not reach
what was submitted or verified."""

from __future__ import annotations

from typing import Any

from django.db import models

from kinerja import hasil


def ubah(obj: models.Model, **nilai: Any) -> None:
    """Set `nilai` on the row of `obj` (and on `obj`); the stored figures follow, as they
    would after a write of the application."""
    type(obj)._base_manager.filter(pk=obj.pk).update(**nilai)
    for nama, v in nilai.items():
        setattr(obj, nama, v)
    hasil.tandai(hasil.kunci_objek(obj))


def buat(model: type[models.Model], **nilai: Any) -> models.Model:
    """Insert a row of `model`; the stored figures follow."""
    [obj] = model._base_manager.bulk_create([model(**nilai)])
    hasil.tandai(hasil.kunci_objek(obj))
    return obj


def ubah_definisi(indikator: models.Model, **nilai: Any) -> None:
    """Set a definition field of a manual indicator in every one of its versions (each year's
    computation reads its version) and in the indicator's copy of the latest one."""
    ubah(indikator, **nilai)
    for versi in indikator.versi.all():
        ubah(versi, **nilai)
