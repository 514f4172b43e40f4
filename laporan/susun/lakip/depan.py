"""The front matter (memo, review-team decree, cover, foreword, executive summary) and
Bab I."""

from __future__ import annotations

from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.umum import (
    penandatangan,
    tempat_tanggal,
)


class Depan(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def depan(self) -> list[d.Bagian]:
        k = self.k
        bagian = []
        if k.teks(B.SK_TIM_REVIU):
            bagian.append(
                d.Bagian(
                    "KEPUTUSAN TENTANG TIM REVIU LAPORAN AKUNTABILITAS KINERJA",
                    isi=k.blok_narasi(B.SK_TIM_REVIU),
                )
            )
        bagian.append(
            d.Bagian(
                "KATA PENGANTAR",
                isi=[
                    *k.blok_narasi(B.KATA_PENGANTAR),
                    d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                ],
            )
        )
        bagian.append(
            d.Bagian(
                "IKHTISAR EKSEKUTIF",
                isi=[
                    *k.blok_narasi(B.IKHTISAR_EKSEKUTIF),
                    self.tabel_capaian(f"Target dan Capaian Kinerja {self.s} TA. {k.tahun}"),
                    self.ringkasan_anggaran(),
                ],
            )
        )
        return bagian

    # --- Bab I and II ---------------------------------------------------------------------

    def bab_i(self) -> d.Bagian:
        k = self.k
        return d.Bagian(
            "PENDAHULUAN",
            nomor="BAB I",
            anak=[
                d.Bagian("Tugas dan Fungsi Organisasi", "1.1.", 2, k.blok_narasi(B.TUGAS_FUNGSI)),
                d.Bagian("Peran Strategis Organisasi", "1.2.", 2, k.blok_narasi(B.PERAN_STRATEGIS)),
                d.Bagian("Struktur Organisasi", "1.3.", 2, k.blok_narasi(B.STRUKTUR_ORGANISASI)),
            ],
        )
