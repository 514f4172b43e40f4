"""Every write of satker data on the record, and no write behind a closed quarter.

One layer under every write path (pages, imports, the API, the admin, commands, the shell):
model signals for saves and deletions (a queryset's `delete()` and cascades send them too)
and `RestrictedQuerySet.update`/`bulk_create` (satker.querysets) for bulk writes, which send
none. For each write it

- refuses (`TriwulanTerkunci`, with the reason in Indonesian) when the row belongs to a
  quarter that is submitted or verified (`KUNCI`: its measurements, Rencana Aksi, evidence,
  budget months, the budget tree and its pagu, PNBP, ALKI, Form A, staff monitoring, the
  PP-39's narrative and pictures), before anything is written; a reviewer reopens the
  quarter to allow it again;
- records one RiwayatPerubahan per changed field (who, when, from where, old, new), one per
  created row of a bulk insert and one per removed row.

Who and from where come from the context (`konteks`): the middleware sets the request (page,
API or admin by its path), the budget import says "impor", and anything outside a request is
a command. A service names the item as its page shows it (`konteks(uraian=...)`)."""

from __future__ import annotations

import datetime
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models.signals import post_save, pre_delete, pre_save
from django.http import HttpRequest

from kinerja.formatting import romawi
from kinerja.models.siklus import SumberPerubahan

Sumber = SumberPerubahan


@dataclass(frozen=True)
class Konteks:
    """Who writes and from where; `uraian` names the item in the history (a text, or a
    function of the row), `satker` saves looking it up."""

    sumber: str = Sumber.PERINTAH
    keterangan: str = ""
    request: HttpRequest | None = None
    user: Any = None
    uraian: str | Callable[[models.Model], str] | None = None
    tercatat: list | None = field(default=None, compare=False)

    def pengguna(self) -> Any:
        """The user who writes: the one named, else the request's (DRF sets it on the request
        once a token is checked), None for a command."""
        if self.user is not None:
            return self.user
        user = getattr(self.request, "user", None)
        return user if user is not None and user.is_authenticated else None


def _perintah() -> str:
    """The management command running this process, if it is one."""
    if len(sys.argv) > 1 and sys.argv[0].endswith("manage.py"):
        return f"manage.py {sys.argv[1]}"
    return ""


_konteks: ContextVar[Konteks | None] = ContextVar("kinerja_jejak", default=None)


def sekarang() -> Konteks:
    """The context of the current write."""
    return _konteks.get() or Konteks(keterangan=_perintah())


@contextmanager
def konteks(**ubah: Any) -> Iterator[Konteks]:
    """Writes in the block are recorded with these details (the rest as around it)."""
    baru = replace(sekarang(), **ubah)
    token = _konteks.set(baru)
    try:
        yield baru
    finally:
        _konteks.reset(token)


@contextmanager
def rekam() -> Iterator[list]:
    """Collect the history rows written in the block (for a service that reports them)."""
    daftar: list = []
    with konteks(tercatat=daftar):
        yield daftar


def sumber_dari_path(path: str) -> str:
    if path.startswith("/api/"):
        return Sumber.API
    if path.startswith("/admin/"):
        return Sumber.ADMIN
    return Sumber.HALAMAN


class KonteksMiddleware:
    """Names the request as the source of every write it makes."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        sumber = sumber_dari_path(request.path)
        with konteks(
            sumber=sumber, keterangan=f"{request.method} {request.path}"[:300], request=request,
            user=None, uraian=None,
        ):  # fmt: skip
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        """A page write refused for a closed quarter that its view did not expect: the
        reason as a message on the page it came from, not a 500 (the API answers 409)."""
        if not isinstance(exception, TriwulanTerkunci) or request.path.startswith("/api/"):
            return None
        from django.contrib import messages
        from django.shortcuts import redirect

        messages.error(request, exception.pesan)
        return redirect(request.get_full_path())


# --- where a row sits: satker, year, quarter ----------------------------------------------


class TriwulanTerkunci(ValidationError):
    """A write to a quarter that is submitted or verified: refused, nothing written."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Letak:
    """How to find a row's year and quarter: ORM paths from the row; `periode` is "triwulan",
    "bulan" or "tanggal" (the quarter of that month or date), or "" for the whole year (the
    row is reported by every quarter of it). A row whose quarter path is empty falls back to
    the whole year when `kosong_setahun`, else it is in no quarter (a yearly report's)."""

    tahun: str
    periode: str = ""
    jalur: str = ""
    kosong_setahun: bool = False


