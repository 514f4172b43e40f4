"""The account's doors: the second login step (a code from the authenticator app or a
recovery code), setting up the app, new recovery codes, and the secretariat's list of
login locks with their lifting."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from kinerja import siklus
from satker import autentikasi


def _tujuan(request: HttpRequest) -> str:
    """Where to go after the code: the page asked for, if it is on this site."""
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return nxt
    return reverse("beranda")


@login_required
def verifikasi(request: HttpRequest) -> HttpResponse:
    """The second login step: a 6-digit code of the app, or one of the recovery codes (each
    works once)."""
    if not autentikasi.punya_dua_faktor(request.user):
        return redirect("dua-faktor-atur")
    galat = ""
    if request.method == "POST":
        perangkat = autentikasi.cocokkan_kode(request.user, request.POST.get("kode", ""))
        if perangkat is not None:
            otp_login(request, perangkat)
            if perangkat.name == autentikasi.NAMA_PERANGKAT_PEMULIHAN:
                sisa = perangkat.token_set.count()
                messages.warning(
                    request,
                    f"Anda masuk dengan kode pemulihan; tersisa {sisa}. Buat kode baru di "
                    "halaman Akun bila hampir habis.",
                )
            return redirect(_tujuan(request))
        galat = "Kode salah atau sudah dipakai. Coba kode yang tampil sekarang di aplikasi."
    return render(
        request,
        "registration/dua_faktor_verifikasi.html",
        {"galat": galat, "next": request.POST.get("next") or request.GET.get("next", "")},
        status=400 if galat else 200,
    )


@login_required
def atur(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: its secret as a QR code and as text; a code from the
    app confirms it and gives the recovery codes. A user who already has an app must have
    given its code in this session before replacing it."""
    user = request.user
    if autentikasi.punya_dua_faktor(user) and not user.is_verified():
        return redirect("dua-faktor-verifikasi")
    perangkat = autentikasi.totp_siapkan(user=user)
    galat = ""
    if request.method == "POST":
        try:
            kode = autentikasi.totp_konfirmasi(
                user=user, perangkat=perangkat, kode=request.POST.get("kode", "")
            )
        except ValidationError as exc:
            galat = " ".join(exc.messages)
        else:
            otp_login(request, perangkat)
            return render(
                request,
                "registration/dua_faktor_kode_pemulihan.html",
                {"kode": kode, "lanjut": _tujuan(request)},
            )
    return render(
        request,
        "registration/dua_faktor_atur.html",
        {
            "qr": segno.make(perangkat.config_url, error="m").svg_inline(scale=4),
            "rahasia": _kelompok(perangkat.config_url),
            "wajib": autentikasi.wajib_dua_faktor(user),
            "aktif": autentikasi.punya_dua_faktor(user),
            "galat": galat,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
        status=400 if galat else 200,
    )


def _kelompok(config_url: str) -> str:
    """The base32 secret of an otpauth URL, in groups of four for typing."""
    rahasia = parse_qs(urlsplit(config_url).query)["secret"][0]
    return " ".join(rahasia[i : i + 4] for i in range(0, len(rahasia), 4))


@login_required
@require_POST
def kode_pemulihan(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), for a user verified in this session."""
    if not (autentikasi.punya_dua_faktor(request.user) and request.user.is_verified()):
        raise PermissionDenied("Aktifkan autentikasi dua faktor dahulu.")
    kode = autentikasi.kode_pemulihan_baru(user=request.user)
    return render(
        request,
        "registration/dua_faktor_kode_pemulihan.html",
        {"kode": kode, "lanjut": reverse("password_change")},
    )


@login_required
def kunci_masuk(request: HttpRequest) -> HttpResponse:
    """The secretariat's list of accounts and addresses locked after wrong passwords, each
    with a button that lifts the lock."""
    if not siklus.boleh_mereviu(request.user):
        raise PermissionDenied("Halaman ini untuk Sekretariat BSKJI.")
    if request.method == "POST":
        jenis, nilai = request.POST.get("jenis", ""), request.POST.get("nilai", "")
        try:
            autentikasi.buka_kunci(oleh=request.user, jenis=jenis, nilai=nilai)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            label = "Akun" if jenis == "akun" else "Alamat"
            messages.success(request, f"{label} {nilai} dapat masuk lagi.")
        return redirect("kunci-masuk")
    return render(
        request,
        "kinerja/reviu/kunci_masuk.html",
        {"kunci": autentikasi.kunci_aktif(), "batas": settings.AXES_FAILURE_LIMIT},
    )
