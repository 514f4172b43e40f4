"""The scope of a token: a read token (`baca`) may only read. It is one of the default
permissions, so it covers every view of the API, present and future; a session (the
browser) is not a token and is unaffected."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from satker.models import TokenApi


class CakupanToken(BasePermission):
    """403 (`cakupan_baca`) for a write (POST, PUT, PATCH, DELETE) with a read token."""

    message = (
        "Token ini hanya untuk membaca (cakupan baca). Buat token bercakupan tulis di halaman "
        "Akun untuk mengubah data."
    )
    code = "cakupan_baca"

    def has_permission(self, request: Request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        token = request.auth
        return not isinstance(token, TokenApi) or token.boleh_menulis
