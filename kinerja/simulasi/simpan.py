"""Writing a batch of simulated satker: every row is built first as an unsaved model
instance pointing at its (unsaved) parents; then each model is written with one bulk insert
per batch, parents before children, so a thousand satker take a few hundred queries."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models

from kinerja.choices import URUTAN_TINGKAT
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    CatatanReviu,
    Dipa,
    HasilLayanan,
    IndikatorPerjanjian,
    ItemAnggaran,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PeristiwaPelaporan,
    PerjanjianKinerja,
    PerpanjanganPeriode,
    ProgresAnggaran,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    RevisiDipa,
    SasaranKegiatan,
    SurveiKepuasan,
    UnsurSurvei,
)
from satker.models import Satker

UKURAN_INSERT = 2000

# Parents before children. ItemAnggaran is written level by level (its parent is itself).
URUTAN = (
    Satker,
    PerjanjianKinerja,
    SasaranKegiatan,
    IndikatorPerjanjian,
    RencanaAksi,
    RealisasiTriwulan,
    PengukuranPerusahaan,
    ButirCapaian,
    Dipa,
    RevisiDipa,
    ItemAnggaran,
    ProgresAnggaran,
    PenerimaanPnbp,
    HasilLayanan,
    BelanjaPdn,
    SurveiKepuasan,
    UnsurSurvei,
    NilaiProfesionalitas,
    PenilaianLayananPublik,
    AspekLayananPublik,
    RekomendasiAudit,
    NilaiSakip,
    NilaiLaporanKeuangan,
    PelaporanTriwulan,
    PeristiwaPelaporan,
    CatatanReviu,
    PerpanjanganPeriode,
)
TautanAnggaran = IndikatorPerjanjian.anggaran.through


@dataclass
class Bundel:
    """The unsaved rows of a batch of satker, by model, and what the insert cannot carry:
    the PK line → budget node links, and the fixed times of `auto_now` fields."""

    baris: dict[type[models.Model], list[models.Model]] = field(
        default_factory=lambda: defaultdict(list)
    )
    tautan: list[tuple[IndikatorPerjanjian, ItemAnggaran]] = field(default_factory=list)
    waktu_tetap: list[tuple[models.Model, str, datetime.datetime]] = field(default_factory=list)

    def tambah(self, obj: models.Model) -> models.Model:
        self.baris[type(obj)].append(obj)
        return obj

    def tautkan(self, indikator: IndikatorPerjanjian, item: ItemAnggaran) -> None:
        self.tautan.append((indikator, item))

    def tetapkan_waktu(self, obj: models.Model, nama: str, nilai: datetime.datetime) -> None:
        """`auto_now`/`auto_now_add` fields are set to "now" by every insert: the simulated
        time is written back afterwards, so a run gives the same content whenever it runs."""
        self.waktu_tetap.append((obj, nama, nilai))


def simpan(bundel: Bundel) -> Counter[str]:
    """Insert every row of the batch; return the number of rows per model."""
    jumlah: Counter[str] = Counter()
    for model in URUTAN:
        daftar = bundel.baris.get(model, [])
        if not daftar:
            continue
        if model is ItemAnggaran:
            for tingkat in URUTAN_TINGKAT:
                sekelompok = [i for i in daftar if i.tingkat == tingkat]
                if sekelompok:
                    ItemAnggaran.objects.bulk_create(sekelompok, batch_size=UKURAN_INSERT)
        else:
            model.objects.bulk_create(daftar, batch_size=UKURAN_INSERT)
        jumlah[model._meta.label] += len(daftar)
    if bundel.tautan:
        TautanAnggaran.objects.bulk_create(
            [
                TautanAnggaran(indikatorperjanjian_id=i.pk, itemanggaran_id=a.pk)
                for i, a in bundel.tautan
            ],
            batch_size=UKURAN_INSERT,
        )
        jumlah[TautanAnggaran._meta.label] += len(bundel.tautan)
    _tulis_waktu_tetap(bundel)
    return jumlah


def _tulis_waktu_tetap(bundel: Bundel) -> None:
    per_model: dict[type[models.Model], tuple[list[models.Model], set[str]]] = {}
    for obj, nama, nilai in bundel.waktu_tetap:
        setattr(obj, nama, nilai)
        objs, fields = per_model.setdefault(type(obj), ([], set()))
        objs.append(obj)
        fields.add(nama)
    for model, (objs, fields) in per_model.items():
        # bulk_update, unlike save(), leaves auto_now fields as they are set here.
        model.objects.bulk_update(objs, sorted(fields), batch_size=UKURAN_INSERT)
