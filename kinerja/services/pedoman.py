"""Writing the manual: an indicator (its identity) and the versions of its definition, each
applying from a year onward. The one write behind the secretariat's pages (and the demo
loader): every change is on the record, the stored figures of exactly the years a version
applies to are recomputed (kinerja.hasil, through the version's own row), and a definition
that a submitted or verified quarter was computed with is not changed behind its back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja import hasil, jejak, riwayat
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PelaporanTriwulan,
    RiwayatPerubahan,
    StatusPelaporan,
    VersiIndikator,
)
from kinerja.models.indikator import FIELD_DEFINISI
from satker.models import Pengguna

#: What names an indicator (its page's "Identitas"); its code and unit are set when it is made.
FIELD_IDENTITAS = ("nama", "sasaran_program", "iku", "penanggung_jawab")
#: What a version holds besides the definition the indicator mirrors.
FIELD_VERSI = (*FIELD_DEFINISI, "ambang_tercapai", "ambang_perlu_perhatian", "alasan")

TERKUNCI = (StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI)


def rentang_tahun(
    indikator: IndikatorKinerja, berlaku_mulai: int, *, kecuali: int | None = None
) -> tuple[int | None, int | None]:
    """The years a version starting in `berlaku_mulai` applies to, as (first, last), None for
    open: until the next version; from any earlier year when no version starts before it."""
    lain = VersiIndikator.objects.filter(indikator=indikator)
    if kecuali is not None:
        lain = lain.exclude(pk=kecuali)
    berikutnya = (
        lain.filter(berlaku_mulai__gt=berlaku_mulai)
        .order_by("berlaku_mulai")
        .values_list("berlaku_mulai", flat=True)
        .first()
    )
    pertama = not lain.filter(berlaku_mulai__lt=berlaku_mulai).exists()
    return (None if pertama else berlaku_mulai, None if berikutnya is None else berikutnya - 1)


def triwulan_terkunci(
    indikator: IndikatorKinerja, awal: int | None, akhir: int | None
) -> list[PelaporanTriwulan]:
    """The submitted or verified quarters of the years `awal`..`akhir` (None: open) of the
    satker whose PK of that year has a line of this indicator: the quarters whose figures a
    change of the definition for those years would change."""
    baris = IndikatorPerjanjian.objects.filter(indikator=indikator)
    if awal is not None:
        baris = baris.filter(sasaran__perjanjian__tahun__gte=awal)
    if akhir is not None:
        baris = baris.filter(sasaran__perjanjian__tahun__lte=akhir)
    pasangan = set(
        baris.values_list("sasaran__perjanjian__satker_id", "sasaran__perjanjian__tahun")
    )
    if not pasangan:
        return []
    tahun = {t for _, t in pasangan}
    return [
        p
        for p in PelaporanTriwulan.objects.filter(status__in=TERKUNCI, tahun__in=tahun)
        .select_related("satker")
        .order_by("tahun", "triwulan", "satker__singkatan")
        if (p.satker_id, p.tahun) in pasangan
    ]


def _pesan_terkunci(terkunci: list[PelaporanTriwulan], berlaku_mulai: int) -> str:
    contoh = ", ".join(
        f"{p.satker.singkatan} TW {p.triwulan}/{p.tahun} ({p.get_status_display().lower()})"
        for p in terkunci[:3]
    )
    lebih = f" dan {len(terkunci) - 3} lainnya" if len(terkunci) > 3 else ""
    return (
        f"Definisi untuk tahun {berlaku_mulai} tidak dapat diubah: sudah dipakai oleh "
        f"triwulan yang diajukan atau diverifikasi ({contoh}{lebih}). Minta reviewer membuka "
        "kembali triwulan tersebut, atau buat versi untuk tahun berikutnya."
    )


def cermin(indikator: IndikatorKinerja) -> None:
    """Bring the indicator's definition fields to its latest version (what the API and the
    lists show as the current manual), and mark the manual changed for the API's cache. A
    queryset update: the mirror is not a change of its own on the record, nor of any figure."""
    terakhir = indikator.versi.order_by("-berlaku_mulai").first()
    if terakhir is None:
        return
    sekarang = IndikatorKinerja.objects.filter(pk=indikator.pk).values(*FIELD_DEFINISI).first()
    if sekarang == {f: getattr(terakhir, f) for f in FIELD_DEFINISI}:
        return  # already the mirror (a demo load again changes nothing)
    IndikatorKinerja.objects.filter(pk=indikator.pk).update(
        **{f: getattr(terakhir, f) for f in FIELD_DEFINISI}, diubah=timezone.now()
    )
    for f in FIELD_DEFINISI:
        setattr(indikator, f, getattr(terakhir, f))


def _uraian_versi(indikator: IndikatorKinerja, berlaku_mulai: int) -> str:
    return f"Pedoman {indikator.kode} versi berlaku mulai {berlaku_mulai}"


def versi_simpan(
    *,
    user: Pengguna | None,
    indikator: IndikatorKinerja,
    berlaku_mulai: int,
    data: Mapping[str, Any],
    awal: Mapping[str, str] | None = None,
) -> VersiIndikator:
    """Save the definition applying from `berlaku_mulai`: a new version, or the one that
    year already has. Refused (ValidationError on `berlaku_mulai`) when a submitted or
    verified quarter of the years it takes over was computed with the definition it
    replaces; `awal` (the values the form was opened with) refuses a stale edit
    (riwayat.Bentrok). The figures of the years concerned are recomputed before it commits."""
    with hasil.menyegarkan():
        IndikatorKinerja.objects.select_for_update().filter(pk=indikator.pk).first()
        versi = (
            VersiIndikator.objects.select_for_update()
            .filter(indikator=indikator, berlaku_mulai=berlaku_mulai)
            .first()
        )
        mulai, akhir = rentang_tahun(
            indikator, berlaku_mulai, kecuali=versi.pk if versi is not None else None
        )
        if terkunci := triwulan_terkunci(indikator, mulai, akhir):
            raise ValidationError({"berlaku_mulai": _pesan_terkunci(terkunci, berlaku_mulai)})
        if versi is None:
            versi = VersiIndikator(indikator=indikator, berlaku_mulai=berlaku_mulai)
            awal = None
        riwayat.simpan(
            versi,
            {f: data[f] for f in FIELD_VERSI if f in data},
            user=user,
            satker=None,
            uraian=_uraian_versi(indikator, berlaku_mulai),
            awal=awal,
        )
        cermin(indikator)
    return versi


def indikator_buat(
    *,
    user: Pengguna | None,
    identitas: Mapping[str, Any],
    berlaku_mulai: int,
    definisi: Mapping[str, Any],
) -> IndikatorKinerja:
    """A new indicator of the manual (`identitas`: kode, satuan and FIELD_IDENTITAS) with its
    first version. Nothing is written when either does not pass validation."""
    with transaction.atomic():
        indikator = IndikatorKinerja(
            **{f: identitas[f] for f in ("kode", "satuan", *FIELD_IDENTITAS) if f in identitas},
            **{f: definisi[f] for f in FIELD_DEFINISI if f in definisi},
        )
        indikator.full_clean()
        with jejak.konteks(user=user, uraian=f"Pedoman {indikator.kode}"):
            indikator.save()
        versi_simpan(user=user, indikator=indikator, berlaku_mulai=berlaku_mulai, data=definisi)
    return indikator


def indikator_ubah(
    *,
    user: Pengguna | None,
    indikator: IndikatorKinerja,
    data: Mapping[str, Any],
    awal: Mapping[str, str] | None,
) -> list[RiwayatPerubahan]:
    """Change what names the indicator (FIELD_IDENTITAS); its definition changes only
    through a version. Refuses a stale edit (riwayat.Bentrok)."""
    with hasil.menyegarkan():
        terkini = IndikatorKinerja.objects.select_for_update().get(pk=indikator.pk)
        return riwayat.simpan(
            terkini,
            {f: data[f] for f in FIELD_IDENTITAS if f in data},
            user=user,
            satker=None,
            uraian=f"Pedoman {terkini.kode}",
            awal=awal,
        )
