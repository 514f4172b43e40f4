"""A line's computed figures as plain JSON values and back, exactly: every `Decimal` is kept
as its string (with its digits, "92.50" stays "92.50"), so a figure read back from storage
prints the same as the one computed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja.perhitungan.baris import HasilBaris
from kinerja.perhitungan.capaian import Ambang, Status
from kinerja.perhitungan.dasar import Hasil


def _angka(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(nilai)


def _dari_angka(nilai: str | None) -> Decimal | None:
    return None if nilai is None else Decimal(nilai)


def _tambahan(nilai: object) -> Any:
    """An extra value of a figure (the survey's conversion and grade): a Decimal is marked so
    that it comes back as one."""
    if isinstance(nilai, Decimal):
        return {"desimal": str(nilai)}
    return nilai


def _dari_tambahan(nilai: Any) -> object:
    if isinstance(nilai, dict) and set(nilai) == {"desimal"}:
        return Decimal(nilai["desimal"])
    return nilai


def hasil_ke_dict(h: Hasil) -> dict[str, Any]:
    """A figure with its working as JSON values."""
    return {
        "nilai": _angka(h.nilai),
        "rumus": h.rumus,
        "alasan": h.alasan,
        "desimal": h.desimal,
        "keterangan": h.keterangan,
        "tambahan": {k: _tambahan(v) for k, v in h.tambahan.items()},
    }


def hasil_dari_dict(d: dict[str, Any]) -> Hasil:
    """The figure `hasil_ke_dict` wrote."""
    return Hasil(
        nilai=_dari_angka(d["nilai"]),
        rumus=d["rumus"],
        alasan=d["alasan"],
        desimal=d["desimal"],
        keterangan=d["keterangan"],
        tambahan={k: _dari_tambahan(v) for k, v in d["tambahan"].items()},
    )


def _opsional(d: dict[str, Any] | None) -> Hasil | None:
    return None if d is None else hasil_dari_dict(d)


def baris_ke_dict(h: HasilBaris) -> dict[str, Any]:
    """Every figure of a line for a quarter (or the year) as JSON values."""
    return {
        "satker": h.satker,
        "kode": h.kode,
        "sasaran": h.sasaran,
        "indikator": h.indikator,
        "satuan": h.satuan,
        "target": _angka(h.target),
        "tahun": h.tahun,
        "triwulan": h.triwulan,
        "realisasi": hasil_ke_dict(h.realisasi),
        "sumber_realisasi": h.sumber_realisasi,
        "capaian": hasil_ke_dict(h.capaian),
        "target_antara": _angka(h.target_antara),
        "realisasi_antara": _angka(h.realisasi_antara),
        "capaian_antara": None if h.capaian_antara is None else hasil_ke_dict(h.capaian_antara),
        "status": h.status.value,
        "catatan": list(h.catatan),
        "status_progres": None if h.status_progres is None else h.status_progres.value,
        "status_capaian": h.status_capaian.value,
        "versi": h.versi,
        "ambang": None
        if h.ambang is None
        else {"tercapai": str(h.ambang.tercapai), "perlu_perhatian": str(h.ambang.perlu_perhatian)},
    }


def baris_dari_dict(d: dict[str, Any]) -> HasilBaris:
    """The line's figures `baris_ke_dict` wrote, equal to those computed."""
    return HasilBaris(
        satker=d["satker"],
        kode=d["kode"],
        sasaran=d["sasaran"],
        indikator=d["indikator"],
        satuan=d["satuan"],
        target=Decimal(d["target"]),
        tahun=d["tahun"],
        triwulan=d["triwulan"],
        realisasi=hasil_dari_dict(d["realisasi"]),
        sumber_realisasi=d["sumber_realisasi"],
        capaian=hasil_dari_dict(d["capaian"]),
        target_antara=_dari_angka(d["target_antara"]),
        realisasi_antara=_dari_angka(d["realisasi_antara"]),
        capaian_antara=_opsional(d["capaian_antara"]),
        status=Status(d["status"]),
        catatan=tuple(d["catatan"]),
        status_progres=None if d["status_progres"] is None else Status(d["status_progres"]),
        status_capaian=Status(d["status_capaian"]),
        versi=d.get("versi"),
        ambang=None
        if not d.get("ambang")
        else Ambang(
            tercapai=Decimal(d["ambang"]["tercapai"]),
            perlu_perhatian=Decimal(d["ambang"]["perlu_perhatian"]),
        ),
    )
