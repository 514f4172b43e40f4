"""Reads of the performance tree (pohon kinerja) of a year: Kemenperin's SS, BSKJI's SP and
the balai's SK grouped by goal code (one node per code with the number of satker, so the tree
has the same size at 24 or 1,000 satker), the links between them, and for one node its
indicators and, per satker (a page at a time), the year's capaian of the PK lines that serve
it, from kinerja.selectors.capaian."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Min, Q, QuerySet

from kinerja.choices import TingkatRenstra
from kinerja.models import IndikatorKinerja, IndikatorPerjanjian, IndikatorRenstra, SasaranRenstra
from kinerja.selectors.capaian import HasilBaris, hitung_capaian
from satker.models import Pengguna, Satker

T = TingkatRenstra
SATKER_PER_HALAMAN = 20
Tautan = SasaranRenstra.sasaran_induk.through


@dataclass
class Simpul:
    """A node of the tree: an SS or SP goal (`kunci` "ss-<id>", "sp-<id>") or the SK goals of
    every balai sharing a code ("sk-<kode>", with the number of satker)."""

    kunci: str
    tingkat: str  # "ss", "sp", "sk"
    kode: str
    nama: str
    induk: list[str] = field(default_factory=list)
    jumlah_satker: int | None = None


@dataclass
class Pohon:
    tahun: int
    ss: list[Simpul]
    sp: list[Simpul]
    sk: list[Simpul]

    def simpul(self, kunci: str) -> Simpul | None:
        return next((s for s in self.ss + self.sp + self.sk if s.kunci == kunci), None)


def _mencakup(awalan: str, tahun: int) -> Q:
    return Q(**{f"{awalan}tahun_awal__lte": tahun, f"{awalan}tahun_akhir__gte": tahun})


def urutan_kode(kode: str) -> tuple:
    """SK2 before SK10: the numbers in a code compared as numbers."""
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", kode))


def pohon(tahun: int) -> Pohon:
    """The tree of `tahun`, in four queries whatever the number of satker."""
    atas = list(
        SasaranRenstra.objects.filter(_mencakup("renstra__", tahun), renstra__satker__isnull=True)
        .select_related("renstra")
        .order_by("renstra__tahun_awal", "urutan", "kode")
    )
    ss = {s.pk: s for s in atas if s.renstra.tingkat == T.KEMENTERIAN}
    sp = {s.pk: s for s in atas if s.renstra.tingkat == T.ESELON_I}
    induk: dict[int, list[int]] = {}
    for dari, ke in Tautan.objects.filter(from_sasaranrenstra_id__in=sp).values_list(
        "from_sasaranrenstra_id", "to_sasaranrenstra_id"
    ):
        if ke in ss:
            induk.setdefault(dari, []).append(ke)
    simpul_ss = [Simpul(f"ss-{s.pk}", "ss", s.kode, s.nama) for s in ss.values()]
    urut_ss = {f"ss-{pk}": i for i, pk in enumerate(ss)}
    simpul_sp = [
        Simpul(f"sp-{s.pk}", "sp", s.kode, s.nama, [f"ss-{i}" for i in induk.get(s.pk, [])])
        for s in sp.values()
    ]
    # An SP under the first SS first: the lines of the drawing cross less.
    simpul_sp.sort(key=lambda s: min((urut_ss[i] for i in s.induk), default=len(urut_ss)))
    balai = Q(renstra__tingkat=T.SATKER) & _mencakup("renstra__", tahun)
    kelompok = (
        SasaranRenstra.objects.filter(balai)
        .values("kode")
        .annotate(n=Count("renstra__satker_id", distinct=True), nama=Min("nama"))
    )
    induk_sk: dict[str, list[str]] = {}
    for kode, ke in (
        Tautan.objects.filter(
            Q(from_sasaranrenstra__renstra__tingkat=T.SATKER)
            & _mencakup("from_sasaranrenstra__renstra__", tahun),
            to_sasaranrenstra_id__in=sp,
        )
        .values_list("from_sasaranrenstra__kode", "to_sasaranrenstra_id")
        .distinct()
    ):
        induk_sk.setdefault(kode, []).append(f"sp-{ke}")
    urut_sp = {s.kunci: i for i, s in enumerate(simpul_sp)}
    simpul_sk = [
        Simpul(
            f"sk-{k['kode']}", "sk", k["kode"], k["nama"],
            sorted(induk_sk.get(k["kode"], []), key=lambda x: urut_sp.get(x, 0)),
            k["n"],
        )
        for k in kelompok
    ]  # fmt: skip
    simpul_sk.sort(
        key=lambda s: (
            min((urut_sp[i] for i in s.induk), default=len(urut_sp)),
            urutan_kode(s.kode),
        )
    )
    return Pohon(tahun, simpul_ss, simpul_sp, simpul_sk)


# --- one node ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndikatorSimpul:
    kode: str
    nama: str
    keterangan: str = ""


@dataclass(frozen=True)
class BarisSatker:
    satker: Satker
    hasil: list[HasilBaris]


@dataclass(frozen=True)
class Rincian:
    simpul: Simpul
    indikator: list[IndikatorSimpul]
    halaman: Page
    satker: list[BarisSatker]


def _sp_di_bawah(p: Pohon, s: Simpul) -> list[int]:
    """The ids of the SP goals a node stands for: itself, or those under an SS."""
    if s.tingkat == "sp":
        return [int(s.kunci[3:])]
    return [int(x.kunci[3:]) for x in p.sp if s.kunci in x.induk]


def baris_melayani(p: Pohon, s: Simpul) -> Q:
    """The PK lines that serve a node: for an SK code, the lines of a goal or Renstra
    indicator of that code; for an SP, the lines of its manual indicators or of a goal or
    Renstra indicator under it; for an SS, those of every SP under it."""
    if s.tingkat == "sk":
        return Q(
            sasaran__sasaran_renstra__kode=s.kode,
            sasaran__sasaran_renstra__renstra__tingkat=T.SATKER,
        ) | Q(
            indikator_renstra__sasaran__kode=s.kode,
            indikator_renstra__sasaran__renstra__tingkat=T.SATKER,
        )
    sp = _sp_di_bawah(p, s)
    return (
        Q(indikator__sasaran_program_id__in=sp)
        | Q(sasaran__sasaran_renstra__sasaran_induk__in=sp)
        | Q(indikator_renstra__sasaran__sasaran_induk__in=sp)
    )


def _indikator(p: Pohon, s: Simpul) -> list[IndikatorSimpul]:
    if s.tingkat == "sk":
        return [
            IndikatorSimpul(f"{s.kode}/{r['nomor']}", r["nama"], f"{r['n']} satker")
            for r in IndikatorRenstra.objects.filter(
                sasaran__kode=s.kode,
                sasaran__renstra__tingkat=T.SATKER,
                sasaran__renstra__tahun_awal__lte=p.tahun,
                sasaran__renstra__tahun_akhir__gte=p.tahun,
            )
            .values("nomor", "nama")
            .annotate(n=Count("sasaran__renstra__satker_id", distinct=True))
            .order_by("nomor", "-n", "nama")[:50]
        ]
    pk = int(s.kunci[3:])
    hasil = [
        IndikatorSimpul(i.kode, i.nama, "IKU" if i.iku else "")
        for i in IndikatorRenstra.objects.filter(sasaran_id=pk).select_related("sasaran")
    ]
    if s.tingkat == "sp":
        hasil += [
            IndikatorSimpul(m.kode, m.nama, "pedoman")
            for m in IndikatorKinerja.objects.filter(sasaran_program_id=pk).order_by("kode")
        ]
    return hasil


def rincian(
    p: Pohon, kunci: str, *, user: Pengguna, halaman: str | int | None = 1
) -> Rincian | None:
    """A node's indicators and a page of the satker whose PK lines of the year serve it,
    each line with its capaian of the year (a fixed number of queries a page)."""
    s = p.simpul(kunci)
    if s is None:
        return None
    lines: QuerySet = IndikatorPerjanjian.objects.restrict(user).filter(
        sasaran__perjanjian__tahun=p.tahun
    )
    lines = lines.filter(pk__in=lines.filter(baris_melayani(p, s)).values("pk"))
    satker = Satker.objects.filter(pk__in=lines.values("sasaran__perjanjian__satker_id")).order_by(
        "nama"
    )
    page = Paginator(satker.only("pk", "nama", "singkatan"), SATKER_PER_HALAMAN).get_page(halaman)
    dipilih = list(
        lines.filter(sasaran__perjanjian__satker_id__in=[x.pk for x in page])
        .select_related("sasaran__perjanjian__satker", "indikator")
        .order_by("sasaran__perjanjian__satker_id", "sasaran__nomor", "nomor")
    )
    per_satker: dict[int, list[HasilBaris]] = {}
    for line, h in zip(dipilih, hitung_capaian(dipilih), strict=True):
        per_satker.setdefault(line.sasaran.perjanjian.satker_id, []).append(h)
    return Rincian(
        s,
        _indikator(p, s),
        page,
        [BarisSatker(x, per_satker.get(x.pk, [])) for x in page],
    )
