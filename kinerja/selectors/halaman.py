"""Reads for pages and reports: querysets scoped to the user and prefetched so that a page
issues a bounded number of queries whatever the data size."""

from __future__ import annotations

from django.db.models import Max, Prefetch

from kinerja.models import (
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    SasaranKegiatan,
)
from satker.models import Pengguna, Satker


def tahun_pk_terakhir(user: Pengguna, default: int) -> int:
    """The latest year with a PK among the satker the user may see, or `default`."""
    tahun = PerjanjianKinerja.objects.restrict(user).aggregate(t=Max("tahun"))["t"]
    return tahun or default


def tahun_pk_satker(satker: Satker) -> list[int]:
    return list(
        PerjanjianKinerja.objects.filter(satker=satker)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
    )


def perjanjian_lengkap(user: Pengguna, satker: Satker, tahun: int) -> PerjanjianKinerja | None:
    """The PK of `satker` for `tahun` with its sasaran, lines, manual indicators, Rencana Aksi
    and measurements prefetched (five queries whatever the number of lines)."""
    indikator = IndikatorPerjanjian.objects.select_related("indikator").prefetch_related(
        Prefetch("rencana_aksi", queryset=RencanaAksi.objects.order_by("triwulan")),
        Prefetch("realisasi", queryset=RealisasiTriwulan.objects.order_by("triwulan")),
    )
    sasaran = SasaranKegiatan.objects.order_by("nomor").prefetch_related(
        Prefetch("indikator", queryset=indikator.order_by("nomor"))
    )
    return (
        PerjanjianKinerja.objects.restrict(user)
        .filter(satker=satker, tahun=tahun)
        .select_related("satker")
        .prefetch_related(Prefetch("sasaran", queryset=sasaran))
        .first()
    )
