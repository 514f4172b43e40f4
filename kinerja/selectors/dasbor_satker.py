"""Reads of one satker's dashboard: the open quarter, each line's trend and forecast, the
budget per quarter (one query each)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kinerja.models import (
    HasilPerhitungan,
    RingkasanAnggaran,
)
from kinerja.perhitungan import Hasil
from kinerja.perhitungan.serial import hasil_dari_dict
from kinerja.selectors.dasbor import StatusTriwulan

# --- one satker's dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class TugasTriwulan:
    """What the satker has to do now: the open quarter, its deadline, its report's status,
    what is still missing for submission and the reviewer's open notes."""

    status: StatusTriwulan
    kekurangan: list  # siklus.Kekurangan
    catatan: list  # CatatanReviu still open on a returned report


def deret_capaian(satker_id: int, tahun: int) -> dict[int, list[Hasil | None]]:
    """Each PK line's capaian at the end of each quarter, with its working, as stored (one
    query): the small trend of the line's card."""
    hasil: dict[int, list[Hasil | None]] = defaultdict(lambda: [None] * 4)
    for indikator_id, tw, capaian in HasilPerhitungan.objects.filter(
        satker_id=satker_id, tahun=tahun, triwulan__gte=1
    ).values_list("indikator_id", "triwulan", "data__capaian"):
        hasil[indikator_id][tw - 1] = hasil_dari_dict(capaian)
    return dict(hasil)


def prakiraan_indikator(satker_id: int, tahun: int, triwulan: int) -> dict[int, dict]:
    """Each PK line's year-end forecast as seen at the end of `triwulan` (one query): the
    expected capaian with its working, the method and whether it is expected to miss."""
    return {
        indikator_id: {
            "capaian": hasil_dari_dict(p["capaian"]),
            "realisasi": hasil_dari_dict(p["realisasi"]),
            "metode": p["metode"],
            "meleset": p["meleset"],
        }
        for indikator_id, p in HasilPerhitungan.objects.filter(
            satker_id=satker_id, tahun=tahun, triwulan=triwulan
        ).values_list("indikator_id", "data__prakiraan")
    }


def anggaran_per_triwulan(satker_id: int, tahun: int) -> list[RingkasanAnggaran | None]:
    """The satker's budget position at the end of each quarter (one query)."""
    per_tw = {
        r.triwulan: r for r in RingkasanAnggaran.objects.filter(satker_id=satker_id, tahun=tahun)
    }
    return [per_tw.get(tw) for tw in (1, 2, 3, 4)]
