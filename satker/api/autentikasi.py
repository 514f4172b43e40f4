"""The API's token authentication: `Authorization: Bearer <token>` (`Token <token>`, the
old keyword, is accepted too) names a satker.TokenApi by its hash. An unknown, revoked or
expired token, or one of an inactive user, is refused with 401 and a machine code
(`token_tidak_dikenal`, `token_dicabut`, `token_kedaluwarsa`, `pengguna_nonaktif`). A
request without credentials is answered 401 with `WWW-Authenticate: Bearer realm="api"`.

Every request passes the per-address budget here first (satker.api.throttling.BatasAlamat),
before a token is looked up: DRF checks throttles only after authentication and
permissions, which would leave requests refused with 401 (guessed tokens, none at all)
unlimited."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from satker import token_api
from satker.api.throttling import periksa_alamat
from satker.models import Pengguna, TokenApi

#: The keywords of the Authorization header that carry one of our tokens.
KATA_KUNCI = (b"bearer", b"token")


class AutentikasiTokenApi(BaseAuthentication):
    """A TokenApi in the Authorization header; the request's `auth` is the TokenApi (the
    scope permission reads it), its `user` the token's owner."""

    def authenticate(self, request: Request) -> tuple[Pengguna, TokenApi] | None:
        periksa_alamat(request)
        bagian = get_authorization_header(request).split()
        if not bagian or bagian[0].lower() not in KATA_KUNCI:
            return None
        if len(bagian) != 2:
            raise exceptions.AuthenticationFailed(
                "Header Authorization harus berbentuk “Bearer <token>”.", code="token_tidak_sah"
            )
        try:
            kunci = bagian[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(
                "Token hanya berisi huruf, angka, “-” dan “_”.", code="token_tidak_sah"
            ) from None
        try:
            token = token_api.token_periksa(kunci)
        except token_api.TokenDitolak as exc:
            raise exceptions.AuthenticationFailed(exc.pesan, code=exc.kode) from None
        return token.pengguna, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class SkemaTokenApi(OpenApiAuthenticationExtension):
    """The bearer scheme in the OpenAPI document (the session cookie is drf-spectacular's
    own `cookieAuth`)."""

    target_class = AutentikasiTokenApi
    name = "tokenApi"
    priority = 1

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Token API dari halaman Akun > Token API (atau `manage.py token_api`), dikirim "
                "sebagai `Authorization: Bearer <token>`. Cakupan `baca` hanya untuk GET; "
                "`tulis` juga untuk POST, PUT, PATCH, DELETE."
            ),
        }
