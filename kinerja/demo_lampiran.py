"""Demo data of the quarterly PP-39 annexes (fixtures/<satker>/lampiran_pp39_<tahun>.yaml):
Form A's data umum and kendala per kegiatan, and the staff-monitoring form's thirteen tables."""

from __future__ import annotations

from typing import Any

from kinerja.choices import TabelKepegawaian, TingkatAnggaran
from kinerja.models import (
    CatatanMonitoring,
    ItemAnggaran,
    KendalaKegiatan,
    LaporanKegiatan,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
)
from satker.fixture_loading import FixtureError, LoadStats, check_keys, text, upsert
from satker.models import Satker

T = TabelKepegawaian

LAMPIRAN_KEYS = {"satker", "tahun", "triwulan", "form_a", "kepegawaian"}
FORM_A_KEYS = {
    "kegiatan", "kode_fungsi", "fungsi", "kode_sub_fungsi", "sub_fungsi", "indikator_hasil",
    "jangka_waktu", "tahun_ke", "penanggung_jawab", "tempat_kedudukan", "tanggal", "catatan",
    "kendala",
}  # fmt: skip
KENDALA_KEYS = {"nomor", "output", "kendala", "tindak_lanjut", "pihak_membantu", "catatan"}
PERISTIWA_KEYS = {
    "pegawai", "uraian", "penyelenggara", "semula", "menjadi", "tanggal", "tanggal_selesai",
    "catatan",
}  # fmt: skip
CATATAN_KEYS = {"pihak", "nomor_dokumen", "uraian", "keterangan", "catatan"}


