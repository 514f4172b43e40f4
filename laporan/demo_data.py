"""Demo data of the reports: each source report's identity (memo number, date, signatory)
and the narrative of its sections, from fixtures/<satker>/laporan_<year>.yaml."""

from __future__ import annotations

from typing import Any

from laporan.choices import BagianNarasi, JenisLaporan
from laporan.models import IdentitasLaporan, NarasiLaporan
from satker.fixture_loading import FixtureError, LoadStats, check_keys, text, upsert
from satker.models import Satker

IDENTITAS_FIELDS = (
    "nomor_surat", "tanggal", "tempat", "kepada", "perihal", "lampiran", "penandatangan_nama",
    "penandatangan_jabatan", "penandatangan_nip",
)  # fmt: skip


def load_laporan(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    check_keys(data, {"satker", "laporan"}, fixture)
    satker = Satker.objects.filter(kode=data["satker"]).first()
    if satker is None:
        raise FixtureError(f"{fixture}: satker {data['satker']!r} tidak ditemukan")
    for i, lap in enumerate(data["laporan"], start=1):
        where = f"{fixture} laporan #{i}"
        check_keys(lap, {"jenis", "tahun", "triwulan", "identitas", "narasi"}, where)
        if lap["jenis"] not in JenisLaporan.values:
            raise FixtureError(f"{where}: jenis laporan {lap['jenis']!r} tidak dikenal")
        periode = {
            "satker": satker,
            "jenis": lap["jenis"],
            "tahun": lap["tahun"],
            "triwulan": lap.get("triwulan"),
        }
        identitas = lap.get("identitas") or {}
        check_keys(identitas, IDENTITAS_FIELDS, f"{where} identitas")
        upsert(
            IdentitasLaporan,
            periode,
            {
                f: identitas.get(f) if f == "tanggal" else text(identitas.get(f))
                for f in IDENTITAS_FIELDS
            },
            where=f"{where} identitas",
            stats=stats,
        )
        for bagian, isi in (lap.get("narasi") or {}).items():
            if bagian not in BagianNarasi.values:
                raise FixtureError(f"{where}: bagian narasi {bagian!r} tidak dikenal")
            upsert(
                NarasiLaporan,
                {**periode, "bagian": bagian},
                {"teks": text(isi)},
                where=f"{where} narasi {bagian}",
                stats=stats,
            )
