"""The reporting cycle of a simulated year: the four periods (opened if missing, with a
deadline), and per satker and quarter a state with its history: verified, submitted,
returned with review notes, a draft still within an extended deadline, or late (the
deadline passed and nothing was submitted). Earlier quarters are mostly verified; the last
quarter is mixed. Times are fixed dates, never "now"."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from kinerja.models import (
    CatatanReviu,
    IndikatorPerjanjian,
    PelaporanTriwulan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    StatusPelaporan,
)
from kinerja.models.siklus import AksiPelaporan
from kinerja.simulasi import teks
from kinerja.simulasi.acak import (
    akhir_triwulan,
    batas_pelaporan,
    tanggal_acak,
    waktu,
    waktu_kerja,
)
from kinerja.simulasi.konteks import KonteksSatker

DIVERIFIKASI, DIAJUKAN, DIKEMBALIKAN, DRAF, TERLAMBAT = (
    "diverifikasi", "diajukan", "dikembalikan", "draf", "terlambat",
)  # fmt: skip
KEADAAN = (DIVERIFIKASI, DIAJUKAN, DIKEMBALIKAN, DRAF, TERLAMBAT)
# The simulated state → the stored status (a late quarter is a draft past its deadline).
STATUS = {
    DIVERIFIKASI: StatusPelaporan.DIVERIFIKASI,
    DIAJUKAN: StatusPelaporan.DIAJUKAN,
    DIKEMBALIKAN: StatusPelaporan.DIKEMBALIKAN,
    DRAF: StatusPelaporan.DRAF,
    TERLAMBAT: StatusPelaporan.DRAF,
}
HARI = datetime.timedelta(days=1)


def periode_baru(tahun: int, triwulan: int) -> PeriodePelaporan:
    """A period opened the day after the quarter ends, due the 20th of the next month."""
    return PeriodePelaporan(
        tahun=tahun,
        triwulan=triwulan,
        batas=batas_pelaporan(tahun, triwulan),
        dibuka=waktu(akhir_triwulan(tahun, triwulan) + HARI, 8, 0),
    )


@dataclass(frozen=True)
class Kalender:
    """The periods of the year and the day the simulated picture is taken: five days after
    the deadline of quarter IV (a draft then is late unless it got an extension)."""

    periode: dict[int, PeriodePelaporan]

    @property
    def acuan(self) -> datetime.date:
        return self.periode[4].batas + 5 * HARI

    @property
    def perpanjangan(self) -> datetime.date:
        return self.periode[4].batas + 16 * HARI


# Quarter IV's states dealt like cards from a deck of 20 (6 verified, 5 submitted, 3 returned,
# 3 drafts, 3 late), shuffled per seed and year: every 20 consecutive satker hold each state
# in these proportions, so even the 22 roster satker show all of them.
KARTU_TW4 = {DIVERIFIKASI: 6, DIAJUKAN: 5, DIKEMBALIKAN: 3, DRAF: 3, TERLAMBAT: 3}


def dek_tw4(seed: int, tahun: int) -> tuple[str, ...]:
    kartu = [k for k, n in KARTU_TW4.items() for _ in range(n)]
    random.Random(f"buat_simulasi:{seed}:{tahun}:dek").shuffle(kartu)
    return tuple(kartu)


def rancang_keadaan(rng: random.Random, tw4: str) -> tuple[str, ...]:
    """The state of each quarter I..IV: mostly verified before quarter IV (a few submitted,
    returned or late; a few satker stop reporting from quarter II or III), then `tw4`."""
    berhenti = rng.choice((2, 3)) if rng.random() < 0.04 else 5
    keadaan = []
    for q in (1, 2, 3, 4):
        if q >= berhenti:
            keadaan.append(TERLAMBAT)
        elif q < 4:
            keadaan.append(
                rng.choices(
                    (DIVERIFIKASI, DIAJUKAN, DIKEMBALIKAN, TERLAMBAT), weights=(92, 3, 2, 3)
                )[0]
            )
        else:
            keadaan.append(tw4)
    return tuple(keadaan)


def buat_pelaporan(
    ctx: KonteksSatker,
    kalender: Kalender,
    triwulan: int,
    keadaan: str,
    lines: list[IndikatorPerjanjian],
) -> PelaporanTriwulan:
    """The satker's report of the quarter in `keadaan`, with the history that led there."""
    rng = ctx.rng
    periode = kalender.periode[triwulan]
    lap = ctx.bundel.tambah(
        PelaporanTriwulan(
            satker=ctx.satker, tahun=ctx.tahun, triwulan=triwulan, status=STATUS[keadaan]
        )
    )
    akhir = akhir_triwulan(ctx.tahun, triwulan)
    batas_akhir = kalender.acuan - HARI

    def kapan(tanggal: datetime.date) -> datetime.datetime:
        return waktu_kerja(rng, min(tanggal, batas_akhir))

    terakhir = waktu(akhir + rng.randint(1, 10) * HARI, 10, 0)
    if keadaan in (DIVERIFIKASI, DIAJUKAN, DIKEMBALIKAN):
        mulai = akhir + 3 * HARI
        t = tanggal_acak(rng, mulai, max(mulai, periode.batas - 8 * HARI))
        terakhir = _catat(ctx, lap, AksiPelaporan.DIAJUKAN, kapan(t))
        if keadaan != DIKEMBALIKAN and rng.random() < 0.2:
            t += rng.randint(1, 3) * HARI
            catatan = _kembalikan(ctx, lap, kapan(t), lines, triwulan)
            t += rng.randint(1, 3) * HARI
            terakhir = _catat(ctx, lap, AksiPelaporan.DIAJUKAN, kapan(t))
            for c in catatan:
                c.diselesaikan = terakhir
        if keadaan == DIVERIFIKASI:
            t += rng.randint(1, 5) * HARI
            terakhir = _catat(ctx, lap, AksiPelaporan.DIVERIFIKASI, kapan(t))
        elif keadaan == DIKEMBALIKAN:
            t += rng.randint(1, 5) * HARI
            terakhir = kapan(t)
            _kembalikan(ctx, lap, terakhir, lines, triwulan)
    elif keadaan == DRAF:
        terakhir = kapan(kalender.acuan - rng.randint(1, 4) * HARI)
    if triwulan == 4 and keadaan in (DRAF, DIKEMBALIKAN):
        _perpanjang(ctx, kalender, terakhir)
    ctx.bundel.tetapkan_waktu(lap, "diperbarui", terakhir)
    return lap


