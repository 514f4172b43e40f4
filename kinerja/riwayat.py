"""The history of entered values and the guard against overwriting someone else's change.

Every save of a measured value, target or narrative goes through `simpan`: it compares the
record as it is in the database with the values the form was opened with, refuses with the
list of what changed when they differ, and otherwise saves. The form carries a fingerprint
of each value (signed), never the value itself: a 2 MiB text travels once, in its text area.
The history itself (one RiwayatPerubahan per changed field: who, when, from where, old, new)
is written by kinerja.jejak under every write; a page names the item (`jejak.konteks`)."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator

from kinerja import jejak
from kinerja.formatting import format_angka, format_tanggal
from kinerja.models import RiwayatPerubahan
from satker.models import Pengguna, Satker

_SALT = "kinerja.riwayat.awal"
_BEDA_DISEBUT = 5  # a refusal names this many changes, then counts the rest


def teks(nilai: Any) -> str:
    """A value as the history shows it: 45,12; 30 Juni 2023; the text itself."""
    if nilai is None or nilai == "":
        return ""
    if isinstance(nilai, Decimal):
        d = nilai.normalize()
        return format_angka(d.quantize(Decimal(1)) if d == d.to_integral_value() else d)
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, int):
        return format_angka(nilai)
    if isinstance(nilai, datetime.date):
        return format_tanggal(nilai)
    if isinstance(nilai, models.Model):
        return str(nilai)
    return baris_baru(str(nilai))


def baris_baru(teks: str) -> str:
    """Text with the line breaks a browser submits (CR LF) stored as LF, as imported text is,
    so that re-saving an untouched text area changes nothing."""
    return teks.replace("\r\n", "\n")


def nilai(obj: models.Model | None, fields: Iterable[str]) -> dict[str, str]:
    """The record's current values of `fields`, as comparable text ("" for a new record)."""
    return {f: ("" if obj is None or obj.pk is None else teks(getattr(obj, f))) for f in fields}


def sidik(nilai: str) -> str:
    """A value's fingerprint for a form's baseline: "" for an empty value, else 16 hex digits
    of its SHA-256 (a different value with the same fingerprint is not a practical risk)."""
    if not nilai:
        return ""
    return hashlib.sha256(nilai.encode()).hexdigest()[:16]


def tandai(awal: Mapping[str, str]) -> str:
    """The fingerprints of the values a form was opened with, signed, for a hidden field."""
    return signing.dumps({k: sidik(v) for k, v in awal.items()}, salt=_SALT)


def baca_tanda(tanda: str | None) -> dict[str, str] | None:
    """The fingerprints a form carries (`tandai`), None when missing or not ours."""
    if not tanda:
        return None
    try:
        return signing.loads(tanda, salt=_SALT)
    except signing.BadSignature:
        return None


@dataclass(frozen=True)
class Beda:
    label: str
    awal: str | None  # None: not known (only its fingerprint travelled)
    sekarang: str


class Bentrok(Exception):
    """Someone saved the record after the form was opened; nothing was overwritten."""

    def __init__(self, beda: list[Beda], oleh: str, waktu: datetime.datetime | None) -> None:
        self.beda = beda
        self.oleh = oleh
        self.waktu = waktu
        super().__init__(self.pesan)

    @property
    def pesan(self) -> str:
        kapan = f" pada {timezone.localtime(self.waktu):%d-%m-%Y %H.%M}" if self.waktu else ""
        rincian = "; ".join(
            f"{b.label}: “{_ringkas(b.awal)}” menjadi “{_ringkas(b.sekarang)}”"
            for b in self.beda[:_BEDA_DISEBUT]
        )
        if len(self.beda) > _BEDA_DISEBUT:
            rincian += f"; dan {len(self.beda) - _BEDA_DISEBUT} perubahan lain"
        return (
            f"Data ini telah diubah oleh {self.oleh}{kapan} setelah Anda membukanya, sehingga "
            f"simpanan Anda tidak diterapkan. Perubahan mereka: {rincian}. Isian Anda masih "
            "tertera di bawah; bandingkan, lalu simpan lagi bila tetap ingin menggantinya."
        )


class TandaTidakSah(Bentrok):
    """The form carries no valid record of the values it was opened with (a page from before
    a new key, or a hand-made request): whether someone changed the data meanwhile cannot be
    told, so nothing is overwritten."""

    def __init__(self) -> None:
        super().__init__([], "", None)

    @property
    def pesan(self) -> str:
        return (
            "Halaman ini tidak membawa tanda data saat dibuka (mungkin dibuka dari versi lama), "
            "sehingga simpanan Anda tidak diterapkan. Isian Anda masih tertera di bawah "
            "bersama nilai terbaru; simpan lagi bila tetap ingin menggantinya."
        )


