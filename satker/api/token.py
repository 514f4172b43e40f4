"""The API's token endpoint: a username and password (and, for a user with a second factor,
its current code) give the user's token. It shares the login's lock after wrong passwords
and has its own throttle."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response

from satker import autentikasi
from satker.api.throttling import BatasToken


def _terkunci() -> Response:
    return Response(
        {"detail": autentikasi.pesan_terkunci(), "tunggu_detik": autentikasi.detik_tunggu()},
        status=status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(autentikasi.detik_tunggu())},
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
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        user = serializer.validated_data["user"]
        if autentikasi.punya_dua_faktor(user):
            if autentikasi.cocokkan_kode(user, str(request.data.get("kode", ""))) is None:
                return Response(
                    {"kode": ["Kode autentikasi dua faktor salah atau tidak diisi."]},
                    status=status.HTTP_400_BAD_REQUEST,
                )
        elif autentikasi.wajib_dua_faktor(user):
            return Response(
                {
                    "kode": [
                        "Peran Anda memerlukan autentikasi dua faktor: aktifkan dahulu "
                        "lewat halaman masuk, lalu minta token dengan kodenya."
                    ]
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


token_view = TokenView.as_view()