def load_lampiran_pp39(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    """Load a satker's Form A and staff-monitoring form of one quarter."""
    check_keys(data, LAMPIRAN_KEYS, fixture)
    try:
        satker = Satker.objects.get(kode=data["satker"])
    except Satker.DoesNotExist as exc:
        raise FixtureError(f"{fixture}: satker {data['satker']} tidak ada") from exc
    tahun, triwulan = data["tahun"], data["triwulan"]
    items = {
        i.kode_lengkap: i
        for i in ItemAnggaran.objects.filter(
            satker=satker, tahun=tahun, tingkat__in=(TingkatAnggaran.KEGIATAN, TingkatAnggaran.KRO)
        )
    }
    for f in data.get("form_a") or []:
        _form_a(f, satker, triwulan, items, fixture, stats)
    if data.get("kepegawaian") is not None:
        _kepegawaian(data["kepegawaian"], satker, tahun, triwulan, fixture, stats)


def _item(items: dict[str, ItemAnggaran], kode: str, where: str) -> ItemAnggaran:
    if kode not in items:
        raise FixtureError(f"{where}: kode anggaran {kode!r} tidak ditemukan")
    return items[kode]


def _form_a(
    f: dict[str, Any],
    satker: Satker,
    triwulan: int,
    items: dict[str, ItemAnggaran],
    fixture: str,
    stats: LoadStats,
) -> None:
    where = f"{fixture} form_a {f.get('kegiatan')}"
    check_keys(f, FORM_A_KEYS, where)
    laporan = upsert(
        LaporanKegiatan,
        {"kegiatan": _item(items, str(f["kegiatan"]), where), "triwulan": triwulan},
        {
            "satker": satker,
            "kode_fungsi": str(f["kode_fungsi"]),
            "fungsi": f["fungsi"],
            "kode_sub_fungsi": str(f["kode_sub_fungsi"]),
            "sub_fungsi": f["sub_fungsi"],
            "indikator_hasil": text(f.get("indikator_hasil")),
            "jangka_waktu": f.get("jangka_waktu", 1),
            "tahun_ke": f.get("tahun_ke", 1),
            "penanggung_jawab": f["penanggung_jawab"],
            "tempat_kedudukan": f["tempat_kedudukan"],
            "tanggal": f.get("tanggal"),
            "catatan": text(f.get("catatan")),
        },
        where=where,
        stats=stats,
    )
    for k in f.get("kendala") or []:
        kwhere = f"{where} kendala {k.get('nomor')}"
        check_keys(k, KENDALA_KEYS, kwhere)
        upsert(
            KendalaKegiatan,
            {"laporan": laporan, "nomor": k["nomor"]},
            {
                "output": _item(items, k["output"], kwhere) if k.get("output") else None,
                "kendala": text(k["kendala"]),
                "tindak_lanjut": text(k.get("tindak_lanjut")),
                "pihak_membantu": text(k.get("pihak_membantu")),
                "catatan": text(k.get("catatan")),
            },
            where=kwhere,
            stats=stats,
        )


def _kepegawaian(
    data: dict[str, Any], satker: Satker, tahun: int, triwulan: int, fixture: str, stats: LoadStats
) -> None:
    where = f"{fixture} kepegawaian"
    check_keys(data, {"catatan", *T.values}, where)
    monitoring = upsert(
        MonitoringKepegawaian,
        {"satker": satker, "tahun": tahun, "triwulan": triwulan},
        {"catatan": text(data.get("catatan"))},
        where=where,
        stats=stats,
    )

    def simpan(model, jenis: str, nomor: int, nilai: dict[str, Any]) -> None:
        upsert(
            model,
            {"monitoring": monitoring, "jenis": jenis, "nomor": nomor},
            nilai,
            where=f"{where} {jenis} {nomor}",
            stats=stats,
        )

    nomor = 0
    for orang in data.get(T.PELATIHAN) or []:
        check_keys(orang, {"pegawai", "pelatihan"}, f"{where} pelatihan {orang.get('pegawai')}")
        for p in orang["pelatihan"]:
            nomor += 1
            simpan(PeristiwaPegawai, T.PELATIHAN, nomor, _peristiwa(orang["pegawai"], p, where))
    for jenis in (T.KENAIKAN_PANGKAT, T.HUKUMAN_DISIPLIN, T.MUTASI, T.PENSIUN):
        for nomor, p in enumerate(data.get(jenis) or [], start=1):
            simpan(PeristiwaPegawai, jenis, nomor, _peristiwa(p["pegawai"], p, where))
    for nomor, (kelompok, kategori, jumlah) in enumerate(
        data.get(T.JABATAN_FUNGSIONAL) or [], start=1
    ):
        simpan(
            RekapPegawai,
            T.JABATAN_FUNGSIONAL,
            nomor,
            {"kelompok": kelompok, "kategori": kategori, "jumlah": jumlah},
        )
    for nomor, (kategori, jumlah) in enumerate(data.get(T.PENDIDIKAN) or [], start=1):
        simpan(RekapPegawai, T.PENDIDIKAN, nomor, {"kategori": kategori, "jumlah": jumlah})
    for jenis in (T.PENGADUAN, T.GRATIFIKASI, T.WHISTLEBLOWING, T.PRESTASI, T.PERUNDANGAN, T.LSPRO):
        for nomor, c in enumerate(data.get(jenis) or [], start=1):
            check_keys(c, CATATAN_KEYS, f"{where} {jenis} {nomor}")
            simpan(CatatanMonitoring, jenis, nomor, {k: text(c.get(k)) for k in CATATAN_KEYS})


def _peristiwa(pegawai: str, p: dict[str, Any], where: str) -> dict[str, Any]:
    check_keys(p, PERISTIWA_KEYS, f"{where} {pegawai}")
    return {
        "pegawai": pegawai,
        "uraian": text(p.get("uraian")),
        "penyelenggara": text(p.get("penyelenggara")),
        "semula": text(p.get("semula")),
        "menjadi": text(p.get("menjadi")),
        "tanggal": p.get("tanggal"),
        "tanggal_selesai": p.get("tanggal_selesai"),
        "catatan": text(p.get("catatan")),
    }
