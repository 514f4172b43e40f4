"""Lists answered from the cache while nothing they read has changed.

A page of measurements or of computed figures is the same bytes until a figure changes, and
clients that sync ask for the same pages again and again. So a list page is kept, rendered,
under a key made of what decides its content:

- the data's version: one query reading the newest change on record (kinerja.jejak writes a
  RiwayatPerubahan row, in the same transaction, for every write of satker data by any path),
  the newest stored computed figure (recomputed figures are not on the record: kinerja.hasil
  deletes and writes them again, so each recomputation makes new ids) and the newest change
  of the indicator manual (not satker data, so it carries its own `diubah`). Each is an
  indexed maximum, so the query costs the same at 24 satker and at 1,000;
- the user (each user's pages are their own: the scope and the role decide what a page holds),
  the full address with its query, the media type answered, and the day;
- the settings the figures are computed with (kinerja.perhitungan's configuration).

A change therefore makes a new key and the next request computes the page afresh; nothing is
ever invalidated by hand, and a stale page cannot be served. Only JSON answers are kept
(the browsable API renders each time)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

#: How long a page is kept (a newer version makes a new key long before that).
UMUR_DETIK = 3600

_SQL_VERSI: str | None = None


def _sql_versi() -> str:
    global _SQL_VERSI
    if _SQL_VERSI is None:
        from kinerja.models import HasilPerhitungan, IndikatorKinerja, RiwayatPerubahan

        tabel = {
            m: connection.ops.quote_name(m._meta.db_table)
            for m in (RiwayatPerubahan, HasilPerhitungan, IndikatorKinerja)
        }
        _SQL_VERSI = (
            f"SELECT (SELECT MAX(id) FROM {tabel[RiwayatPerubahan]}),"
            f" (SELECT MAX(id) FROM {tabel[HasilPerhitungan]}),"
            f" (SELECT MAX(diubah) FROM {tabel[IndikatorKinerja]})"
        )
    return _SQL_VERSI


def versi_data() -> str:
    """The version of the data a list reads: changes on record, stored figures, the manual
    (one query; each part is an indexed maximum)."""
    with connection.cursor() as cursor:
        cursor.execute(_sql_versi())
        return "|".join(str(x) for x in cursor.fetchone())


def _sidik_konfigurasi() -> str:
    from kinerja.selectors.capaian import konfigurasi, sidik_konfigurasi

    return sidik_konfigurasi(konfigurasi())


class CacheDaftarMixin:
    """A list view whose JSON pages are kept in the cache under the data's version."""

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response | HttpResponse:
        if getattr(request.accepted_renderer, "format", None) != "json":
            return super().list(request, *args, **kwargs)
        bahan = "\n".join(
            [
                versi_data(),
                str(request.user.pk),
                request.build_absolute_uri(),
                request.accepted_media_type or "",
                timezone.localdate().isoformat(),
                _sidik_konfigurasi(),
            ]
        )
        kunci = "api-daftar:" + hashlib.sha256(bahan.encode()).hexdigest()
        if (isi := cache.get(kunci)) is not None:
            return HttpResponse(isi, content_type=request.accepted_media_type)
        response = super().list(request, *args, **kwargs)
        if response.status_code == 200:
            isi = request.accepted_renderer.render(
                response.data, request.accepted_media_type, self.get_renderer_context()
            )
            cache.set(kunci, isi, UMUR_DETIK)
        return response
