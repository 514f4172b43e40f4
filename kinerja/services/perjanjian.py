"""The revision of a PK's targets, shared by its page and its workbook: what a target may be,
when targets may not change, and the write (each changed target with the reason in the
history, the revision number up by one, the reason in the PK's notes)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja import riwayat, siklus
from kinerja.formatting import romawi
from kinerja.forms import AngkaField
from kinerja.models import IndikatorPerjanjian, PerjanjianKinerja, StatusPelaporan
from satker.models import Pengguna, Satker

# A PK line's target, within what its column holds (kinerja.batas).
_target_field = AngkaField.untuk(IndikatorPerjanjian._meta.get_field("target"), required=False)


def target(teks: str | Decimal) -> Decimal | None:
    """The target typed, None when empty; above zero (a capaian divides by it) and within
    what its column holds."""
    v = AngkaField(required=False).clean(teks)
    if v is not None and v <= 0:
        raise ValidationError("Target harus lebih dari 0.")
    return _target_field.clean(teks)


def revisi_terkunci(satker: Satker, tahun: int) -> str | None:
    """Targets stay while a quarter of the year is under review: the reviewer verifies the
    figures of the targets that were submitted."""
    direviu = [
        tw
        for tw, status in siklus.triwulan_terkunci(satker, tahun).items()
        if status == StatusPelaporan.DIAJUKAN
    ]
    if direviu:
        tw = ", ".join(romawi(t) for t in sorted(direviu))
        return (
            f"Target tidak dapat direvisi selama laporan Triwulan {tw} {tahun} direviu; "
            "tunggu hasil reviu Sekretariat."
        )
    return None


@transaction.atomic
def revisi_target(
    *,
    user: Pengguna,
    pk: PerjanjianKinerja,
    baru: Mapping[IndikatorPerjanjian, Decimal],
    alasan: str,
) -> PerjanjianKinerja:
    """Save the changed targets `baru` of the PK's lines as one revision with its reason."""
    satker = pk.satker
    for line, nilai in baru.items():
        riwayat.simpan(
            IndikatorPerjanjian.objects.select_for_update().get(pk=line.pk),
            {"target": nilai},
            user=user,
            satker=satker,
            uraian=f"PK {pk.tahun} {line.kode} {line.uraian} (revisi: {alasan})",
            awal=None,
        )
    pk_baru = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    nomor = pk_baru.revisi + 1
    riwayat.simpan(
        pk_baru,
        {"revisi": nomor, "catatan": f"{pk_baru.catatan}\nRevisi {nomor}: {alasan}".strip()},
        user=user,
        satker=satker,
        uraian=f"PK {pk.tahun}",
        awal=None,
    )
    return pk_baru
