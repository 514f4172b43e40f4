"""History rows a service writes itself, for what sends no model signal: a many-to-many
link added or removed, a mail sent. Who and from where come from kinerja.jejak's context,
as for every other write."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from kinerja import jejak
from kinerja.models import RiwayatPerubahan


@dataclass(frozen=True)
class Catatan:
    """One recorded event of `obj`: the field or event, its label, the old and new text."""

    obj: models.Model
    field: str
    label: str
    lama: str = ""
    baru: str = ""
    uraian: str = ""


def catat(catatan: list[Catatan], *, satker_id: int | None) -> list[RiwayatPerubahan]:
    """Write the rows in one query, against the satker (None: the secretariat's master data,
    seen by the secretariat only)."""
    if not catatan:
        return []
    k = jejak.sekarang()
    user = k.pengguna()
    baris = [
        RiwayatPerubahan(
            satker_id=satker_id,
            content_type=ContentType.objects.get_for_model(c.obj, for_concrete_model=False),
            object_id=c.obj.pk,
            uraian_objek=(c.uraian or f"{c.obj._meta.verbose_name}: {c.obj}")[:300],
            field=c.field[:60],
            label=c.label[:120],
            lama=c.lama,
            baru=c.baru,
            oleh=user,
            sumber=k.sumber,
            keterangan=k.keterangan[:300],
        )
        for c in catatan
    ]
    RiwayatPerubahan.objects.bulk_create(baris)
    if k.tercatat is not None:
        k.tercatat.extend(baris)
    return baris
