"""Demo data of the planning and measurement domain: the cascade, the indicator manual, the
Renstra, the PKs with their Rencana Aksi and measurements, and the annual narrative. Reads the
YAML files of `fixtures/` (see fixtures/README.md for their shape)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from kinerja import hasil
from kinerja.choices import SatuanHasilLayanan, StatusTindakLanjut, TingkatRenstra
from kinerja.demo_anggaran import load_anggaran
from kinerja.demo_lampiran import load_lampiran_pp39
from kinerja.demo_tabel_sumber import load_tabel_sumber
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    NarasiIndikator,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PaguIndikatifRenstra,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    Renstra,
    SasaranKegiatan,
    SasaranRenstra,
    SurveiKepuasan,
    TargetRenstra,
    UnsurSurvei,
    VersiIndikator,
)
from kinerja.models.indikator import FIELD_DEFINISI
from kinerja.services.pedoman import cermin
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
DATA_DUKUNG_FILES = ("manado/data_dukung.yaml", "pekanbaru/data_dukung.yaml")
NILAI_EKSTERNAL_FILES = ("nilai_eksternal_2023.yaml",)
ANGGARAN_FILES = ("manado/anggaran_2023.yaml", "pekanbaru/anggaran_2023.yaml")
TABEL_SUMBER_FILES = ("pekanbaru/tabel_sumber_2023.yaml",)
LAMPIRAN_PP39_FILES = ("manado/lampiran_pp39_2023.yaml",)


LAPORAN_FILES = ("manado/laporan_2023.yaml", "pekanbaru/laporan_2023.yaml")
GAMBAR_FILES = ("manado/gambar_2023.yaml", "pekanbaru/gambar_2023.yaml")


@dataclass
class DemoLoadResult:
    stats: LoadStats
    logins: list[DemoLogin]


def load_demo_data(fixtures_dir: Path = FIXTURES_DIR) -> DemoLoadResult:
    """Load every demo fixture in one transaction: all of it, or nothing; the stored figures
    of what changed are recomputed before it commits."""
    stats = LoadStats()
    with hasil.menyegarkan():
        load_organisasi(read_yaml(fixtures_dir / "organisasi.yaml"), stats)
        sasaran_atas = load_cascade(read_yaml(fixtures_dir / "cascade.yaml"), stats)
        load_manual(read_yaml(fixtures_dir / "manual_indikator.yaml"), sasaran_atas, stats)
        for name in RENSTRA_FILES:
            load_renstra_satker(read_yaml(fixtures_dir / name), name, sasaran_atas, stats)
        for name in PK_FILES:
            load_perjanjian(read_yaml(fixtures_dir / name), name, stats)
        for name in NARASI_FILES:
            load_narasi(read_yaml(fixtures_dir / name), name, stats)
        for name in DATA_DUKUNG_FILES:
            load_data_dukung(read_yaml(fixtures_dir / name), name, stats)
        for name in NILAI_EKSTERNAL_FILES:
            load_nilai_eksternal(read_yaml(fixtures_dir / name), name, stats)
        for name in ANGGARAN_FILES:
            load_anggaran(read_yaml(fixtures_dir / name), name, stats)
        # After the budget trees: a year with a tree takes its budget from it, not from the
        # history of earlier years these files record.
        for name in TABEL_SUMBER_FILES:
            load_tabel_sumber(read_yaml(fixtures_dir / name), name, stats)
        for name in LAMPIRAN_PP39_FILES:
            load_lampiran_pp39(read_yaml(fixtures_dir / name), name, stats)
        # The reports' memo and narrative (the laporan app builds on kinerja's data).
        from laporan.demo_data import load_gambar, load_laporan

        for name in LAPORAN_FILES:
            load_laporan(read_yaml(fixtures_dir / name), name, stats)
        for name in GAMBAR_FILES:
            load_gambar(read_yaml(fixtures_dir / name), name, stats)
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
    "rumus_minimasi",
    "penanggung_jawab",
    "iku",
    "metode",
    "data_dukung",
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
        indikator = upsert(
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
                "rumus_minimasi": m.get("rumus_minimasi") or "selisih",
                "penanggung_jawab": text(m.get("penanggung_jawab")),
                "iku": bool(m["iku"]),
                "metode": m["metode"],
                "data_dukung": text(m.get("data_dukung")),
                "agregasi_triwulan": m["agregasi_triwulan"],
                "agregasi_tahunan": m["agregasi_tahunan"],
                "sumber": text(m.get("sumber")),
                "catatan": text(m.get("catatan")),
            },
            where=where,
            stats=stats,
        )
        # The manual's definition is its first version, applying from the start of the
        # BSKJI Renstra (kinerja.selectors.pedoman); a later version made on the pages stays.
        upsert(
            VersiIndikator,
            {"indikator": indikator, "berlaku_mulai": sp.renstra.tahun_awal},
            {f: getattr(indikator, f) for f in FIELD_DEFINISI},
            where=where,
            stats=stats,
        )
        cermin(indikator)


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


# --- supporting data ---------------------------------------------------------------------

DATA_DUKUNG_KEYS = {
    "satker",
    "pnbp",
    "hasil_layanan",
    "order_layanan",
    "pengukuran_perusahaan",
    "butir_capaian",
    "belanja_pdn",
    "survei_kepuasan",
    "profesionalitas_asn",
    "layanan_publik",
    "rekomendasi_audit",
}


def load_data_dukung(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    """Load a satker's supporting data (see fixtures/pekanbaru/data_dukung.yaml)."""
    check_keys(data, DATA_DUKUNG_KEYS, fixture)
    satker = _satker(data["satker"], fixture)
    for p in data.get("pnbp") or []:
        where = f"{fixture} pnbp {p.get('tanggal_posisi')}"
        check_keys(p, {"tanggal_posisi", "jumlah", "catatan"}, where)
        for jenis, jumlah in p["jumlah"].items():
            upsert(
                PenerimaanPnbp,
                {"satker": satker, "tanggal_posisi": p["tanggal_posisi"], "jenis": jenis},
                {"jumlah": jumlah, "catatan": text(p.get("catatan"))},
                where=f"{where} {jenis}",
                stats=stats,
            )
    for key, satuan in (
        ("hasil_layanan", SatuanHasilLayanan.HASIL),
        ("order_layanan", SatuanHasilLayanan.SPK_ORDER),
    ):
        for h in data.get(key) or []:
            where = f"{fixture} {key} {h.get('tanggal_posisi')}"
            check_keys(h, {"tanggal_posisi", "jumlah", "catatan"}, where)
            for jenis, jumlah in h["jumlah"].items():
                upsert(
                    HasilLayanan,
                    {
                        "satker": satker,
                        "tanggal_posisi": h["tanggal_posisi"],
                        "satuan": satuan,
                        "jenis": jenis,
                    },
                    {"jumlah": jumlah, "catatan": text(h.get("catatan"))},
                    where=f"{where} {jenis}",
                    stats=stats,
                )
    for u in data.get("pengukuran_perusahaan") or []:
        where = f"{fixture} pengukuran_perusahaan {u.get('perusahaan')}"
        check_keys(
            u,
            {
                "indikator",
                "perusahaan",
                "kegiatan",
                "besaran",
                "satuan_ukur",
                "arah",
                "nilai_sebelum",
                "nilai_sesudah",
                "tanggal",
                "catatan",
            },
            where,
        )
        upsert(
            PengukuranPerusahaan,
            {
                "indikator": _baris_pk(satker, u["tanggal"].year, u["indikator"], where),
                "perusahaan": u["perusahaan"],
                "besaran": u["besaran"],
            },
            {
                "kegiatan": text(u.get("kegiatan")),
                "satuan_ukur": u["satuan_ukur"],
                "arah": u["arah"],
                "nilai_sebelum": decimal_or_none(u["nilai_sebelum"], where),
                "nilai_sesudah": decimal_or_none(u["nilai_sesudah"], where),
                "tanggal": u["tanggal"],
                "catatan": text(u.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    for b in data.get("butir_capaian") or []:
        where = f"{fixture} butir_capaian {b.get('uraian')}"
        check_keys(b, {"indikator", "tanggal", "uraian", "jumlah", "bukti", "catatan"}, where)
        upsert(
            ButirCapaian,
            {
                "indikator": _baris_pk(satker, b["tanggal"].year, b["indikator"], where),
                "uraian": b["uraian"],
            },
            {
                "tanggal": b["tanggal"],
                "jumlah": b.get("jumlah", 1),
                "bukti": text(b.get("bukti")),
                "catatan": text(b.get("catatan")),
            },
            where=where,
            stats=stats,
        )
    for posisi in data.get("belanja_pdn") or []:
        where = f"{fixture} belanja_pdn {posisi.get('tanggal_posisi')}"
        check_keys(posisi, {"tanggal_posisi", "akun", "catatan"}, where)
        for a in posisi["akun"]:
            awhere = f"{where} akun {a.get('akun')}"
            check_keys(a, {"akun", "pagu", "pdn", "tkdn", "impor"}, awhere)
            upsert(
                BelanjaPdn,
                {"satker": satker, "tanggal_posisi": posisi["tanggal_posisi"], "akun": a["akun"]},
                {
                    "pagu": a["pagu"],
                    "realisasi_pdn": a.get("pdn", 0),
                    "realisasi_tkdn": a.get("tkdn", 0),
                    "realisasi_impor": a.get("impor", 0),
                    "catatan": text(posisi.get("catatan")),
                },
                where=awhere,
                stats=stats,
            )
    for sv in data.get("survei_kepuasan") or []:
        where = f"{fixture} survei_kepuasan {sv.get('tanggal_posisi')}"
        check_keys(
            sv,
            {
                "tahun",
                "tanggal_posisi",
                "jumlah_pelanggan",
                "jumlah_responden",
                "responden_nilai",
                "unsur",
                "catatan",
            },
            where,
        )
        per_nilai = sv.get("responden_nilai") or [0, 0, 0, 0]
        survei = upsert(
            SurveiKepuasan,
            {"satker": satker, "tanggal_posisi": sv["tanggal_posisi"]},
            {
                "tahun": sv["tahun"],
                "jumlah_pelanggan": sv.get("jumlah_pelanggan"),
                "jumlah_responden": sv["jumlah_responden"],
                **{f"responden_nilai_{i}": n for i, n in enumerate(per_nilai, start=1)},
                "catatan": text(sv.get("catatan")),
            },
            where=where,
            stats=stats,
        )
        for nomor, (nama, nilai) in enumerate(sv.get("unsur") or [], start=1):
            upsert(
                UnsurSurvei,
                {"survei": survei, "nomor": nomor},
                {"nama": nama, "nilai": decimal_or_none(nilai, f"{where} unsur {nomor}")},
                where=f"{where} unsur {nomor}",
                stats=stats,
            )
    for posisi in data.get("profesionalitas_asn") or []:
        where = f"{fixture} profesionalitas_asn {posisi.get('tanggal_posisi')}"
        check_keys(posisi, {"tanggal_posisi", "pegawai", "catatan"}, where)
        for pegawai, nilai in posisi["pegawai"].items():
            pwhere = f"{where} {pegawai}"
            kualifikasi, kompetensi, kinerja, disiplin = (decimal_or_none(v, pwhere) for v in nilai)
            upsert(
                NilaiProfesionalitas,
                {"satker": satker, "tanggal_posisi": posisi["tanggal_posisi"], "pegawai": pegawai},
                {
                    "kualifikasi": kualifikasi,
                    "kompetensi": kompetensi,
                    "kinerja": kinerja,
                    "disiplin": disiplin,
                    "catatan": text(posisi.get("catatan")),
                },
                where=pwhere,
                stats=stats,
            )
    for lp in data.get("layanan_publik") or []:
        where = f"{fixture} layanan_publik {lp.get('tanggal')}"
        check_keys(lp, {"tahun", "tanggal", "penilai", "aspek", "catatan"}, where)
        penilaian = upsert(
            PenilaianLayananPublik,
            {"satker": satker, "tanggal": lp["tanggal"]},
            {
                "tahun": lp["tahun"],
                "penilai": text(lp.get("penilai")),
                "catatan": text(lp.get("catatan")),
            },
            where=where,
            stats=stats,
        )
        for nomor, (nama, indeks, bobot) in enumerate(lp["aspek"], start=1):
            awhere = f"{where} aspek {nomor}"
            upsert(
                AspekLayananPublik,
                {"penilaian": penilaian, "nomor": nomor},
                {
                    "nama": nama,
                    "indeks": decimal_or_none(indeks, awhere),
                    "bobot": decimal_or_none(bobot, awhere),
                },
                where=awhere,
                stats=stats,
            )
    for audit in data.get("rekomendasi_audit") or []:
        where = f"{fixture} rekomendasi_audit {audit.get('tahun_audit')}"
        check_keys(audit, {"tahun_audit", "rekomendasi"}, where)
        for nomor, r in enumerate(audit["rekomendasi"], start=1):
            rwhere = f"{where} #{nomor}"
            check_keys(r, {"uraian", "status", "tanggal_selesai", "catatan"}, rwhere)
            upsert(
                RekomendasiAudit,
                {"satker": satker, "tahun_audit": audit["tahun_audit"], "nomor": nomor},
                {
                    "uraian": text(r["uraian"]),
                    "status": StatusTindakLanjut(r["status"]),
                    "tanggal_selesai": r.get("tanggal_selesai"),
                    "catatan": text(r.get("catatan")),
                },
                where=rwhere,
                stats=stats,
            )


def load_nilai_eksternal(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    """Load the SAKIP and financial-report scores of the BSKJI units for one year."""
    check_keys(data, {"tahun", "sakip", "laporan_keuangan"}, fixture)
    tahun = data["tahun"]
    satker = {s.singkatan: s for s in Satker.objects.all()}
    sakip = data.get("sakip") or {}
    for singkatan, nilai in (sakip.get("nilai") or {}).items():
        where = f"{fixture} sakip {singkatan}"
        perencanaan, pengukuran, pelaporan, evaluasi, total = (
            decimal_or_none(v, where) for v in nilai[:5]
        )
        upsert(
            NilaiSakip,
            {"satker": _lookup(satker, singkatan, where), "tahun": tahun},
            {
                "tanggal": sakip["tanggal"],
                "perencanaan": perencanaan,
                "pengukuran": pengukuran,
                "pelaporan": pelaporan,
                "evaluasi_internal": evaluasi,
                "total_dilaporkan": total,
                "predikat": nilai[5],
                "penilai": text(sakip.get("penilai")),
            },
            where=where,
            stats=stats,
        )
    lk = data.get("laporan_keuangan") or {}
    for singkatan, nilai in (lk.get("nilai") or {}).items():
        where = f"{fixture} laporan_keuangan {singkatan}"
        upsert(
            NilaiLaporanKeuangan,
            {"satker": _lookup(satker, singkatan, where), "tahun": tahun},
            {
                "tanggal": lk["tanggal"],
                "nilai": decimal_or_none(nilai, where),
                "penilai": text(lk.get("penilai")),
            },
            where=where,
            stats=stats,
        )


# --- helpers ----------------------------------------------------------------------------


def _baris_pk(satker: Satker, tahun: int, kode: str, where: str) -> IndikatorPerjanjian:
    lines = IndikatorPerjanjian.objects.filter(
        sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
    ).select_related("sasaran")
    return _lookup({line.kode: line for line in lines}, kode, where)


def _satker(kode: str, where: str) -> Satker:
    try:
        return Satker.objects.get(kode=kode)
    except Satker.DoesNotExist as exc:
        raise FixtureError(f"{where}: satker dengan kode {kode} tidak ada") from exc


def _lookup(table: dict[str, Any] | None, key: str, where: str) -> Any:
    if table is None or key not in table:
        raise FixtureError(f"{where}: rujukan {key!r} tidak ditemukan")
    return table[key]