_PK = "indikator__sasaran__perjanjian__"

# The data a quarter's report is made of, frozen while it is submitted or verified.
KUNCI: dict[str, Letak] = {
    "kinerja.RealisasiTriwulan": Letak(f"{_PK}tahun", "triwulan", "triwulan"),
    "kinerja.RencanaAksi": Letak(f"{_PK}tahun", "triwulan", "triwulan"),
    "kinerja.BuktiDukung": Letak(f"realisasi__{_PK}tahun", "triwulan", "realisasi__triwulan"),
    "kinerja.ItemAnggaran": Letak("tahun"),
    "kinerja.ProgresAnggaran": Letak("item__tahun", "bulan", "bulan"),
    "kinerja.RekapKomponen": Letak("item__tahun", "bulan", "bulan"),
    "kinerja.RealisasiDipa": Letak("tahun", "bulan", "bulan"),
    "kinerja.Dipa": Letak("tahun"),
    "kinerja.TargetPnbp": Letak("tahun"),
    "kinerja.KegiatanAlki": Letak("tahun", "tanggal", "tanggal_posisi", kosong_setahun=True),
    # The supporting data a quarter's realisasi is computed from, by the date it is as of.
    "kinerja.PenerimaanPnbp": Letak("", "tanggal", "tanggal_posisi"),
    "kinerja.HasilLayanan": Letak("", "tanggal", "tanggal_posisi"),
    "kinerja.BelanjaPdn": Letak("", "tanggal", "tanggal_posisi"),
    "kinerja.PengukuranPerusahaan": Letak("", "tanggal", "tanggal"),
    "kinerja.ButirCapaian": Letak("", "tanggal", "tanggal"),
    "kinerja.SurveiKepuasan": Letak("", "tanggal", "tanggal_posisi"),
    "kinerja.UnsurSurvei": Letak("", "tanggal", "survei__tanggal_posisi"),
    "kinerja.NilaiProfesionalitas": Letak("", "tanggal", "tanggal_posisi"),
    "kinerja.PenilaianLayananPublik": Letak("", "tanggal", "tanggal"),
    "kinerja.AspekLayananPublik": Letak("", "tanggal", "penilaian__tanggal"),
    "kinerja.LaporanKegiatan": Letak("kegiatan__tahun", "triwulan", "triwulan"),
    "kinerja.KendalaKegiatan": Letak("laporan__kegiatan__tahun", "triwulan", "laporan__triwulan"),
    "kinerja.MonitoringKepegawaian": Letak("tahun", "triwulan", "triwulan"),
    "kinerja.PeristiwaPegawai": Letak("monitoring__tahun", "triwulan", "monitoring__triwulan"),
    "kinerja.RekapPegawai": Letak("monitoring__tahun", "triwulan", "monitoring__triwulan"),
    "kinerja.CatatanMonitoring": Letak("monitoring__tahun", "triwulan", "monitoring__triwulan"),
    "laporan.NarasiLaporan": Letak("tahun", "triwulan", "triwulan"),
    "laporan.IdentitasLaporan": Letak("tahun", "triwulan", "triwulan"),
    "laporan.GambarLaporan": Letak("tahun", "triwulan", "triwulan"),
}

# Satker data that is not entered but derived, logged, or the log itself: no history of its
# own (the figures are recomputed from recorded inputs; the cycle's log is its own record).
TANPA_RIWAYAT = {
    "kinerja.RiwayatPerubahan",
    "kinerja.HasilPerhitungan",
    "kinerja.RingkasanAnggaran",
    "kinerja.SnapshotPelaporan",
    "kinerja.RevisiPerjanjian",  # the signed version is its own record, written once
    "kinerja.PeristiwaPelaporan",
    "kinerja.PengingatTerkirim",
    "laporan.BerkasLaporan",
}


def dicatat(model: type[models.Model]) -> bool:
    """Whether writes of `model` go through this layer: every model holding satker data, and
    the secretariat's master data (`riwayat_data_induk = True`: the manual, the cascade and
    Renstra, accounts), whose rows without a satker are recorded with none."""
    return (
        hasattr(model, "satker_lookup") or data_induk(model)
    ) and model._meta.label not in TANPA_RIWAYAT


