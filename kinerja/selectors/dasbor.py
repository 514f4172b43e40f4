"""Reads of the dashboards: every satker the user may see with its stored figures aggregated
(indicators reached, expected to miss, budget, SAKIP, reporting status), the heat map of a page
of satker, and the trends. A fixed number of queries whatever the number of satker: each is
one aggregate over the stored figures (kinerja.models.hasil), never a recomputation."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from kinerja.formatting import romawi
from kinerja.models import (
    HasilPerhitungan,
    IndikatorKinerja,
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
from kinerja.perhitungan.ringkasan import persen_bagian, persen_rupiah, selisih_hari
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
    """One satker on the secretariat's dashboard."""

    satker: Satker
    jumlah_indikator: int = 0
    jumlah_tercapai: int = 0
    jumlah_dinilai: int = 0
    jumlah_meleset: int = 0
    anggaran: RingkasanAnggaran | None = None
    sakip: Hasil | None = None
    predikat_sakip: str = ""
    pelaporan: list[StatusTriwulan] = field(default_factory=list)
    tren: list[Decimal | None] = field(default_factory=list)  # % reached per quarter

    @property
    def tercapai(self) -> Hasil:
        return persen_bagian(
            self.jumlah_tercapai, self.jumlah_indikator, pembulatan=konfigurasi().pembulatan
        )

    @property
    def penyerapan(self) -> Hasil:
        """Budget realisation so far, as stored with its working."""
        return self._anggaran("realisasi")

    @property
    def prakiraan_penyerapan(self) -> Hasil:
        return self._anggaran("prakiraan")

    @property
    def rencana(self) -> Hasil:
        return self._anggaran("rencana")

    @property
    def deviasi(self) -> Hasil:
        return self._anggaran("deviasi")

    @property
    def fisik(self) -> Hasil:
        return self._anggaran("fisik")

    def _anggaran(self, nama: str) -> Hasil:
        """A budget figure of the quarter, with the digits and working it was computed with."""
        if self.anggaran is None:
            return Hasil.gagal("anggaran belum ada")
        return hasil_dari_dict(self.anggaran.data[nama])

    def status_triwulan(self, triwulan: int) -> StatusTriwulan:
        return self.pelaporan[(triwulan or 4) - 1]


# --- the satker and their aggregates ----------------------------------------------------------


def satker_terpilih(user: Pengguna, s: Saringan) -> QuerySet[Satker]:
    """The satker the user may see that the filters select."""
    qs = Satker.objects.restrict(user)
    if s.jenis:
        qs = qs.filter(jenis=s.jenis)
    if s.provinsi:
        qs = qs.filter(provinsi=s.provinsi)
    return qs


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
) -> list[BarisSatker]:
    """Every selected satker (or those of `satker_ids` among them: a page) with its figures
    of the period, in the satker's order (seven queries, whatever the number of satker)."""
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
    ):
        baris[r.satker_id].anggaran = r
    for n in NilaiSakip.objects.filter(satker_id__in=ids, tahun=s.tahun):
        baris[n.satker_id].sakip, baris[n.satker_id].predikat_sakip = n.total(), n.predikat
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
        (p.satker_id, p.triwulan): p.status
        for p in PelaporanTriwulan.objects.filter(satker_id__in=satker_ids, tahun=tahun).only(
            "satker_id", "triwulan", "status"
        )
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


# How the ranking can be sorted: a key per column, best first.
URUTAN = {
    "nama": ("Nama", False),
    "tercapai": ("Indikator tercapai", True),
    "meleset": ("Diprakirakan tidak tercapai", True),
    "penyerapan": ("Realisasi anggaran", True),
    "deviasi": ("Deviasi dari rencana penarikan", False),
    "sakip": ("Nilai SAKIP", True),
}