def _catat(
    ctx: KonteksSatker, lap: PelaporanTriwulan, aksi: str, kapan: datetime.datetime
) -> datetime.datetime:
    catatan = "Data simulasi: snapshot tidak dibuat." if aksi == AksiPelaporan.DIAJUKAN else ""
    ctx.bundel.tambah(PeristiwaPelaporan(pelaporan=lap, aksi=aksi, waktu=kapan, catatan=catatan))
    return kapan


def _kembalikan(
    ctx: KonteksSatker,
    lap: PelaporanTriwulan,
    kapan: datetime.datetime,
    lines: list[IndikatorPerjanjian],
    triwulan: int,
) -> list[CatatanReviu]:
    """A reviewer returns the quarter with a note on one to three lines and sometimes one on
    the report as a whole."""
    rng = ctx.rng
    catatan = []
    for line in rng.sample(lines, min(len(lines), rng.randint(1, 3))):
        kode = f"{line.sasaran.kode}.{line.nomor}"
        catatan.append(
            CatatanReviu(
                pelaporan=lap,
                indikator=line,
                catatan=rng.choice(teks.CATATAN_BARIS).format(kode=kode),
                dibuat=kapan,
            )
        )
    if rng.random() < 0.4:
        catatan.append(
            CatatanReviu(
                pelaporan=lap,
                catatan=rng.choice(teks.CATATAN_UMUM).format(bulan=3 * triwulan),
                dibuat=kapan,
            )
        )
    for c in catatan:
        ctx.bundel.tambah(c)
    ctx.bundel.tambah(
        PeristiwaPelaporan(
            pelaporan=lap,
            aksi=AksiPelaporan.DIKEMBALIKAN,
            waktu=kapan,
            catatan=f"{len(catatan)} catatan",
        )
    )
    return catatan


def _perpanjang(ctx: KonteksSatker, kalender: Kalender, kapan: datetime.datetime) -> None:
    """A satker still correcting quarter IV gets a later deadline."""
    periode = kalender.periode[4]
    if kalender.perpanjangan <= periode.batas:
        return
    obj = ctx.bundel.tambah(
        PerpanjanganPeriode(
            periode=periode,
            satker=ctx.satker,
            batas=kalender.perpanjangan,
            alasan=teks.ALASAN_PERPANJANGAN,
        )
    )
    ctx.bundel.tetapkan_waktu(obj, "dibuat", kapan)
