"""Logging in: the lock after repeated wrong passwords (django-axes counts them), what a
locked-out login is answered, the secretariat's view and lifting of the locks, and the second
factor (django-otp: a TOTP app and one-use recovery codes) that the secretariat and admin
roles must give after their password and satker staff may choose to."""

from __future__ import annotations

import datetime
import logging
import math
from dataclasses import dataclass

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from satker.choices import PERAN_SEKRETARIAT
from satker.models import Pengguna

log = logging.getLogger("kinerja.keamanan")

NAMA_PERANGKAT_TOTP = "Aplikasi autentikator"
NAMA_PERANGKAT_PEMULIHAN = "Kode pemulihan"


# ---------------------------------------------------------------------------------------------
# The lock after wrong passwords


def alamat_klien(request: HttpRequest) -> str:
    """The client's address for the lock: the connection's; behind N trusted proxies, the
    address that the outermost of them saw (N-th from the right of X-Forwarded-For), which
    a client cannot forge by sending its own header."""
    proksi = settings.KINERJA_JUMLAH_PROKSI
    diteruskan = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proksi > 0 and diteruskan:
        alamat = [a.strip() for a in diteruskan.split(",") if a.strip()]
        if alamat:
            return alamat[-proksi] if len(alamat) >= proksi else alamat[0]
    return request.META.get("REMOTE_ADDR", "")


def lama_kunci() -> datetime.timedelta:
    """How long a lock lasts from the last attempt (each attempt during it starts it again)."""
    return get_cool_off() or datetime.timedelta(minutes=15)


def detik_tunggu() -> int:
    """The seconds a locked-out client waits before it may try again (Retry-After)."""
    return math.ceil(lama_kunci().total_seconds())


def pesan_terkunci() -> str:
    """What a locked-out user reads, naming the wait."""
    menit = math.ceil(detik_tunggu() / 60)
    return (
        f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {menit} menit, atau minta "
        "Sekretariat BSKJI membuka kunci akun Anda."
    )


