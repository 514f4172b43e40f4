"""The account's doors: the second login step (a code from the authenticator app or a
recovery code), setting up the app, new recovery codes, the secretariat's list of login
locks with their lifting, and the API tokens (a user's own; the secretariat's list of all)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from kinerja import siklus
from satker import autentikasi, token_api
from satker.forms import TokenApiForm


def _tujuan(request: HttpRequest, bawaan: str = "beranda") -> str:
    """Where to go next: the page asked for, if it is on this site."""
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(nxt, {request.get_host()}, request.is_secure()):
        return nxt
    return reverse(bawaan)


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


# ---------------------------------------------------------------------------------------------
# API tokens


@login_required
def token_api_daftar(request: HttpRequest) -> HttpResponse:
    """The user's API tokens and the form for a new one; a new token is shown on the answer to
    the form, once (only its hash is kept)."""
    form = TokenApiForm(request.POST if request.method == "POST" else None, pengguna=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            token, kunci = token_api.token_buat(
                pengguna=request.user,
                nama=form.cleaned_data["nama"],
                cakupan=form.cleaned_data["cakupan"],
                berlaku_hari=form.cleaned_data["berlaku_hari"],
            )
        except ValidationError as exc:
            for kolom, pesan in exc.message_dict.items():
                form.add_error(kolom if kolom in form.fields else None, pesan)
        else:
            return render(
                request, "registration/token_api_baru.html", {"token": token, "kunci": kunci}
            )
    return render(
        request,
        "registration/token_api.html",
        {"form": form, "daftar": token_api.token_milik(request.user)},
        status=400 if form.errors else 200,
    )


@login_required
def token_api_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke a token: GET asks for confirmation, POST revokes. The owner's own tokens, every
    token for the secretariat; another user's token is a 404 (not a 403 confirming it)."""
    token = get_object_or_404(
        token_api.token_boleh_dicabut(request.user).select_related("pengguna"), pk=pk
    )
    if request.method == "POST":
        token_api.token_cabut(token=token)
        messages.success(request, f"Token “{token.nama}” ({token.awalan}…) dicabut.")
        return redirect(_tujuan(request, "token-api"))
    return render(
        request,
        "registration/token_api_cabut.html",
        {"token": token, "next": request.GET.get("next", "")},
    )


@login_required
def token_api_semua(request: HttpRequest) -> HttpResponse:
    """The secretariat's list of every user's API tokens, each with its revoke button."""
    if not token_api.boleh_melihat_semua(request.user):
        raise PermissionDenied("Halaman ini untuk Sekretariat BSKJI.")
    halaman = Paginator(token_api.token_semua(), 100).get_page(request.GET.get("page"))
    return render(request, "kinerja/reviu/token_api.html", {"halaman": halaman})
