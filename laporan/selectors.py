"""Reads of the report pages and assemblies: a satker's rendered files of a year, with the
archives of its verified quarters, and a report's pictures, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.models import PeristiwaPelaporan, StatusPelaporan
from kinerja.models.siklus import AksiPelaporan
from laporan.choices import FORMAT_ARSIP, JenisLaporan
from laporan.models import BerkasLaporan, GambarLaporan
from satker.models import Satker


@dataclass(frozen=True)
class Sel:
    """One format of one report on the page: the file shown, and whether it is the quarter's
    archive (a verified quarter's PP-39 in an archived format: downloaded, never re-rendered)."""

    format: str
    berkas: BerkasLaporan | None
    arsip: bool = False


@dataclass(frozen=True)
class BerkasTahun:
    """The files of a satker's year: the last render of each report and format, every
    archive, and the verification each verified quarter stands on."""

    terakhir: dict[tuple[str, int | None, str], BerkasLaporan]
    arsip: list[BerkasLaporan]
    verifikasi: dict[int, PeristiwaPelaporan]

    def sel(self, jenis: str, triwulan: int | None, format_: str) -> Sel:
        peristiwa = self.verifikasi.get(triwulan) if jenis == JenisLaporan.PP39 else None
        if peristiwa is not None and format_ in FORMAT_ARSIP:
            berkas = next(
                (b for b in self.arsip if b.peristiwa_id == peristiwa.pk and b.format == format_),
                None,
            )
            return Sel(format_, berkas, arsip=True)
        return Sel(format_, self.terakhir.get((jenis, triwulan, format_)))

    def berlaku(self, berkas: BerkasLaporan) -> bool:
        """The archive is of the verification its quarter stands on now."""
        peristiwa = self.verifikasi.get(berkas.triwulan)
        return peristiwa is not None and peristiwa.pk == berkas.peristiwa_id


def berkas_tahun(satker: Satker, tahun: int) -> BerkasTahun:
    """Two queries: the year's files (with who asked and who verified), the verifications."""
    terakhir: dict[tuple[str, int | None, str], BerkasLaporan] = {}
    arsip = []
    semua = BerkasLaporan.objects.filter(satker=satker, tahun=tahun).select_related(
        "diminta_oleh", "peristiwa__oleh"
    )
    for b in semua.order_by("-diminta", "-pk"):
        if b.arsip:
            arsip.append(b)
        else:
            terakhir.setdefault((b.jenis, b.triwulan, b.format), b)
    arsip.sort(key=lambda b: (b.triwulan, b.versi, b.format))
    verifikasi: dict[int, PeristiwaPelaporan] = {}
    for p in (
        PeristiwaPelaporan.objects.filter(
            pelaporan__satker=satker, pelaporan__tahun=tahun,
            pelaporan__status=StatusPelaporan.DIVERIFIKASI, aksi=AksiPelaporan.DIVERIFIKASI,
        )
        .select_related("pelaporan", "oleh")
        .order_by("waktu", "pk")
    ):  # fmt: skip
        verifikasi[p.pelaporan.triwulan] = p  # the last one of each quarter
    return BerkasTahun(terakhir=terakhir, arsip=arsip, verifikasi=verifikasi)


def verifikasi_berlaku(satker_id: int, tahun: int, triwulan: int) -> PeristiwaPelaporan | None:
    """The verification the quarter's report stands on: its last verification event, while
    the quarter is verified; None for a quarter not (or no longer) verified."""
    return (
        PeristiwaPelaporan.objects.filter(
            pelaporan__satker_id=satker_id, pelaporan__tahun=tahun,
            pelaporan__triwulan=triwulan, pelaporan__status=StatusPelaporan.DIVERIFIKASI,
            aksi=AksiPelaporan.DIVERIFIKASI,
        )
        .select_related("pelaporan", "oleh")
        .order_by("-waktu", "-pk")
        .first()
    )  # fmt: skip


def gambar_laporan(
    satker: Satker, jenis: str, tahun: int, triwulan: int | None
) -> list[GambarLaporan]:
    """The pictures of one report, by section (or PK line) and order, with who uploaded
    them and the line they belong to."""
    return list(
        GambarLaporan.objects.filter(satker=satker, jenis=jenis, tahun=tahun, triwulan=triwulan)
        .select_related("diunggah_oleh", "indikator", "satker")
        .order_by("bagian", "indikator_id", "urutan", "id")
    )
