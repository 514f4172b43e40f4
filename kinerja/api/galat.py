"""One error body for every 4xx of the API, so that a program can read any refusal the same way:

    {"status": 400, "kode": "tidak_valid", "pesan": "Data yang dikirim tidak valid.",
     "kolom": {"nilai": [{"kode": "invalid", "pesan": "Masukkan angka yang valid."}]}}

`kode` is a stable machine code (the table below, or the refusal's own code), `pesan` an
Indonesian sentence for a person, `kolom` the field errors (each with its own code and message;
`umum` for errors of the whole request; empty when there are none). A 412 adds `terkini` (the
current representation), a 429 adds `tunggu_detik`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from kinerja.jejak import TriwulanTerkunci

#: The machine code of each status when the refusal names none of its own.
KODE_STATUS: dict[int, str] = {
    400: "tidak_valid",
    401: "tidak_terautentikasi",
    403: "dilarang",
    404: "tidak_ditemukan",
    405: "metode_tidak_diizinkan",
    406: "format_tidak_diterima",
    409: "konflik",
    412: "versi_usang",
    413: "terlalu_besar",
    415: "jenis_isi_tidak_didukung",
    428: "perlu_if_match",
    429: "terlalu_banyak_permintaan",
}

#: DRF's own codes for these refusals, renamed to ours (the rest keep DRF's code).
_KODE_DRF = {
    "not_authenticated": "tidak_terautentikasi",
    "authentication_failed": "autentikasi_gagal",
    "permission_denied": "dilarang",
    "not_found": "tidak_ditemukan",
    "method_not_allowed": "metode_tidak_diizinkan",
    "not_acceptable": "format_tidak_diterima",
    "unsupported_media_type": "jenis_isi_tidak_didukung",
    "throttled": "terlalu_banyak_permintaan",
    "parse_error": "tidak_terbaca",
}

#: The field name under which errors of the whole request are listed.
UMUM = "umum"


def badan(
    status_kode: int,
    pesan: str,
    *,
    kode: str | None = None,
    kolom: dict[str, list[dict[str, str]]] | None = None,
    **tambahan: Any,
) -> dict[str, Any]:
    """The error body: status, machine code, message, field errors and any extra keys."""
    return {
        "status": status_kode,
        "kode": kode or KODE_STATUS.get(status_kode, "galat"),
        "pesan": pesan,
        "kolom": kolom or {},
        **tambahan,
    }


def respons(
    status_kode: int,
    pesan: str,
    *,
    kode: str | None = None,
    kolom: dict[str, list[dict[str, str]]] | None = None,
    headers: dict[str, str] | None = None,
    **tambahan: Any,
) -> Response:
    """A Response carrying the error body (for a view that refuses without raising)."""
    return Response(
        badan(status_kode, pesan, kode=kode, kolom=kolom, **tambahan),
        status=status_kode,
        headers=headers,
    )


def kolom_dari(detail: Any, awalan: str = "") -> dict[str, list[dict[str, str]]]:
    """DRF's full error details (nested dicts and lists of {message, code}) as our field
    errors: nested fields are named with dots ("baris.0.nilai"), errors of the whole request
    go under `umum`."""
    kolom: dict[str, list[dict[str, str]]] = {}

    def tambah(nama: str, galat: dict) -> None:
        kolom.setdefault(nama or UMUM, []).append(
            {"kode": str(galat.get("code", "invalid")), "pesan": str(galat.get("message", ""))}
        )

    def jalan(nilai: Any, nama: str) -> None:
        if isinstance(nilai, dict) and "message" in nilai and "code" in nilai:
            tambah(nama, nilai)
        elif isinstance(nilai, dict):
            for kunci, isi in nilai.items():
                kunci = "" if kunci in ("non_field_errors", "__all__") else str(kunci)
                jalan(isi, f"{nama}.{kunci}" if nama and kunci else nama or kunci)
        elif isinstance(nilai, list):
            pesan_saja = all(isinstance(i, dict) and "message" in i for i in nilai)
            for i, isi in enumerate(nilai):
                jalan(isi, nama if pesan_saja else f"{nama}.{i}" if nama else str(i))

    jalan(detail, awalan)
    return kolom


def _pesan_validasi(kolom: dict[str, list[dict[str, str]]]) -> str:
    if set(kolom) == {UMUM}:
        return kolom[UMUM][0]["pesan"]
    return _("Data yang dikirim tidak valid; lihat rincian per kolom.")


def tangani(exc: Exception, context: dict) -> Response | None:
    """Every refusal in the one error body: DRF's (validation, authentication, permission,
    not found, throttling ...), a write to a submitted or verified quarter (409, kinerja.jejak)
    instead of a 500."""
    if isinstance(exc, TriwulanTerkunci):
        return respons(status.HTTP_409_CONFLICT, exc.pesan, kode="triwulan_terkunci")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # Django's message names the model, in English
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        kolom = kolom_dari(exc.get_full_details())
        response.data = badan(response.status_code, _pesan_validasi(kolom), kolom=kolom)
        return response
    detail = exc.get_full_details()
    kode = _KODE_DRF.get(str(detail.get("code", "")), str(detail.get("code") or "")) or None
    if isinstance(exc, exceptions.Throttled):
        tunggu = int(exc.wait or 1)
        response.data = badan(
            response.status_code,
            _("Terlalu banyak permintaan; coba lagi dalam %(detik)d detik.") % {"detik": tunggu},
            kode=kode,
            tunggu_detik=tunggu,
        )
        return response
    response.data = badan(response.status_code, str(detail.get("message", "")), kode=kode)
    return response
