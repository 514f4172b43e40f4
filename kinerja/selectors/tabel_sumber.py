"""What a satker's LAKIP tabulates besides its indicators' figures, read once for a report in
a fixed number of queries: the review-team decree with its items and members, the
laboratories' scopes, promotion activities, staff trainings, the budget of the years around
the report's (from the application's budget trees where it holds them, else from the recorded
history), customers and service volumes per year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

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
from kinerja.selectors import anggaran as sel_anggaran
from satker.models import Satker

TAHUN_ANGGARAN = 5  # the budget table's years: the report's and four before (LAKIP Tabel 34)
TAHUN_LAYANAN = 4  # customers and volumes: the report's year and three before (Tabel 37, 38)


@dataclass(frozen=True)
class AnggaranTahun:
    """A year's pagu and realisation, and where they come from."""

    tahun: int
    pagu: int
    realisasi: int | None
    dari_pohon: bool  # from the application's budget tree (else from the recorded history)


@dataclass
class DataTabelSumber:
    tahun: int
    keputusan: KeputusanTimReviu | None = None
    butir: dict[str, list[ButirKeputusan]] = field(default_factory=dict)  # by bagian
    anggota: list[AnggotaTimReviu] = field(default_factory=list)
    ruang_lingkup: dict[str, list[RuangLingkupLaboratorium]] = field(default_factory=dict)
    promosi: list[KegiatanPromosi] = field(default_factory=list)
    pelatihan: list[PelatihanPegawai] = field(default_factory=list)
    anggaran: list[AnggaranTahun] = field(default_factory=list)  # by year
    pelanggan: dict[int, dict[str, PelangganLayanan]] = field(default_factory=dict)
    volume: dict[tuple[str, str], dict[int, int]] = field(default_factory=dict)

    @property
    def tahun_layanan(self) -> list[int]:
        return list(range(self.tahun - TAHUN_LAYANAN + 1, self.tahun + 1))


def kumpulkan(
    satker: Satker,
    tahun: int,
    anggaran_tahun_ini: tuple[int, int | None] | None = None,
) -> DataTabelSumber:
    """The tables' data of the satker's year. `anggaran_tahun_ini` is the year's pagu and
    realisation when the caller has already computed its budget tree (the LAKIP has)."""
    data = DataTabelSumber(tahun=tahun)
    data.keputusan = (
        KeputusanTimReviu.objects.filter(satker=satker, tahun=tahun)
        .prefetch_related(
            Prefetch("butir", queryset=ButirKeputusan.objects.order_by("bagian", "nomor")),
            Prefetch("anggota", queryset=AnggotaTimReviu.objects.order_by("nomor")),
        )
        .first()
    )
    if data.keputusan is not None:
        for b in data.keputusan.butir.all():
            data.butir.setdefault(b.bagian, []).append(b)
        data.anggota = list(data.keputusan.anggota.all())
    for r in RuangLingkupLaboratorium.objects.filter(satker=satker, tahun=tahun).order_by(
        "laboratorium", "nomor"
    ):
        data.ruang_lingkup.setdefault(r.laboratorium, []).append(r)
    data.promosi = list(
        KegiatanPromosi.objects.filter(satker=satker, tahun=tahun).order_by("bulan", "nomor")
    )
    data.pelatihan = list(
        PelatihanPegawai.objects.filter(satker=satker, tanggal_mulai__year=tahun).order_by(
            "pegawai", "tanggal_mulai", "nama_pelatihan"
        )
    )
    data.anggaran = anggaran_per_tahun(satker.pk, tahun, anggaran_tahun_ini)
    awal = tahun - TAHUN_LAYANAN + 1
    for p in PelangganLayanan.objects.filter(satker=satker, tahun__range=(awal, tahun)):
        data.pelanggan.setdefault(p.tahun, {})[p.jenis] = p
    volume: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for v in VolumeLayanan.objects.filter(satker=satker, tahun__range=(awal, tahun)):
        volume[(v.jenis, v.besaran)][v.tahun] = v.jumlah
    data.volume = dict(volume)
    return data


def anggaran_per_tahun(
    satker_id: int, tahun: int, tahun_ini: tuple[int, int | None] | None = None
) -> list[AnggaranTahun]:
    """Pagu and realisation of the report's year and the four before: a year the
    application holds the budget tree of is computed from it (its own figures, the same as
    the budget tables print), any other year is as the satker recorded it."""
    tahun_tahun = range(tahun - TAHUN_ANGGARAN + 1, tahun + 1)
    dihitung = {} if tahun_ini is None else {tahun: tahun_ini}
    pohon = sel_anggaran.pohon_banyak(
        [(satker_id, t) for t in tahun_tahun if t not in dihitung], bulan=(12,)
    )
    for (_, t), nodes in pohon.items():
        if nodes:
            pagu, _, realisasi = sel_anggaran.total_satker(nodes, 12)
            dihitung[t] = (pagu, realisasi)
    riwayat = {
        r.tahun: r
        for r in RiwayatAnggaran.objects.filter(satker_id=satker_id, tahun__in=list(tahun_tahun))
    }
    hasil = []
    for t in tahun_tahun:
        if t in dihitung:
            hasil.append(AnggaranTahun(t, *dihitung[t], dari_pohon=True))
        elif t in riwayat:
            hasil.append(AnggaranTahun(t, riwayat[t].pagu, riwayat[t].realisasi, False))
    return hasil
