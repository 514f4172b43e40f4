"""The PP-39 annexes in the source's order: Form A per kegiatan, Form Pengukuran Rencana Aksi,
Form ALKI, the e-Monev component recap and the Form Monitoring Kepegawaian."""

from __future__ import annotations

from kinerja.choices import TingkatAnggaran
from kinerja.formatting import format_tanggal, romawi
from kinerja.models import KegiatanAlki, RekapKomponen
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors.capaian import konfigurasi
from laporan import dokumen as d
from laporan.susun import anggaran as ta
from laporan.susun.pp39.bab import tabel_pengukuran
from laporan.susun.pp39.form_a import form_a, laporan_kegiatan, nomor_dipa
from laporan.susun.pp39.kepegawaian import lampiran_kepegawaian
from laporan.susun.umum import (
    Konteks,
    penandatangan,
    tempat_tanggal,
)

T = TingkatAnggaran


# --- annexes ------------------------------------------------------------------------------


def lampiran(k: Konteks, nodes: ta.Pohon) -> list[d.Bagian]:
    rekap = list(
        RekapKomponen.objects.filter(
            item__satker=k.satker, item__tahun=k.tahun, bulan__lte=3 * k.triwulan
        )
        .select_related("item")
        .order_by("item__urutan", "-bulan")
    )
    # The recap of each component at the latest month up to the quarter's end.
    terakhir: dict[int, RekapKomponen] = {}
    for r in rekap:
        terakhir.setdefault(r.item_id, r)
    rekap = list(terakhir.values())
    kegiatan = [n for n in ta.urut(nodes) if n.item.tingkat == T.KEGIATAN]
    laporan = laporan_kegiatan(k)
    dipa = nomor_dipa(k)
    lampiran = [form_a(k, nodes, keg, laporan.get(keg.item.pk), dipa) for keg in kegiatan]
    lampiran.append(
        d.Bagian(
            f"Form Pengukuran Rencana Aksi Triwulan {romawi(k.triwulan)}",
            isi=[
                tabel_pengukuran(
                    k,
                    f"Form pengukuran rencana aksi Perjanjian Kinerja Triwulan "
                    f"{romawi(k.triwulan)} TA. {k.tahun}",
                ),
                d.TandaTangan([penandatangan(k)], tempat_tanggal(k)),
            ],
            lanskap=True,
        )
    )
    lampiran.append(_form_alki(k))
    lampiran.append(_rekap_komponen(k, nodes, rekap))
    lampiran.append(lampiran_kepegawaian(k))
    return lampiran


def _form_alki(k: Konteks) -> d.Bagian:
    alki = list(KegiatanAlki.objects.filter(satker=k.satker, tahun=k.tahun).order_by("nomor"))
    if not alki:
        return d.Bagian(
            "Form ALKI",
            isi=[
                d.Paragraf(
                    "Data monitoring ALKI satker ini untuk tahun ini belum tersedia.", "kosong"
                )
            ],
        )
    posisi = max(a.tanggal_posisi for a in alki)
    tabel = d.Tabel(
        judul=f"Form ALKI posisi {format_tanggal(posisi)}",
        kepala=[
            d.kolom(
                ("No", 1, 2),
                ("Kegiatan", 1, 2),
                ("Pagu (Rp)", 1, 2),
                ("Keuangan (%)", 2, 1),
                ("Fisik (%)", 2, 1),
            ),
            d.kolom("Target", "Realisasi", "Target", "Realisasi"),
        ],
        baris=[
            [
                d.angka(a.nomor),
                d.teks(a.uraian),
                d.rupiah(a.pagu),
                d.persen(a.target_keuangan, None),
                d.persen(a.realisasi_keuangan, None),
                d.persen(a.target_fisik, None),
                d.persen(a.realisasi_fisik, None),
            ]
            for a in alki
        ],
        kaki=[
            [
                d.teks("Jumlah", colspan=2, tebal=True),
                d.rupiah(sum(a.pagu for a in alki), tebal=True),
                d.teks("", colspan=4),
            ]
        ],
        lebar=[4, 46, 14, 9, 9, 9, 9],
        kecil=True,
        nama_lembar="Form ALKI",
    )
    return d.Bagian("Form ALKI", isi=[tabel, d.TandaTangan([penandatangan(k)], tempat_tanggal(k))])


def _rekap_komponen(k: Konteks, nodes: ta.Pohon, rekap: list[RekapKomponen]) -> d.Bagian:
    if not rekap:
        return d.Bagian(
            "Rekap Pelaporan Komponen",
            isi=[
                d.Paragraf("Rekap komponen (e-Monev) belum tersedia untuk periode ini.", "kosong")
            ],
        )
    pagu = {n.item.pk: n.hasil.pagu for n in nodes.values()}
    baris = []
    for i, r in enumerate(rekap, start=1):
        alokasi = pagu.get(r.item_id, 0)
        baris.append(
            [
                d.angka(i),
                d.teks(f"{r.item.kode_lengkap} {r.item.uraian}"),
                d.teks(r.get_status_display()),
                d.persen(r.progres, None),
                d.teks(r.fisik_riil or "–"),
                d.rupiah(alokasi),
                d.rupiah(r.realisasi_rp),
                d.dari_hasil(
                    pa.persen_terhadap(
                        r.realisasi_rp, alokasi, pembulatan=konfigurasi().pembulatan
                    ),
                    persen_=True,
                ),
                d.teks(r.status_kemanfaatan or "–"),
                d.teks(r.kategori_masalah or "–"),
                d.teks(r.keterangan_masalah or "–"),
            ]
        )
    tabel = d.Tabel(
        judul=f"Rekap pelaporan komponen Triwulan {romawi(k.triwulan)} (kumulatif)",
        kepala=[
            d.kolom(
                "No",
                "Komponen",
                "Status",
                "Progres",
                "Fisik riil",
                "Alokasi (Rp)",
                "Realisasi (Rp)",
                "%",
                "Status kemanfaatan",
                "Kategori permasalahan",
                "Keterangan",
            ),
        ],
        baris=baris,
        lebar=[3, 24, 8, 6, 7, 11, 11, 6, 8, 8, 12],
        lanskap=True,
        kecil=True,
        catatan=["Alokasi adalah pagu komponen yang dijumlahkan dari rinciannya; % dihitung."],
        nama_lembar="Rekap Komponen",
    )
    return d.Bagian("Rekap Pelaporan Komponen", isi=[tabel], lanskap=True)
