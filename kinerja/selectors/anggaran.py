"""Reads of the budget: whole code trees with their progress series (two queries whatever
the size), turned into plain values for kinerja.perhitungan.anggaran."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Max

from kinerja.formatting import BULAN, romawi
from kinerja.models import (
    Dipa,
    IndikatorKinerja,
    IndikatorPerjanjian,
    ItemAnggaran,
    PenerimaanPnbp,
    ProgresAnggaran,
    RealisasiDipa,
    RevisiDipa,
    TargetPnbp,
)
from kinerja.perhitungan import HasilBaris, triwulan_bulan
from kinerja.perhitungan import anggaran as pa
from kinerja.perhitungan.dasar import Hasil
from kinerja.selectors.capaian import hitung_capaian, konfigurasi
from satker.models import Satker

BULAN_TRIWULAN = {1: 3, 2: 6, 3: 9, 4: 12}
SETAHUN = tuple(range(1, 13))


def bulan_posisi(triwulan: int | None) -> tuple[int | None, int]:
    """The months of "s.d. triwulan lalu" and "s.d. triwulan ini" (the year: III and IV)."""
    tw = triwulan or 4
    return (BULAN_TRIWULAN[tw - 1] if tw > 1 else None), BULAN_TRIWULAN[tw]


def triwulan_terakhir(satker: Satker, tahun: int) -> int | None:
    """The latest quarter with any recorded progress in the satker's budget of the year."""
    bulan = ProgresAnggaran.objects.filter(item__satker=satker, item__tahun=tahun).aggregate(
        terakhir=Max("bulan")
    )["terakhir"]
    return None if bulan is None else triwulan_bulan(bulan)


