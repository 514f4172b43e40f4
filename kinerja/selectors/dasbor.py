"""Reads of the dashboards: every satker the user may see with its stored figures aggregated
(indicators reached, expected to miss, budget, SAKIP, reporting status), the heat map of a page
of satker, and the trends. A fixed number of queries whatever the number of satker: each is
one aggregate over the stored figures (kinerja.models.hasil), never a recomputation."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from kinerja.formatting import romawi
from kinerja.models import (
    HasilPerhitungan,
    NilaiSakip,
    PelaporanTriwulan,
    PeriodePelaporan,
    PerpanjanganPeriode,
    RealisasiTriwulan,
    RingkasanAnggaran,
    StatusPelaporan,
)
from kinerja.models.hasil import SETAHUN
from kinerja.perhitungan import Hasil, Status
from kinerja.perhitungan.ringkasan import persen_bagian, selisih_hari
from kinerja.perhitungan.serial import hasil_dari_dict
from kinerja.selectors.capaian import konfigurasi
from satker.models import Pengguna, Satker

BELUM_MULAI = "belum_mulai"
LABEL_STATUS = {BELUM_MULAI: "Belum mulai", **dict(StatusPelaporan.choices)}
# A report is in on time once the head has submitted it (the reviewer's pace is not the
# satker's delay).
MASUK = {StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI}


@dataclass(frozen=True)
class Saringan:
    """What a dashboard shows: a year, a quarter (0: the year), the unit type, the province."""

    tahun: int
    triwulan: int
    jenis: str = ""
    provinsi: str = ""

    @property
    def tw_anggaran(self) -> int:
        """The quarter whose budget position is shown (the year: the fourth)."""
        return self.triwulan or 4

    @property
    def label_periode(self) -> str:
        if self.triwulan == SETAHUN:
            return f"Tahun {self.tahun}"
        return f"Triwulan {romawi(self.triwulan)} {self.tahun}"


@dataclass(frozen=True)
class StatusTriwulan:
    """A satker's report of one quarter on the submission board."""

    triwulan: int
    status: str
    batas: datetime.date | None
    hari: int | None  # days left until the deadline (negative: past it)

    @property
    def label(self) -> str:
        return LABEL_STATUS[self.status]

    @property
    def terlambat(self) -> bool:
        """Past the deadline of an opened period and not submitted."""
        return self.hari is not None and self.hari < 0 and self.status not in MASUK

    @property
    def hari_terlambat(self) -> int:
        return -self.hari if self.terlambat else 0


@dataclass
class BarisSatker:
    """One satker on the secretariat's dashboard. Its figures with their working are built
    when first shown (a page shows 50 of 1,000); sorting uses the plain values."""

    satker: Satker
    jumlah_indikator: int = 0
    jumlah_tercapai: int = 0
    jumlah_dinilai: int = 0
    jumlah_meleset: int = 0
    anggaran: RingkasanAnggaran | None = None  # without its `data` until `lengkapi`
    data_anggaran: dict | None = None
    nilai_sakip: NilaiSakip | None = None
    pelaporan: list[StatusTriwulan] = field(default_factory=list)
    tren: list[Decimal | None] = field(default_factory=list)  # % reached per quarter

    @cached_property
    def tercapai(self) -> Hasil:
        return persen_bagian(
            self.jumlah_tercapai, self.jumlah_indikator, pembulatan=konfigurasi().pembulatan
        )

    @property
    def rasio_tercapai(self) -> Decimal | None:
        """The share reached as a plain ratio, to sort by (the percentage rounds it)."""
        if not self.jumlah_indikator:
            return None
        return Decimal(self.jumlah_tercapai) / Decimal(self.jumlah_indikator)

    @cached_property
    def sakip(self) -> Hasil | None:
        return None if self.nilai_sakip is None else self.nilai_sakip.total()

    @property
    def predikat_sakip(self) -> str:
        return "" if self.nilai_sakip is None else self.nilai_sakip.predikat

    @property
    def jumlah_sakip(self) -> Decimal | None:
        """The sum of the SAKIP components, to sort by (exact: they have two decimals)."""
        n = self.nilai_sakip
        return None if n is None else sum((v for _, v in n.komponen), Decimal(0))

    @cached_property
    def penyerapan(self) -> Hasil:
        """Budget realisation so far, as stored with its working."""
        return self._anggaran("realisasi")

    @cached_property
    def prakiraan_penyerapan(self) -> Hasil:
        return self._anggaran("prakiraan")

    @cached_property
    def rencana(self) -> Hasil:
        return self._anggaran("rencana")

    @cached_property
    def deviasi(self) -> Hasil:
        return self._anggaran("deviasi")

    @cached_property
    def fisik(self) -> Hasil:
        return self._anggaran("fisik")

    def _anggaran(self, nama: str) -> Hasil:
        """A budget figure of the quarter, with the digits and working it was computed with."""
        if self.anggaran is None:
            return Hasil.gagal("anggaran belum ada")
        if self.data_anggaran is None:
            raise RuntimeError("lengkapi() the rows before showing their budget figures")
        return hasil_dari_dict(self.data_anggaran[nama])

    def status_triwulan(self, triwulan: int) -> StatusTriwulan:
        return self.pelaporan[(triwulan or 4) - 1]