def urutkan(baris: list[BarisSatker], kunci: str) -> list[BarisSatker]:
    """The rows sorted by a column of `URUTAN` (best first; rows without a value last,
    then by the satker's name)."""
    if kunci == "nama" or kunci not in URUTAN:
        return sorted(baris, key=lambda b: (b.satker.jenis != "balai_besar", b.satker.singkatan))

    def nilai(b: BarisSatker) -> Decimal | None:
        if kunci == "tercapai":
            return b.tercapai.nilai
        if kunci == "meleset":
            return Decimal(b.jumlah_meleset) if b.jumlah_indikator else None
        if kunci == "penyerapan":
            return b.anggaran.persen_realisasi if b.anggaran else None
        if kunci == "deviasi":
            return b.anggaran.deviasi if b.anggaran else None
        return b.sakip.nilai if b.sakip else None

    menurun = URUTAN[kunci][1]
    ada = [b for b in baris if nilai(b) is not None]
    tanpa = [b for b in baris if nilai(b) is None]
    ada.sort(key=lambda b: b.satker.singkatan)
    ada.sort(key=nilai, reverse=menurun)
    tanpa.sort(key=lambda b: b.satker.singkatan)
    return ada + tanpa


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


def kolom_peta(user: Pengguna, s: Saringan) -> list[IndikatorKinerja]:
    """The manual indicators any selected satker measures in the period, in the manual's
    order: the heat map's columns."""
    kode = (
        HasilPerhitungan.objects.filter(
            satker__in=satker_terpilih(user, s), tahun=s.tahun, triwulan=s.triwulan
        )
        .values_list("kode_pedoman", flat=True)
        .distinct()
    )
    return list(IndikatorKinerja.objects.filter(kode__in=kode).order_by("kode"))


def peta_panas(satker_ids: Iterable[int], s: Saringan) -> dict[tuple[int, str], SelPeta]:
    """The cells of these satker: (satker id, manual code) → the line's figure and working
    (one query). A quarter is judged by its progress against the Rencana Aksi (capaian
    antara), the year by its capaian, as the line's status is."""
    ukuran = "capaian" if s.triwulan == SETAHUN else "capaian_antara"
    rows = HasilPerhitungan.objects.filter(
        satker_id__in=list(satker_ids), tahun=s.tahun, triwulan=s.triwulan
    ).values_list(
        "satker_id", "kode_pedoman", "indikator_id", "status", f"data__{ukuran}__nilai",
        f"data__{ukuran}__rumus", "data__capaian__rumus",
    )  # fmt: skip
    sel = {}
    for satker_id, kode, indikator_id, status, nilai, rumus, rumus_capaian in rows:
        kerja = " · ".join(r for r in dict.fromkeys((rumus, rumus_capaian)) if r)
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


def tren_triwulan(user: Pengguna, s: Saringan) -> list[TrenTriwulan]:
    """Indicators reached and budget absorbed against the plan, quarter by quarter, across
    the selected satker (two queries)."""
    satker = satker_terpilih(user, s)
    p = konfigurasi().pembulatan
    hitungan = {
        h["triwulan"]: h
        for h in HasilPerhitungan.objects.filter(satker__in=satker, tahun=s.tahun, triwulan__gte=1)
        .values("triwulan")
        .annotate(
            jumlah=Count("id"),
            tercapai=Count("id", filter=Q(status=Status.TERCAPAI)),
            meleset=Count("id", filter=Q(prakiraan_meleset=True)),
        )
    }
    uang = {
        a["triwulan"]: a
        for a in RingkasanAnggaran.objects.filter(satker__in=satker, tahun=s.tahun)
        .values("triwulan")
        .annotate(pagu=Sum("pagu"), realisasi=Sum("realisasi_rp"), rencana=Sum("rencana_rp"))
    }
    hasil = []
    for tw in (1, 2, 3, 4):
        h = hitungan.get(tw, {"jumlah": 0, "tercapai": 0, "meleset": 0})
        a = uang.get(tw, {"pagu": None, "realisasi": None, "rencana": None})
        hasil.append(
            TrenTriwulan(
                triwulan=tw,
                tercapai=persen_bagian(h["tercapai"], h["jumlah"], pembulatan=p),
                penyerapan=persen_rupiah(a["realisasi"], a["pagu"], pembulatan=p),
                rencana=persen_rupiah(a["rencana"], a["pagu"], pembulatan=p),
                meleset=h["meleset"],
            )
        )
    return hasil


