"""Demo data of the budget (fixtures/<satker>/anggaran_2023.yaml): DIPA and revisions, the
code tree with pagu on its leaves, the progress series, the e-Monev recap, the ALKI
activities and the links from PK indicators to budget nodes."""

from __future__ import annotations

from typing import Any

from kinerja.choices import TingkatAnggaran
from kinerja.kode_anggaran import KodeTidakSah, kode_induk, segmen_terakhir, tingkat_kode
from kinerja.models import (
    Dipa,
    IndikatorPerjanjian,
    ItemAnggaran,
    KegiatanAlki,
    ProgresAnggaran,
    RealisasiDipa,
    RekapKomponen,
    RevisiDipa,
    TargetPnbp,
)
from kinerja.models.anggaran.dipa import SumberRealisasi
from satker.fixture_loading import (
    FixtureError,
    LoadStats,
    check_keys,
    decimal_or_none,
    set_many,
    text,
    upsert,
)
from satker.models import Satker

ANGGARAN_KEYS = {
    "satker", "tahun", "dipa", "target_pnbp", "realisasi_dipa", "struktur", "progres",
    "rekap_komponen", "alki", "tautan_indikator",
}  # fmt: skip
REALISASI_DIPA_KEYS = {"bulan", "jumlah", "sumber", "tanggal_data", "catatan"}
NODE_KEYS = {
    "kode", "program", "uraian", "pagu", "sumber_dana", "indikator_keluaran", "volume",
    "satuan", "lokasi", "catatan",
}  # fmt: skip
PROGRES_KEYS = {
    "kode", "bulan", "rencana_keuangan", "realisasi_keuangan", "realisasi_keuangan_rp",
    "rencana_fisik", "realisasi_fisik", "realisasi_volume", "catatan",
}  # fmt: skip
REKAP_KEYS = {
    "kode", "bulan", "status", "keterangan", "progres", "volume_realisasi", "fisik_riil",
    "realisasi_rp", "status_kemanfaatan", "kategori_masalah", "keterangan_masalah", "catatan",
}  # fmt: skip


