"""Supporting data of the services: PNBP receipts and service results at quarter-end
positions of this year and the last (growth, T1/SP3/e and T1/SP3/f), and domestic-product
spending per budget account (T1/SP3/d), made so that each indicator ends the year near the
value its line should reach.

Each generator adds its rows to the satker's batch and returns the realisasi the data give
as of each quarter's end, computed by kinerja.perhitungan.metode exactly as the application
computes it, so that the value the satker reports equals the value recomputed from its data."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja.choices import SatuanHasilLayanan
from kinerja.formatting import format_angka, format_rupiah, format_tanggal
from kinerja.models import (
    BelanjaPdn,
    HasilLayanan,
    PenerimaanPnbp,
)
from kinerja.perhitungan import metode
from kinerja.simulasi.acak import acak_desimal, akhir_triwulan, batasi, rupiah
from kinerja.simulasi.konteks import TRIWULAN, Keluaran, KonteksSatker

D = Decimal


# --- growth: PNBP receipts and service results at quarter-end positions -------------------

# (kind, base weight, chance a satker offers it)
JENIS_PNBP = (
    ("pengujian", 55, 1.0), ("kalibrasi", 12, 0.7), ("sertifikasi", 15, 0.6),
    ("pelatihan", 6, 0.6), ("konsultansi", 8, 0.5), ("halal", 4, 0.3), ("inspeksi", 4, 0.2),
)  # fmt: skip
JENIS_HASIL = (
    ("pengujian", 70, 1.0), ("kalibrasi", 12, 0.7), ("sertifikasi", 6, 0.6),
    ("pelatihan", 8, 0.6), ("konsultansi", 4, 0.5),
)  # fmt: skip


def _bobot(ctx: KonteksSatker, jenis: tuple[tuple[str, int, float], ...]) -> list[tuple[str, D]]:
    dipilih = [
        (j, b) for i, (j, b, peluang) in enumerate(jenis) if i == 0 or ctx.rng.random() < peluang
    ]
    mentah = [(j, b * acak_desimal(ctx.rng, "0.6", "1.4")) for j, b in dipilih]
    total = sum(b for _, b in mentah)
    return [(j, b / total) for j, b in mentah]


def _bagi(total: int, bobot: list[tuple[str, D]]) -> list[tuple[str, int]]:
    """Split a total over the kinds: each share rounded down, the rest to the first kind.
    With the same weights a larger total never gives a kind less."""
    bagian = [(j, int(total * b)) for j, b in bobot]
    sisa = total - sum(n for _, n in bagian)
    return [(bagian[0][0], bagian[0][1] + sisa), *bagian[1:]]


def _porsi_kumulatif(ctx: KonteksSatker) -> list[D]:
    r = ctx.rng
    return [
        acak_desimal(r, "0.15", "0.27"),
        acak_desimal(r, "0.40", "0.52"),
        acak_desimal(r, "0.65", "0.77"),
        D(1),
    ]


def _pertumbuhan(
    ctx: KonteksSatker,
    tumbuh_akhir: D,
    total_lalu: int,
    kelipatan: int,
    jenis: tuple[tuple[str, int, float], ...],
    ada_lalu: dict[datetime.date, int],
    baris,  # (tanggal_posisi, jenis, jumlah) -> model instance
    nama: str,
    format_jumlah,
) -> Keluaran:
    """Amounts to date at each quarter end of the previous year (A) and this year (B) with
    B = A × (1 + growth): the growth ends the year at `tumbuh_akhir`. Rows of the previous
    year are made only when the satker has none (a satker simulated for an earlier year
    keeps that year's figures as its A)."""
    rng = ctx.rng
    porsi = _porsi_kumulatif(ctx)
    a_buatan = [total_lalu * p // kelipatan * kelipatan for p in porsi]
    a_buatan = [int(a) for a in a_buatan]
    a_tercatat = [ada_lalu.get(akhir_triwulan(ctx.tahun - 1, q)) for q in TRIWULAN]
    if not ada_lalu:
        a_tercatat = list(a_buatan)
        bobot_lalu = _bobot(ctx, jenis)
        for q in TRIWULAN:
            for j, n in _bagi(a_buatan[q - 1], bobot_lalu):
                if n > 0:
                    ctx.bundel.tambah(baris(akhir_triwulan(ctx.tahun - 1, q), j, n))
    bobot = _bobot(ctx, jenis)
    hasil = Keluaran()
    b_lalu = 0
    for q in TRIWULAN:
        tumbuh = tumbuh_akhir if q == 4 else tumbuh_akhir * acak_desimal(rng, "0.6", "1.4")
        a = a_tercatat[q - 1] if a_tercatat[q - 1] is not None else a_buatan[q - 1]
        b = max(b_lalu, int(rupiah(a * (1 + tumbuh / 100)) // kelipatan * kelipatan))
        b_lalu = b
        if q not in ctx.terisi:
            continue
        posisi = akhir_triwulan(ctx.tahun, q)
        for j, n in _bagi(b, bobot):
            if n > 0:
                ctx.bundel.tambah(baris(posisi, j, n))
        hasil.nilai[q - 1] = metode.pertumbuhan(
            b, a_tercatat[q - 1], nama=nama, pembulatan=ctx.pembulatan
        ).nilai
        lalu = a_tercatat[q - 1]
        hasil.uraian[q - 1] = (
            f"Jumlah {nama} s.d. {format_tanggal(posisi)} sebesar {format_jumlah(b)}"
            + (f" (tahun lalu {format_jumlah(lalu)})." if lalu is not None else ".")
        )
    hasil.info["tahun_lalu"] = a_tercatat[3] if a_tercatat[3] is not None else a_buatan[3]
    return hasil


def pnbp(ctx: KonteksSatker, tumbuh_akhir: D, ada_lalu: dict[datetime.date, int]) -> Keluaran:
    """PNBP receipts by service kind (T1/SP3/e), with some rent and refunds that the
    indicator does not count."""
    juta = ctx.rng.randint(1_500, 12_000) if ctx.besar else ctx.rng.randint(250, 1_500)
    total_lalu = juta * 1_000_000 + ctx.rng.randint(0, 19_999) * 50
    satker = ctx.satker

    def baris(tanggal: datetime.date, jenis: str, jumlah: int) -> PenerimaanPnbp:
        return PenerimaanPnbp(satker=satker, tanggal_posisi=tanggal, jenis=jenis, jumlah=jumlah)

    hasil = _pertumbuhan(
        ctx, tumbuh_akhir, total_lalu, 50, JENIS_PNBP, ada_lalu, baris,
        "PNBP layanan jasa", format_rupiah,
    )  # fmt: skip
    if ctx.rng.random() < 0.5:
        _pnbp_bukan_layanan(ctx, juta)
    return hasil


def _pnbp_bukan_layanan(ctx: KonteksSatker, juta: int) -> None:
    """Rent of the meeting hall and refunds of last year's spending: in total receipts only."""
    sewa = ctx.rng.randint(2, 20) * 500_000 + juta * 1_000
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        ctx.bundel.tambah(
            PenerimaanPnbp(
                satker=ctx.satker,
                tanggal_posisi=akhir_triwulan(ctx.tahun, q),
                jenis="sewa",
                jumlah=sewa * q,
            )
        )
    if ctx.q_data >= 2:
        ctx.bundel.tambah(
            PenerimaanPnbp(
                satker=ctx.satker,
                tanggal_posisi=akhir_triwulan(ctx.tahun, ctx.q_data),
                jenis="pengembalian_belanja",
                jumlah=ctx.rng.randint(1, 40) * 250_000,
            )
        )


def hasil_layanan(
    ctx: KonteksSatker, tumbuh_akhir: D, ada_lalu: dict[datetime.date, int]
) -> Keluaran:
    """Service results issued by kind (test reports, certificates, trainees; T1/SP3/f)."""
    total = ctx.rng.randint(800, 6_000) if ctx.besar else ctx.rng.randint(150, 900)
    satker = ctx.satker

    def baris(tanggal: datetime.date, jenis: str, jumlah: int) -> HasilLayanan:
        return HasilLayanan(
            satker=satker,
            tanggal_posisi=tanggal,
            jenis=jenis,
            satuan=SatuanHasilLayanan.HASIL,
            jumlah=jumlah,
        )

    return _pertumbuhan(
        ctx, tumbuh_akhir, total, 1, JENIS_HASIL, ada_lalu, baris, "hasil layanan jasa",
        lambda n: f"{format_angka(n)} laporan/sertifikat",
    )  # fmt: skip


# --- domestic-product spending per budget account (T1/SP3/d) ------------------------------

# P3DN accounts (kinerja.perhitungan.metode.AKUN_P3DN) and their weight in a balai's budget.
AKUN_PDN = (
    ("521111", 30), ("521211", 12), ("521811", 12), ("521219", 6), ("522191", 10),
    ("524119", 5), ("532111", 25),
)  # fmt: skip


def belanja_pdn(ctx: KonteksSatker, pangsa_akhir: D, pagu_dipa: int, serapan: list[D]) -> Keluaran:
    """Pagu and cumulative spending per account, split into domestic (PDN, TKDN-certified)
    and imported, following the satker's budget absorption `serapan` (fraction, I..IV)."""
    rng = ctx.rng
    akun = [(a, b) for i, (a, b) in enumerate(AKUN_PDN) if i < 3 or rng.random() < 0.6]
    total_pagu = pagu_dipa * acak_desimal(rng, "0.12", "0.22")
    bobot_total = sum(b for _, b in akun)
    dalam_negeri = batasi(pangsa_akhir / 100 / max(serapan[3], D("0.5")), 0, 1)
    rincian = []
    for kode, b in akun:
        pagu = rupiah(total_pagu * b / bobot_total) // 1000 * 1000
        porsi_dn = batasi(dalam_negeri * acak_desimal(rng, "0.9", "1.1"), 0, 1)
        porsi_tkdn = acak_desimal(rng, "0.1", "0.3") if kode == "532111" else D(0)
        rincian.append((kode, pagu, porsi_dn, porsi_tkdn))
    hasil = Keluaran()
    realisasi_lalu = {kode: 0 for kode, *_ in rincian}
    for q in TRIWULAN:
        if q not in ctx.terisi:
            continue
        posisi = akhir_triwulan(ctx.tahun, q)
        baris = []
        for kode, pagu, porsi_dn, porsi_tkdn in rincian:
            realisasi = rupiah(
                pagu * batasi(serapan[q - 1] * acak_desimal(rng, "0.9", "1.05"), 0, 1)
            )
            realisasi = max(realisasi, realisasi_lalu[kode])
            realisasi_lalu[kode] = realisasi
            dn = rupiah(realisasi * porsi_dn)
            tkdn = rupiah(dn * porsi_tkdn)
            b = metode.BarisPdn(kode, pagu, dn - tkdn, tkdn, realisasi - dn)
            baris.append(b)
            ctx.bundel.tambah(
                BelanjaPdn(
                    satker=ctx.satker,
                    tanggal_posisi=posisi,
                    akun=kode,
                    pagu=pagu,
                    realisasi_pdn=b.pdn,
                    realisasi_tkdn=b.tkdn,
                    realisasi_impor=b.impor,
                )
            )
        hasil.nilai[q - 1] = metode.pangsa_pdn(baris, pembulatan=ctx.pembulatan).nilai
        hasil.uraian[q - 1] = (
            f"Realisasi belanja produk dalam negeri s.d. {format_tanggal(posisi)} sebesar "
            f"{format_rupiah(sum(b.pdn + b.tkdn for b in baris))} dari pagu akun P3DN "
            f"{format_rupiah(sum(b.pagu for b in baris))}."
        )
    return hasil