def lengkapi(baris: Iterable[BarisSatker]) -> None:
    """Read the budget figures with their working of the rows about to be shown (one
    query)."""
    perlu = {b.anggaran.pk: b for b in baris if b.anggaran is not None and b.data_anggaran is None}
    for pk, data in RingkasanAnggaran.objects.filter(pk__in=list(perlu)).values_list("pk", "data"):
        perlu[pk].data_anggaran = data


# --- the satker and their aggregates ----------------------------------------------------------


def satker_terpilih(user: Pengguna, s: Saringan) -> QuerySet[Satker]:
    """The satker the user may see that the filters select."""
    qs = Satker.objects.restrict(user)
    if s.jenis:
        qs = qs.filter(jenis=s.jenis)
    if s.provinsi:
        qs = qs.filter(provinsi=s.provinsi)
    return qs


def milik_terpilih(qs: QuerySet, user: Pengguna, s: Saringan) -> QuerySet:
    """Rows of satker data (`qs`, with a `satker` field) of the selected satker. The
    secretariat without a filter sees every satker: no condition at all, which lets the
    database aggregate a table without joining the satker."""
    semua = getattr(user, "melihat_semua_satker", False) and user.is_active
    if semua and not (s.jenis or s.provinsi):
        return qs
    return qs.filter(satker__in=satker_terpilih(user, s))


def pilihan_provinsi(user: Pengguna) -> list[str]:
    return list(
        Satker.objects.restrict(user)
        .exclude(provinsi="")
        .order_by("provinsi")
        .values_list("provinsi", flat=True)
        .distinct()
    )


def baris_satker(
    user: Pengguna,
    s: Saringan,
    hari_ini: datetime.date,
    *,
    satker_ids: Sequence[int] | None = None,
    satker: Sequence[Satker] | None = None,
) -> list[BarisSatker]:
    """Every selected satker (or those of `satker_ids` among them: a page) with its figures
    of the period, in the satker's order (seven queries, whatever the number of satker)."""
    if satker is None:
        qs = satker_terpilih(user, s)
        if satker_ids is not None:
            qs = qs.filter(pk__in=list(satker_ids))
        satker = list(
            qs.only("id", "kode", "nama", "singkatan", "jenis", "kota", "provinsi", "simulasi")
        )
    baris = {x.pk: BarisSatker(satker=x) for x in satker}
    ids = list(baris)
    hitungan = (
        HasilPerhitungan.objects.filter(satker_id__in=ids, tahun=s.tahun, triwulan=s.triwulan)
        .values("satker_id")
        .annotate(
            jumlah=Count("id"),
            tercapai=Count("id", filter=Q(status=Status.TERCAPAI)),
            dinilai=Count("id", filter=~Q(status=Status.TIDAK_DAPAT_DINILAI)),
            meleset=Count("id", filter=Q(prakiraan_meleset=True)),
        )
    )
    for h in hitungan:
        b = baris[h["satker_id"]]
        b.jumlah_indikator, b.jumlah_tercapai = h["jumlah"], h["tercapai"]
        b.jumlah_dinilai, b.jumlah_meleset = h["dinilai"], h["meleset"]
    for r in RingkasanAnggaran.objects.filter(
        satker_id__in=ids, tahun=s.tahun, triwulan=s.tw_anggaran
    ).defer("data"):
        baris[r.satker_id].anggaran = r
    for n in NilaiSakip.objects.filter(satker_id__in=ids, tahun=s.tahun):
        baris[n.satker_id].nilai_sakip = n
    papan = papan_pelaporan(ids, s.tahun, hari_ini)
    for satker_id, b in baris.items():
        b.pelaporan = papan[satker_id]
    return list(baris.values())


