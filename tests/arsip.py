"""Helpers for the tests of a verified quarter's archive: Manado's quarter II 2023 brought to
verification, and a quick stand-in for the renderers where a test is about the archive's
life and not about the layout of its pages."""

from __future__ import annotations

import datetime
import hashlib

from django.utils import timezone

from kinerja import siklus
from kinerja.models import PelaporanTriwulan, PeristiwaPelaporan, RealisasiTriwulan
from kinerja.models.siklus import AksiPelaporan
from laporan import dokumen
from laporan.models import BerkasLaporan
from laporan.render import HasilRender
from satker.models import Pengguna, Satker


def pengguna(username: str) -> Pengguna:
    return Pengguna.objects.get(username=username)


def siap_diajukan(satker: Satker) -> PelaporanTriwulan:
    """Quarter II 2023 open, and Manado's quarter complete (IV.1's activities, which the
    source does not describe, filled in)."""
    if not siklus.periode(2023, 2):
        siklus.buka_periode(
            user=pengguna("reviewer"), tahun=2023, triwulan=2,
            batas=timezone.localdate() + datetime.timedelta(days=5),
        )  # fmt: skip
    iv1 = RealisasiTriwulan.objects.get(
        indikator__sasaran__perjanjian__satker=satker, indikator__sasaran__nomor=4,
        indikator__nomor=1, triwulan=2,
    )  # fmt: skip
    if not iv1.kegiatan.strip():
        iv1.kegiatan = "- Menyiapkan dokumen tindak lanjut audit"
        iv1.save()
    return siklus.pelaporan(satker, 2023, 2)


def ajukan_dan_verifikasi(satker: Satker) -> PeristiwaPelaporan:
    """(Manado.) The head submits quarter II, the reviewer verifies it: the verification event. (The
    archive follows once the test runs the on-commit callbacks.)"""
    lap = siklus.ajukan(user=pengguna("kepala.manado"), lap=siap_diajukan(satker))
    siklus.verifikasi(user=pengguna("reviewer"), lap=lap)
    return (
        PeristiwaPelaporan.objects.filter(pelaporan=lap, aksi=AksiPelaporan.DIVERIFIKASI)
        .order_by("-pk")
        .first()
    )


def buka_kembali(satker: Satker) -> PelaporanTriwulan:
    return siklus.buka_kembali(
        user=pengguna("reviewer"), lap=siklus.pelaporan(satker, 2023, 2), alasan="Koreksi PNBP"
    )


def render_cepat(laporan: dokumen.Laporan, format_: str, **_opsi: object) -> HasilRender:
    """Bytes that change whenever anything the report prints changes (its marks, its footer,
    every block: the report model is plain dataclasses), in a fraction of a PDF's time."""
    isi = f"{format_}|{laporan.tanda}|{laporan.kaki}\n{laporan!r}".encode()
    return HasilRender(isi=isi, halaman=1)


def isi(berkas: BerkasLaporan) -> bytes:
    with berkas.berkas.open("rb") as f:
        return f.read()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def arsip(satker: Satker, **filter) -> list[BerkasLaporan]:
    """The satker's archives, oldest verification first, pdf before xlsx."""
    return list(
        BerkasLaporan.objects.filter(satker=satker, arsip=True, **filter).order_by(
            "versi", "format"
        )
    )
