"""The LAKIP annual performance accountability report of a satker (Laporan Kinerja Instansi
Pemerintah), in the structure of BSPJI Pekanbaru's report: memo, review-team decree, cover,
foreword, executive summary, contents; Bab I-IV with one section per indicator (its worked
formula, its earlier years, its supporting data and its narrative); annexes with the PK
measurement, the IKU cascade, quarterly progress, Renstra achievement, the signed PK and the
indicator manual of the PK's indicators."""

from __future__ import annotations

from laporan import dokumen as d
from laporan.susun.lakip.akuntabilitas import Akuntabilitas
from laporan.susun.lakip.bab_ii import BabII
from laporan.susun.lakip.bab_iii import BabIII
from laporan.susun.lakip.depan import Depan
from laporan.susun.lakip.indikator import Indikator
from laporan.susun.lakip.penutup import Penutup
from satker.models import Satker


class _Lakip(Depan, BabII, Indikator, Akuntabilitas, BabIII, Penutup):
    """The assembly of one LAKIP: one class per part of the report, over the data they share
    (laporan/susun/lakip/dasar.py)."""


def susun(satker: Satker, tahun: int) -> d.Laporan:
    return _Lakip(satker, tahun).susun()
