"""The archive of a verified quarter: when a reviewer verifies a satker's quarter, its PP-39
is rendered once in each format of FORMAT_ARSIP (through the report queue, after the
verification commits) and kept, with the SHA-256 of the stored bytes, as the quarter's
official report. From then on a request for that PP-39 in those formats gets the archive, not
a new render; a download gets the archive's bytes only when they still hash to what was
recorded. A quarter reopened and verified again gets a new archive (the next version); the
earlier one stays, unchanged (laporan.models.berkas: sealed rows and files)."""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kinerja.models import PeristiwaPelaporan
from kinerja.models.siklus import AksiPelaporan
from laporan.choices import FORMAT_ARSIP, JenisLaporan, StatusBerkas
from laporan.models import BerkasLaporan
from laporan.selectors import verifikasi_berlaku

logger = logging.getLogger(__name__)

PESAN_USANG = (
    "Triwulan ini sudah dibuka kembali sebelum arsipnya selesai disusun; arsip verifikasi ini "
    "tidak dibuat. Verifikasi berikutnya membuat arsip baru."
)
PESAN_DRAF = "Laporan masih tersusun sebagai draf; arsip verifikasi tidak dibuat."


class ArsipRusak(Exception):
    """The stored file of an archive is not what was archived: its bytes hash to another
    SHA-256 than the recorded one, or the file is gone."""


def sha256(isi: bytes) -> str:
    return hashlib.sha256(isi).hexdigest()


def berlaku(peristiwa: PeristiwaPelaporan) -> bool:
    """The event is still the verification its quarter stands on (not reopened since)."""
    lap = peristiwa.pelaporan
    kini = verifikasi_berlaku(lap.satker_id, lap.tahun, lap.triwulan)
    return kini is not None and kini.pk == peristiwa.pk


def _versi(peristiwa: PeristiwaPelaporan) -> int:
    """Which verification of its quarter the event is: 1 for the first, 2 after a reopening."""
    return PeristiwaPelaporan.objects.filter(
        pelaporan_id=peristiwa.pelaporan_id, aksi=AksiPelaporan.DIVERIFIKASI, pk__lte=peristiwa.pk
    ).count()


def _terbengkalai(berkas: BerkasLaporan) -> bool:
    """An archive not written that no worker will write as things stand: it failed, or it
    has waited longer than a task may run (its task was lost with a broker that was down).
    A failed one is put back in the queue's state."""
    if berkas.status == StatusBerkas.GAGAL:
        berkas.status, berkas.pesan, berkas.selesai = StatusBerkas.ANTRI, "", None
        berkas.save(update_fields=["status", "pesan", "selesai"])
        return True
    if berkas.status in (StatusBerkas.ANTRI, StatusBerkas.PROSES):
        batas = datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
        return berkas.diminta < timezone.now() - batas
    return False


def siapkan(peristiwa: PeristiwaPelaporan) -> dict[str, BerkasLaporan]:
    """The archive of the verification in each format of FORMAT_ARSIP: created when missing
    and queued to render (after the current transaction commits) when not written yet.
    Idempotent: the verification calls it, and so does every later request of the quarter's
    PP-39 in those formats, so the archive appears whenever a worker gets to it."""
    lap = peristiwa.pelaporan
    versi = _versi(peristiwa)
    arsip, antre = {}, []
    for format_ in FORMAT_ARSIP:
        berkas, baru = BerkasLaporan.objects.select_related("satker").get_or_create(
            arsip=True,
            peristiwa=peristiwa,
            format=format_,
            defaults={
                "satker_id": lap.satker_id, "jenis": JenisLaporan.PP39, "tahun": lap.tahun,
                "triwulan": lap.triwulan, "versi": versi, "diminta_oleh_id": peristiwa.oleh_id,
            },
        )  # fmt: skip
        if baru or _terbengkalai(berkas):
            antre.append(berkas.pk)
        arsip[format_] = berkas
    from laporan.tasks import render_laporan

    for pk in antre:
        transaction.on_commit(lambda pk=pk: render_laporan.delay(pk), robust=True)
    return arsip


def arsipkan(peristiwa_id: int) -> dict[str, BerkasLaporan]:
    """What the verification runs once it has committed (kinerja.siklus.verifikasi): the
    archive of the event, unless the quarter was reopened in between."""
    peristiwa = PeristiwaPelaporan.objects.select_related("pelaporan").get(pk=peristiwa_id)
    if not berlaku(peristiwa):
        logger.warning(
            "Arsip verifikasi %s tidak dibuat: triwulan sudah dibuka kembali.", peristiwa_id
        )
        return {}
    return siapkan(peristiwa)


def arsip_untuk(
    satker_id: int, tahun: int, triwulan: int | None, format_: str
) -> BerkasLaporan | None:
    """The archive a request of the quarter's PP-39 in `format_` gets (made ready when it is
    missing); None when the quarter is not verified or the format is not archived."""
    if triwulan is None or format_ not in FORMAT_ARSIP:
        return None
    peristiwa = verifikasi_berlaku(satker_id, tahun, triwulan)
    return None if peristiwa is None else siapkan(peristiwa)[format_]


def isi_terperiksa(berkas: BerkasLaporan) -> bytes:
    """The archive's stored bytes, after checking that they hash to the recorded SHA-256.
    ArsipRusak (and an error in the log) when they do not, or when the file is gone: a user
    never receives bytes other than the archived ones."""
    try:
        with berkas.berkas.open("rb") as f:
            isi = f.read()
    except OSError:
        isi = None
    tersimpan = "(berkas tidak ada)" if isi is None else sha256(isi)
    if tersimpan != berkas.sha256:
        logger.error(
            "Arsip laporan %s (%s) rusak: SHA-256 tercatat %s, berkas tersimpan %s.",
            berkas.pk, berkas.berkas.name, berkas.sha256, tersimpan,
        )  # fmt: skip
        masalah = (
            "tidak ditemukan di penyimpanan"
            if isi is None
            else "tidak cocok dengan sidik SHA-256 yang tercatat saat verifikasi"
        )
        raise ArsipRusak(
            f"Berkas arsip {berkas.nama_unduhan} {masalah}, sehingga tidak diberikan. Kejadian "
            "ini telah dicatat; hubungi administrator aplikasi."
        )
    return isi
