"""The service: choose the satker to fill, create the missing simulated satker, and write
their simulated year in batches, all in one transaction. The real satker and every satker
that already has data are never touched; running again with the same arguments does
nothing, and a larger number only adds the satker that are missing."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import transaction
from django.db.models import Model

from kinerja import hasil as hitung
from kinerja import perubahan
from kinerja.choices import PNBP_BUKAN_LAYANAN, SatuanHasilLayanan
from kinerja.models import (
    BelanjaPdn,
    Dipa,
    HasilLayanan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    ItemAnggaran,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PenilaianLayananPublik,
    PeriodePelaporan,
    PerjanjianKinerja,
    PerpanjanganPeriode,
    ProgresAnggaran,
    RealisasiTriwulan,
    RekomendasiAudit,
    SurveiKepuasan,
)
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.pedoman import definisi_per_tahun
from kinerja.simulasi.identitas import NOMOR_MAKS, identitas_baru, nomor_dari_nama
from kinerja.simulasi.indikator import KODE_MANUAL
from kinerja.simulasi.siklus import Kalender, periode_baru
from kinerja.simulasi.simpan import Bundel, simpan
from kinerja.simulasi.susun import DATA_DUKUNG, Bersama, susun_satker
from satker.models import Satker, UnitEselonI

# BSPJI Manado and BSPJI Pekanbaru: the two satker whose data are the real reports.
KODE_SATKER_NYATA = frozenset({"247246", "417912"})
UKURAN_KELOMPOK = 50  # satker written per batch
T = TypeVar("T")


class SimulasiError(Exception):
    """Arguments or data that make a simulation impossible; the message is for the user."""


@dataclass
class HasilSimulasi:
    """What a run made: the (satker id, year) pairs it filled, the satker it created and
    filled, those it left alone and why, rows per model and the quarter states."""

    tahun: int
    seed: int
    jumlah_satker: int
    tanggal_acuan: datetime.date | None = None
    dibuat: list[tuple[int, int]] = field(default_factory=list)
    satker_baru: int = 0
    satker_diisi: int = 0
    dilewati: Counter[str] = field(default_factory=Counter)
    periode_dibuat: list[int] = field(default_factory=list)
    baris: Counter[str] = field(default_factory=Counter)
    keadaan: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def jumlah_baris(self) -> int:
        return sum(self.baris.values())


def buat_simulasi(
    *,
    jumlah_satker: int,
    tahun: int,
    seed: int = 1,
    progres: Callable[[int, int], None] | None = None,
    progres_hitung: Callable[[int, int], None] | None = None,
) -> HasilSimulasi:
    """Bring the number of satker to `jumlah_satker` and give every satker without data of
    `tahun` a complete simulated year (PK, Rencana Aksi, measurements, supporting data,
    budget, reporting states), marked `simulasi`, with its stored figures computed.
    Deterministic for a seed; idempotent. `progres(selesai, total)` is called after each
    batch of satker written, `progres_hitung` after each batch of figures computed."""
    _periksa_argumen(jumlah_satker, tahun)
    with transaction.atomic():
        eselon = _bskji()
        manual = _manual(tahun)
        semua = list(Satker.objects.order_by("nama"))
        if jumlah_satker < len(semua):
            raise SimulasiError(
                f"--satker {jumlah_satker} lebih kecil daripada jumlah satker yang sudah ada "
                f"({len(semua)}); simulasi tidak menghapus satker. Pakai --satker "
                f"{len(semua)} atau lebih."
            )
        hasil = HasilSimulasi(tahun=tahun, seed=seed, jumlah_satker=jumlah_satker)
        isi = _pilih_isi(semua, tahun, hasil.dilewati)
        baru = _satker_baru(semua, jumlah_satker - len(semua), seed, eselon)
        # Each with its place in the deal of quarter IV's states: the roster's order, a new
        # satker's number (stable when more are added later).
        target = [*enumerate(isi), *((nomor_dari_nama(s.nama) or 0, s) for s in baru)]
        if not target:
            return hasil
        _pastikan_aman(isi, tahun)
        sidik_nyata = _sidik_satker_nyata()
        kalender, hasil.periode_dibuat = _kalender(tahun)
        hasil.tanggal_acuan = kalender.acuan
        bersama = _bersama(tahun, seed, manual, eselon, kalender, isi)
        selesai = 0
        for kelompok in _kelompok(target, UKURAN_KELOMPOK):
            bundel = Bundel()
            for _, s in kelompok:
                if s.pk is None:
                    bundel.tambah(s)
            # The existing satker filled are marked; nothing else of them changes.
            lama = [s.pk for _, s in kelompok if s.pk is not None]
            if lama:
                Satker.objects.filter(pk__in=lama).update(simulasi=True)
            for urutan, s in kelompok:
                s.simulasi = True
                keadaan = susun_satker(bersama, s, urutan, bundel)
                for q, k in enumerate(keadaan, start=1):
                    hasil.keadaan[q][k] += 1
            hasil.baris.update(simpan(bundel))
            selesai += len(kelompok)
            if progres:
                progres(selesai, len(target))
        if _sidik_satker_nyata() != sidik_nyata:
            raise SimulasiError("Data satker nyata berubah; simulasi dibatalkan seluruhnya.")
        hasil.satker_baru, hasil.satker_diisi = len(baru), len(isi)
        hasil.dibuat = [(s.pk, tahun) for _, s in target]
        # The stored figures of what was written in bulk (no signal marks them), inside this
        # transaction: a failed refresh leaves nothing behind. A year's receipts are also the
        # next year's base of growth.
        hitung.segarkan(
            {
                kunci
                for satker_id, t in hasil.dibuat
                for kunci in (
                    (perubahan.KINERJA, satker_id, t),
                    (perubahan.KINERJA, satker_id, t + 1),
                    (perubahan.ANGGARAN, satker_id, t),
                )
            },
            progres=progres_hitung,
        )
    return hasil


def _periksa_argumen(jumlah_satker: int, tahun: int) -> None:
    if jumlah_satker < 1:
        raise SimulasiError("--satker harus bilangan bulat positif (jumlah seluruh satker).")
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise SimulasiError(
            f"--tahun {tahun} di luar rentang tahun Renstra yang sah ({TAHUN_MIN}-{TAHUN_MAX})."
        )


def _bskji() -> UnitEselonI:
    """BSKJI, locked: two runs at once would pick the same satker and numbers."""
    eselon = (
        UnitEselonI.objects.select_for_update().filter(kementerian__kode="019", kode="07").first()
    )
    if eselon is None:
        raise SimulasiError(
            "Unit Eselon I BSKJI (019.07) belum ada; jalankan manage.py load_demo_data dahulu."
        )
    return eselon


def _manual(tahun: int) -> dict[str, IndikatorKinerja]:
    """The manual's indicators the simulation fills, checked against the version of the
    simulated year (the data it makes must be those that year's computation reads)."""
    manual = {m.kode: m for m in IndikatorKinerja.objects.filter(kode__in=KODE_MANUAL)}
    hilang = sorted(set(KODE_MANUAL) - set(manual))
    if hilang:
        raise SimulasiError(
            f"Pedoman indikator belum lengkap (tidak ada {', '.join(hilang)}); jalankan "
            "manage.py load_demo_data dahulu."
        )
    versi = definisi_per_tahun([m.pk for m in manual.values()], tahun)
    for kode, m in manual.items():
        data_dukung = versi[m.pk].data_dukung
        if data_dukung != DATA_DUKUNG[kode]:
            raise SimulasiError(
                f"Indikator {kode} dalam pedoman tahun {tahun} memakai data dukung "
                f"{data_dukung!r}, "
                f"sedangkan simulasi membuat {DATA_DUKUNG[kode]!r}; sesuaikan simulasi dahulu."
            )
    return manual


def _satker_ids(model: type[Model], lookup: str = "satker_id", **filter_) -> set[int]:
    return set(model.objects.filter(**filter_).values_list(lookup, flat=True).distinct())


def _berdata_tahun(tahun: int) -> set[int]:
    """Satker with any row of `tahun` in a table the simulation writes (or one whose unique
    keys it would need): such a satker is left as it is."""
    pada_tahun = {"tanggal_posisi__year": tahun}
    return (
        _satker_ids(PerjanjianKinerja, tahun=tahun)
        | _satker_ids(Dipa, tahun=tahun)
        | _satker_ids(ItemAnggaran, tahun=tahun)
        | _satker_ids(PelaporanTriwulan, tahun=tahun)
        | _satker_ids(PerpanjanganPeriode, periode__tahun=tahun)
        | _satker_ids(PenerimaanPnbp, **pada_tahun)
        | _satker_ids(HasilLayanan, **pada_tahun)
        | _satker_ids(BelanjaPdn, **pada_tahun)
        | _satker_ids(SurveiKepuasan, **pada_tahun)
        | _satker_ids(NilaiProfesionalitas, **pada_tahun)
        | _satker_ids(PenilaianLayananPublik, tanggal__year=tahun)
        | _satker_ids(RekomendasiAudit, tahun_audit=tahun)
    )


def _berdata_nyata() -> set[int]:
    """Satker with a PK, a budget or a report of any year."""
    return (
        _satker_ids(PerjanjianKinerja)
        | _satker_ids(Dipa)
        | _satker_ids(ItemAnggaran)
        | _satker_ids(PelaporanTriwulan)
    )


def _pilih_isi(semua: list[Satker], tahun: int, dilewati: Counter[str]) -> list[Satker]:
    """The existing satker to fill: no data of the year, and either already simulated or
    without real data of any year. A real satker with data of another year is not marked
    simulated (the mark is per satker, not per year)."""
    berdata_tahun = _berdata_tahun(tahun)
    berdata_nyata = _berdata_nyata()
    isi = []
    for s in semua:
        if s.kode in KODE_SATKER_NYATA:
            dilewati["satker dengan data nyata (Manado, Pekanbaru)"] += 1
        elif s.pk in berdata_tahun:
            dilewati[f"sudah memiliki data tahun {tahun}"] += 1
        elif not s.simulasi and s.pk in berdata_nyata:
            dilewati["memiliki data nyata tahun lain"] += 1
        else:
            isi.append(s)
    return isi


def _satker_baru(semua: list[Satker], jumlah: int, seed: int, eselon: UnitEselonI) -> list[Satker]:
    """The missing simulated satker, numbered from the lowest free number: a satker once
    made keeps its number, name and code, so a larger N only adds."""
    if jumlah <= 0:
        return []
    dipakai = {n for s in semua if (n := nomor_dari_nama(s.nama)) is not None}
    kode_ada = {s.kode for s in semua if s.kode}
    singkatan_ada = {s.singkatan for s in semua}
    baru = []
    nomor = 0
    while len(baru) < jumlah:
        nomor += 1
        if nomor > NOMOR_MAKS:
            raise SimulasiError(
                f"Paling banyak {NOMOR_MAKS} satker simulasi (Satker Simulasi 0001-{NOMOR_MAKS})."
            )
        if nomor in dipakai:
            continue
        i = identitas_baru(seed, nomor)
        if i.kode in kode_ada or i.singkatan in singkatan_ada:
            raise SimulasiError(
                f"Kode {i.kode} atau singkatan {i.singkatan!r} untuk {i.nama} sudah dipakai "
                "satker lain; kode 900000-999999 dicadangkan untuk satker simulasi."
            )
        baru.append(
            Satker(
                unit_eselon_i=eselon,
                kode=i.kode,
                jenis=i.jenis,
                nama=i.nama,
                singkatan=i.singkatan,
                kota=i.kota,
                provinsi=i.provinsi,
                alamat=i.alamat,
                kepala_nama=i.kepala_nama,
                kepala_jabatan=i.kepala_jabatan,
                catatan="Satker simulasi untuk demo dan uji skala (manage.py buat_simulasi).",
                simulasi=True,
            )
        )
    return baru


def _pastikan_aman(isi: list[Satker], tahun: int) -> None:
    """The guard, independent of how the satker were chosen: never a real satker, never a
    satker with a PK of the year."""
    nyata = sorted(s.singkatan for s in isi if s.kode in KODE_SATKER_NYATA)
    if nyata:
        raise SimulasiError(f"Satker nyata {', '.join(nyata)} tidak boleh diisi data simulasi.")
    if PerjanjianKinerja.objects.filter(satker__in=[s.pk for s in isi], tahun=tahun).exists():
        raise SimulasiError(f"Ada satker terpilih yang sudah memiliki PK tahun {tahun}.")


def _sidik_satker_nyata() -> tuple:
    """Row counts of the real satker's data, and their marks: compared after writing."""
    kode = {"satker__kode__in": KODE_SATKER_NYATA}
    lewat_pk = {"sasaran__perjanjian__satker__kode__in": KODE_SATKER_NYATA}
    return (
        tuple(Satker.objects.filter(kode__in=KODE_SATKER_NYATA).values_list("kode", "simulasi")),
        PerjanjianKinerja.objects.filter(**kode).count(),
        IndikatorPerjanjian.objects.filter(**lewat_pk).count(),
        RealisasiTriwulan.objects.filter(
            indikator__sasaran__perjanjian__satker__kode__in=KODE_SATKER_NYATA
        ).count(),
        ItemAnggaran.objects.filter(**kode).count(),
        ProgresAnggaran.objects.filter(item__satker__kode__in=KODE_SATKER_NYATA).count(),
        PenerimaanPnbp.objects.filter(**kode).count(),
        PelaporanTriwulan.objects.filter(**kode).count(),
    )


def _kalender(tahun: int) -> tuple[Kalender, list[int]]:
    """The four periods of the year: those already opened are kept as they are."""
    periode = {p.triwulan: p for p in PeriodePelaporan.objects.filter(tahun=tahun)}
    baru = [periode_baru(tahun, q) for q in (1, 2, 3, 4) if q not in periode]
    PeriodePelaporan.objects.bulk_create(baru)
    periode.update({p.triwulan: p for p in baru})
    return Kalender(periode=periode), [p.triwulan for p in baru]


def _bersama(
    tahun: int,
    seed: int,
    manual: dict[str, IndikatorKinerja],
    eselon: UnitEselonI,
    kalender: Kalender,
    isi: list[Satker],
) -> Bersama:
    ids = [s.pk for s in isi]
    pnbp_lalu: dict[int, dict[datetime.date, int]] = defaultdict(lambda: defaultdict(int))
    for p in PenerimaanPnbp.objects.filter(satker_id__in=ids, tanggal_posisi__year=tahun - 1):
        if p.jenis not in PNBP_BUKAN_LAYANAN:
            pnbp_lalu[p.satker_id][p.tanggal_posisi] += p.jumlah
    hasil_lalu: dict[int, dict[datetime.date, int]] = defaultdict(lambda: defaultdict(int))
    for h in HasilLayanan.objects.filter(
        satker_id__in=ids, tanggal_posisi__year=tahun - 1, satuan=SatuanHasilLayanan.HASIL
    ):
        hasil_lalu[h.satker_id][h.tanggal_posisi] += h.jumlah
    return Bersama(
        tahun=tahun,
        seed=seed,
        manual=manual,
        pihak_kedua=(
            eselon.kepala_nama or f"Kepala {eselon.singkatan}",
            eselon.kepala_jabatan or f"Kepala {eselon.nama}",
        ),
        kalender=kalender,
        pembulatan=konfigurasi().pembulatan,
        sakip_ada={
            n.satker_id: n for n in NilaiSakip.objects.filter(satker_id__in=ids, tahun=tahun)
        },
        lk_ada={
            n.satker_id: n
            for n in NilaiLaporanKeuangan.objects.filter(satker_id__in=ids, tahun=tahun)
        },
        pnbp_lalu={s: dict(d) for s, d in pnbp_lalu.items()},
        hasil_lalu={s: dict(d) for s, d in hasil_lalu.items()},
    )


def _kelompok(daftar: list[T], ukuran: int) -> Iterable[list[T]]:
    for i in range(0, len(daftar), ukuran):
        yield daftar[i : i + ukuran]
