"""Reads of a satker's Renstra: its goals and indicators with their yearly targets and
realisations, and the achievement to date of each indicator by its own aggregation rule."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from kinerja.models import IndikatorRenstra, Renstra, SasaranRenstra, TargetRenstra
from kinerja.perhitungan import TahunRenstra, capaian_renstra
from kinerja.perhitungan.capaian import MAKSIMASI, SELISIH
from kinerja.perhitungan.renstra import HasilRenstra
from kinerja.selectors.capaian import konfigurasi
from satker.models import Satker


@dataclass(frozen=True)
class BarisRenstra:
    sasaran: SasaranRenstra
    indikator: IndikatorRenstra
    tahun: dict[int, TargetRenstra]
    aturan: str
    hasil: HasilRenstra


def renstra_satker(satker: Satker, tahun: int) -> Renstra | None:
    """The satker's Renstra whose period covers `tahun`, with its goals, indicators and
    yearly targets (four queries)."""
    indikator = IndikatorRenstra.objects.select_related("indikator").prefetch_related(
        Prefetch("target", queryset=TargetRenstra.objects.order_by("tahun"))
    )
    sasaran = SasaranRenstra.objects.order_by("urutan", "kode").prefetch_related(
        Prefetch("indikator", queryset=indikator.order_by("nomor"))
    )
    return (
        Renstra.objects.filter(satker=satker, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .prefetch_related(Prefetch("sasaran", queryset=sasaran), "pagu_indikatif")
        .first()
    )


def capaian_renstra_satker(renstra: Renstra, sampai_tahun: int) -> list[BarisRenstra]:
    """Every indicator of the Renstra with its achievement up to `sampai_tahun`, combining
    the years by the indicator's rule (counts summed, indices the latest year, rates the
    mean); an indicator without a manual entry is summed, as Tabel 29 does."""
    p = konfigurasi().pembulatan
    hasil = []
    for s in renstra.sasaran.all():
        for ind in s.indikator.all():
            per_tahun = {t.tahun: t for t in ind.target.all()}
            manual = ind.indikator
            aturan = manual.agregasi_tahunan if manual else "jumlah"
            hasil.append(
                BarisRenstra(
                    sasaran=s,
                    indikator=ind,
                    tahun=per_tahun,
                    aturan=aturan,
                    hasil=capaian_renstra(
                        aturan,
                        [TahunRenstra(t.tahun, t.target, t.realisasi) for t in per_tahun.values()],
                        sampai_tahun=sampai_tahun,
                        klasifikasi=manual.klasifikasi if manual else MAKSIMASI,
                        rumus_minimasi=manual.rumus_minimasi if manual else SELISIH,
                        pembulatan=p,
                    ),
                )
            )
    return hasil
