"""Reads of the reports' own data for a page or an assembly, in one query each."""

from __future__ import annotations

from laporan.models import GambarLaporan
from satker.models import Satker


def gambar_laporan(
    satker: Satker, jenis: str, tahun: int, triwulan: int | None
) -> list[GambarLaporan]:
    """The pictures of one report, by section (or PK line) and order, with who uploaded
    them and the line they belong to."""
    return list(
        GambarLaporan.objects.filter(satker=satker, jenis=jenis, tahun=tahun, triwulan=triwulan)
        .select_related("diunggah_oleh", "indikator", "satker")
        .order_by("bagian", "indikator_id", "urutan", "id")
    )
