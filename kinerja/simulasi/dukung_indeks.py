"""Supporting data of the indices: the satisfaction survey of every quarter (T2/SP5/b),
professionalism scores per employee (T4/SP7/a) and the public-service self-assessment
(T4/SP8/c), at mid-year and year-end, made so that each index ends near its line's value.

Each generator adds its rows to the satker's batch and returns the realisasi the data give
as of each quarter's end, computed by kinerja.perhitungan.metode exactly as the application
computes it, so that the value the satker reports equals the value recomputed from its data."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja.formatting import format_angka, format_tanggal
from kinerja.models import (
    AspekLayananPublik,
    NilaiProfesionalitas,
    PenilaianLayananPublik,
    SurveiKepuasan,
    UnsurSurvei,
)
from kinerja.perhitungan import metode
from kinerja.simulasi.acak import acak_desimal, akhir_triwulan, batasi, bulat, rupiah
from kinerja.simulasi.konteks import TRIWULAN, Keluaran, KonteksSatker

D = Decimal


# --- the satisfaction survey (T2/SP5/b): one survey a quarter -----------------------------

UNSUR_SURVEI = (
    "Persyaratan Pelayanan", "Sistem, Mekanisme dan Prosedur", "Waktu Penyelesaian",
    "Biaya Pelayanan", "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana Petugas Pelayanan", "Perilaku Pelaksana Petugas Pelayanan",
    "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan prasarana",
)  # fmt: skip


def survei(ctx: KonteksSatker, indeks_akhir: D) -> Keluaran:
    rng = ctx.rng
    hasil = Keluaran()
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        pusat = indeks_akhir if q == 4 else indeks_akhir + acak_desimal(rng, "-0.10", "0.05")
        unsur = [
            (nama, batasi(pusat + acak_desimal(rng, "-0.15", "0.15"), 1, 4))
            for nama in UNSUR_SURVEI
        ]
        pelanggan = rng.randint(100, 400) if ctx.besar else rng.randint(40, 160)
        responden = max(1, rupiah(pelanggan * acak_desimal(rng, "0.60", "0.95")))
        n4 = rupiah(responden * batasi(pusat - 3, 0, 1))
        n2 = min(responden - n4, rupiah(responden * acak_desimal(rng, "0", "0.04")))
        posisi = akhir_triwulan(ctx.tahun, q)
        obj = ctx.bundel.tambah(
            SurveiKepuasan(
                satker=ctx.satker,
                tahun=ctx.tahun,
                tanggal_posisi=posisi,
                jumlah_pelanggan=pelanggan,
                jumlah_responden=responden,
                responden_nilai_2=n2,
                responden_nilai_3=responden - n4 - n2,
                responden_nilai_4=n4,
            )
        )
        for nomor, (nama, nilai) in enumerate(unsur, start=1):
            ctx.bundel.tambah(UnsurSurvei(survei=obj, nomor=nomor, nama=nama, nilai=nilai))
        hasil.nilai[q - 1] = metode.indeks_survei(unsur, pembulatan=ctx.pembulatan).nilai
        hasil.uraian[q - 1] = (
            f"Survei kepuasan s.d. {format_tanggal(posisi)}: {responden} responden dari "
            f"{pelanggan} pelanggan, indeks {format_angka(hasil.nilai[q - 1])}."
        )
    return hasil


# --- professionalism scores and the public-service index: mid-year and year-end -----------


def _posisi_semester(ctx: KonteksSatker) -> list[tuple[int, datetime.date]]:
    """The assessments of the year: 30 June (counts from TW II) and 15 December (TW IV)."""
    semua = [(2, datetime.date(ctx.tahun, 6, 30)), (4, datetime.date(ctx.tahun, 12, 15))]
    return [(q, t) for q, t in semua if q in ctx.terisi]


def _nilai_per_triwulan(per_posisi: dict[int, D | None]) -> list[D | None]:
    """Each quarter reads the latest assessment up to its end."""
    nilai: list[D | None] = []
    for q in TRIWULAN:
        sudah = [p for p in per_posisi if p <= q]
        nilai.append(per_posisi[max(sudah)] if sudah else None)
    return nilai


def profesionalitas(ctx: KonteksSatker, indeks_akhir: D) -> Keluaran:
    """Scores of four dimensions per employee (IPASN, T4/SP7/a); names pseudonymised."""
    rng = ctx.rng
    jumlah = rng.randint(25, 45) if ctx.besar else rng.randint(12, 28)
    dasar = [indeks_akhir + acak_desimal(rng, "-8", "8") for _ in range(jumlah)]
    per_posisi: dict[int, D | None] = {}
    hasil = Keluaran()
    for q, tanggal in _posisi_semester(ctx):
        orang = []
        for i, t in enumerate(dasar, start=1):
            total = batasi(t - (acak_desimal(rng, "0", "3") if q < 4 else 0), 50, 99)
            disiplin = D(5) if rng.random() < 0.9 else D(4)
            kualifikasi = batasi(bulat(total * D("0.25") + acak_desimal(rng, "-2", "2"), 0), 10, 25)
            kinerja = batasi(bulat(total * D("0.30") + acak_desimal(rng, "-2", "2"), 0), 15, 30)
            kompetensi = batasi(bulat(total - kualifikasi - kinerja - disiplin, 0), 0, 40)
            nama = f"Pegawai {i:02d}"
            ctx.bundel.tambah(
                NilaiProfesionalitas(
                    satker=ctx.satker,
                    tanggal_posisi=tanggal,
                    pegawai=nama,
                    kualifikasi=kualifikasi,
                    kompetensi=kompetensi,
                    kinerja=kinerja,
                    disiplin=disiplin,
                )
            )
            orang.append((nama, (kualifikasi, kompetensi, kinerja, disiplin)))
        per_posisi[q] = metode.rata_rata_total(orang, pembulatan=ctx.pembulatan).nilai
        hasil.uraian[q - 1] = (
            f"Rata-rata indeks profesionalitas {jumlah} pegawai posisi {format_tanggal(tanggal)}: "
            f"{format_angka(per_posisi[q])}."
        )
    hasil.nilai = _nilai_per_triwulan(per_posisi)
    return hasil


# PermenPAN-RB 29/2022 aspects with the weights of LAKIP Pekanbaru Tabel 26.
ASPEK_LAYANAN = (
    ("Kebijakan Pelayanan", 24), ("Profesionalisme SDM", 25), ("Sarana dan Prasarana", 18),
    ("Sistem Informasi Pelayanan Publik", 11), ("Konsultasi dan Pengaduan", 10),
    ("Inovasi", 12),
)  # fmt: skip


def layanan_publik(ctx: KonteksSatker, indeks_akhir: D) -> Keluaran:
    """A self-assessment of the public-service index per aspect (T4/SP8/c)."""
    rng = ctx.rng
    per_posisi: dict[int, D | None] = {}
    hasil = Keluaran()
    for q, tanggal in _posisi_semester(ctx):
        pusat = indeks_akhir if q == 4 else indeks_akhir - acak_desimal(rng, "0", "0.2")
        penilaian = ctx.bundel.tambah(
            PenilaianLayananPublik(
                satker=ctx.satker,
                tahun=ctx.tahun,
                tanggal=tanggal,
                penilai="Penilaian mandiri (PermenPAN-RB No. 29 Tahun 2022)",
            )
        )
        aspek = []
        for nomor, (nama, bobot) in enumerate(ASPEK_LAYANAN, start=1):
            indeks = batasi(pusat + acak_desimal(rng, "-0.40", "0.40"), 1, 5)
            aspek.append((nama, indeks, D(bobot)))
            ctx.bundel.tambah(
                AspekLayananPublik(
                    penilaian=penilaian, nomor=nomor, nama=nama, indeks=indeks, bobot=D(bobot)
                )
            )
        per_posisi[q] = metode.indeks_tertimbang(aspek, pembulatan=ctx.pembulatan).nilai
        hasil.uraian[q - 1] = (
            f"Penilaian mandiri indeks pelayanan publik {format_tanggal(tanggal)}: "
            f"{format_angka(per_posisi[q])}."
        )
    hasil.nilai = _nilai_per_triwulan(per_posisi)
    return hasil
