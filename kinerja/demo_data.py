"""Demo data of the planning and measurement domain: the cascade, the indicator manual, the
Renstra, the PKs with their Rencana Aksi and measurements, and the annual narrative. Reads the
YAML files of `fixtures/` (see fixtures/README.md for their shape)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from kinerja.choices import TingkatRenstra
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    NarasiIndikator,
    PaguIndikatifRenstra,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
    SasaranKegiatan,
    SasaranRenstra,
    TargetRenstra,
)
from satker.demo_data import DemoLogin, create_demo_users, load_organisasi
from satker.fixture_loading import (
    FixtureError,
    LoadStats,
    check_keys,
    decimal_or_none,
    read_yaml,
    set_many,
    text,
    upsert,
)
from satker.models import Satker

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

PK_FILES = ("manado/pk_2023.yaml", "pekanbaru/pk_2023.yaml")
RENSTRA_FILES = ("pekanbaru/renstra_2021_2024.yaml",)
NARASI_FILES = ("pekanbaru/narasi_2023.yaml",)


@dataclass
class DemoLoadResult:
    stats: LoadStats
    logins: list[DemoLogin]


def load_demo_data(fixtures_dir: Path = FIXTURES_DIR) -> DemoLoadResult:
    """Load every demo fixture in one transaction: all of it, or nothing."""
    stats = LoadStats()
    with transaction.atomic():
        load_organisasi(read_yaml(fixtures_dir / "organisasi.yaml"), stats)
        sasaran_atas = load_cascade(read_yaml(fixtures_dir / "cascade.yaml"), stats)
        load_manual(read_yaml(fixtures_dir / "manual_indikator.yaml"), sasaran_atas, stats)
        for name in RENSTRA_FILES:
            load_renstra_satker(read_yaml(fixtures_dir / name), name, sasaran_atas, stats)
        for name in PK_FILES:
            load_perjanjian(read_yaml(fixtures_dir / name), name, stats)
        for name in NARASI_FILES:
            load_narasi(read_yaml(fixtures_dir / name), name, stats)
        logins = create_demo_users(stats)
    return DemoLoadResult(stats=stats, logins=logins)


# --- cascade and manual -----------------------------------------------------------------


def load_cascade(data: dict[str, Any], stats: LoadStats) -> dict[str, SasaranRenstra]:
    """Load the Renstra of the ministry and of BSKJI; return their goals by code (SS1, SP3)."""
    by_kode: dict[str, SasaranRenstra] = {}
    indikator_by_kode: dict[str, IndikatorRenstra] = {}
    for r in data["renstra"]:
        renstra = upsert(
            Renstra,
            {"tingkat": r["tingkat"], "satker": None, "tahun_awal": r["tahun_awal"]},
            {"nama": r["nama"], "tahun_akhir": r["tahun_akhir"]},
            where=f"cascade.yaml {r['nama']}",
            stats=stats,
        )
        _load_sasaran(renstra, r["sasaran"], "cascade.yaml", by_kode, indikator_by_kode, stats)
    return by_kode


def _load_sasaran(
    renstra: Renstra,
    entries: list[dict[str, Any]],
    fixture: str,
    sasaran_atas: dict[str, SasaranRenstra],
    indikator_atas: dict[str, IndikatorRenstra],
    stats: LoadStats,
    manual: dict[str, IndikatorKinerja] | None = None,
) -> None:
    """Load the goals of one Renstra with their indicators and yearly targets. Goals and
    indicators above (the cascade) are looked up in `sasaran_atas` / `indikator_atas`, which
    this call extends with its own entries."""
    for urutan, s in enumerate(entries, start=1):
        where = f"{fixture} sasaran {s['kode']}"
        check_keys(s, {"kode", "nama", "induk", "indikator"}, where)
        sasaran = upsert(
            SasaranRenstra,
            {"renstra": renstra, "kode": s["kode"]},
            {"nama": s["nama"], "urutan": urutan},
            where=where,
            stats=stats,
        )
        set_many(
            sasaran,
            "sasaran_induk",
            [_lookup(sasaran_atas, k, where) for k in s.get("induk") or []],
        )
        sasaran_atas[s["kode"]] = sasaran
        for i in s.get("indikator") or []:
            kode = f"{s['kode']}/{i['nomor']}"
            iwhere = f"{fixture} indikator {kode}"
            check_keys(
                i,
                {
                    "nomor",
                    "nama",
                    "satuan",
                    "indikator",
                    "iku",
                    "induk",
                    "output",
                    "aktivitas_utama",
                    "catatan",
                    "target",
                },
                iwhere,
            )
            indikator = upsert(
                IndikatorRenstra,
                {"sasaran": sasaran, "nomor": i["nomor"]},
                {
                    "nama": i["nama"],
                    "satuan": text(i.get("satuan")),
                    "indikator": _lookup(manual, i["indikator"], iwhere)
                    if i.get("indikator")
                    else None,
                    "iku": bool(i.get("iku", False)),
                    "indikator_induk": _lookup(indikator_atas, i["induk"], iwhere)
                    if i.get("induk")
                    else None,
                    "output": text(i.get("output")),
                    "aktivitas_utama": text(i.get("aktivitas_utama")),
                    "catatan": text(i.get("catatan")),
                },
                where=iwhere,
                stats=stats,
            )
            indikator_atas[kode] = indikator
            for t in i.get("target") or []:
                twhere = f"{iwhere} tahun {t.get('tahun')}"
                check_keys(t, {"tahun", "target", "realisasi", "alokasi", "catatan"}, twhere)
                upsert(
                    TargetRenstra,
                    {"indikator": indikator, "tahun": t["tahun"]},
                    {
                        "target": decimal_or_none(t.get("target"), twhere),
                        "realisasi": decimal_or_none(t.get("realisasi"), twhere),
                        "alokasi_indikatif": t.get("alokasi"),
                        "catatan": text(t.get("catatan")),
                    },
                    where=twhere,
                    stats=stats,
                )


MANUAL_KEYS = {
    "kode",
    "nama",
    "sasaran_program",
    "definisi",
    "sumber_data",
    "cara_menghitung",
    "satuan",
    "klasifikasi",
    "penanggung_jawab",
    "iku",
    "metode",
    "agregasi_triwulan",
    "agregasi_tahunan",
    "sumber",
    "catatan",
}


def load_manual(
    data: dict[str, Any], sasaran_atas: dict[str, SasaranRenstra], stats: LoadStats
) -> None:
    for m in data["indikator"]:
        where = f"manual_indikator.yaml {m.get('kode')}"
        check_keys(m, MANUAL_KEYS, where)
        sp = sasaran_atas.get(m["sasaran_program"])
        if sp is None or sp.renstra.tingkat != TingkatRenstra.ESELON_I:
            raise FixtureError(f"{where}: sasaran program {m['sasaran_program']} tidak dikenal")
        upsert(
            IndikatorKinerja,
            {"kode": m["kode"]},
            {
                "nama": m["nama"],
                "sasaran_program": sp,
                "definisi": text(m["definisi"]),
                "sumber_data": text(m.get("sumber_data")),
                "cara_menghitung": text(m.get("cara_menghitung")),
                "satuan": m["satuan"],
                "klasifikasi": m["klasifikasi"],
                "penanggung_jawab": text(m.get("penanggung_jawab")),
                "iku": bool(m["iku"]),
                "metode": m["metode"],
                "agregasi_triwulan": m["agregasi_triwulan"],
                "agregasi_tahunan": m["agregasi_tahunan"],
                "sumber": text(m.get("sumber")),
                "catatan": text(m.get("catatan")),
            },
            where=where,
            stats=stats,
        )


# --- Renstra of a satker ----------------------------------------------------------------


def load_renstra_satker(
    data: dict[str, Any], fixture: str, sasaran_atas: dict[str, SasaranRenstra], stats: LoadStats
) -> Renstra:
    check_keys(
        data,
        {"satker", "nama", "tahun_awal", "tahun_akhir", "pagu_indikatif", "sasaran"},
        fixture,
    )
    satker = _satker(data["satker"], fixture)
    renstra = upsert(
        Renstra,
        {"satker": satker, "tahun_awal": data["tahun_awal"]},
        {
            "tingkat": TingkatRenstra.SATKER,
            "nama": data["nama"],
            "tahun_akhir": data["tahun_akhir"],
        },
        where=fixture,
        stats=stats,
    )
    for tahun, pagu in (data.get("pagu_indikatif") or {}).items():
        upsert(
            PaguIndikatifRenstra,
            {"renstra": renstra, "tahun": tahun},
            {"pagu": pagu},
            where=f"{fixture} pagu_indikatif {tahun}",
            stats=stats,
        )
    indikator_atas = {
        ind.kode: ind
        for ind in IndikatorRenstra.objects.filter(
            sasaran__renstra__tingkat=TingkatRenstra.ESELON_I
        ).select_related("sasaran")
    }
    manual = {m.kode: m for m in IndikatorKinerja.objects.all()}
    _load_sasaran(
        renstra,
        data["sasaran"],
        fixture,
        dict(sasaran_atas),
        indikator_atas,
        stats,
        manual=manual,
    )
    return renstra


# --- PK, Rencana Aksi, measurement, narrative -------------------------------------------

PK_KEYS = {
    "satker",
    "tahun",
    "revisi",
    "tempat",
    "tanggal",
    "pihak_pertama",
    "pihak_kedua",
    "total_anggaran",
    "catatan",
    "sasaran",
}
INDIKATOR_PK_KEYS = {
    "nomor",
    "uraian",
    "indikator",
    "indikator_renstra",
    "target",
    "satuan",
    "catatan",
    "rencana_aksi",
    "realisasi",
}
REALISASI_KEYS = {
    "triwulan",
    "realisasi_antara",
    "nilai_realisasi",
    "kegiatan",
    "analisis",
    "kendala",
    "tindak_lanjut",
    "rekomendasi",
    "catatan",
}


def load_perjanjian(data: dict[str, Any], fixture: str, stats: LoadStats) -> PerjanjianKinerja:
    check_keys(data, PK_KEYS, fixture)
    satker = _satker(data["satker"], fixture)
    pk = upsert(
        PerjanjianKinerja,
        {"satker": satker, "tahun": data["tahun"]},
        {
            "revisi": data.get("revisi") or 0,
            "tempat": text(data.get("tempat")),
            "tanggal": data.get("tanggal"),
            "pihak_pertama_nama": data["pihak_pertama"]["nama"],
            "pihak_pertama_jabatan": data["pihak_pertama"]["jabatan"],
            "pihak_kedua_nama": data["pihak_kedua"]["nama"],
            "pihak_kedua_jabatan": data["pihak_kedua"]["jabatan"],
            "total_anggaran": data.get("total_anggaran"),
            "catatan": text(data.get("catatan")),
        },
        where=fixture,
        stats=stats,
    )
    manual = {m.kode: m for m in IndikatorKinerja.objects.all()}
    renstra_sasaran = {s.kode: s for s in SasaranRenstra.objects.filter(renstra__satker=satker)}
    renstra_indikator = {
        i.kode: i
        for i in IndikatorRenstra.objects.filter(sasaran__renstra__satker=satker).select_related(
            "sasaran"
        )
    }
    for s in data["sasaran"]:
        swhere = f"{fixture} sasaran {s.get('nomor')}"
        check_keys(s, {"nomor", "uraian", "sasaran_renstra", "indikator"}, swhere)
        sasaran = upsert(
            SasaranKegiatan,
            {"perjanjian": pk, "nomor": s["nomor"]},
            {
                "uraian": s["uraian"],
                "sasaran_renstra": _lookup(renstra_sasaran, s["sasaran_renstra"], swhere)
                if s.get("sasaran_renstra")
                else None,
            },
            where=swhere,
            stats=stats,
        )
        for i in s["indikator"]:
            iwhere = f"{fixture} indikator {sasaran.kode}.{i.get('nomor')}"
            check_keys(i, INDIKATOR_PK_KEYS, iwhere)
            indikator = upsert(
                IndikatorPerjanjian,
                {"sasaran": sasaran, "nomor": i["nomor"]},
                {
                    "uraian": i["uraian"],
                    "indikator": _lookup(manual, i["indikator"], iwhere),
                    "indikator_renstra": _lookup(renstra_indikator, i["indikator_renstra"], iwhere)
                    if i.get("indikator_renstra")
                    else None,
                    "target": decimal_or_none(i["target"], iwhere),
                    "satuan": i["satuan"],
                    "catatan": text(i.get("catatan")),
                },
                where=iwhere,
                stats=stats,
            )
            for ra in i.get("rencana_aksi") or []:
                rwhere = f"{iwhere} rencana aksi TW {ra.get('triwulan')}"
                check_keys(ra, {"triwulan", "target_antara", "rencana_kegiatan", "catatan"}, rwhere)
                upsert(
                    RencanaAksi,
                    {"indikator": indikator, "triwulan": ra["triwulan"]},
                    {
                        "target_antara": decimal_or_none(ra.get("target_antara"), rwhere),
                        "rencana_kegiatan": text(ra.get("rencana_kegiatan")),
                        "catatan": text(ra.get("catatan")),
                    },
                    where=rwhere,
                    stats=stats,
                )
            for r in i.get("realisasi") or []:
                rwhere = f"{iwhere} realisasi TW {r.get('triwulan')}"
                check_keys(r, REALISASI_KEYS, rwhere)
                upsert(
                    RealisasiTriwulan,
                    {"indikator": indikator, "triwulan": r["triwulan"]},
                    {
                        "realisasi_antara": decimal_or_none(r.get("realisasi_antara"), rwhere),
                        "nilai_realisasi": decimal_or_none(r.get("nilai_realisasi"), rwhere),
                        "kegiatan": text(r.get("kegiatan")),
                        "analisis": text(r.get("analisis")),
                        "kendala": text(r.get("kendala")),
                        "tindak_lanjut": text(r.get("tindak_lanjut")),
                        "rekomendasi": text(r.get("rekomendasi")),
                        "catatan": text(r.get("catatan")),
                    },
                    where=rwhere,
                    stats=stats,
                )
    return pk


NARASI_FIELDS = (
    "hasil",
    "analisis_capaian",
    "perbandingan",
    "analisis_penyebab",
    "analisis_efisiensi",
    "kegiatan_penunjang",
    "kendala",
    "rekomendasi",
)


def load_narasi(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    check_keys(data, {"satker", "tahun", "narasi"}, fixture)
    satker = _satker(data["satker"], fixture)
    lines = {
        line.kode: line
        for line in IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=data["tahun"]
        ).select_related("sasaran")
    }
    for n in data["narasi"]:
        where = f"{fixture} narasi {n.get('indikator')}"
        check_keys(n, {"indikator", *NARASI_FIELDS}, where)
        upsert(
            NarasiIndikator,
            {"indikator": _lookup(lines, n["indikator"], where)},
            {name: text(n.get(name)) for name in NARASI_FIELDS},
            where=where,
            stats=stats,
        )


# --- helpers ----------------------------------------------------------------------------


def _satker(kode: str, where: str) -> Satker:
    try:
        return Satker.objects.get(kode=kode)
    except Satker.DoesNotExist as exc:
        raise FixtureError(f"{where}: satker dengan kode {kode} tidak ada") from exc


def _lookup(table: dict[str, Any] | None, key: str, where: str) -> Any:
    if table is None or key not in table:
        raise FixtureError(f"{where}: rujukan {key!r} tidak ditemukan")
    return table[key]
