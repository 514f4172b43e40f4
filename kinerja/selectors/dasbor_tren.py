"""The heat map and the trends of the secretariat's dashboard: the selected satker's stored
figures counted per manual indicator and period, per quarter and per year, in one aggregate
query each whatever the number of satker."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Q,
    Sum,
)

from kinerja.models import (
    HasilPerhitungan,
    IndikatorKinerja,
    RingkasanAnggaran,
)
from kinerja.models.hasil import SETAHUN
from kinerja.perhitungan import Hasil, Status
from kinerja.perhitungan.ringkasan import persen_bagian, persen_rupiah
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.dasbor import Saringan, milik_terpilih
from satker.models import Pengguna

# --- the heat map -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SelPeta:
    """A cell of the heat map: a satker's line of one manual indicator."""

    indikator_id: int
    nilai: Decimal | None  # the capaian antara of a quarter, the capaian of the year
    status: str
    rumus: str

    @property
    def label_status(self) -> str:
        return Status(self.status).label


@dataclass(frozen=True)
class Rekap:
    """The selected satker's lines of the year counted per manual indicator and period
    (0: the year): (code, period) → (lines, reached, expected to miss). One query, from which
    the heat map's columns and the trends are read."""

    hitungan: dict[tuple[str, int], tuple[int, int, int]]

    def per_triwulan(self, tw: int) -> tuple[int, int, int]:
        nilai = [v for (_, t), v in self.hitungan.items() if t == tw]
        return tuple(sum(x[i] for x in nilai) for i in range(3))  # type: ignore[return-value]

    def kode(self, tw: int) -> set[str]:
        return {k for (k, t) in self.hitungan if t == tw}


def rekap(user: Pengguna, s: Saringan) -> Rekap:
    return Rekap(
        {
            (h["kode_pedoman"], h["triwulan"]): (h["jumlah"], h["tercapai"], h["meleset"])
            for h in milik_terpilih(HasilPerhitungan.objects, user, s)
            .filter(tahun=s.tahun)
            .values("kode_pedoman", "triwulan")
            .annotate(
                jumlah=Count("id"),
                tercapai=Count("id", filter=Q(status=Status.TERCAPAI)),
                meleset=Count("id", filter=Q(prakiraan_meleset=True)),
            )
            .order_by()
        }
    )


def kolom_peta(r: Rekap, s: Saringan) -> list[IndikatorKinerja]:
    """The manual indicators any selected satker measures in the period, in the manual's
    order: the heat map's columns."""
    return list(IndikatorKinerja.objects.filter(kode__in=r.kode(s.triwulan)).order_by("kode"))


def peta_panas(satker_ids: Iterable[int], s: Saringan) -> dict[tuple[int, str], SelPeta]:
    """The cells of these satker: (satker id, manual code) → the line's figure and working
    (one query). A quarter is judged by its progress against the Rencana Aksi (capaian
    antara), the year by its capaian, as the line's status is."""
    ukuran = "capaian" if s.triwulan == SETAHUN else "capaian_antara"
    # Whole figures (objects) are read, not their keys: a key read through SQLite's JSON
    # functions comes back as a float, which loses the digits the figure was reported with.
    rows = HasilPerhitungan.objects.filter(
        satker_id__in=list(satker_ids), tahun=s.tahun, triwulan=s.triwulan
    ).values_list(
        "satker_id", "kode_pedoman", "indikator_id", "status", f"data__{ukuran}", "data__capaian"
    )
    sel = {}
    for satker_id, kode, indikator_id, status, ukur, capaian in rows:
        ukur = ukur or {}
        kerja = " · ".join(r for r in dict.fromkeys((ukur.get("rumus"), capaian["rumus"])) if r)
        nilai = ukur.get("nilai")
        sel[(satker_id, kode)] = SelPeta(
            indikator_id, None if nilai is None else Decimal(nilai), status, kerja
        )
    return sel


# --- trends -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrenTriwulan:
    """The selection as a whole at the end of a quarter."""

    triwulan: int
    tercapai: Hasil
    penyerapan: Hasil
    rencana: Hasil
    meleset: int


def tren_triwulan(user: Pengguna, s: Saringan, r: Rekap) -> list[TrenTriwulan]:
    """Indicators reached and budget absorbed against the plan, quarter by quarter, across
    the selected satker (one query besides the recap)."""
    p = konfigurasi().pembulatan
    uang = {
        a["triwulan"]: a
        for a in milik_terpilih(RingkasanAnggaran.objects, user, s)
        .filter(tahun=s.tahun)
        .values("triwulan")
        .annotate(pagu=Sum("pagu"), realisasi=Sum("realisasi_rp"), rencana=Sum("rencana_rp"))
        .order_by()
    }
    hasil = []
    for tw in (1, 2, 3, 4):
        jumlah, tercapai, meleset = r.per_triwulan(tw)
        a = uang.get(tw, {"pagu": None, "realisasi": None, "rencana": None})
        hasil.append(
            TrenTriwulan(
                triwulan=tw,
                tercapai=persen_bagian(tercapai, jumlah, pembulatan=p),
                penyerapan=persen_rupiah(a["realisasi"], a["pagu"], pembulatan=p),
                rencana=persen_rupiah(a["rencana"], a["pagu"], pembulatan=p),
                meleset=meleset,
            )
        )
    return hasil


def tren_indikator(r: Rekap) -> dict[str, list[Hasil]]:
    """For each manual indicator, the share of the selected satker's lines reached, quarter
    by quarter."""
    p = konfigurasi().pembulatan
    hasil: dict[str, list[Hasil]] = {}
    for kode in sorted({k for (k, t) in r.hitungan if t}):
        deret = []
        for tw in (1, 2, 3, 4):
            jumlah, tercapai, _ = r.hitungan.get((kode, tw), (0, 0, 0))
            deret.append(persen_bagian(tercapai, jumlah, pembulatan=p))
        hasil[kode] = deret
    return hasil


def tren_tahun(user: Pengguna, s: Saringan) -> list[tuple[int, Hasil]]:
    """The share of lines reached over each year's results, across the years with stored
    figures (one query)."""
    p = konfigurasi().pembulatan
    return [
        (h["tahun"], persen_bagian(h["tercapai"], h["jumlah"], pembulatan=p))
        for h in milik_terpilih(HasilPerhitungan.objects, user, s)
        .filter(triwulan=SETAHUN)
        .values("tahun")
        .annotate(jumlah=Count("id"), tercapai=Count("id", filter=Q(status=Status.TERCAPAI)))
        .order_by("tahun")
    ]


def tren_satker(satker_ids: Iterable[int], tahun: int) -> dict[int, list[Decimal | None]]:
    """For each of these satker, the share of its lines reached quarter by quarter (one
    query): the small trend beside its name."""
    p = konfigurasi().pembulatan
    hasil: dict[int, list[Decimal | None]] = defaultdict(lambda: [None] * 4)
    for h in (
        HasilPerhitungan.objects.filter(
            satker_id__in=list(satker_ids), tahun=tahun, triwulan__gte=1
        )
        .values("satker_id", "triwulan")
        .annotate(jumlah=Count("id"), tercapai=Count("id", filter=Q(status=Status.TERCAPAI)))
    ):
        deret = hasil[h["satker_id"]]
        deret[h["triwulan"] - 1] = persen_bagian(h["tercapai"], h["jumlah"], pembulatan=p).nilai
    return dict(hasil)
