"""The secretariat's dashboard as a workbook: every table of the page, for every selected satker
(the page shows them a page at a time), through the same report model and Excel renderer as
the reports."""

from __future__ import annotations

from kinerja.formatting import romawi
from kinerja.models import IndikatorKinerja
from kinerja.perhitungan.ringkasan import METODE_PENYERAPAN, METODE_TERCAPAI
from kinerja.selectors.dasbor import BarisSatker, Saringan
from kinerja.selectors.dasbor_tren import SelPeta, TrenTriwulan
from laporan.dokumen import (
    Bagian,
    Laporan,
    Paragraf,
    Sel,
    Tabel,
    angka,
    dari_hasil,
    kolom,
    rupiah,
    tanggal,
    teks,
)
from laporan.dokumen import persen as sel_persen

SIMULASI = "Data simulasi"


def _nama(b: BarisSatker) -> list[Sel]:
    return [
        teks(b.satker.singkatan),
        teks(b.satker.kode or ""),
        teks(b.satker.get_jenis_display()),
        teks(b.satker.provinsi),
        teks(SIMULASI if b.satker.simulasi else ""),
    ]


KOLOM_NAMA = ("Satker", "Kode", "Jenis", "Provinsi", "Keterangan")


def tabel_peringkat(baris: list[BarisSatker], s: Saringan) -> Tabel:
    return Tabel(
        judul=f"Peringkat satker, {s.label_periode}",
        nama_lembar="Peringkat",
        kepala=[
            kolom(
                "No",
                *KOLOM_NAMA,
                "Indikator PK",
                "Tercapai",
                "Indikator tercapai (%)",
                "Diprakirakan tidak tercapai",
                "Realisasi anggaran (%)",
                "Deviasi dari rencana penarikan (%)",
                "Nilai SAKIP",
                "Predikat SAKIP",
            )
        ],
        baris=[
            [
                angka(i),
                *_nama(b),
                angka(b.jumlah_indikator),
                angka(b.jumlah_tercapai),
                dari_hasil(b.tercapai, persen_=True),
                angka(b.jumlah_meleset),
                dari_hasil(b.penyerapan, persen_=True),
                dari_hasil(b.deviasi, persen_=True),
                dari_hasil(b.sakip) if b.sakip else angka(None),
                teks(b.predikat_sakip),
            ]
            for i, b in enumerate(baris, start=1)
        ],
        catatan=[
            f"Indikator tercapai: {METODE_TERCAPAI}.",
            f"Realisasi anggaran: {METODE_PENYERAPAN}.",
            "Nilai SAKIP: hasil evaluasi Sekretariat (jumlah empat komponen).",
        ],
        lanskap=True,
    )


def tabel_peta(
    baris: list[BarisSatker],
    kolom_peta: list[IndikatorKinerja],
    sel: dict[tuple[int, str], SelPeta],
    s: Saringan,
) -> Tabel:
    ukuran = "capaian" if not s.triwulan else "capaian antara"
    return Tabel(
        judul=f"Peta {ukuran} satker × indikator pedoman, {s.label_periode}",
        nama_lembar="Peta capaian",
        kepala=[kolom(*KOLOM_NAMA, *(k.kode for k in kolom_peta))],
        baris=[
            [
                *_nama(b),
                *(
                    sel_persen(
                        c.nilai if (c := sel.get((b.satker.pk, k.kode))) else None,
                        keterangan=c.rumus if c else "",
                    )
                    for k in kolom_peta
                ),
            ]
            for b in baris
        ],
        catatan=[f"{k.kode}: {k.nama}" for k in kolom_peta],
        lanskap=True,
        kecil=True,
    )


def tabel_pelaporan(baris: list[BarisSatker], s: Saringan) -> Tabel:
    kepala = list(KOLOM_NAMA)
    for tw in (1, 2, 3, 4):
        kepala += [
            f"TW {romawi(tw)} status",
            f"TW {romawi(tw)} batas",
            f"TW {romawi(tw)} terlambat (hari)",
        ]
    return Tabel(
        judul=f"Papan pelaporan triwulan, tahun {s.tahun}",
        nama_lembar="Pelaporan",
        kepala=[kolom(*kepala)],
        baris=[
            [
                *_nama(b),
                *(
                    sel
                    for st in b.pelaporan
                    for sel in (
                        teks(st.label),
                        tanggal(st.batas),
                        angka(st.hari_terlambat if st.terlambat else None),
                    )
                ),
            ]
            for b in baris
        ],
        lanskap=True,
    )