def papan_pelaporan(
    satker_ids: Sequence[int], tahun: int, hari_ini: datetime.date
) -> dict[int, list[StatusTriwulan]]:
    """Each satker's four quarters: the report's status, the deadline (with the satker's own
    extension) and the days left or past it (three queries)."""
    periode = {p.triwulan: p for p in PeriodePelaporan.objects.filter(tahun=tahun)}
    perpanjangan = {
        (x.periode_id, x.satker_id): x.batas
        for x in PerpanjanganPeriode.objects.filter(
            periode__in=list(periode.values()), satker_id__in=satker_ids
        )
    }
    status = {
        (satker_id, tw): st
        for satker_id, tw, st in PelaporanTriwulan.objects.filter(
            satker_id__in=satker_ids, tahun=tahun
        ).values_list("satker_id", "triwulan", "status")
    }
    hasil: dict[int, list[StatusTriwulan]] = {}
    for satker_id in satker_ids:
        daftar = []
        for tw in (1, 2, 3, 4):
            p = periode.get(tw)
            batas = None
            if p is not None:
                khusus = perpanjangan.get((p.pk, satker_id))
                batas = max(khusus, p.batas) if khusus else p.batas
            daftar.append(
                StatusTriwulan(
                    triwulan=tw,
                    status=status.get((satker_id, tw), BELUM_MULAI),
                    batas=batas,
                    hari=None if batas is None else selisih_hari(batas, hari_ini),
                )
            )
        hasil[satker_id] = daftar
    return hasil


# How the ranking can be sorted: a column name, and whether the best is the largest.
URUTAN = {
    "nama": ("Nama", False),
    "tercapai": ("Indikator tercapai", True),
    "meleset": ("Diprakirakan tidak tercapai", True),
    "penyerapan": ("Realisasi anggaran", True),
    "deviasi": ("Deviasi dari rencana penarikan", False),
    "sakip": ("Nilai SAKIP", True),
}


def _jumlah(s: Saringan, syarat: Q | None = None) -> Coalesce:
    """A satker's stored lines of the period (meeting `syarat`), counted in a subquery."""
    qs = HasilPerhitungan.objects.filter(satker=OuterRef("pk"), tahun=s.tahun, triwulan=s.triwulan)
    if syarat is not None:
        qs = qs.filter(syarat)
    hitung = qs.order_by().values("satker").annotate(n=Count("id")).values("n")[:1]
    return Coalesce(Subquery(hitung, output_field=IntegerField()), 0)


def satker_berurut(user: Pengguna, s: Saringan, kunci: str) -> QuerySet[Satker]:
    """The selected satker sorted by a column of `URUTAN` in the database (best first; those
    without a value last; then the satker's own order), so that a page of them is read
    without reading them all."""
    anggaran = RingkasanAnggaran.objects.filter(
        satker=OuterRef("pk"), tahun=s.tahun, triwulan=s.tw_anggaran
    )
    sakip = NilaiSakip.objects.filter(satker=OuterRef("pk"), tahun=s.tahun).annotate(
        jumlah=F("perencanaan") + F("pengukuran") + F("pelaporan") + F("evaluasi_internal")
    )
    desimal = DecimalField(max_digits=28, decimal_places=6)
    qs = satker_terpilih(user, s)
    if kunci in ("tercapai", "meleset"):
        qs = qs.annotate(
            n_indikator=_jumlah(s),
            n_tercapai=_jumlah(s, Q(status=Status.TERCAPAI)),
            n_meleset=_jumlah(s, Q(prakiraan_meleset=True)),
        )
    nilai = {
        "tercapai": lambda: Case(
            When(n_indikator=0, then=Value(None)),
            default=ExpressionWrapper(
                Cast("n_tercapai", desimal) / Cast("n_indikator", desimal), output_field=desimal
            ),
            output_field=desimal,
        ),
        "meleset": lambda: Case(
            When(n_indikator=0, then=Value(None)), default=F("n_meleset"), output_field=desimal
        ),
        "penyerapan": lambda: Subquery(
            anggaran.values("persen_realisasi")[:1], output_field=desimal
        ),
        "deviasi": lambda: Subquery(anggaran.values("deviasi")[:1], output_field=desimal),
        "sakip": lambda: Subquery(sakip.values("jumlah")[:1], output_field=desimal),
    }
    urutan_satker = ["-jenis", "singkatan"]
    if kunci not in nilai:
        return qs.order_by(*urutan_satker)
    kolom = F("kunci_urut")
    terbaik = kolom.desc(nulls_last=True) if URUTAN[kunci][1] else kolom.asc(nulls_last=True)
    return qs.annotate(kunci_urut=nilai[kunci]()).order_by(terbaik, *urutan_satker)


