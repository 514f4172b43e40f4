"""Supporting data claimed by one PK line: before/after measurements of assisted companies
(productivity lines T3/SP1/c, T1/SP3/c) and the list of facilitated companies (count lines
T1/SP2/b, T1/SP2/d). A company is claimed by one line only, as the manual requires."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja.choices import ArahPengukuran
from kinerja.formatting import format_angka, format_tanggal
from kinerja.models import ButirCapaian, IndikatorPerjanjian, PengukuranPerusahaan
from kinerja.perhitungan import metode
from kinerja.simulasi.acak import (
    acak_desimal,
    akhir_triwulan,
    awal_triwulan,
    bulat,
    tanggal_acak,
)
from kinerja.simulasi.konteks import PRODUK, TRIWULAN, Keluaran, KonteksSatker

D = Decimal


def pengukuran(
    ctx: KonteksSatker, indikator: IndikatorPerjanjian, kode: str, rata_akhir: D
) -> Keluaran:
    """One to four companies measured before (A) and after (B) the assistance; the first
    measured from June, the others in the last quarter. Their mean ends near `rata_akhir`."""
    rng = ctx.rng
    tahun = ctx.tahun
    jumlah = rng.randint(1, 4 if ctx.besar else 3)
    tanggal = sorted(
        tanggal_acak(rng, datetime.date(tahun, 6, 1), datetime.date(tahun, 9, 30))
        if i == 0 and rng.random() < 0.5
        else tanggal_acak(rng, datetime.date(tahun, 10, 1), datetime.date(tahun, 12, 15))
        for i in range(jumlah)
    )
    # Each company's gain; the last one's makes the mean exactly `rata_akhir`.
    persen_list = [rata_akhir * acak_desimal(rng, "0.75", "1.25") for _ in range(jumlah - 1)]
    persen_list.append(max(D(1), rata_akhir * jumlah - sum(persen_list)))
    tercatat: list[tuple[datetime.date, metode.Pengukuran, str]] = []
    for t, persen in zip(tanggal, persen_list, strict=True):
        produk, satuan = rng.choice(PRODUK)
        perusahaan = ctx.perusahaan()
        efisiensi = rng.random() < 0.2
        if efisiensi:
            besaran, satuan = f"Konsumsi energi produksi {produk}", "kWh/bulan"
            sebelum = D(rng.randint(200, 3000))
            sesudah = bulat(sebelum * (1 - persen / 100))
        else:
            besaran = f"Produksi {produk}"
            sebelum = D(rng.randint(50, 2000))
            sesudah = bulat(sebelum * (1 + persen / 100))
        if t > ctx.batas_data:
            continue
        kegiatan = (
            f"Jasa konsultansi DAPATI {tahun}"
            if kode == "T1/SP3/c"
            else "Kolaborasi peningkatan produktivitas bersama pemerintah daerah"
        )
        ctx.bundel.tambah(
            PengukuranPerusahaan(
                indikator=indikator,
                perusahaan=perusahaan,
                kegiatan=kegiatan,
                besaran=besaran,
                satuan_ukur=satuan,
                arah=ArahPengukuran.EFISIENSI if efisiensi else ArahPengukuran.PRODUKTIVITAS,
                nilai_sebelum=sebelum,
                nilai_sesudah=sesudah,
                tanggal=t,
            )
        )
        teks = (
            f"Pengukuran {perusahaan} ({format_tanggal(t)}): {besaran.lower()} dari "
            f"{format_angka(sebelum)} menjadi {format_angka(sesudah)} {satuan}."
        )
        tercatat.append((t, metode.Pengukuran(perusahaan, sebelum, sesudah, efisiensi), teks))
    hasil = Keluaran()
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        posisi = akhir_triwulan(tahun, q)
        sampai = [p for t, p, _ in tercatat if t <= posisi]
        if sampai:
            hasil.nilai[q - 1] = metode.produktivitas_efisiensi(
                sampai, pembulatan=ctx.pembulatan
            ).nilai
        hasil.uraian[q - 1] = " ".join(
            teks for t, _, teks in tercatat if awal_triwulan(tahun, q) <= t <= posisi
        )
    return hasil


KEGIATAN_BUTIR = {
    "T1/SP2/b": ("asesmen INDI 4.0 dan pendampingan transformasi industri 4.0",),
    "T1/SP2/d": (
        "pendampingan penerapan SNI",
        "pendampingan penyusunan dokumen sistem mutu",
        "bimbingan teknis penerapan standar produk",
    ),
}
BUKTI_BUTIR = ("Perjanjian kerja sama", "Surat pernyataan perusahaan", "Laporan pendampingan")


def butir_capaian(
    ctx: KonteksSatker, indikator: IndikatorPerjanjian, kode: str, jumlah_akhir: int
) -> Keluaran:
    """The companies facilitated in the year, dated through the quarters (more later in the
    year). The indicator sums its quarters, so each quarter reports its own count."""
    rng = ctx.rng
    tahun = ctx.tahun
    tanggal = []
    for _ in range(jumlah_akhir):
        q = rng.choices(TRIWULAN, weights=(10, 25, 30, 35))[0]
        awal = awal_triwulan(tahun, q) + datetime.timedelta(days=10)
        tanggal.append(tanggal_acak(rng, awal, akhir_triwulan(tahun, q) - datetime.timedelta(5)))
    tercatat: list[datetime.date] = []
    for t in sorted(tanggal):
        perusahaan = ctx.perusahaan()
        if t > ctx.batas_data:
            continue
        tempat = f", Kota {ctx.satker.kota}" if ctx.satker.kota else ""
        ctx.bundel.tambah(
            ButirCapaian(
                indikator=indikator,
                tanggal=t,
                uraian=f"{perusahaan}{tempat} ({rng.choice(KEGIATAN_BUTIR[kode])})",
                bukti=f"{rng.choice(BUKTI_BUTIR)} dengan {perusahaan} ({format_tanggal(t)})",
            )
        )
        tercatat.append(t)
    hasil = Keluaran(laporan=[None] * 4)
    awal = datetime.date(tahun, 1, 1)
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        # Counted since the last quarter reported: a late quarter's items come in the next.
        akhir = akhir_triwulan(tahun, q)
        dalam_triwulan = sum(1 for t in tercatat if awal <= t <= akhir)
        awal = akhir + datetime.timedelta(days=1)
        hasil.laporan[q - 1] = D(dalam_triwulan)
        if tercatat:
            sampai = sum(1 for t in tercatat if t <= akhir)
            hasil.nilai[q - 1] = metode.jumlah([sampai], nama="perusahaan").nilai
        hasil.uraian[q - 1] = (
            f"{dalam_triwulan} perusahaan difasilitasi pada triwulan ini." if dalam_triwulan else ""
        )
    return hasil
