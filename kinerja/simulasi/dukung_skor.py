"""Supporting data of the scores: the internal audit's recommendations and their follow-up
(T4/SP6/b), the SAKIP evaluation (T4/SP9/a) and the financial-report score (T4/SP9/b). A
roster satker's real scores are kept and read, never replaced.

Each generator adds its rows to the satker's batch and returns the realisasi the data give
as of each quarter's end, computed by kinerja.perhitungan.metode exactly as the application
computes it, so that the value the satker reports equals the value recomputed from its data."""

from __future__ import annotations

import datetime
from decimal import ROUND_CEILING, Decimal

from kinerja.choices import StatusTindakLanjut
from kinerja.formatting import format_angka, format_tanggal
from kinerja.models import (
    NilaiLaporanKeuangan,
    NilaiSakip,
    RekomendasiAudit,
)
from kinerja.perhitungan import metode
from kinerja.perhitungan.dasar import Pembulatan
from kinerja.simulasi.acak import acak_desimal, akhir_triwulan, batasi, bulat, tanggal_acak
from kinerja.simulasi.konteks import TRIWULAN, Keluaran, KonteksSatker

D = Decimal


# --- audit recommendations (T4/SP6/b) -------------------------------------------------------

REKOMENDASI = (
    "Kepala {s} agar menetapkan prosedur pelaporan kinerja beserta mekanisme verifikasi data.",
    "Kepala {s} agar menginstruksikan koordinator kegiatan melengkapi laporan dengan identitas "
    "IKM peserta program.",
    "Kepala {s} agar menetapkan evaluasi berjenjang atas pelaporan kegiatan kolaborasi.",
    "Kepala {s} agar menyusun SOP pelaksanaan kegiatan DAPATI.",
    "Kepala {s} agar memerintahkan pemutakhiran informasi layanan pada laman resmi.",
    "KPA agar meningkatkan pengendalian intern atas pemeliharaan sarana dan prasarana.",
    "KPA agar melakukan monitoring berkala atas implementasi SOP pengelolaan barang.",
    "KPA agar memperbaiki pengendalian intern dalam penggunaan akun belanja yang tepat.",
    "Kepala {s} agar menetapkan SOP penanganan pengajuan layanan yang batal dilaksanakan.",
    "Kepala {s} agar mengusulkan petugas pengelola keuangan yang fokus pada PNBP.",
    "Kepala {s} agar merevisi SOP yang sudah tidak sesuai dengan kondisi yang ada.",
    "Kepala {s} agar menyusun rencana aksi tindak lanjut hasil evaluasi SAKIP.",
)


def rekomendasi_audit(ctx: KonteksSatker, rasio_akhir: D) -> Keluaran:
    """The recommendations of the year's internal audit and when each was followed up."""
    rng = ctx.rng
    jumlah = rng.randint(4, 12)
    selesai_akhir = min(jumlah, int((jumlah * rasio_akhir / 100).to_integral_value(ROUND_CEILING)))
    tanggal = sorted(
        tanggal_acak(rng, datetime.date(ctx.tahun, 3, 1), datetime.date(ctx.tahun, 11, 30))
        for _ in range(selesai_akhir)
    )
    teks = rng.sample(REKOMENDASI, jumlah)
    selesai: list[datetime.date] = []
    for nomor in range(1, jumlah + 1):
        t = tanggal[nomor - 1] if nomor <= selesai_akhir else None
        if t is not None and t <= ctx.batas_data:
            status, tanggal_selesai = StatusTindakLanjut.SELESAI, t
            selesai.append(t)
        else:
            status = rng.choice((StatusTindakLanjut.DALAM_PROSES, StatusTindakLanjut.BELUM))
            tanggal_selesai = None
        ctx.bundel.tambah(
            RekomendasiAudit(
                satker=ctx.satker,
                tahun_audit=ctx.tahun,
                nomor=nomor,
                uraian=teks[nomor - 1].format(s=ctx.satker.singkatan),
                status=status,
                tanggal_selesai=tanggal_selesai,
            )
        )
    hasil = Keluaran()
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        posisi = akhir_triwulan(ctx.tahun, q)
        n = sum(1 for t in selesai if t <= posisi)
        hasil.nilai[q - 1] = metode.rasio_tindak_lanjut(n, jumlah, pembulatan=ctx.pembulatan).nilai
        hasil.uraian[q - 1] = (
            f"{n} dari {jumlah} rekomendasi hasil pengawasan selesai ditindaklanjuti "
            f"s.d. {format_tanggal(posisi)}."
        )
    return hasil


