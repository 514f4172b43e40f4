"""Bab III's financial accountability: budget per indicator, efficiency, PNBP and the
service charts."""

from __future__ import annotations

from kinerja.perhitungan import anggaran as pa
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d
from laporan.susun import data_dukung
from laporan.susun.lakip.dasar import LakipDasar
from laporan.susun.umum import (
    angka_target,
)


class Akuntabilitas(LakipDasar):
    """A part of the LAKIP; see the module's docstring."""

    def tabel_anggaran_indikator(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            e = self.efisiensi.get(line.kode)
            baris.append(
                [
                    d.teks(f"{line.kode} {line.uraian}"),
                    d.teks(", ".join(e.kode_anggaran) if e and e.kode_anggaran else "–"),
                    d.rupiah(e.pagu if e else None),
                    d.rupiah(e.realisasi_anggaran if e else None),
                    d.dari_hasil(e.persen_anggaran, persen_=True) if e else d.persen(None),
                ]
            )
        return d.Tabel(
            judul="Realisasi Keuangan Berdasarkan Indikator Perjanjian Kinerja "
            f"Tahun {self.k.tahun}",
            kepala=[
                d.kolom(
                    "Indikator Kinerja",
                    "Komponen anggaran pendukung",
                    "Pagu (Rp)",
                    "Realisasi (Rp)",
                    "%",
                )
            ],
            baris=baris,
            lebar=[30, 32, 14, 14, 8],
            kecil=True,
            nama_lembar="Anggaran per Indikator",
        )

    def tabel_efisiensi(self) -> d.Tabel:
        baris = []
        for line in self.k.lines:
            e = self.efisiensi[line.kode]
            h = e.baris
            ef = e.efisiensi
            baris.append(
                [
                    d.teks(f"{line.kode} {line.uraian}"),
                    angka_target(line.target),
                    d.dari_hasil(h.realisasi),
                    d.dari_hasil(h.capaian, persen_=True),
                    d.teks(
                        "Efektif"
                        if ef.efektif
                        else ("Belum efektif" if ef.efektif is False else "–")
                    ),
                    d.rupiah(e.pagu or None),
                    d.rupiah(e.realisasi_anggaran),
                    d.dari_hasil(e.persen_anggaran, persen_=True),
                    d.dari_hasil(ef.ibt) if ef.ibt.nilai is not None else d.rupiah(None),
                    d.dari_hasil(ef.ibr) if ef.ibr.nilai is not None else d.rupiah(None),
                    d.dari_hasil(ef.efisiensi, persen_=True),
                    d.teks(
                        "Efisien"
                        if ef.efisien
                        else ("Tidak efisien" if ef.efisien is False else "–")
                    ),
                ]
            )
        rata = pa.rata_rata(
            [e.efisiensi.efisiensi for e in self.efisiensi.values()],
            pembulatan=konfigurasi().pembulatan,
        )
        return d.Tabel(
            judul=f"Perhitungan Efektivitas dan Efisiensi Kinerja dan Anggaran TA.{self.k.tahun}",
            kepala=[
                d.kolom(
                    ("Indikator", 1, 2),
                    ("Kinerja", 3, 1),
                    ("Efektivitas", 1, 2),
                    ("Anggaran", 3, 1),
                    ("IBT (Rp)", 1, 2),
                    ("IBR (Rp)", 1, 2),
                    ("Efisiensi", 2, 1),
                ),
                d.kolom(
                    "Target",
                    "Realisasi",
                    "%",
                    "Target (Rp)",
                    "Realisasi (Rp)",
                    "%",
                    "%",
                    "Keterangan",
                ),
            ],
            baris=baris,
            kaki=[
                [
                    d.teks("Efisiensi rata-rata", colspan=10, tebal=True),
                    d.dari_hasil(rata, persen_=True, tebal=True),
                    d.teks(""),
                ]
            ],
            lebar=[22, 6, 7, 7, 7, 10, 10, 6, 9, 9, 6, 7],
            lanskap=True,
            kecil=True,
            catatan=[
                "IBT (indeks biaya target) = anggaran / target kinerja; IBR (indeks biaya "
                "realisasi) = realisasi anggaran / realisasi kinerja, dibulatkan ke rupiah; "
                "efisiensi = (IBT − IBR) / IBT × 100%."
            ],
            nama_lembar="Efisiensi",
        )

    def tabel_pnbp(self) -> d.Tabel:
        return d.Tabel(
            judul=f"Persentase PNBP {self.s} terhadap target TA {self._rentang_pnbp()}",
            kepala=[
                d.kolom(
                    "Tahun",
                    "Target (Rp)",
                    "PNBP layanan jasa (Rp)",
                    "%",
                    "Seluruh penerimaan (Rp)",
                    "%",
                )
            ],
            baris=[
                [
                    d.teks(str(x.tahun)),
                    d.rupiah(x.target),
                    d.rupiah(x.layanan),
                    d.dari_hasil(x.persen_layanan, persen_=True),
                    d.rupiah(x.total),
                    d.dari_hasil(x.persen_total, persen_=True),
                ]
                for x in self.pnbp
            ],
            lebar=[10, 20, 20, 10, 20, 10],
            nama_lembar="PNBP terhadap Target",
        )

    def _rentang_pnbp(self) -> str:
        return f"{self.pnbp[0].tahun}-{self.pnbp[-1].tahun}"

    def grafik_pnbp(self) -> d.Grafik:
        return d.Grafik(
            judul=f"Target dan realisasi PNBP {self.s} TA {self._rentang_pnbp()}",
            kategori=[str(x.tahun) for x in self.pnbp],
            seri=[
                d.Seri("Target", [x.target for x in self.pnbp]),
                d.Seri("Realisasi", [x.total for x in self.pnbp]),
            ],
            satuan="Rp",
            kunci="pnbp",
        )

    def grafik_layanan(self) -> d.Grafik | None:
        per_tahun = self.data.hasil_layanan
        if not per_tahun:
            return None
        tahun = sorted(per_tahun)
        jenis = sorted({j for v in per_tahun.values() for j in v})
        return d.Grafik(
            judul=f"Jumlah hasil layanan jasa {self.s} per jenis dan tahun",
            kategori=[data_dukung._label_pnbp(j) for j in jenis],
            seri=[d.Seri(str(t), [per_tahun[t].get(j) for j in jenis]) for t in tahun],
            satuan="jumlah",
            kunci="layanan",
        )
