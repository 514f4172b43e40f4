"""Bab III assembled: the cascade, the indicators and the financial accountability."""

from __future__ import annotations

from kinerja.formatting import romawi
from kinerja.selectors import anggaran as sel_anggaran
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun import anggaran as ta
from laporan.susun import data_dukung
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.umum import (
    HURUF,
    sisipkan,
)


class BabIII(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def bab_iii(self) -> d.Bagian:
        k = self.k
        per_sasaran = []
        for i, s in enumerate(k.sasaran):
            per_sasaran.append(
                d.Bagian(
                    f"Sasaran Kegiatan {romawi(s.nomor)}: {s.uraian}",
                    f"{HURUF[i]}.",
                    3,
                    anak=[self.bagian_indikator(line) for line in s.indikator.all()],
                    halaman_baru=True,
                )
            )
        renstra = [*k.blok_narasi(B.CAPAIAN_RENSTRA)]
        tabel_renstra = self.tabel_renstra(
            f"Capaian Kinerja Renstra {self.s} "
            f"TA. {self.renstra.tahun_awal}-{self.renstra.tahun_akhir}"
            if self.renstra
            else ""
        )
        if tabel_renstra:
            renstra.append(tabel_renstra)
        keuangan = [
            *k.blok_narasi(B.AKUNTABILITAS_KEUANGAN),
            self.tabel_anggaran_indikator(),
            ta.tabel_realisasi_triwulan(
                self.nodes, f"Realisasi Anggaran Kegiatan Per Triwulan Tahun {k.tahun}"
            ),
            ta.tabel_realisasi_anggaran(self.nodes, f"Realisasi Anggaran Kegiatan Tahun {k.tahun}"),
            ta.grafik_rencana_realisasi(
                self.nodes, 4, f"Rencana penarikan dan realisasi anggaran TA {k.tahun}"
            ),
            ta.tabel_deviasi(
                sel_anggaran.deviasi_penarikan(self.nodes, 12),
                f"Deviasi realisasi terhadap rencana penarikan dana TA {k.tahun}",
                sel_anggaran.periode_tercatat(self.nodes, 12),
            ),
        ]
        perkembangan = self.tabel_perkembangan_anggaran()
        if perkembangan:
            keuangan.append(perkembangan)
        pnbp = [
            *k.blok_narasi(B.PNBP),
            *[
                t
                for t in [
                    data_dukung.tabel_per_jenis(
                        self.data.pnbp,
                        f"Penerimaan PNBP {self.s} per jenis layanan TA {self._rentang_pnbp()}",
                        True,
                        "PNBP per Tahun",
                    )
                ]
                if t
            ],
            self.tabel_pnbp(),
            self.grafik_pnbp(),
        ]
        dari_data = {
            "pelanggan": self.tabel_pelanggan(),
            "volume-layanan": self.tabel_volume(),
            "grafik-volume-layanan": self.grafik_volume(),
        }
        layanan = sisipkan(
            k.blok_narasi(B.LAYANAN),
            {kunci: [b] if b else [] for kunci, b in dari_data.items()},
            kosong={
                "pelanggan": "Jumlah pelanggan per jenis layanan belum diisi.",
                "volume-layanan": "Volume layanan belum diisi.",
                "grafik-volume-layanan": "Volume layanan belum diisi.",
            },
        )
        t = data_dukung.tabel_per_jenis(
            self.data.hasil_layanan,
            f"Jumlah hasil layanan jasa {self.s} per tahun",
            False,
            "Layanan per Tahun",
        )
        if t:
            layanan.append(t)
        g = self.grafik_layanan()
        if g:
            layanan.append(g)
        return d.Bagian(
            "AKUNTABILITAS KINERJA",
            nomor="BAB III",
            anak=[
                d.Bagian(
                    "Analisis Capaian Kinerja",
                    "3.1.",
                    2,
                    [
                        *k.blok_narasi(B.ANALISIS_CAPAIAN),
                        self.tabel_triwulan(f"Capaian Rencana Aksi Per Triwulan TA. {k.tahun}"),
                    ],
                    [
                        d.Bagian(
                            "Analisis Capaian Kinerja berdasarkan Perjanjian Kinerja "
                            f"TA. {k.tahun}",
                            "3.1.1.",
                            3,
                            anak=per_sasaran,
                        ),
                        d.Bagian(
                            "Analisis Capaian Kinerja berdasarkan Renstra", "3.1.2.", 3, renstra
                        ),
                    ],
                ),
                d.Bagian(
                    f"Capaian Program Prioritas Nasional TA. {k.tahun}",
                    "3.2.",
                    2,
                    k.blok_narasi(B.PROGRAM_PRIORITAS),
                ),
                d.Bagian("Akuntabilitas Keuangan", "3.3.", 2, keuangan),
                d.Bagian("Penerimaan Negara Bukan Pajak", "3.4.", 2, pnbp),
                d.Bagian("Pelanggan dan Hasil Layanan", "3.5.", 2, layanan),
                d.Bagian(
                    "Analisis Efisiensi Sumber Daya",
                    "3.6.",
                    2,
                    [*k.blok_narasi(B.EFISIENSI), self.tabel_efisiensi()],
                    [
                        d.Bagian(
                            "Efisiensi Kinerja berdasarkan aplikasi SMART DJA Kementerian Keuangan",
                            "3.6.1.",
                            3,
                            k.blok_narasi(B.SMART_DJA),
                        )
                    ],
                ),
                d.Bagian("Penghargaan dari Luar Instansi", "3.7.", 2, k.blok_narasi(B.PENGHARGAAN)),
            ],
        )

    # --- Bab IV and the annexes -------------------------------------------------------------
