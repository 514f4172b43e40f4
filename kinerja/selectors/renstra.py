"""Reads of a satker's Renstra: its goals and indicators with their yearly targets and
realisations, and the achievement to date of each indicator by its own aggregation rule."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from kinerja.models import IndikatorRenstra, Renstra, SasaranRenstra, TargetRenstra
from kinerja.perhitungan import TahunRenstra, capaian_renstra
from kinerja.perhitungan.capaian import MAKSIMASI, SELISIH
from kinerja.perhitungan.renstra import HasilRenstra
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.pedoman import definisi_per_tahun
from satker.models import Satker


@dataclass(frozen=True)
class BarisRenstra:
    sasaran: SasaranRenstra
    indikator: IndikatorRenstra
    tahun: dict[int, TargetRenstra]
    aturan: str
    hasil: HasilRenstra


def replace_target(t: TargetRenstra, realisasi: Decimal | None) -> TargetRenstra:
    """A copy of a year's target row carrying the computed realisasi (nothing is saved)."""
    return TargetRenstra(
        pk=t.pk, indikator_id=t.indikator_id, tahun=t.tahun, target=t.target,
        realisasi=realisasi, alokasi_indikatif=t.alokasi_indikatif, catatan=t.catatan,
    )  # fmt: skip


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


def capaian_renstra_satker(
    renstra: Renstra,
    sampai_tahun: int,
    realisasi_dihitung: Mapping[int, Decimal | None] | None = None,
) -> list[BarisRenstra]:
    """Every indicator of the Renstra with its achievement up to `sampai_tahun`, combining
    the years by the indicator's rule (counts summed, indices the latest year, rates the
    mean); an indicator without a manual entry is summed, as Tabel 29 does.

    `realisasi_dihitung` gives, by Renstra indicator id, the realisasi of `sampai_tahun`
    that the computation made from the year's PK line: it is that year's realisation (the
    realisation recorded on the Renstra is kept for earlier years)."""
    p = konfigurasi().pembulatan
    dihitung = realisasi_dihitung or {}
    definisi = definisi_per_tahun(
        {
            ind.indikator_id
            for s in renstra.sasaran.all()
            for ind in s.indikator.all()
            if ind.indikator_id is not None
        },
        sampai_tahun,
    )
    hasil = []
    for s in renstra.sasaran.all():
        for ind in s.indikator.all():
            per_tahun = {t.tahun: t for t in ind.target.all()}
            if ind.pk in dihitung:
                tahun_ini = per_tahun.get(sampai_tahun) or TargetRenstra(
                    indikator=ind, tahun=sampai_tahun
                )
                per_tahun[sampai_tahun] = replace_target(tahun_ini, dihitung[ind.pk])
            # The manual's version of the year the achievement is reported for.
            manual = definisi.get(ind.indikator_id)
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
