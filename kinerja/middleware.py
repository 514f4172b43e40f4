"""A save that found the SQLite database busy for longer than its timeout: the same 409 as
a conflicting save on PostgreSQL, with a message, instead of a 500. Nothing was written
(the transaction was rolled back); the user saves again."""

from __future__ import annotations

from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from kinerja.api import galat

PESAN_SIBUK = (
    "Basis data sedang melayani simpanan lain sehingga simpanan Anda belum diterapkan; "
    "tidak ada yang berubah. Kembali ke halaman sebelumnya (isian Anda masih ada di sana) "
    "lalu simpan lagi."
)


def basis_data_sibuk(exc: BaseException) -> bool:
    """Whether `exc` is SQLite's "database is locked" (or "... table is locked") left after
    the busy timeout."""
    return isinstance(exc, OperationalError) and "is locked" in str(exc)


class BasisDataSibuk:
    """Middleware: answers 409 (JSON under /api/) to a request that failed on a busy SQLite
    database; any other error goes on as before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not basis_data_sibuk(exception):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                galat.badan(409, str(PESAN_SIBUK), kode="basis_data_sibuk"), status=409
            )
        return render(request, "sibuk.html", {"pesan": PESAN_SIBUK}, status=409)