def data_induk(model: type[models.Model]) -> bool:
    """Master data: its rows without a satker are recorded too (satker empty), and shown to
    the secretariat only."""
    return getattr(model, "riwayat_data_induk", False)


def _field(model: type[models.Model], nama: str) -> models.Field:
    return model._meta.pk if nama == "pk" else model._meta.get_field(nama)


def _nilai_jalur(
    model: type[models.Model], objs: list[models.Model], jalur: list[str]
) -> list[dict[str, Any]]:
    """The values at `jalur` (ORM paths, "" for none) of each row as it is in memory (its own
    fields) and in the database (beyond its foreign keys): one query per foreign key."""
    hasil: list[dict[str, Any]] = [{} for _ in objs]
    lewat: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for j in jalur:
        if not j:
            for h in hasil:
                h[j] = None
            continue
        kepala, _, ekor = j.partition("__")
        f = _field(model, kepala)
        if not ekor:
            for h, o in zip(hasil, objs, strict=True):
                h[j] = getattr(o, f.attname)
        else:
            lewat[kepala].append((j, ekor))
    for kepala, daftar in lewat.items():
        f = _field(model, kepala)
        ids = {getattr(o, f.attname) for o in objs} - {None}
        baris = {
            r[0]: r[1:]
            for r in f.related_model._base_manager.filter(pk__in=ids).values_list(
                "pk", *[e for _, e in daftar]
            )
        }
        for h, o in zip(hasil, objs, strict=True):
            nilai = baris.get(getattr(o, f.attname))
            for i, (j, _) in enumerate(daftar):
                h[j] = None if nilai is None else nilai[i]
    return hasil


def letak(model: type[models.Model], objs: list[models.Model]) -> list[tuple]:
    """Each row's (satker id, year, quarter or None for the whole year), or None when the
    row sits in no quarter that locks (a yearly report's, or a model the cycle does not
    freeze)."""
    spek = KUNCI.get(model._meta.label)
    if spek is None or not objs:
        return [None] * len(objs)
    lookup = model.satker_lookup
    nilai = _nilai_jalur(model, objs, [lookup, spek.tahun, spek.jalur])
    hasil = []
    for o, n in zip(objs, nilai, strict=True):
        satker, tahun, p = n[lookup], n[spek.tahun], n[spek.jalur]
        o._jejak_satker = satker  # read once: the history needs it too
        if spek.periode == "tanggal" and isinstance(p, datetime.date):
            tahun, p = p.year, (p.month - 1) // 3 + 1
        elif spek.periode == "bulan" and p:
            p = (int(p) - 1) // 3 + 1
        elif spek.periode == "":
            p = None
        elif p is None and not spek.kosong_setahun:
            hasil.append(None)  # a yearly report's row (LAKIP): no quarter locks it
            continue
        hasil.append(None if satker is None or tahun is None else (satker, tahun, p))
    return hasil