# --- external scores: SAKIP (T4/SP9/a) and the financial report (T4/SP9/b) ----------------

# PermenPAN-RB 88/2021: the predikat of a SAKIP total.
PREDIKAT_SAKIP = ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"))


def predikat_sakip(total: D) -> str:
    return next((p for batas, p in PREDIKAT_SAKIP if total > batas), "D")


def _skor_per_triwulan(ctx: KonteksSatker, tanggal: datetime.date, nilai: D) -> Keluaran:
    hasil = Keluaran()
    for q in TRIWULAN:
        if tanggal.year == ctx.tahun and tanggal <= akhir_triwulan(ctx.tahun, q):
            hasil.nilai[q - 1] = nilai
            hasil.uraian[q - 1] = (
                f"Nilai diterima {format_tanggal(tanggal)}: {format_angka(nilai)}."
            )
    return hasil


def nilai_sakip(ctx: KonteksSatker, total_akhir: D, ada: NilaiSakip | None) -> Keluaran:
    """The SAKIP evaluation of the year (held in April). A satker that already has its score
    (the roster's real 2023 scores) keeps it, and its line reports that score."""
    if ada is not None:
        return _skor_per_triwulan(ctx, ada.tanggal, total_sakip(ada, ctx.pembulatan))
    rng = ctx.rng
    r = total_akhir / 100
    perencanaan = batasi(bulat(30 * r + acak_desimal(rng, "-1", "1")), 0, 30)
    pengukuran = batasi(bulat(30 * r + acak_desimal(rng, "-1.5", "1.5")), 0, 30)
    pelaporan = batasi(bulat(15 * r + acak_desimal(rng, "-0.5", "0.5")), 0, 15)
    evaluasi = batasi(bulat(total_akhir - perencanaan - pengukuran - pelaporan), 0, 25)
    obj = NilaiSakip(
        satker=ctx.satker,
        tahun=ctx.tahun,
        tanggal=datetime.date(ctx.tahun, 4, 30),
        perencanaan=perencanaan,
        pengukuran=pengukuran,
        pelaporan=pelaporan,
        evaluasi_internal=evaluasi,
        penilai="Inspektorat Jenderal Kementerian Perindustrian",
    )
    total = total_sakip(obj, ctx.pembulatan)
    obj.total_dilaporkan = total
    obj.predikat = predikat_sakip(total)
    ctx.bundel.tambah(obj)
    return _skor_per_triwulan(ctx, obj.tanggal, total)


def total_sakip(obj: NilaiSakip, pembulatan: Pembulatan) -> D:
    """The SAKIP score as the application computes it: the sum of the components."""
    return metode.nilai_eksternal(
        komponen=obj.komponen, nama="nilai SAKIP", pembulatan=pembulatan
    ).nilai


def nilai_laporan_keuangan(
    ctx: KonteksSatker, nilai_akhir: D, ada: NilaiLaporanKeuangan | None
) -> Keluaran:
    """The financial-report score of the year (assessed June to August)."""
    if ada is not None:
        return _skor_per_triwulan(ctx, ada.tanggal, nilai_lk(ada, ctx.pembulatan))
    obj = ctx.bundel.tambah(
        NilaiLaporanKeuangan(
            satker=ctx.satker,
            tahun=ctx.tahun,
            tanggal=datetime.date(ctx.tahun, 8, 31),
            nilai=batasi(nilai_akhir, 0, 100),
            penilai="Biro Keuangan Kementerian Perindustrian",
        )
    )
    return _skor_per_triwulan(ctx, obj.tanggal, nilai_lk(obj, ctx.pembulatan))


def nilai_lk(obj: NilaiLaporanKeuangan, pembulatan: Pembulatan) -> D:
    return metode.nilai_eksternal(
        nilai=obj.nilai, nama="nilai laporan keuangan", pembulatan=pembulatan
    ).nilai
