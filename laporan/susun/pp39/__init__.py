"""The PP-39 quarterly control and evaluation report of a satker (Laporan Pengendalian dan
Evaluasi Triwulan, PP 39/2006), in the structure of BSPJI Manado's report: memo, cover,
foreword, contents; Bab I-IV; annexes Form A per kegiatan, Form Pengukuran Rencana Aksi, Form
ALKI, the component recap and the Form Monitoring Kepegawaian."""

from __future__ import annotations

from kinerja.formatting import format_tanggal, romawi
from kinerja.perhitungan import akhir_triwulan
from kinerja.selectors import anggaran as sel_anggaran
from kinerja.selectors.narasi import nilai_satker
from laporan import dokumen as d
from laporan.choices import BagianNarasi as B
from laporan.susun.pp39.bab import bab_i, bab_ii, bab_iii, bab_iv, tabel_rencana_aksi
from laporan.susun.pp39.lampiran import lampiran
from laporan.susun.umum import (
    kumpulkan,
    nota_dinas,
    penandatangan,
    sampul_satker,
    status_triwulan,
    tempat_tanggal,
)
from satker.models import Satker

__all__ = ["susun", "tabel_rencana_aksi"]


def susun(satker: Satker, tahun: int, triwulan: int) -> d.Laporan:
    k = kumpulkan(satker, tahun, triwulan, "pp39")
    nodes = sel_anggaran.pohon(satker, tahun, bulan=sel_anggaran.SETAHUN)
    tw = romawi(triwulan)
    akhir = akhir_triwulan(tahun, triwulan)
    tanda, kaki = status_triwulan(satker, tahun, triwulan)
    laporan = d.Laporan(
        jenis="pp39",
        judul=f"Laporan Pengendalian dan Evaluasi (PP-39) Triwulan {tw} {tahun}",
        satker=satker.singkatan,
        periode=f"Triwulan {tw} Tahun {tahun} (posisi {format_tanggal(akhir)})",
        tanda=tanda,
        kaki=kaki,
        sampul=d.Sampul(
            ["LAPORAN PENGENDALIAN", f"DAN EVALUASI TRIWULAN {tw} (PP-39)", f"TAHUN {tahun}"],
            sampul_satker(satker),
            str(tahun),
        ),
        nota_dinas=nota_dinas(k, f"Laporan Triwulan {tw} TA. {tahun}"),
        depan=[
            d.Bagian(
                "KATA PENGANTAR",
                isi=[
                    *k.blok_narasi(B.KATA_PENGANTAR),
                    d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
                ],
            )
        ],
        bab=[
            bab_i(k),
            bab_ii(k, nodes),
            bab_iii(k, nodes),
            bab_iv(k, nodes, akhir),
        ],
        lampiran=lampiran(k, nodes),
        nilai=nilai_satker(satker.pk, tahun, triwulan, k.lines, k.hasil),
    )
    return laporan.nomori()