class Pohon(dict):
    """A satker's computed budget tree of a year, node id → NodeAnggaran, with the
    satker's spending as the treasury reports it (`realisasi_dipa`: month → rupiah)."""

    def __init__(self, *args, realisasi_dipa: dict[int, int] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.realisasi_dipa: dict[int, int] = realisasi_dipa or {}


@dataclass(frozen=True)
class NodeAnggaran:
    """A budget node with its computed figures."""

    item: ItemAnggaran
    hasil: pa.HasilSimpul
    kode_induk: str | None

    @property
    def kode(self) -> str:
        return self.item.kode_lengkap


def pohon(satker: Satker, tahun: int, bulan: Sequence[int] = (3, 6, 9, 12)) -> Pohon:
    """The whole code tree of a satker's budget for a year, computed, by node id."""
    return pohon_banyak([(satker.pk, tahun)], bulan)[(satker.pk, tahun)]


def pohon_banyak(
    kunci: Iterable[tuple[int, int]], bulan: Sequence[int] = (3, 6, 9, 12)
) -> dict[tuple[int, int], Pohon]:
    """The computed trees of several (satker id, year) pairs, in three queries."""
    kunci = set(kunci)
    if not kunci:
        return {}
    satker_ids = {s for s, _ in kunci}
    tahun = {t for _, t in kunci}
    items = [
        i
        for i in ItemAnggaran.objects.filter(satker_id__in=satker_ids, tahun__in=tahun)
        .select_related("satker")
        .order_by("urutan")
        if (i.satker_id, i.tahun) in kunci
    ]
    progres: dict[int, list[pa.Titik]] = defaultdict(list)
    for p in ProgresAnggaran.objects.filter(item__in=[i.pk for i in items]):
        progres[p.item_id].append(
            pa.Titik(
                bulan=p.bulan,
                rencana_keuangan=p.rencana_keuangan,
                realisasi_keuangan=p.realisasi_keuangan,
                realisasi_keuangan_rp=p.realisasi_keuangan_rp,
                rencana_fisik=p.rencana_fisik,
                realisasi_fisik=p.realisasi_fisik,
                realisasi_volume=p.realisasi_volume,
            )
        )
    per_kunci: dict[tuple[int, int], list[ItemAnggaran]] = defaultdict(list)
    for i in items:
        per_kunci[(i.satker_id, i.tahun)].append(i)
    pembulatan = konfigurasi().pembulatan
    dipa: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for r in RealisasiDipa.objects.filter(satker_id__in=satker_ids, tahun__in=tahun):
        dipa[(r.satker_id, r.tahun)][r.bulan] = r.jumlah
    hasil: dict[tuple[int, int], Pohon] = {k: Pohon(realisasi_dipa=dipa.get(k)) for k in kunci}
    for k, daftar in per_kunci.items():
        by_id = {i.pk: i for i in daftar}
        simpul = [
            pa.Simpul(i.pk, i.induk_id, i.tingkat, i.kode_lengkap, i.uraian, i.pagu) for i in daftar
        ]
        hitung = pa.hitung_pohon(simpul, progres, bulan, pembulatan=pembulatan)
        hasil[k].update(
            (
                pk,
                NodeAnggaran(
                    item=by_id[pk],
                    hasil=h,
                    kode_induk=by_id[h.simpul.induk].kode_lengkap if h.simpul.induk else None,
                ),
            )
            for pk, h in hitung.items()
        )
    return hasil


def posisi_satker(nodes: Pohon, bulan: int) -> tuple[int, pa.Posisi]:
    """The whole DIPA at the end of `bulan`: its programs combined, with the treasury's
    reported spending as its realisation where there is one."""
    akar = [n.hasil for n in nodes.values() if n.item.induk_id is None]
    realisasi = getattr(nodes, "realisasi_dipa", {}).get(bulan)
    return pa.posisi_dipa(akar, bulan, realisasi_rp=realisasi, pembulatan=konfigurasi().pembulatan)


def total_satker(nodes: Pohon, bulan: int) -> tuple[int, int | None, int | None]:
    """Pagu, planned and realised rupiah of the whole DIPA (the realisation as the treasury
    reports it, else the programs' sum, rebuilt from percentages where they gave those)."""
    pagu, posisi = posisi_satker(nodes, bulan)
    return pagu, posisi.rencana_rp, posisi.realisasi_rp


def realisasi_tercatat(nodes: Pohon, bulan: int) -> int | None:
    """The DIPA's realisation at the end of `bulan` as reported amounts (the treasury's
    figure, or the programs' reported amounts summed); None where some of it was reported
    only as a percentage: a rupiah rebuilt from a rounded percentage is never printed as
    the realisation."""
    return posisi_satker(nodes, bulan)[1].realisasi_rp_tercatat


def _periode_penarikan(
    nodes: dict[int, NodeAnggaran], sampai_bulan: int
) -> list[tuple[str, int, int | None, int | None]]:
    """(label, month, plan, realisation) of each period the deviation is scored on: the
    months where plan and realisation are recorded monthly, otherwise the quarters."""
    ada = []
    for b in range(1, sampai_bulan + 1):
        _, rencana, realisasi = total_satker(nodes, b)
        if rencana is not None and realisasi is not None:
            ada.append((b, rencana, realisasi))
    if any(b % 3 for b, _, _ in ada):
        return [(BULAN[b - 1], b, r, x) for b, r, x in ada]
    periode = []
    for b in range(3, sampai_bulan + 1, 3):
        _, rencana, realisasi = total_satker(nodes, b)
        periode.append((f"TW {romawi(b // 3)}", b, rencana, realisasi))
    return periode


def deviasi_penarikan(nodes: dict[int, NodeAnggaran], sampai_bulan: int) -> pa.HasilDeviasi:
    """Deviation of the satker's realisation from its disbursement plan (Halaman III DIPA)
    up to `sampai_bulan`: per month where the plan and realisation are recorded monthly,
    otherwise per quarter. `nodes` must have been computed for every month to be scored
    (pohon(..., bulan=range(1, 13)))."""
    periode = _periode_penarikan(nodes, sampai_bulan)
    return pa.deviasi_rpd(
        [(label, r) for label, _, r, _ in periode],
        [(label, x) for label, _, _, x in periode],
        pembulatan=konfigurasi().pembulatan,
    )


def periode_tercatat(nodes: dict[int, NodeAnggaran], sampai_bulan: int) -> frozenset[str]:
    """The periods of `deviasi_penarikan` whose own realisation (the cumulative amount at
    its end less that at the previous period's end) was reported as amounts; the others'
    rupiah is rebuilt from a percentage (to score the deviation) and is printed as such."""
    tercatat, sebelumnya = set(), True
    for label, b, _, x in _periode_penarikan(nodes, sampai_bulan):
        sekarang = x is not None and realisasi_tercatat(nodes, b) is not None
        if sekarang and sebelumnya:
            tercatat.add(label)
        sebelumnya = sekarang
    return frozenset(tercatat)


# --- efficiency per PK indicator (LAKIP Tabel 38) ---------------------------------------


@dataclass(frozen=True)
class EfisiensiBaris:
    baris: HasilBaris
    pagu: int
    realisasi_anggaran: int | None
    persen_anggaran: Hasil
    efisiensi: pa.HasilEfisiensi
    kode_anggaran: tuple[str, ...]
    # The indicator of the manual the line measures (None for a line without one).
    indikator: IndikatorKinerja | None = None


def efisiensi_indikator(
    lines: Sequence[IndikatorPerjanjian], capaian: dict[str, HasilBaris] | None = None
) -> list[EfisiensiBaris]:
    """For each PK line of a year: the budget of the nodes supporting it (rolled up), its
    realisation at year end, and the efficiency of the performance bought with it. `capaian`
    are the lines' figures for the year by code, when the caller has computed them already."""
    lines = list(lines)
    if not lines:
        return []
    if capaian is None:
        capaian = {h.kode: h for h in hitung_capaian(lines, None)}
    tautan = defaultdict(list)
    for line in lines:
        pk = line.sasaran.perjanjian
        for item in line.anggaran.all():
            # Only the satker's own budget of the PK's year supports its line.
            if (item.satker_id, item.tahun) == (pk.satker_id, pk.tahun):
                tautan[line.pk].append(item)
    kunci = {(i.satker_id, i.tahun) for items in tautan.values() for i in items}
    trees = pohon_banyak(kunci, bulan=(12,))
    konf = konfigurasi()
    p = konf.pembulatan
    hasil = []
    for line in lines:
        items = tautan.get(line.pk, [])
        nodes = [trees[(i.satker_id, i.tahun)][i.pk] for i in items]
        pagu = sum(n.hasil.pagu for n in nodes)
        realisasi_list = [n.hasil.posisi[12].realisasi_rp for n in nodes]
        realisasi = None if not nodes or None in realisasi_list else sum(realisasi_list)
        h = capaian[line.kode]
        hasil.append(
            EfisiensiBaris(
                baris=h,
                pagu=pagu,
                realisasi_anggaran=realisasi,
                persen_anggaran=pa.persen_terhadap(realisasi, pagu, pembulatan=p),
                efisiensi=pa.efisiensi_anggaran(
                    target_kinerja=h.target,
                    realisasi_kinerja=h.realisasi.nilai,
                    pagu=pagu,
                    realisasi_anggaran=realisasi,
                    capaian=h.capaian.nilai,
                    pembulatan=p,
                    ambang=konf.ambang,
                ),
                kode_anggaran=tuple(n.kode for n in nodes),
                indikator=line.indikator,
            )
        )
    return hasil


def rata_rata_efisiensi(daftar: Iterable[EfisiensiBaris], *, iku: bool = False) -> Hasil:
    """The mean efficiency of the lines (those whose efficiency could be computed), as the
    LAKIP's efficiency table prints it under its rows; with `iku`, of the lines whose
    indicator is an IKU only (the source's column "Efisiensi IKU")."""
    return pa.rata_rata(
        [
            e.efisiensi.efisiensi
            for e in daftar
            if not iku or (e.indikator is not None and e.indikator.iku)
        ],
        pembulatan=konfigurasi().pembulatan,
    )


# --- PNBP against its target ------------------------------------------------------------


@dataclass(frozen=True)
class PnbpTahun:
    tahun: int
    target: int | None
    layanan: int | None
    total: int | None
    persen_layanan: Hasil
    persen_total: Hasil
    # The receipts of each kind (JenisPnbp) at the same position: what the tables per kind
    # print, the kinds without a receipt left out.
    per_jenis: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RevisiSemula:
    revisi: RevisiDipa
    pagu_semula: int  # the pagu before this revision: the previous revision's, or the DIPA's


def revisi_dengan_semula(dipa: Dipa | None) -> list[RevisiSemula]:
    """Each revision of the DIPA with the pagu it changed."""
    if dipa is None:
        return []
    hasil, semula = [], dipa.pagu_awal
    for r in dipa.revisi.all():
        hasil.append(RevisiSemula(r, semula))
        semula = r.pagu
    return hasil


def target_pnbp(satker: Satker, tahun: Iterable[int]) -> dict[int, int | None]:
    """Each year's PNBP target: the DIPA's latest (after its last revision that states one),
    else the recorded yearly target. Three queries for any number of years."""
    tahun = list(tahun)
    hasil: dict[int, int | None] = dict.fromkeys(tahun)
    for t in TargetPnbp.objects.filter(satker=satker, tahun__in=tahun):
        hasil[t.tahun] = t.target
    for dipa in Dipa.objects.filter(satker=satker, tahun__in=tahun).prefetch_related("revisi"):
        target = dipa.target_pnbp
        for r in dipa.revisi.all():
            if r.target_pnbp is not None:
                target = r.target_pnbp
        if target is not None:
            hasil[dipa.tahun] = target
    return hasil


def pnbp_per_tahun(
    satker: Satker, tahun: Iterable[int], sampai: datetime.date | None = None
) -> list[PnbpTahun]:
    """PNBP received by year (service fees and all receipts, at the year's latest position,
    or the latest up to `sampai` for a quarter's report) against the year's target."""
    tahun = list(tahun)
    p = konfigurasi().pembulatan
    rows = PenerimaanPnbp.objects.filter(satker=satker, tanggal_posisi__year__in=tahun)
    if sampai is not None:
        rows = rows.filter(tanggal_posisi__lte=sampai)
    targets = target_pnbp(satker, tahun)
    per_tahun: dict[int, list[PenerimaanPnbp]] = defaultdict(list)
    for r in rows:
        per_tahun[r.tanggal_posisi.year].append(r)
    hasil = []
    for th in sorted(tahun):
        daftar = per_tahun.get(th, [])
        if daftar:
            akhir = max(r.tanggal_posisi for r in daftar)
            daftar = [r for r in daftar if r.tanggal_posisi == akhir]
        layanan = sum(r.jumlah for r in daftar if r.layanan) if daftar else None
        total = sum(r.jumlah for r in daftar) if daftar else None
        per_jenis: dict[str, int] = defaultdict(int)
        for r in daftar:
            per_jenis[r.jenis] += r.jumlah
        target = targets[th]
        hasil.append(
            PnbpTahun(
                tahun=th,
                target=target,
                layanan=layanan,
                total=total,
                persen_layanan=pa.persen_terhadap(layanan, target, pembulatan=p),
                persen_total=pa.persen_terhadap(total, target, pembulatan=p),
                per_jenis=dict(per_jenis),
            )
        )
    return hasil
