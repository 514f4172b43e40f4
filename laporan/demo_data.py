"""Demo data of the reports: each source report's identity (memo number, date, signatory)
and the narrative of its sections, from fixtures/<satker>/laporan_<year>.yaml; the pictures
the application draws for them, from fixtures/<satker>/gambar_<year>.yaml."""

from __future__ import annotations

from typing import Any

from laporan.choices import BagianNarasi, JenisLaporan
from laporan.models import GambarLaporan, IdentitasLaporan, NarasiLaporan
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


GAMBAR_KEYS = {"jenis", "tahun", "triwulan", "bagian", "kunci", "judul", "sumber", "bagan"}
SKALA_BAGAN = 3  # the chart's SVG pixels → PNG pixels: sharp when printed 16 cm wide


def load_gambar(data: dict[str, Any], fixture: str, stats: LoadStats) -> None:
    """The pictures the application draws for the demo reports (an organisation chart from
    its units), drawn as PNG and stored through the same check and model as an upload; a
    picture already stored with the same bytes and caption is left as it is."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from laporan import gambar as layanan_gambar
    from laporan.render import bagan, png

    check_keys(data, {"satker", "gambar"}, fixture)
    satker = Satker.objects.filter(kode=data["satker"]).first()
    if satker is None:
        raise FixtureError(f"{fixture}: satker {data['satker']!r} tidak ditemukan")
    for i, g in enumerate(data["gambar"], start=1):
        where = f"{fixture} gambar #{i}"
        check_keys(g, GAMBAR_KEYS, where)
        if "bagan" not in g:
            raise FixtureError(f"{where}: hanya bagan organisasi yang dapat digambar")
        svg = bagan.svg(bagan.Unit.dari_data(g["bagan"]), huruf=png.huruf())
        nama = f"{g['kunci']}.png"
        try:
            berkas = layanan_gambar.periksa(
                SimpleUploadedFile(nama, png.dari_svg(svg, SKALA_BAGAN))
            )
        except ValidationError as exc:
            raise FixtureError(f"{where}: {'; '.join(exc.messages)}") from exc
        periode = {
            "satker": satker, "jenis": g["jenis"], "tahun": g["tahun"],
            "triwulan": g.get("triwulan"), "kunci": g["kunci"],
        }  # fmt: skip
        nilai = {"bagian": g["bagian"], "judul": text(g["judul"]), "sumber": text(g.get("sumber"))}
        obj = GambarLaporan.objects.filter(**periode).first()
        sama = obj is not None and all(getattr(obj, k) == v for k, v in nilai.items())
        if sama and _tersimpan(obj) == berkas.isi:
            stats.count(GambarLaporan, created=False, changed=False)
            continue
        baru = obj is None
        obj = obj or GambarLaporan(**periode)
        for k, v in nilai.items():
            setattr(obj, k, v)
        try:
            layanan_gambar.simpan(obj, berkas, nama=nama, user=None)
        except ValidationError as exc:
            raise FixtureError(f"{where}: {'; '.join(exc.messages)}") from exc
        stats.count(GambarLaporan, created=baru, changed=not baru)


def _tersimpan(gambar: GambarLaporan) -> bytes:
    """The stored picture's bytes; none when its file is gone (a media folder emptied)."""
    from laporan import gambar as layanan_gambar

    try:
        return layanan_gambar.isi(gambar)
    except OSError:
        return b""
