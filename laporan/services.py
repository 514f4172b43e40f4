"""Requesting and rendering reports. A request records who asked for which report and queues
its rendering (Celery; in-process when no broker is configured); the rendering assembles the
report model once and writes it in the requested format (a renderer of laporan.render's
registry), keeps the file, and removes the older files of the same report and format. A
verified quarter's PP-39 in an archived format is not rendered again: the request gets the
quarter's archive (laporan.arsip), which this same queue renders once."""

from __future__ import annotations

import io
import logging
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kinerja.models import PerjanjianKinerja
from laporan import arsip, dokumen
from laporan import render as renderer
from laporan.choices import JenisLaporan, StatusBerkas
from laporan.models import BerkasLaporan
from laporan.models.berkas import ArsipTerkunci
from laporan.susun import LaporanTidakAda, lakip, pk, pp39
from satker.models import Pengguna, Satker

logger = logging.getLogger(__name__)


def susun(
    jenis: str,
    satker: Satker,
    tahun: int,
    triwulan: int | None = None,
    *,
    catatan_reviu: bool = False,
    revisi: int | None = None,
) -> dokumen.Laporan:
    """The report model of `jenis` for the satker and period; with `catatan_reviu`, an annex
    listing what is missing and the application's remarks, for the reviewer; for a PK,
    `revisi` prints that kept version from its snapshot."""
    if jenis == JenisLaporan.PP39:
        if triwulan not in (1, 2, 3, 4):
            raise LaporanTidakAda("Laporan PP-39 memerlukan triwulan 1-4.")
        laporan = pp39.susun(satker, tahun, triwulan)
    elif jenis == JenisLaporan.LAKIP:
        laporan = lakip.susun(satker, tahun)
    elif jenis == JenisLaporan.PK:
        laporan = pk.susun(satker, tahun, revisi)
    else:
        raise LaporanTidakAda(f"Jenis laporan tidak dikenal: {jenis}")
    return laporan.lampirkan_catatan() if catatan_reviu else laporan


def render(
    laporan: dokumen.Laporan,
    format_: str,
    *,
    segar: bool = False,
    progres: renderer.Progres | None = None,
) -> renderer.HasilRender:
    """The report written by the renderer registered for `format_` (its bytes, and its page
    count where the format has pages). `segar`: nothing from the cache of laid-out parts;
    `progres(selesai, total, langkah)` hears how far it is."""
    return renderer.get(format_).render(laporan, segar=segar, progres=progres)


def periksa_permintaan(
    *, jenis: str, format_: str, satker: Satker, tahun: int, triwulan: int | None
) -> None:
    """Refuse, with a message per field, a request that cannot produce a report."""
    galat: dict[str, str] = {}
    if jenis not in JenisLaporan.values:
        galat["jenis"] = "Jenis laporan harus pp39, lakip atau pk."
    if format_ not in renderer.identifiers():
        galat["format"] = renderer.unknown_format_message()
    if jenis == JenisLaporan.PP39 and triwulan not in (1, 2, 3, 4):
        galat["triwulan"] = "Laporan PP-39 memerlukan triwulan 1 sampai 4."
    if jenis in (JenisLaporan.LAKIP, JenisLaporan.PK) and triwulan is not None:
        galat["triwulan"] = "Laporan tahunan dan Perjanjian Kinerja tidak memakai triwulan."
    if not PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun).exists():
        galat["tahun"] = f"{satker.singkatan} belum memiliki Perjanjian Kinerja tahun {tahun}."
    if galat:
        raise ValidationError(galat)


def minta(
    *,
    user: Pengguna,
    satker: Satker,
    jenis: str,
    format_: str,
    tahun: int,
    triwulan: int | None = None,
) -> BerkasLaporan:
    """Record a request for a report and queue its rendering once the request is saved; for
    a verified quarter's PP-39 in an archived format, the quarter's archive instead (already
    written, or queued). The caller has checked that `user` may see `satker`."""
    periksa_permintaan(jenis=jenis, format_=format_, satker=satker, tahun=tahun, triwulan=triwulan)
    if jenis == JenisLaporan.PP39:
        berkas_arsip = arsip.arsip_untuk(satker.pk, tahun, triwulan, format_)
        if berkas_arsip is not None:
            return berkas_arsip
    berkas = BerkasLaporan.objects.create(
        satker=satker,
        jenis=jenis,
        format=format_,
        tahun=tahun,
        triwulan=triwulan,
        diminta_oleh=user,
    )
    from laporan.tasks import render_laporan

    transaction.on_commit(lambda: render_laporan.delay(berkas.pk))
    return berkas


