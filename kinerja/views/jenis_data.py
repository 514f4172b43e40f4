"""A kind of row a satker records on a table page (kinerja/views/data_dukung.py): its model,
the columns typed in, which rows of the satker and year the page shows, and where new rows
get their satker, year and parent. Shared by the supporting data and the LAKIP's tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Q, Value

from satker.models import Satker

DATA_DUKUNG = "data_dukung"  # the figures the realisasi are computed from
TABEL_LAPORAN = "tabel_laporan"  # what the LAKIP tabulates besides them


@dataclass(frozen=True)
class JenisData:
    judul: str
    model: type[models.Model]
    fields: tuple[str, ...]
    saring: Callable[[Satker, int], Q]
    milik_satker: bool = True  # the record has a satker field (else it belongs to a PK line
    # or to a parent record, chosen among `pilihan`)
    keterangan: str = ""
    isi_tahun: bool = False  # the record has a `tahun` field, set to the page's year
    pilihan: dict[str, Callable[[Satker, int], models.QuerySet]] = field(default_factory=dict)
    kelompok: str = DATA_DUKUNG  # the card of the entry hub and the tabs it is listed with

    def queryset(self, satker: Satker, tahun: int):
        return self.model.objects.filter(self.saring(satker, tahun))


def jumlah_baris(jenis: dict[str, JenisData], satker: Satker, tahun: int) -> dict[str, int]:
    """The number of rows each kind's page shows, in one query (a UNION ALL of one count per
    kind) rather than one per kind."""
    bagian = [
        j.queryset(satker, tahun)
        .order_by()
        .annotate(kunci=Value(kunci, output_field=models.CharField()))
        .values("kunci")
        .annotate(n=Count("pk"))
        .values_list("kunci", "n")
        for kunci, j in jenis.items()
    ]
    if not bagian:
        return {}
    hasil = dict.fromkeys(jenis, 0)
    hasil.update(dict(bagian[0].union(*bagian[1:], all=True)))
    return hasil
