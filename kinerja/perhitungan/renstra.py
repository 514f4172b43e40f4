"""Achievement of a Renstra indicator to date, combining its years by the indicator's rule:
counts are summed, indices and scores take the latest year, rates the mean. Summing yearly
index values across a Renstra period (as LAKIP Tabel 29 does) is wrong; the rule is shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.perhitungan.agregasi import agregasi_hasil
from kinerja.perhitungan.capaian import MAKSIMASI, SELISIH, capaian
from kinerja.perhitungan.dasar import BAKU, Hasil, Pembulatan


@dataclass(frozen=True)
class TahunRenstra:
    tahun: int
    target: Decimal | None
    realisasi: Decimal | None


@dataclass(frozen=True)
class HasilRenstra:
    target_sd: Hasil  # the targets of the years up to the year reported, combined
    realisasi_sd: Hasil  # the realisations up to the year reported, combined
    capaian_sd: Hasil
    target_periode: Hasil  # the targets of the whole period, combined


def capaian_renstra(
    aturan: str,
    tahun_tahun: Sequence[TahunRenstra],
    *,
    sampai_tahun: int,
    klasifikasi: str = MAKSIMASI,
    rumus_minimasi: str = SELISIH,
    pembulatan: Pembulatan = BAKU,
) -> HasilRenstra:
    urut = sorted(tahun_tahun, key=lambda t: t.tahun)
    sd = [t for t in urut if t.tahun <= sampai_tahun]
    target_sd = agregasi_hasil(
        aturan, [(str(t.tahun), t.target) for t in sd], pembulatan=pembulatan
    )
    realisasi_sd = agregasi_hasil(
        aturan, [(str(t.tahun), t.realisasi) for t in sd], pembulatan=pembulatan
    )
    return HasilRenstra(
        target_sd=target_sd,
        realisasi_sd=realisasi_sd,
        capaian_sd=capaian(
            realisasi_sd.nilai,
            target_sd.nilai,
            klasifikasi=klasifikasi,
            rumus_minimasi=rumus_minimasi,
            pembulatan=pembulatan,
        ),
        target_periode=agregasi_hasil(
            aturan, [(str(t.tahun), t.target) for t in urut], pembulatan=pembulatan
        ),
    )
