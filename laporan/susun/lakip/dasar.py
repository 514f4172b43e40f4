"""What the LAKIP's chapters share: the data read once for the whole report, the
capaian table and the budget sentence of the executive summary."""

from __future__ import annotations

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_rupiah
from kinerja.models import Dipa, NarasiIndikator
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel_anggaran
from kinerja.selectors import tabel_sumber as sel_tabel_sumber
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.renstra import capaian_renstra_satker, renstra_satker
from laporan import dokumen as d
from laporan.susun import data_dukung
from laporan.susun.umum import (
    angka_target,
    kumpulkan,
)
from satker.models import Satker

T = TingkatAnggaran

NARASI_INDIKATOR = (
    ("hasil", "Hasil yang telah dicapai"),
    ("analisis_capaian", "Analisis capaian kinerja"),
    ("perbandingan", "Perbandingan dengan tahun sebelumnya"),
    ("analisis_penyebab", "Analisis penyebab keberhasilan/kegagalan"),
    ("analisis_efisiensi", "Analisis efisiensi penggunaan sumber daya"),
    ("kegiatan_penunjang", "Kegiatan yang menunjang pencapaian kinerja"),
    ("kendala", "Kendala"),
    ("rekomendasi", "Rekomendasi"),
)


class LakipDasar:
    """The assembly of one LAKIP, with what its chapters share."""

    def __init__(self, satker: Satker, tahun: int) -> None:
        self.k = kumpulkan(satker, tahun, None, "lakip")
        self.nodes = sel_anggaran.pohon(satker, tahun, bulan=sel_anggaran.SETAHUN)
        self.renstra = renstra_satker(satker, tahun)
        # The year's realisasi of each Renstra indicator is its PK line's computed one.
        self.hasil_renstra = {
            line.indikator_renstra_id: self.k.hasil[line.pk]
            for line in self.k.lines
            if line.indikator_renstra_id
        }
        dihitung = {i: h.realisasi.nilai for i, h in self.hasil_renstra.items()}
        self.baris_renstra = (
            capaian_renstra_satker(self.renstra, tahun, dihitung) if self.renstra else []
        )
        self.dipa = (
            Dipa.objects.filter(satker=satker, tahun=tahun).prefetch_related("revisi").first()
        )
        self.narasi_indikator = {
            n.indikator_id: n for n in NarasiIndikator.objects.filter(indikator__in=self.k.lines)
        }
        self.data = data_dukung.kumpulkan(satker, tahun, self.k.lines)
        self.pnbp = sel_anggaran.pnbp_per_tahun(satker, range(tahun - 3, tahun + 1))
        capaian = {h.kode: h for h in self.k.hasil.values()}
        self.efisiensi = {
            e.baris.kode: e for e in sel_anggaran.efisiensi_indikator(self.k.lines, capaian)
        }
        self.pagu, _, self.realisasi = sel_anggaran.total_satker(self.nodes, 12)
        self.tabel_sumber = sel_tabel_sumber.kumpulkan(
            satker, tahun, (self.pagu, self.realisasi) if self.nodes else None
        )

    @property
    def s(self) -> str:
        return self.k.satker.singkatan

    # --- front matter -------------------------------------------------------------------

    def tabel_capaian(self, judul: str) -> d.Tabel:
        baris = []
        for i, s in enumerate(self.k.sasaran, start=1):
            lines = list(s.indikator.all())
            for j, line in enumerate(lines):
                h = self.k.hasil[line.pk]
                kepala = (
                    [d.angka(i, rowspan=len(lines)), d.teks(s.uraian, rowspan=len(lines))]
                    if j == 0
                    else []
                )
                baris.append(
                    [
                        *kepala,
                        d.teks(f"{line.kode} {line.uraian}"),
                        angka_target(line.target),
                        d.teks(line.get_satuan_display()),
                        d.dari_hasil(h.realisasi),
                        d.dari_hasil(h.capaian, persen_=True),
                    ]
                )
        return d.Tabel(
            judul=judul,
            kepala=[
                d.kolom(
                    "No",
                    "Sasaran Kegiatan",
                    "Indikator Kinerja",
                    "Target",
                    "Satuan",
                    "Realisasi",
                    "Capaian",
                ),
                d.nomor_kolom(7),
            ],
            baris=baris,
            lebar=[4, 24, 34, 8, 10, 10, 10],
            nama_lembar="Target dan Capaian",
        )

    def ringkasan_anggaran_bila_tidak_disebut(self, bagian: str) -> list[d.Paragraf]:
        """The budget sentence, unless the section's narrative states the year's budget
        itself, by its names ({anggaran.realisasi}): a summary is not printed twice."""
        if "{anggaran.realisasi}" in self.k.teks(bagian):
            return []
        return [self.ringkasan_anggaran()]

    def ringkasan_anggaran(self) -> d.Paragraf:
        pnbp = next((x for x in self.pnbp if x.tahun == self.k.tahun), None)
        persen = pa.persen_terhadap(self.realisasi, self.pagu, pembulatan=konfigurasi().pembulatan)
        teks = (
            f"Realisasi anggaran TA {self.k.tahun} adalah sebesar {format_rupiah(self.realisasi)} "
            f"atau {persen.tampil}% dari pagu anggaran sebesar {format_rupiah(self.pagu)}."
            if self.realisasi is not None
            else f"Pagu anggaran TA {self.k.tahun} sebesar {format_rupiah(self.pagu)}; "
            "realisasi akhir tahun belum tercatat."
        )
        if pnbp and pnbp.total is not None and pnbp.target:
            teks += (
                f" Jumlah penerimaan PNBP {self.s} TA {self.k.tahun} sebesar "
                f"{format_rupiah(pnbp.total)} atau {pnbp.persen_total.tampil}% dari target "
                f"sebesar {format_rupiah(pnbp.target)}."
            )
        return d.Paragraf(teks)