def tanggapan_terkunci(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """The answer to a login refused because of the lock: 429 with the time to wait, as a
    page (the login page's own form, with the message) and in the Retry-After header; JSON
    for the API."""
    if request.path.startswith("/api/"):
        from kinerja.api import galat

        response = JsonResponse(
            galat.badan(429, str(pesan_terkunci()), kode="terkunci", tunggu_detik=detik_tunggu()),
            status=429,
        )
        response["Retry-After"] = str(detik_tunggu())
        return response
    response = render(
        request,
        "registration/terkunci.html",
        {"pesan": pesan_terkunci(), "menit": math.ceil(detik_tunggu() / 60)},
        status=429,
    )
    response["Retry-After"] = str(detik_tunggu())
    return response


def catat_penguncian(sender, request, username, ip_address, **kwargs) -> None:
    """Every lockout goes to the security log (axes' user_locked_out signal)."""
    log.warning(
        "Masuk dikunci: pengguna %r dari alamat %s setelah %s percobaan gagal.",
        username,
        ip_address,
        settings.AXES_FAILURE_LIMIT,
    )


@dataclass(frozen=True)
class Kunci:
    """One active lock: of an account (`jenis` "akun") or of an address ("alamat")."""

    jenis: str
    nilai: str
    gagal: int
    terakhir: datetime.datetime

    @property
    def berakhir(self) -> datetime.datetime:
        return self.terakhir + lama_kunci()


def kunci_aktif() -> list[Kunci]:
    """The accounts and addresses locked now: their failures within the cool-off reached the
    limit."""
    sejak = timezone.now() - lama_kunci()
    batas = settings.AXES_FAILURE_LIMIT
    baris = AccessAttempt.objects.filter(attempt_time__gte=sejak)
    hasil: list[Kunci] = []
    for jenis, kolom in (("akun", "username"), ("alamat", "ip_address")):
        for r in (
            baris.exclude(**{f"{kolom}__isnull": True})
            .values(kolom)
            .annotate(gagal=Sum("failures_since_start"), terakhir=Max("attempt_time"))
            .filter(gagal__gte=batas)
            .order_by("-terakhir")
        ):
            hasil.append(Kunci(jenis, r[kolom], r["gagal"], r["terakhir"]))
    return hasil


def buka_kunci(*, oleh: Pengguna, jenis: str, nilai: str) -> int:
    """Lift the lock of an account or an address (the failed attempts are forgotten); the
    number of records removed. Logged with who lifted it."""
    if jenis == "akun":
        jumlah = axes_reset(username=nilai)
    elif jenis == "alamat":
        jumlah = axes_reset(ip=nilai)
    else:
        raise ValidationError({"jenis": "Jenis kunci harus akun atau alamat."})
    log.warning("Kunci masuk %s %r dibuka oleh %s.", jenis, nilai, oleh.username)
    return jumlah


# ---------------------------------------------------------------------------------------------
# The second factor


def wajib_dua_faktor(user: Pengguna) -> bool:
    """The secretariat and admin roles (and superusers) must use a second factor."""
    return user.is_superuser or user.peran in PERAN_SEKRETARIAT


def punya_dua_faktor(user: Pengguna) -> bool:
    """Whether the user has set up a second factor (a confirmed TOTP app)."""
    return user_has_device(user, confirmed=True)


def totp_siapkan(*, user: Pengguna) -> TOTPDevice:
    """The TOTP device being set up for the user: an unconfirmed one with a new secret, kept
    until a code from the app confirms it (opening the page again shows the same secret)."""
    perangkat = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if perangkat is None:
        perangkat = TOTPDevice.objects.create(user=user, name=NAMA_PERANGKAT_TOTP, confirmed=False)
    return perangkat


@transaction.atomic
def totp_konfirmasi(*, user: Pengguna, perangkat: TOTPDevice, kode: str) -> list[str]:
    """Confirm the app with a code it shows; replaces any earlier app and recovery codes and
    returns the new recovery codes (shown once). A wrong code changes nothing."""
    kode = (kode or "").strip().replace(" ", "")
    if not kode.isdigit() or not perangkat.verify_token(kode):
        raise ValidationError(
            {"kode": "Kode tidak cocok. Masukkan 6 angka yang tampil di aplikasi."}
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=perangkat.pk).delete()
    perangkat.confirmed = True
    perangkat.save(update_fields=["confirmed"])
    kode_pemulihan = kode_pemulihan_baru(user=user)
    log.info("Autentikasi dua faktor diaktifkan untuk %s.", user.username)
    return kode_pemulihan


@transaction.atomic
def kode_pemulihan_baru(*, user: Pengguna) -> list[str]:
    """A new set of one-use recovery codes, replacing the old ones."""
    StaticDevice.objects.filter(user=user).delete()
    perangkat = StaticDevice.objects.create(user=user, name=NAMA_PERANGKAT_PEMULIHAN)
    kode = [StaticToken.random_token() for _ in range(settings.KINERJA_KODE_PEMULIHAN)]
    StaticToken.objects.bulk_create(StaticToken(device=perangkat, token=k) for k in kode)
    return kode


@transaction.atomic
def cocokkan_kode(user: Pengguna, kode: str):
    """The device that accepts the code (a TOTP code or an unused recovery code, which is
    used up by it), or None. Each device slows down after wrong codes (django-otp). In a
    transaction: the devices are locked while a code is checked, so one code is not
    accepted twice by two requests at once."""
    kode = (kode or "").strip().replace(" ", "").lower()
    if not kode:
        return None
    for perangkat in devices_for_user(user, confirmed=True, for_verify=True):
        if perangkat.verify_token(kode):
            return perangkat
    return None


@transaction.atomic
def dua_faktor_matikan(*, user: Pengguna, oleh: Pengguna) -> None:
    """Remove the user's second factor (a lost phone: the admin resets it; the user sets it
    up again at the next login when the role requires it)."""
    for perangkat in devices_for_user(user, confirmed=None):
        perangkat.delete()
    log.warning("Autentikasi dua faktor %s dihapus oleh %s.", user.username, oleh.username)
