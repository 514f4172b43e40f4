"""Reads for pages, the API and reports: querysets scoped to the user, prefetched so that a
page issues a bounded number of queries, and the gathering of computation inputs."""

from kinerja.selectors.capaian import hitung_capaian, konfigurasi
from kinerja.selectors.halaman import (
    perjanjian_lengkap,
    tahun_pk_satker,
    tahun_pk_terakhir,
)

__all__ = [
    "hitung_capaian",
    "konfigurasi",
    "perjanjian_lengkap",
    "tahun_pk_satker",
    "tahun_pk_terakhir",
]
