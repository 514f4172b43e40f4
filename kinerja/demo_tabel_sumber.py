"""Demo data of what the LAKIP tabulates besides the indicators' figures (the review-team
decree, laboratory scopes, promotion, staff trainings, earlier budgets, customers and service
volumes), from fixtures/<satker>/tabel_sumber_<year>.yaml. Idempotent like every loader of
the demo: a second load finds every row as it is and writes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from kinerja.choices import BagianKeputusan, BesaranLayanan, JenisLaboratorium, JenisPnbp
from kinerja.formatting import BULAN
from kinerja.models import (
    AnggotaTimReviu,
    ButirKeputusan,
    KegiatanPromosi,
    KeputusanTimReviu,
    PelangganLayanan,
    PelatihanPegawai,
    RiwayatAnggaran,
    RuangLingkupLaboratorium,
    VolumeLayanan,
)
from satker.fixture_loading import FixtureError, LoadStats, check_keys, text, upsert
from satker.models import Satker

KUNCI = {
    "satker",
    "tahun",
    "keputusan_tim_reviu",
    "ruang_lingkup",
    "kegiatan_promosi",
    "pelatihan_pegawai",
    "riwayat_anggaran",
    "pelanggan",
    "volume_layanan",
}
KUNCI_KEPUTUSAN = {
    "nomor",
    "tentang",
    "tempat",
    "tanggal",
    "penandatangan_jabatan",
    "penandatangan_nama",
    "penandatangan_nip",
    "menimbang",
    "mengingat",
    "memutuskan",
    "anggota",
    "catatan",
}
NAMA_BULAN = {b.lower(): i for i, b in enumerate(BULAN, start=1)}


def load_tabel_sumber(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    """Load one satker's tables of one LAKIP year (see fixtures/pekanbaru/
    tabel_sumber_2023.yaml for the shape)."""
    check_keys(data, KUNCI, fixture)
    satker = Satker.objects.filter(kode=data["satker"]).first()
    if satker is None:
        raise FixtureError(f"{fixture}: satker {data['satker']!r} tidak ditemukan")
    tahun = data["tahun"]
    if data.get("keputusan_tim_reviu"):
        _keputusan(satker, tahun, data["keputusan_tim_reviu"], fixture, stats)
    _ruang_lingkup(satker, tahun, data.get("ruang_lingkup") or {}, fixture, stats)
    _promosi(satker, tahun, data.get("kegiatan_promosi") or {}, fixture, stats)
    _pelatihan(satker, data.get("pelatihan_pegawai") or {}, fixture, stats)
    for th, (pagu, realisasi) in (data.get("riwayat_anggaran") or {}).items():
        upsert(
            RiwayatAnggaran,
            {"satker": satker, "tahun": th},
            {"pagu": pagu, "realisasi": realisasi},
            where=f"{fixture} riwayat_anggaran {th}",
            stats=stats,
        )
    for jenis, per_tahun in (data.get("pelanggan") or {}).items():
        _jenis(jenis, f"{fixture} pelanggan")
        for th, (industri, non_industri) in per_tahun.items():
            upsert(
                PelangganLayanan,
                {"satker": satker, "tahun": th, "jenis": jenis},
                {"industri": industri, "non_industri": non_industri},
                where=f"{fixture} pelanggan {jenis} {th}",
                stats=stats,
            )
    for jenis, per_besaran in (data.get("volume_layanan") or {}).items():
        _jenis(jenis, f"{fixture} volume_layanan")
        for besaran, per_tahun in per_besaran.items():
            if besaran not in BesaranLayanan.values:
                raise FixtureError(f"{fixture} volume_layanan {jenis}: besaran {besaran!r}")
            for th, jumlah in per_tahun.items():
                upsert(
                    VolumeLayanan,
                    {"satker": satker, "tahun": th, "jenis": jenis, "besaran": besaran},
                    {"jumlah": jumlah},
                    where=f"{fixture} volume_layanan {jenis} {besaran} {th}",
                    stats=stats,
                )


def _jenis(jenis: str, where: str) -> None:
    if jenis not in JenisPnbp.values:
        raise FixtureError(f"{where}: jenis layanan {jenis!r} tidak dikenal")


def _keputusan(
    satker: Satker, tahun: int, k: dict[str, Any], fixture: str, stats: LoadStats
) -> None:
    where = f"{fixture} keputusan_tim_reviu"
    check_keys(k, KUNCI_KEPUTUSAN, where)
    keputusan = upsert(
        KeputusanTimReviu,
        {"satker": satker, "tahun": tahun},
        {
            "nomor": k["nomor"],
            "tentang": k["tentang"],
            "tempat": k["tempat"],
            "tanggal": k["tanggal"],
            "penandatangan_jabatan": k["penandatangan_jabatan"],
            "penandatangan_nama": k["penandatangan_nama"],
            "penandatangan_nip": text(k.get("penandatangan_nip")),
            "catatan": text(k.get("catatan")),
        },
        where=where,
        stats=stats,
    )
    for bagian in BagianKeputusan.values:
        for nomor, teks in enumerate(k.get(bagian) or [], start=1):
            upsert(
                ButirKeputusan,
                {"keputusan": keputusan, "bagian": bagian, "nomor": nomor},
                {"satker": satker, "teks": text(teks)},
                where=f"{where} {bagian} {nomor}",
                stats=stats,
            )
    for nomor, (nama, jabatan, uraian) in enumerate(k.get("anggota") or [], start=1):
        upsert(
            AnggotaTimReviu,
            {"keputusan": keputusan, "nomor": nomor},
            {"satker": satker, "nama": nama, "jabatan": jabatan, "uraian_tugas": text(uraian)},
            where=f"{where} anggota {nomor}",
            stats=stats,
        )


def _ruang_lingkup(
    satker: Satker, tahun: int, data: dict[str, list], fixture: str, stats: LoadStats
) -> None:
    for laboratorium, baris in data.items():
        if laboratorium not in JenisLaboratorium.values:
            raise FixtureError(f"{fixture} ruang_lingkup: laboratorium {laboratorium!r}")
        for nomor, (lingkup, rincian, *akreditasi) in enumerate(baris, start=1):
            upsert(
                RuangLingkupLaboratorium,
                {"satker": satker, "tahun": tahun, "laboratorium": laboratorium, "nomor": nomor},
                {
                    "lingkup": lingkup,
                    "rincian": "\n".join(rincian) if isinstance(rincian, list) else rincian,
                    "terakreditasi": bool(akreditasi and akreditasi[0]),
                },
                where=f"{fixture} ruang_lingkup {laboratorium} {nomor}",
                stats=stats,
            )


def _promosi(
    satker: Satker, tahun: int, data: dict[str, list[str]], fixture: str, stats: LoadStats
) -> None:
    """The activities numbered through the year in the source's order, month by month."""
    nomor = 0
    for bulan, kegiatan in data.items():
        if bulan not in NAMA_BULAN:
            raise FixtureError(f"{fixture} kegiatan_promosi: bulan {bulan!r} tidak dikenal")
        for uraian in kegiatan:
            nomor += 1
            upsert(
                KegiatanPromosi,
                {"satker": satker, "tahun": tahun, "nomor": nomor},
                {"bulan": NAMA_BULAN[bulan], "uraian": text(uraian)},
                where=f"{fixture} kegiatan_promosi {nomor}",
                stats=stats,
            )


def _pelatihan(satker: Satker, data: dict[str, list[list]], fixture: str, stats: LoadStats) -> None:
    for pegawai, daftar in data.items():
        for butir in daftar:
            where = f"{fixture} pelatihan_pegawai {pegawai} {butir[:2]}"
            if not 2 <= len(butir) <= 3 or not isinstance(butir[1], datetime.date):
                raise FixtureError(f"{where}: [pelatihan, mulai, selesai?]")
            nama, mulai, *selesai = butir
            upsert(
                PelatihanPegawai,
                {
                    "satker": satker,
                    "pegawai": pegawai,
                    "nama_pelatihan": nama,
                    "tanggal_mulai": mulai,
                },
                {"tanggal_selesai": selesai[0] if selesai else None},
                where=where,
                stats=stats,
            )
