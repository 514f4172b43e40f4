"""The API's token endpoint: a username and password (and, for a user with a second factor,
its current code) give the user's token. It shares the login's lock after wrong passwords
and has its own throttle."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.api import galat
from satker import autentikasi
from satker.api.throttling import BatasToken


def _terkunci() -> Response:
    return galat.respons(
        status.HTTP_429_TOO_MANY_REQUESTS,
        str(autentikasi.pesan_terkunci()),
        kode="terkunci",
        headers={"Retry-After": str(autentikasi.detik_tunggu())},
        tunggu_detik=autentikasi.detik_tunggu(),
    )


class TokenView(ObtainAuthToken):
    """POST username, password (and `kode`, the 6-digit code or a recovery code, for a user
    with two-factor authentication) → {"token": ...}."""

    throttle_classes = (BatasToken,)

    def post(self, request: Request, *args, **kwargs) -> Response:
        kredensial = {"username": str(request.data.get("username", ""))}
        if AxesProxyHandler.is_locked(request._request, kredensial):
            return _terkunci()
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            if AxesProxyHandler.is_locked(request._request, kredensial):
                return _terkunci()
            raise ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        if autentikasi.punya_dua_faktor(user):
            if autentikasi.cocokkan_kode(user, str(request.data.get("kode", ""))) is None:
                raise ValidationError(
                    {"kode": ["Kode autentikasi dua faktor salah atau tidak diisi."]}
                )
        elif autentikasi.wajib_dua_faktor(user):
            raise ValidationError(
                {
                    "kode": [
                        "Peran Anda memerlukan autentikasi dua faktor: aktifkan dahulu "
                        "lewat halaman masuk, lalu minta token dengan kodenya."
                    ]
                }
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


token_view = TokenView.as_view()
