"""Middleware of the doors: the second factor before any page, no caching of a logged-in
user's pages, and the refusal of an oversized body before it is read."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode

from satker.autentikasi import punya_dua_faktor, wajib_dua_faktor

# Pages a user who has given a password but not yet the second code may open.
_BEBAS_DUA_FAKTOR = ("dua-faktor-verifikasi", "dua-faktor-atur", "logout")


class WajibDuaFaktor:
    """A user logged in by session who must (or chose to) use a second factor and has not
    given it in this session reaches only the code page (or, with none set up yet, the
    set-up page) and the logout; the API answers 403. Token clients gave their code when
    they obtained the token (satker.api.token)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return self.get_response(request)
        bebas = {reverse(n) for n in _BEBAS_DUA_FAKTOR}
        if request.path in bebas or request.path.startswith(settings.STATIC_URL):
            return self.get_response(request)
        if punya_dua_faktor(user):
            tujuan = "dua-faktor-verifikasi"
        elif wajib_dua_faktor(user):
            tujuan = "dua-faktor-atur"
        else:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            from kinerja.api import galat

            return JsonResponse(
                galat.badan(
                    403,
                    "Masukkan kode autentikasi dua faktor di halaman masuk dahulu.",
                    kode="perlu_dua_faktor",
                ),
                status=403,
            )
        url = reverse(tujuan)
        if request.method == "GET":
            url += "?" + _next(request)
        return redirect(url)


def _next(request: HttpRequest) -> str:
    return urlencode({"next": request.get_full_path()})


class TanpaCacheUntukPengguna:
    """The pages of a logged-in user hold satker data: no browser or proxy keeps them
    (Cache-Control: no-store, private). Static files and anonymous pages are untouched; a
    response that set its own private caching keeps it only when it said no-store already."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class BatasUkuranPermintaan:
    """A request whose declared body (Content-Length) exceeds the largest upload any form
    accepts, with room for its other fields, is answered 413 before its body is read. The
    forms still check each file against its own limit."""

    RUANG_FORMULIR = 2 * 1024 * 1024

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @classmethod
    def batas(cls) -> int:
        return max(settings.BUKTI_UKURAN_MAKS, settings.GAMBAR_UKURAN_MAKS) + cls.RUANG_FORMULIR

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        if panjang > self.batas():
            mb = self.batas() // (1024 * 1024)
            pesan = (
                f"Kiriman terlalu besar ({panjang / 1048576:.1f} MB); berkas yang diunggah "
                f"paling besar {mb - self.RUANG_FORMULIR // (1024 * 1024)} MB."
            )
            if request.path.startswith("/api/"):
                from kinerja.api import galat

                response = JsonResponse(galat.badan(413, pesan), status=413)
            else:
                response = render(request, "413.html", {"pesan": pesan}, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