def periksa_kunci(model: type[models.Model], tempat: Iterable[tuple | None]) -> None:
    """Refuse (TriwulanTerkunci) when any of these places is a submitted or verified
    quarter; the message says which, why, and what would have changed."""
    from kinerja.models import PelaporanTriwulan, StatusPelaporan
    from satker.models import Satker

    tempat = {t for t in tempat if t is not None}
    if not tempat:
        return
    if connection.in_atomic_block:
        # The satker's row lock, as the pages and the submission take it (siklus.kunci_satker)
        # and the verification too: a write and a verification of the same satker happen one
        # after the other, so the status read below is the one the write commits under.
        list(
            Satker.objects.select_for_update()
            .filter(pk__in={s for s, _, _ in tempat})
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    pasangan = {(s, t) for s, t, _ in tempat}
    q = models.Q()
    for s, t in pasangan:
        q |= models.Q(satker_id=s, tahun=t)
    terkunci = {
        (s, t, tw): status
        for s, t, tw, status in PelaporanTriwulan.objects.filter(
            q, status__in=(StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI)
        ).values_list("satker_id", "tahun", "triwulan", "status")
    }
    if not terkunci:
        return
    for s, t, tw in sorted(tempat, key=lambda x: (x[0], x[1], x[2] or 0)):
        kena = sorted(k for k in terkunci if k[:2] == (s, t) and (tw is None or k[2] == tw))
        if kena:
            _, _, tw_kunci = kena[0]
            raise TriwulanTerkunci(
                _pesan(model, t, tw_kunci, terkunci[kena[0]], setahun=tw is None)
            )


def _pesan(model: type[models.Model], tahun: int, tw: int, status: str, *, setahun: bool) -> str:
    from kinerja.models import StatusPelaporan

    nama = f"Triwulan {romawi(tw)} {tahun}"
    keadaan = (
        "sudah diverifikasi"
        if status == StatusPelaporan.DIVERIFIKASI
        else "sudah diajukan dan sedang direviu"
    )
    apa = str(model._meta.verbose_name_plural)
    milik = "yang dilaporkannya" if setahun else "dalam laporan itu"
    return (
        f"Laporan {nama} {keadaan}, sehingga {apa} {milik} tidak dapat diubah; perubahan "
        "tidak disimpan. Mintalah reviewer Sekretariat membuka kembali laporan tersebut bila "
        "data ini memang harus dikoreksi."
    )


# --- the record ---------------------------------------------------------------------------


def _fields(model: type[models.Model]) -> list[models.Field]:
    """The fields the history records: not the key, a time stamp kept by Django, nor what the
    model names in `riwayat_tanpa_kolom` (a password hash, the last login)."""
    tanpa = set(getattr(model, "riwayat_tanpa_kolom", ()))
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and f.name not in tanpa
    ]


def teks_field(obj: models.Model, f: models.Field) -> str:
    """A field's value as the history shows it; a related row by its name when it is at
    hand, else by its id (a bulk write reads no related rows)."""
    from kinerja.riwayat import teks

    if f.is_relation:
        if f.is_cached(obj):
            return teks(getattr(obj, f.name))
        nilai = getattr(obj, f.attname)
        return "" if nilai is None else f"#{nilai}"
    if isinstance(f, models.FileField):
        berkas = getattr(obj, f.name)
        return berkas.name or "" if berkas else ""
    return teks(getattr(obj, f.attname))


def _nilai_mentah(obj: models.Model, f: models.Field) -> Any:
    nilai = getattr(obj, f.attname)
    if isinstance(f, models.FileField):
        return nilai.name if nilai else ""
    return nilai


def _uraian(obj: models.Model, k: Konteks, *, massal: bool) -> str:
    """The item as the history names it: as the page or service said, else by its model and
    its own name (a bulk write names it by its id: a name may read related rows, per row)."""
    if callable(k.uraian):
        teks_ = k.uraian(obj)
    elif k.uraian:
        teks_ = k.uraian
    elif massal:
        teks_ = f"{obj._meta.verbose_name} #{obj.pk}"
    else:
        teks_ = f"{obj._meta.verbose_name}: {obj}"
    return teks_[:300]


def _catat(
    model: type[models.Model],
    baris: list[tuple[models.Model, models.Model | None, str]],
) -> None:
    """Write the history of `baris`: (row as now, row as it was or None, kind) with kind
    "ubah" (one entry per changed field), "buat" (per filled field, or one per row for a
    bulk insert: "buat-massal") or "hapus" (one per row, with its values)."""
    from kinerja.models import RiwayatPerubahan

    if not baris:
        return
    k = sekarang()
    user = k.pengguna()
    ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
    objs = [b[0] for b in baris]
    if not hasattr(model, "satker_lookup"):
        satker = [None] * len(objs)
    elif all(hasattr(o, "_jejak_satker") for o in objs):
        satker = [o._jejak_satker for o in objs]
    else:
        satker = [t[model.satker_lookup] for t in _nilai_jalur(model, objs, [model.satker_lookup])]
    fields = _fields(model)
    induk = data_induk(model)
    tulis = []
    for (obj, lama, jenis), satker_id in zip(baris, satker, strict=True):
        if satker_id is None and not induk:
            continue
        umum = dict(
            satker_id=satker_id, content_type=ct, object_id=obj.pk,
            uraian_objek=_uraian(obj, k, massal=len(baris) > 1), oleh=user, sumber=k.sumber,
            keterangan=k.keterangan[:300],
        )  # fmt: skip
        if jenis in ("hapus", "buat-massal"):
            isi = "; ".join(f"{f.verbose_name}: {v}" for f in fields if (v := teks_field(obj, f)))
            tulis.append(
                RiwayatPerubahan(
                    **umum,
                    field="__hapus__" if jenis == "hapus" else "__buat__",
                    label="data dihapus" if jenis == "hapus" else "data dibuat",
                    lama=isi if jenis == "hapus" else "",
                    baru="" if jenis == "hapus" else isi,
                )
            )
            continue
        for f in fields:
            if lama is not None and _nilai_mentah(lama, f) == _nilai_mentah(obj, f):
                continue
            sebelum = "" if lama is None else teks_field(lama, f)
            sesudah = teks_field(obj, f)
            if sebelum == sesudah:
                continue
            tulis.append(
                RiwayatPerubahan(
                    **umum, field=f.name, label=str(f.verbose_name)[:120], lama=sebelum,
                    baru=sesudah,
                )
            )  # fmt: skip
    RiwayatPerubahan.objects.bulk_create(tulis)
    if k.tercatat is not None:
        k.tercatat.extend(tulis)