def load_anggaran(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    check_keys(data, ANGGARAN_KEYS, fixture)
    try:
        satker = Satker.objects.get(kode=data["satker"])
    except Satker.DoesNotExist as exc:
        raise FixtureError(f"{fixture}: satker {data['satker']} tidak ada") from exc
    tahun = data["tahun"]
    if data.get("dipa"):
        _load_dipa(data["dipa"], satker, tahun, fixture, stats)
    for th, target in (data.get("target_pnbp") or {}).items():
        upsert(
            TargetPnbp,
            {"satker": satker, "tahun": th},
            {"target": target},
            where=f"{fixture} target_pnbp {th}",
            stats=stats,
        )
    for r in data.get("realisasi_dipa") or []:
        where = f"{fixture} realisasi_dipa bulan {r.get('bulan')}"
        check_keys(r, REALISASI_DIPA_KEYS, where)
        upsert(
            RealisasiDipa,
            {"satker": satker, "tahun": tahun, "bulan": r["bulan"]},
            {
                "jumlah": r["jumlah"],
                "sumber": r.get("sumber") or SumberRealisasi.SAKTI,
                "tanggal_data": r.get("tanggal_data"),
                "catatan": text(r.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    nodes = _load_struktur(data.get("struktur") or [], satker, tahun, fixture, stats)
    for p in data.get("progres") or []:
        where = f"{fixture} progres {p.get('kode')} bulan {p.get('bulan')}"
        check_keys(p, PROGRES_KEYS, where)
        upsert(
            ProgresAnggaran,
            {"item": _node(nodes, p["kode"], where), "bulan": p["bulan"]},
            {
                "rencana_keuangan": decimal_or_none(p.get("rencana_keuangan"), where),
                "realisasi_keuangan": decimal_or_none(p.get("realisasi_keuangan"), where),
                "realisasi_keuangan_rp": p.get("realisasi_keuangan_rp"),
                "rencana_fisik": decimal_or_none(p.get("rencana_fisik"), where),
                "realisasi_fisik": decimal_or_none(p.get("realisasi_fisik"), where),
                "realisasi_volume": decimal_or_none(p.get("realisasi_volume"), where),
                "catatan": text(p.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    for r in data.get("rekap_komponen") or []:
        where = f"{fixture} rekap_komponen {r.get('kode')}"
        check_keys(r, REKAP_KEYS, where)
        upsert(
            RekapKomponen,
            {"item": _node(nodes, r["kode"], where), "bulan": r["bulan"]},
            {
                "status": r["status"],
                "keterangan": text(r.get("keterangan")),
                "progres": decimal_or_none(r["progres"], where),
                "volume_realisasi": decimal_or_none(r.get("volume_realisasi"), where),
                "fisik_riil": text(r.get("fisik_riil")),
                "realisasi_rp": r["realisasi_rp"],
                "status_kemanfaatan": text(r.get("status_kemanfaatan")),
                "kategori_masalah": text(r.get("kategori_masalah")),
                "keterangan_masalah": text(r.get("keterangan_masalah")),
                "catatan": text(r.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    alki = data.get("alki")
    if alki:
        check_keys(alki, {"tanggal_posisi", "kegiatan", "catatan"}, f"{fixture} alki")
        for k in alki["kegiatan"]:
            where = f"{fixture} alki {k.get('nomor')}"
            upsert(
                KegiatanAlki,
                {"satker": satker, "tanggal_posisi": alki["tanggal_posisi"], "nomor": k["nomor"]},
                {
                    "tahun": tahun,
                    "uraian": k["uraian"],
                    "item": _node(nodes, k["kode"], where) if k.get("kode") else None,
                    "pagu": k["pagu"],
                    "target_keuangan": decimal_or_none(k["target_keuangan"], where),
                    "realisasi_keuangan": decimal_or_none(k["realisasi_keuangan"], where),
                    "target_fisik": decimal_or_none(k["target_fisik"], where),
                    "realisasi_fisik": decimal_or_none(k["realisasi_fisik"], where),
                    "catatan": text(k.get("catatan")),
                },
                where=where,
                stats=stats,
            )
    if data.get("tautan_indikator"):
        lines = {
            line.kode: line
            for line in IndikatorPerjanjian.objects.filter(
                sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
            ).select_related("sasaran")
        }
        for t in data["tautan_indikator"]:
            where = f"{fixture} tautan_indikator {t.get('indikator')}"
            check_keys(t, {"indikator", "kode", "catatan"}, where)
            if t["indikator"] not in lines:
                raise FixtureError(f"{where}: indikator PK {t['indikator']} tidak ada")
            set_many(lines[t["indikator"]], "anggaran", [_node(nodes, k, where) for k in t["kode"]])


def _load_dipa(
    d: dict[str, Any], satker: Satker, tahun: int, fixture: str, stats: LoadStats
) -> None:
    where = f"{fixture} dipa"
    check_keys(
        d,
        {"nomor", "tanggal", "pagu_awal", "blokir_awal", "target_pnbp", "catatan", "revisi"},
        where,
    )
    dipa = upsert(
        Dipa,
        {"satker": satker, "tahun": tahun},
        {
            "nomor": d["nomor"],
            "tanggal": d["tanggal"],
            "pagu_awal": d["pagu_awal"],
            "blokir_awal": d.get("blokir_awal"),
            "target_pnbp": d.get("target_pnbp"),
            "catatan": text(d.get("catatan")),
        },
        where=where,
        stats=stats,
    )
    for r in d.get("revisi") or []:
        rwhere = f"{where} revisi {r.get('nomor')}"
        check_keys(
            r,
            {
                "nomor",
                "tanggal",
                "kewenangan",
                "uraian",
                "pagu",
                "blokir",
                "target_pnbp",
                "catatan",
            },
            rwhere,
        )
        upsert(
            RevisiDipa,
            {"dipa": dipa, "nomor": r["nomor"]},
            {
                "tanggal": r.get("tanggal"),
                "kewenangan": text(r.get("kewenangan")),
                "uraian": text(r["uraian"]),
                "pagu": r["pagu"],
                "blokir": r.get("blokir"),
                "target_pnbp": r.get("target_pnbp"),
                "catatan": text(r.get("catatan")),
            },
            where=rwhere,
            stats=stats,
        )


def _load_struktur(
    rows: list[dict[str, Any]], satker: Satker, tahun: int, fixture: str, stats: LoadStats
) -> dict[str, ItemAnggaran]:
    nodes: dict[str, ItemAnggaran] = {}
    for urutan, n in enumerate(rows, start=1):
        kode = str(n.get("kode"))
        where = f"{fixture} struktur {kode}"
        check_keys(n, NODE_KEYS, where)
        try:
            tingkat = tingkat_kode(kode)
        except KodeTidakSah as exc:
            raise FixtureError(f"{where}: {exc}") from exc
        if tingkat == TingkatAnggaran.PROGRAM:
            induk = None
        elif tingkat == TingkatAnggaran.KEGIATAN:
            induk = _node(nodes, n.get("program") or "", f"{where} (program)")
        else:
            induk = _node(nodes, kode_induk(kode), f"{where} (induk)")
        nodes[kode] = upsert(
            ItemAnggaran,
            {"satker": satker, "tahun": tahun, "kode_lengkap": kode},
            {
                "induk": induk,
                "tingkat": tingkat,
                "kode": segmen_terakhir(kode),
                "uraian": n["uraian"],
                "pagu": n.get("pagu"),
                "sumber_dana": text(n.get("sumber_dana")),
                "indikator_keluaran": text(n.get("indikator_keluaran")),
                "volume": decimal_or_none(n.get("volume"), where),
                "satuan": text(n.get("satuan")),
                "lokasi": text(n.get("lokasi")),
                "urutan": urutan,
                "catatan": text(n.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    return nodes


def _node(nodes: dict[str, ItemAnggaran], kode: str, where: str) -> ItemAnggaran:
    if kode not in nodes:
        raise FixtureError(f"{where}: item anggaran {kode!r} tidak ada")
    return nodes[kode]
