"""The one computation module: every realisasi, capaian, aggregate and review flag of the
product is computed here, from plain values (no database access), with `Decimal` and whole
rupiah, and every figure carries its working (the formula with the numbers put in).

Views, the API, management commands and reports gather inputs through selectors and call
these functions; none of them computes a figure itself."""

from kinerja.perhitungan.agregasi import JUMLAH, RATA_RATA, TERAKHIR, agregasi, agregasi_hasil
from kinerja.perhitungan.baris import (
    DataDukung,
    HasilBaris,
    Konfigurasi,
    MasukanBaris,
    akhir_triwulan,
    hitung_baris,
    perlu_penjelasan,
    triwulan_bulan,
)
from kinerja.perhitungan.capaian import Ambang, Status, capaian, capaian_antara, status
from kinerja.perhitungan.dasar import Hasil, Pembulatan
from kinerja.perhitungan.renstra import HasilRenstra, TahunRenstra, capaian_renstra

__all__ = [
    "JUMLAH",
    "RATA_RATA",
    "TERAKHIR",
    "Ambang",
    "DataDukung",
    "Hasil",
    "HasilBaris",
    "HasilRenstra",
    "Konfigurasi",
    "MasukanBaris",
    "Pembulatan",
    "Status",
    "TahunRenstra",
    "agregasi",
    "agregasi_hasil",
    "akhir_triwulan",
    "capaian",
    "capaian_antara",
    "capaian_renstra",
    "hitung_baris",
    "perlu_penjelasan",
    "status",
    "triwulan_bulan",
]