def awal_dari(tanda: str | None) -> dict[str, str]:
    """The values a form was opened with, from its signed hidden field; TandaTidakSah when
    it is missing or not ours."""
    awal = baca_tanda(tanda)
    if awal is None:
        raise TandaTidakSah()
    return awal


def _ringkas(teks: str | None) -> str:
    """A value short enough to quote in a message; a dash for an empty one."""
    if teks is None:
        return "nilai saat Anda membukanya"
    return Truncator(teks).chars(80) if teks else "–"


def _teks_dari_riwayat(obj: models.Model, field: str, jejak_sidik: str) -> str | None:
    """The value whose fingerprint the form carried, from the record's history (the value
    itself did not travel); None when the history does not hold it."""
    if not jejak_sidik:
        return ""
    for lama, baru in RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field
    ).values_list("lama", "baru")[:50]:
        for t in (baru, lama):
            if sidik(t) == jejak_sidik:
                return t
    return None


def _label(obj: models.Model, field: str) -> str:
    return str(obj._meta.get_field(field).verbose_name)


def simpan(
    obj: models.Model,
    data: Mapping[str, Any],
    *,
    user: Pengguna,
    satker: Satker,
    uraian: str,
    awal: Mapping[str, str] | None,
) -> list[RiwayatPerubahan]:
    """Save `data` into `obj` (already locked with select_for_update by the caller, or new)
    unless it changed since the form was opened (`awal`; None when the caller has checked the
    whole page already); record each changed field."""
    fields = list(data)
    sekarang = nilai(obj, fields)
    if awal is not None:
        beda = [
            Beda(_label(obj, f), _teks_dari_riwayat(obj, f, awal.get(f, "")), sekarang[f])
            for f in fields
            if awal.get(f, "") != sidik(sekarang[f])
        ]
        if beda:
            terakhir = (
                RiwayatPerubahan.objects.filter(
                    content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
                )
                .select_related("oleh")
                .first()
                if obj.pk
                else None
            )
            oleh = str(terakhir.oleh) if terakhir and terakhir.oleh else "pengguna lain"
            raise Bentrok(beda, oleh, terakhir.waktu if terakhir else None)
    baru = obj.pk is None
    if not baru and all(teks(v) == sekarang[f] for f, v in data.items()):
        return []  # nothing to save, nothing to record
    for f, v in data.items():
        setattr(obj, f, baris_baru(v) if isinstance(v, str) else v)
    obj.full_clean()
    with jejak.konteks(user=user, uraian=uraian), jejak.rekam() as tercatat:
        obj.save()
    return tercatat


def riwayat(obj: models.Model) -> list[RiwayatPerubahan]:
    """The changes of one record, newest first."""
    if obj is None or obj.pk is None:
        return []
    return riwayat_per([obj]).get(obj.pk, [])


def riwayat_per(objs: Iterable[models.Model]) -> dict[int, list[RiwayatPerubahan]]:
    """The changes of records of one model, newest first, by primary key: one query for a
    whole page of items."""
    objs = [o for o in objs if o is not None and o.pk is not None]
    if not objs:
        return {}
    hasil: dict[int, list[RiwayatPerubahan]] = {}
    for r in RiwayatPerubahan.objects.filter(
        content_type=ContentType.objects.get_for_model(objs[0]),
        object_id__in=[o.pk for o in objs],
    ).select_related("oleh"):
        hasil.setdefault(r.object_id, []).append(r)
    return hasil


def periksa_halaman(
    awal: Mapping[str, str], sekarang: Mapping[str, str], label: Mapping[str, str]
) -> None:
    """For a page that saves many records at once: refuse (Bentrok) when any of the values
    the page was opened with (`awal`: their fingerprints) has changed since."""
    beda = [
        Beda(label.get(k, k), "" if not awal.get(k) else None, sekarang.get(k, ""))
        for k in sorted(set(awal) | set(sekarang))
        if awal.get(k, "") != sidik(sekarang.get(k, ""))
    ]
    if beda:
        raise Bentrok(beda, "pengguna lain", None)


def periksa_kiriman(
    tanda: str | None, sekarang: Mapping[str, str], label: Mapping[str, str]
) -> tuple[str, str]:
    """A whole page's submission against today's values (`sekarang`, labelled by `label`):
    the baseline the page carries if it is shown again, and the refusal message ("" when the
    page may save). After a refusal the baseline is today's, so that saving again overwrites
    knowingly; otherwise it stays the one the user opened the page with."""
    try:
        periksa_halaman(awal_dari(tanda), sekarang, label)
    except Bentrok as exc:
        return tandai(sekarang), exc.pesan
    return tanda, ""