def tabel_anggaran(baris: list[BarisSatker], s: Saringan) -> Tabel:
    tw = romawi(s.tw_anggaran)
    return Tabel(
        judul=f"Anggaran satker s.d. triwulan {tw} tahun {s.tahun}",
        nama_lembar="Anggaran",
        kepala=[
            kolom(
                *KOLOM_NAMA,
                "Pagu (Rp)",
                "Rencana penarikan (Rp)",
                "Realisasi (Rp)",
                "Rencana (%)",
                "Realisasi (%)",
                "Deviasi (%)",
                "Progres fisik (%)",
                "Prakiraan penyerapan akhir tahun (%)",
            )
        ],
        baris=[
            [
                *_nama(b),
                rupiah(a.pagu if (a := b.anggaran) else None),
                rupiah(a.rencana_rp if a else None),
                rupiah(a.realisasi_dilaporkan if a else None),
                dari_hasil(b.rencana, persen_=True),
                dari_hasil(b.penyerapan, persen_=True),
                dari_hasil(b.deviasi, persen_=True),
                dari_hasil(b.fisik, persen_=True),
                dari_hasil(b.prakiraan_penyerapan, persen_=True),
            ]
            for b in baris
        ],
        lanskap=True,
    )


def tabel_tren(tren: list[TrenTriwulan], s: Saringan) -> Tabel:
    return Tabel(
        judul=f"Tren per triwulan, tahun {s.tahun}",
        nama_lembar="Tren",
        kepala=[
            kolom(
                "Triwulan",
                "Indikator tercapai (%)",
                "Rencana penarikan (%)",
                "Realisasi anggaran (%)",
                "Indikator diprakirakan tidak tercapai",
            )
        ],
        baris=[
            [
                teks(f"TW {romawi(t.triwulan)}"),
                dari_hasil(t.tercapai, persen_=True),
                dari_hasil(t.rencana, persen_=True),
                dari_hasil(t.penyerapan, persen_=True),
                angka(t.meleset),
            ]
            for t in tren
        ],
    )


def susun(
    *,
    baris: list[BarisSatker],
    kolom_peta: list[IndikatorKinerja],
    sel: dict[tuple[int, str], SelPeta],
    tren: list[TrenTriwulan],
    s: Saringan,
    tabel: str | None = None,
) -> Laporan:
    """The dashboard's tables (or the one named `tabel`) as a report."""
    semua = {
        "peringkat": lambda: tabel_peringkat(baris, s),
        "peta": lambda: tabel_peta(baris, kolom_peta, sel, s),
        "pelaporan": lambda: tabel_pelaporan(baris, s),
        "anggaran": lambda: tabel_anggaran(baris, s),
        "tren": lambda: tabel_tren(tren, s),
    }
    dipilih = [semua[tabel]()] if tabel in semua else [f() for f in semua.values()]
    simulasi = sum(1 for b in baris if b.satker.simulasi)
    isi: list = []
    if simulasi:
        isi.append(
            Paragraf(
                f"{simulasi} dari {len(baris)} satker berisi data simulasi (manage.py "
                "buat_simulasi), bukan data nyata; ditandai “Data simulasi” pada kolom Keterangan.",
                gaya="catatan",
            )
        )
    return Laporan(
        jenis="dasbor",
        judul="Dasbor Sekretariat BSKJI",
        satker="Badan Standardisasi dan Kebijakan Jasa Industri",
        periode=s.label_periode,
        bab=[Bagian(judul=f"Dasbor satker, {s.label_periode}", isi=[*isi, *dipilih])],
        daftar_isi=False,
        tanda="MEMUAT DATA SIMULASI" if simulasi else "",
    )


TABEL = ("peringkat", "peta", "pelaporan", "anggaran", "tren")
