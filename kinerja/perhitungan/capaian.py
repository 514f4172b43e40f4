"""Capaian (achievement) against the target, progress against the Rencana Aksi, and the
status that thresholds give them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja.perhitungan.dasar import BAKU, SERATUS, Hasil, Pembulatan, angka, hasil_bulat

MAKSIMASI = "maksimasi"
MINIMASI = "minimasi"
SELISIH = "selisih"
RASIO = "rasio"


def capaian(
    realisasi: Decimal | None,
    target: Decimal | None,
    *,
    klasifikasi: str = MAKSIMASI,
    rumus_minimasi: str = SELISIH,
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """Capaian of the reported realisasi against the target, in percent.

    maksimasi: realisasi / target × 100; minimasi: (2 × target − realisasi) / target × 100
    (the LAKIP convention) or target / realisasi × 100, as the indicator says."""
    if realisasi is None:
        return Hasil.gagal("realisasi belum ada")
    if target is None:
        return Hasil.gagal("target belum ditetapkan")
    r, t = Decimal(realisasi), Decimal(target)
    if klasifikasi == MAKSIMASI:
        if t == 0:
            return Hasil.gagal("target nol")
        return hasil_bulat(
            r / t * SERATUS, f"{angka(r)} / {angka(t)} × 100%", pembulatan, persen=True
        )
    if klasifikasi != MINIMASI:
        raise ValueError(f"klasifikasi tidak dikenal: {klasifikasi}")
    if rumus_minimasi == SELISIH:
        if t == 0:
            return Hasil.gagal("target nol")
        return hasil_bulat(
            (2 * t - r) / t * SERATUS,
            f"(2 × {angka(t)} − {angka(r)}) / {angka(t)} × 100%",
            pembulatan,
            persen=True,
        )
    if rumus_minimasi == RASIO:
        if r == 0:
            return Hasil.gagal("realisasi nol pada indikator minimasi (target / realisasi)")
        return hasil_bulat(
            t / r * SERATUS, f"{angka(t)} / {angka(r)} × 100%", pembulatan, persen=True
        )
    raise ValueError(f"rumus minimasi tidak dikenal: {rumus_minimasi}")


def capaian_antara(
    realisasi_antara: Decimal | None,
    target_antara: Decimal | None,
    *,
    pembulatan: Pembulatan = BAKU,
) -> Hasil:
    """Progress capaian of a quarter: realisasi antara / target antara × 100."""
    if realisasi_antara is None:
        return Hasil.gagal("realisasi antara belum diisi")
    if target_antara is None:
        return Hasil.gagal("target antara triwulan ini belum ditetapkan")
    if target_antara == 0:
        return Hasil.gagal("target antara nol")
    return hasil_bulat(
        Decimal(realisasi_antara) / Decimal(target_antara) * SERATUS,
        f"{angka(realisasi_antara)} / {angka(target_antara)} × 100%",
        pembulatan,
        persen=True,
    )


class Status(StrEnum):
    TERCAPAI = "tercapai"
    PERLU_PERHATIAN = "perlu_perhatian"
    TIDAK_TERCAPAI = "tidak_tercapai"
    TIDAK_DAPAT_DINILAI = "tidak_dapat_dinilai"

    @property
    def label(self) -> str:
        return {
            Status.TERCAPAI: "Tercapai",
            Status.PERLU_PERHATIAN: "Perlu perhatian",
            Status.TIDAK_TERCAPAI: "Tidak tercapai",
            Status.TIDAK_DAPAT_DINILAI: "Tidak dapat dinilai",
        }[self]


@dataclass(frozen=True)
class Ambang:
    """Status thresholds in percent of capaian: at least `tercapai` is reached, at least
    `perlu_perhatian` needs attention, below is not reached."""

    tercapai: Decimal = Decimal(100)
    perlu_perhatian: Decimal = Decimal(75)

    def __post_init__(self) -> None:
        if self.perlu_perhatian > self.tercapai:
            raise ValueError("ambang 'perlu perhatian' tidak boleh di atas ambang 'tercapai'")


AMBANG_BAKU = Ambang()


def status(nilai_capaian: Decimal | None, ambang: Ambang = AMBANG_BAKU) -> Status:
    if nilai_capaian is None:
        return Status.TIDAK_DAPAT_DINILAI
    if nilai_capaian >= ambang.tercapai:
        return Status.TERCAPAI
    if nilai_capaian >= ambang.perlu_perhatian:
        return Status.PERLU_PERHATIAN
    return Status.TIDAK_TERCAPAI