def jalankan(berkas_id: int) -> BerkasLaporan | None:
    """Render a requested report: assemble, write, keep the file; on failure record why.
    An archive is written only while its verification stands, and only as a final report."""
    berkas = (
        BerkasLaporan.objects.select_related("satker", "peristiwa__pelaporan")
        .filter(pk=berkas_id)
        .first()
    )
    if berkas is None or berkas.status not in (StatusBerkas.ANTRI, StatusBerkas.PROSES):
        return berkas
    if berkas.arsip and not arsip.berlaku(berkas.peristiwa):
        return _gagal(berkas, arsip.PESAN_USANG)
    berkas.status = StatusBerkas.PROSES
    berkas.kemajuan, berkas.langkah = 0, LANGKAH_SUSUN
    berkas.save(update_fields=["status", "kemajuan", "langkah"])
    try:
        laporan = susun(berkas.jenis, berkas.satker, berkas.tahun, berkas.triwulan)
        if berkas.arsip and "DRAF" in laporan.tanda:
            # Reopened while it was being assembled: a draft is never archived.
            return _gagal(berkas, arsip.PESAN_DRAF)
        _catat_kemajuan(berkas.pk, BAGIAN_SUSUN, LANGKAH_TULIS)
        hasil = render(laporan, berkas.format, progres=_pelapor_kemajuan(berkas.pk))
    except LaporanTidakAda as exc:
        return _gagal(berkas, str(exc))
    except Exception:
        logger.exception("Gagal menyusun laporan %s", berkas.pk)
        return _gagal(
            berkas, "Terjadi kesalahan saat menyusun laporan; kejadian ini telah dicatat."
        )
    if berkas.arsip:
        return _simpan_arsip(berkas, hasil)
    berkas.berkas.save(berkas.nama_unduhan, ContentFile(hasil.isi), save=False)
    berkas.halaman = hasil.halaman
    berkas.ukuran = len(hasil.isi)
    berkas.status = StatusBerkas.SELESAI
    berkas.selesai = timezone.now()
    berkas.pesan = ""
    berkas.kemajuan, berkas.langkah = 100, ""
    berkas.save()
    _hapus_yang_lama(berkas)
    return berkas


# The progress bar's share for assembling the report (the queries and the report model);
# the rest is the renderer's, part by part where it lays out in parts.
BAGIAN_SUSUN = 10
LANGKAH_SUSUN = "Menyusun isi laporan dari data"
LANGKAH_TULIS = "Menulis berkas"


def _catat_kemajuan(berkas_id: int, kemajuan: int, langkah: str) -> None:
    """Record how far a rendering is, for the page that shows its progress bar (one UPDATE of
    two columns, of a row still being rendered; no archive is sealed before it is done)."""
    BerkasLaporan.objects.filter(pk=berkas_id, status=StatusBerkas.PROSES).update(
        kemajuan=kemajuan, langkah=langkah[:120]
    )


def _pelapor_kemajuan(berkas_id: int) -> renderer.Progres:
    """The renderer's progress (`selesai` of `total` steps) as the bar's percent and step."""

    def lapor(selesai: int, total: int, langkah: str) -> None:
        persen = BAGIAN_SUSUN + (100 - BAGIAN_SUSUN) * selesai // max(total, 1)
        _catat_kemajuan(
            berkas_id, min(persen, 99), f"Menata letak: {langkah} ({selesai} dari {total})"
        )

    return lapor


def _simpan_arsip(berkas: BerkasLaporan, hasil: renderer.HasilRender) -> BerkasLaporan:
    """Write the archive's file under its own path, record the SHA-256 of the bytes as stored
    (read back), and seal the row. A second worker that rendered the same archive finds it
    sealed: its file is removed and the first one stands."""
    berkas.berkas.save(berkas.nama_unduhan, ContentFile(hasil.isi), save=False)
    nama, storage = berkas.berkas.name, berkas.berkas.storage
    with storage.open(nama, "rb") as f:
        tersimpan = f.read()
    if tersimpan != hasil.isi:
        storage.delete(nama)
        berkas.berkas.name = ""
        return _gagal(berkas, "Berkas arsip tidak tersimpan utuh; arsip disusun ulang nanti.")
    berkas.sha256 = arsip.sha256(tersimpan)
    berkas.halaman = hasil.halaman
    berkas.ukuran = len(tersimpan)
    berkas.status = StatusBerkas.SELESAI
    berkas.selesai = timezone.now()
    berkas.pesan = ""
    berkas.kemajuan, berkas.langkah = 100, ""
    try:
        berkas.save()
    except ArsipTerkunci:
        storage.delete(nama)
        logger.warning(
            "Arsip %s sudah ditulis oleh proses lain; berkas %s dibuang.", berkas.pk, nama
        )
        berkas.refresh_from_db()
        return berkas
    _hapus_yang_lama(berkas)
    return berkas


def _gagal(berkas: BerkasLaporan, pesan: str) -> BerkasLaporan:
    berkas.status = StatusBerkas.GAGAL
    berkas.pesan = pesan
    berkas.selesai = timezone.now()
    berkas.save(update_fields=["status", "pesan", "selesai"])
    return berkas


def _hapus_yang_lama(berkas: BerkasLaporan) -> None:
    """Only the last rendered file of each report and format is kept; archives are never
    removed (nor is a render older than an archive kept: the archive supersedes it)."""
    lama = BerkasLaporan.objects.filter(
        arsip=False,
        satker=berkas.satker,
        jenis=berkas.jenis,
        tahun=berkas.tahun,
        triwulan=berkas.triwulan,
        format=berkas.format,
        diminta__lt=berkas.diminta,
    ).exclude(status__in=(StatusBerkas.ANTRI, StatusBerkas.PROSES))
    for b in lama:
        if b.berkas:
            b.berkas.delete(save=False)
        b.delete()


def isi_unduhan(berkas: BerkasLaporan) -> BinaryIO:
    """The bytes a download of a completed file serves. An archive's are read and checked
    against its recorded SHA-256 first (arsip.ArsipRusak when they differ or are gone), so the
    bytes served are the bytes checked."""
    if berkas.arsip:
        return io.BytesIO(arsip.isi_terperiksa(berkas))
    return berkas.berkas.open("rb")
