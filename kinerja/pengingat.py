"""Reminders: satker who have not submitted a quarter whose deadline is near get a mail,
at most once a day per satker and period."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from kinerja import siklus
from kinerja.formatting import format_tanggal, romawi
from kinerja.models import (
    PelaporanTriwulan,
    PengingatTerkirim,
    PeriodePelaporan,
    PerjanjianKinerja,
    StatusPelaporan,
)
from satker.choices import PERAN_SATKER
from satker.models import Pengguna, Satker

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pengingat:
    satker: Satker
    periode: PeriodePelaporan
    batas: datetime.date
    penerima: tuple[str, ...]
    terkirim: bool
    alasan: str = ""


def _belum_diajukan(satker: Satker, p: PeriodePelaporan) -> bool:
    lap = PelaporanTriwulan.objects.filter(
        satker=satker, tahun=p.tahun, triwulan=p.triwulan
    ).first()
    return lap is None or lap.status in (StatusPelaporan.DRAF, StatusPelaporan.DIKEMBALIKAN)


def kirim(*, hari_ini: datetime.date, sebelum: int = 3, coba: bool = False) -> list[Pengingat]:
    """Mail every satker whose quarter is not submitted and whose deadline is within `sebelum`
    days (or passed today). With `coba`, nothing is sent or recorded."""
    hasil = []
    for p in PeriodePelaporan.objects.filter(ditutup__isnull=True):
        satker_ids = PerjanjianKinerja.objects.filter(tahun=p.tahun).values("satker_id")
        for satker in Satker.objects.filter(pk__in=satker_ids).order_by("nama"):
            batas = siklus.batas_untuk(p, satker)
            sisa = (batas - hari_ini).days
            if not 0 <= sisa <= sebelum or not _belum_diajukan(satker, p):
                continue
            penerima = tuple(
                Pengguna.objects.filter(satker=satker, peran__in=PERAN_SATKER, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if not penerima:
                hasil.append(Pengingat(satker, p, batas, (), False, "tidak ada alamat surel"))
                continue
            if PengingatTerkirim.objects.filter(
                periode=p, satker=satker, tanggal=hari_ini
            ).exists():
                hasil.append(Pengingat(satker, p, batas, penerima, False, "sudah dikirim hari ini"))
                continue
            if coba:
                hasil.append(Pengingat(satker, p, batas, penerima, False, "uji coba"))
                continue
            try:
                with transaction.atomic():
                    PengingatTerkirim.objects.create(
                        periode=p, satker=satker, tanggal=hari_ini, penerima=", ".join(penerima)
                    )
                    _kirim_surel(satker, p, batas, sisa, penerima)
            except IntegrityError:  # sent by a concurrent run
                hasil.append(Pengingat(satker, p, batas, penerima, False, "sudah dikirim hari ini"))
                continue
            except OSError as exc:  # the mail server refused or is unreachable (SMTPException)
                # Not recorded as sent, so the next run tries again; the other satker still get
                # theirs.
                logger.exception("Pengingat untuk %s gagal dikirim", satker.singkatan)
                hasil.append(Pengingat(satker, p, batas, penerima, False, f"gagal dikirim: {exc}"))
                continue
            hasil.append(Pengingat(satker, p, batas, penerima, True))
    return hasil


def _kirim_surel(
    satker: Satker, p: PeriodePelaporan, batas: datetime.date, sisa: int, penerima: tuple[str, ...]
) -> None:
    nama = f"Triwulan {romawi(p.triwulan)} {p.tahun}"
    kapan = "hari ini" if sisa == 0 else f"{sisa} hari lagi"
    tautan = settings.KINERJA_URL_SITUS.rstrip("/") + reverse(
        "entri-triwulan", args=[satker.pk, p.tahun, p.triwulan]
    )
    send_mail(
        subject=f"Pengingat: laporan {nama} {satker.singkatan} jatuh tempo {format_tanggal(batas)}",
        message=(
            f"Yth. Operator dan Kepala {satker.nama},\n\n"
            f"Laporan {nama} {satker.singkatan} belum diajukan. Batas waktunya "
            f"{format_tanggal(batas)} ({kapan}). Lengkapi pengukuran dan ajukan melalui:\n\n"
            f"{tautan}\n\n"
            "Bila memerlukan perpanjangan, hubungi Sekretariat BSKJI.\n\n"
            "Pesan ini dikirim otomatis oleh aplikasi Kinerja BSKJI."
        ),
        from_email=None,
        recipient_list=list(penerima),
    )
