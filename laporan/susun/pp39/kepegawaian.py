"""The Form Monitoring Kepegawaian annex of the PP-39: the quarter's thirteen staff-monitoring
tables in the form's order, each a numbered table of the report (and a sheet of its
workbook). A table without rows prints a row of dashes, as the form does: nothing happened in
the quarter. The count tables get their total, which the form leaves out."""

from __future__ import annotations

from itertools import groupby

from kinerja.choices import TabelKepegawaian
from kinerja.formatting import format_rentang_tanggal, periode_triwulan
from kinerja.models import (
    CatatanMonitoring,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
)
from kinerja.models.kepegawaian import KOLOM, BarisMonitoring
from laporan import dokumen as d
from laporan.susun.umum import Konteks

T = TabelKepegawaian
JUDUL = "Form Monitoring Kepegawaian"

# The sheet of each table in the workbook.
LEMBAR = {
    T.PELATIHAN: "Pelatihan pegawai",
    T.KENAIKAN_PANGKAT: "Kenaikan pangkat",
    T.HUKUMAN_DISIPLIN: "Hukuman disiplin",
    T.MUTASI: "Mutasi rotasi promosi",
    T.PENSIUN: "Pegawai pensiun",
    T.JABATAN_FUNGSIONAL: "Jabatan fungsional",
    T.PENDIDIKAN: "Pendidikan pegawai",
    T.PENGADUAN: "Pengaduan masyarakat",
    T.GRATIFIKASI: "Gratifikasi",
    T.WHISTLEBLOWING: "Whistleblowing",
    T.PRESTASI: "Prestasi",
    T.PERUNDANGAN: "Perundangan",
    T.LSPRO: "Kegiatan LSPro",
}
# Relative column widths after the "No" column.
LEBAR = {
    T.PELATIHAN: [20, 40, 24, 12],
    T.JABATAN_FUNGSIONAL: [38, 38, 16],
    T.PENDIDIKAN: [60, 30],
    T.PENSIUN: [60, 30],
}


def _sel(baris: BarisMonitoring, field: str) -> d.Sel:
    if field == "tanggal" and baris.jenis == T.PELATIHAN:
        return d.teks(format_rentang_tanggal(baris.tanggal, baris.tanggal_selesai))
    if field == "tanggal":
        return d.tanggal(baris.tanggal)
    if field == "jumlah":
        return d.angka(baris.jumlah)
    return d.teks(getattr(baris, field) or "–")


def _kelompok(rows: list[BarisMonitoring], field: str, kolom: list[str]) -> list[list[d.Sel]]:
    """Rows grouped by `field` (an employee, a functional position): the group's number and
    name span its rows, as the form prints them."""
    hasil = []
    for nomor, (nama, grup) in enumerate(groupby(rows, key=lambda r: getattr(r, field)), 1):
        grup = list(grup)
        for i, r in enumerate(grup):
            sel = [_sel(r, f) for f in kolom]
            if i == 0:
                sel = [
                    d.angka(nomor, rata="tengah", rowspan=len(grup)),
                    d.teks(nama, rowspan=len(grup)),
                    *sel,
                ]
            hasil.append(sel)
    return hasil


def tabel_kepegawaian(jenis: str, rows: list[BarisMonitoring], periode: str) -> d.Tabel:
    """One table of the form for the quarter."""
    kolom = [k.field for k in KOLOM[jenis]]
    lebar = LEBAR.get(jenis) or [92 / len(kolom)] * len(kolom)
    kaki = []
    if not rows:
        baris = [[d.teks("–", rata="tengah") for _ in range(len(kolom) + 1)]]
    elif jenis == T.PELATIHAN:
        baris = _kelompok(rows, "pegawai", kolom[1:])
    elif jenis == T.JABATAN_FUNGSIONAL:
        baris = _kelompok(rows, "kelompok", kolom[1:])
    else:
        baris = [
            [d.angka(i, rata="tengah"), *(_sel(r, f) for f in kolom)] for i, r in enumerate(rows, 1)
        ]
    if jenis in (T.JABATAN_FUNGSIONAL, T.PENDIDIKAN):
        kaki = [
            [
                d.teks("Jumlah", colspan=len(kolom), tebal=True),
                d.angka(sum(r.jumlah for r in rows), tebal=True),
            ]
        ]
    return d.Tabel(
        judul=f"{T(jenis).label} periode {periode}",
        kepala=[d.kolom("No", *(k.judul for k in KOLOM[jenis]))],
        baris=baris,
        kaki=kaki,
        lebar=[6, *lebar],
        kecil=jenis == T.PELATIHAN,
        nama_lembar=LEMBAR[jenis],
    )


def lampiran_kepegawaian(k: Konteks) -> d.Bagian:
    """The staff-monitoring annex of the report's quarter; its absence is said."""
    m = MonitoringKepegawaian.objects.filter(
        satker=k.satker, tahun=k.tahun, triwulan=k.triwulan
    ).first()
    if m is None:
        return d.Bagian(
            JUDUL,
            isi=[
                d.Paragraf("Form monitoring kepegawaian triwulan ini belum diisi satker.", "kosong")
            ],
        )
    per_tabel: dict[str, list[BarisMonitoring]] = {t: [] for t in T.values}
    for model in (PeristiwaPegawai, RekapPegawai, CatatanMonitoring):
        for r in model.objects.filter(monitoring=m).order_by("jenis", "nomor"):
            per_tabel[r.jenis].append(r)
    periode = periode_triwulan(k.tahun, k.triwulan)
    return d.Bagian(
        JUDUL,
        isi=[tabel_kepegawaian(t, per_tabel[t], periode) for t in T.values],
    )