def baris_halaman(user: Pengguna, s: Saringan, satker: Sequence[Satker], hari_ini) -> list:
    """The rows of a page of `satker_berurut`, in its order, with their budget figures."""
    per_pk = {b.satker.pk: b for b in baris_satker(user, s, hari_ini, satker=list(satker))}
    hasil = [per_pk[x.pk] for x in satker]
    lengkapi(hasil)
    return hasil


@dataclass(frozen=True)
class Ringkas:
    """The cards above the tables: counts over the whole selection."""

    satker: int
    simulasi: int
    dengan_pk: int
    per_status: list[tuple[str, str, int]]
    terlambat: int
    meleset: int
    satker_meleset: int
    anggaran_meleset: int


def ringkas(user: Pengguna, s: Saringan, hari_ini: datetime.date) -> Ringkas:
    """Counts over every selected satker, each an aggregate query (seven)."""
    satker = satker_terpilih(user, s)
    total = satker.aggregate(n=Count("id"), simulasi=Count("id", filter=Q(simulasi=True)))
    tw = s.tw_anggaran if s.triwulan == SETAHUN else s.triwulan
    laporan = milik_terpilih(PelaporanTriwulan.objects, user, s).filter(tahun=s.tahun, triwulan=tw)
    per_status = dict(
        laporan.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    per_status[BELUM_MULAI] = total["n"] - sum(per_status.values())
    # Per satker (a hash aggregate), then counted here: cheaper than COUNT(DISTINCT).
    per_satker = (
        milik_terpilih(HasilPerhitungan.objects, user, s)
        .filter(tahun=s.tahun, triwulan=s.triwulan)
        .values("satker")
        .annotate(meleset=Count("id", filter=Q(prakiraan_meleset=True)))
        .order_by()
        .values_list("meleset", flat=True)
    )
    per_satker = list(per_satker)
    hasil = {
        "dengan_pk": len(per_satker),
        "meleset": sum(per_satker),
        "satker_meleset": sum(1 for n in per_satker if n),
    }
    return Ringkas(
        satker=total["n"],
        simulasi=total["simulasi"],
        dengan_pk=hasil["dengan_pk"],
        per_status=[(k, LABEL_STATUS[k], per_status.get(k, 0)) for k in LABEL_STATUS],
        terlambat=_terlambat(satker, s.tahun, tw, hari_ini),
        meleset=hasil["meleset"],
        satker_meleset=hasil["satker_meleset"],
        anggaran_meleset=milik_terpilih(RingkasanAnggaran.objects, user, s)
        .filter(tahun=s.tahun, triwulan=s.tw_anggaran, prakiraan_meleset=True)
        .count(),
    )


def _terlambat(satker: QuerySet[Satker], tahun: int, tw: int, hari_ini: datetime.date) -> int:
    """The selected satker past their deadline of the quarter (the period's, or their own
    extension's) that have not submitted it."""
    p = PeriodePelaporan.objects.filter(tahun=tahun, triwulan=tw).first()
    if p is None or p.batas >= hari_ini:
        return 0
    masuk = PelaporanTriwulan.objects.filter(tahun=tahun, triwulan=tw, status__in=MASUK)
    diperpanjang = PerpanjanganPeriode.objects.filter(periode=p, batas__gte=hari_ini)
    belum = satker.exclude(pk__in=masuk.values("satker")).exclude(
        pk__in=diperpanjang.values("satker")
    )
    return belum.count()


def triwulan_dibuka(tahun: int) -> int | None:
    """The latest quarter of the year whose period is open, if any."""
    for p in PeriodePelaporan.objects.filter(tahun=tahun, ditutup__isnull=True).order_by(
        "-triwulan"
    ):
        return p.triwulan
    return None


def triwulan_terakhir(user: Pengguna, tahun: int) -> int:
    """The quarter the dashboard opens on: the latest one open for reporting, else the latest
    one any visible satker has a report or a measurement for, else the first."""
    if dibuka := triwulan_dibuka(tahun):
        return dibuka
    satker = Satker.objects.restrict(user)
    lapor = (
        PelaporanTriwulan.objects.filter(satker__in=satker, tahun=tahun)
        .order_by("-triwulan")
        .values_list("triwulan", flat=True)
        .first()
    )
    ukur = (
        RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker__in=satker,
            indikator__sasaran__perjanjian__tahun=tahun,
        )
        .order_by("-triwulan")
        .values_list("triwulan", flat=True)
        .first()
    )
    return max(lapor or 1, ukur or 1)