# --- the hooks ------------------------------------------------------------------------------


def _sebelum_simpan(sender, instance, raw=False, **kwargs) -> None:
    lama = None
    if instance.pk is not None and not instance._state.adding:
        lama = sender._base_manager.filter(pk=instance.pk).first()
    instance._jejak_lama = lama
    periksa_kunci(sender, letak(sender, [instance] + ([lama] if lama is not None else [])))


def _setelah_simpan(sender, instance, created=False, raw=False, **kwargs) -> None:
    lama = getattr(instance, "_jejak_lama", None)
    instance._jejak_lama = None
    _catat(sender, [(instance, None if created else lama, "ubah")])


def _sebelum_hapus(sender, instance, origin=None, **kwargs) -> None:
    periksa_kunci(sender, letak(sender, [instance]))
    asal = origin.model if isinstance(origin, models.QuerySet) else type(origin)
    if asal is not None and asal._meta.label == "satker.Satker":
        return  # a satker removed takes its history with it: nothing to record it against
    _catat(sender, [(instance, None, "hapus")])


def sebelum_update(qs: models.QuerySet) -> list[models.Model]:
    """The rows a bulk update or deletion is about to change, checked against the lock."""
    lama = list(qs.model._base_manager.using(qs.db).filter(pk__in=qs.values("pk")))
    periksa_kunci(qs.model, letak(qs.model, lama))
    return lama


def memindah(model: type[models.Model], ubah: dict[str, Any]) -> bool:
    """Whether an update of these fields may move a row to another quarter (it sets a field
    on the way to the row's satker, year or quarter)."""
    spek = KUNCI.get(model._meta.label)
    jalur = [model.satker_lookup] + ([spek.tahun, spek.jalur] if spek else [])
    kepala = {j.partition("__")[0] for j in jalur if j}
    kepala = {_field(model, k).name for k in kepala}
    return any(_field(model, k).name in kepala for k in ubah if k != "pk")


def setelah_update(qs: models.QuerySet, lama: list[models.Model], *, periksa: bool) -> None:
    """Check where the rows went (`periksa`: when they may have moved) and record what the
    update changed in each."""
    baru = {
        o.pk: o for o in qs.model._base_manager.using(qs.db).filter(pk__in=[o.pk for o in lama])
    }
    if periksa:
        periksa_kunci(qs.model, letak(qs.model, [baru[o.pk] for o in lama if o.pk in baru]))
    _catat(qs.model, [(baru[o.pk], o, "ubah") for o in lama if o.pk in baru])


def sebelum_bulk_create(model: type[models.Model], objs: list[models.Model]) -> None:
    periksa_kunci(model, letak(model, objs))


def setelah_bulk_create(model: type[models.Model], objs: list[models.Model]) -> None:
    _catat(model, [(o, None, "buat-massal") for o in objs if o.pk is not None])


def hubungkan() -> None:
    """Put every model holding satker data under the layer (KinerjaConfig.ready)."""
    from django.apps import apps

    for model in apps.get_models():
        if not dicatat(model):
            continue
        uid = f"jejak-{model._meta.label}"
        pre_save.connect(_sebelum_simpan, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(_setelah_simpan, sender=model, dispatch_uid=f"{uid}-post-save")
        pre_delete.connect(_sebelum_hapus, sender=model, dispatch_uid=f"{uid}-pre-delete")