def tren_indikator(user: Pengguna, s: Saringan) -> dict[str, list[Hasil]]:
    """For each manual indicator, the share of the selected satker's lines reached, quarter
    by quarter (one query)."""
    p = konfigurasi().pembulatan
    hasil: dict[str, list[Hasil]] = defaultdict(
        lambda: [Hasil.gagal("tidak ada yang dihitung")] * 4
    )
    for h in (
        HasilPerhitungan.objects.filter(
            satker__in=satker_terpilih(user, s), tahun=s.tahun, triwulan__gte=1
        )
        .values("kode_pedoman", "triwulan")
        .annotate(jumlah=Count("id"), tercapai=Count("id", filter=Q(status=Status.TERCAPAI)))
    ):
        deret = list(hasil[h["kode_pedoman"]])
        deret[h["triwulan"] - 1] = persen_bagian(h["tercapai"], h["jumlah"], pembulatan=p)
        hasil[h["kode_pedoman"]] = deret
    return dict(hasil)


def tren_tahun(user: Pengguna, s: Saringan) -> list[tuple[int, Hasil]]:
    """The share of lines reached over each year's results, across the years with stored
    figures (one query)."""
    p = konfigurasi().pembulatan
    return [
        (h["tahun"], persen_bagian(h["tercapai"], h["jumlah"], pembulatan=p))
        for h in HasilPerhitungan.objects.filter(
            satker__in=satker_terpilih(user, s), triwulan=SETAHUN
        )
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


# --- one satker's dashboard -----------------------------------------------------------------------


@dataclass(frozen=True)
class TugasTriwulan:
    """What the satker has to do now: the open quarter, its deadline, its report's status,
    what is still missing for submission and the reviewer's open notes."""

    status: StatusTriwulan
    kekurangan: list  # siklus.Kekurangan
    catatan: list  # CatatanReviu still open on a returned report


def triwulan_dibuka(tahun: int) -> int | None:
    """The latest quarter of the year whose period is open, if any."""
    for p in PeriodePelaporan.objects.filter(tahun=tahun, ditutup__isnull=True).order_by(
        "-triwulan"
    ):
        return p.triwulan
    return None


def deret_capaian(satker_id: int, tahun: int) -> dict[int, list[Hasil | None]]:
    """Each PK line's capaian at the end of each quarter, with its working, as stored (one
    query): the small trend of the line's card."""
    hasil: dict[int, list[Hasil | None]] = defaultdict(lambda: [None] * 4)
    for indikator_id, tw, capaian in HasilPerhitungan.objects.filter(
        satker_id=satker_id, tahun=tahun, triwulan__gte=1
    ).values_list("indikator_id", "triwulan", "data__capaian"):
        hasil[indikator_id][tw - 1] = hasil_dari_dict(capaian)
    return dict(hasil)


def prakiraan_indikator(satker_id: int, tahun: int, triwulan: int) -> dict[int, dict]:
    """Each PK line's year-end forecast as seen at the end of `triwulan` (one query): the
    expected capaian with its working, the method and whether it is expected to miss."""
    return {
        indikator_id: {
            "capaian": hasil_dari_dict(p["capaian"]),
            "realisasi": hasil_dari_dict(p["realisasi"]),
            "metode": p["metode"],
            "meleset": p["meleset"],
        }
        for indikator_id, p in HasilPerhitungan.objects.filter(
            satker_id=satker_id, tahun=tahun, triwulan=triwulan
        ).values_list("indikator_id", "data__prakiraan")
    }


def anggaran_per_triwulan(satker_id: int, tahun: int) -> list[RingkasanAnggaran | None]:
    """The satker's budget position at the end of each quarter (one query)."""
    per_tw = {
        r.triwulan: r for r in RingkasanAnggaran.objects.filter(satker_id=satker_id, tahun=tahun)
    }
    return [per_tw.get(tw) for tw in (1, 2, 3, 4)]
