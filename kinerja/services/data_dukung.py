"""Saving a row of supporting data (or of the LAKIP's other tables): the row form and the
checks of the table pages (kinerja/views/data_dukung.py), shared with the API's writes of
/api/v1/data-dukung/{jenis}/, so that a row is validated, locked and recorded the same way
whichever path writes it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.text import capfirst

from kinerja import hasil, jejak, riwayat, siklus
from kinerja.forms import AngkaField
from kinerja.models import RiwayatPerubahan
from kinerja.views.jenis_data import JenisData
from satker.models import Pengguna, Satker

TIDAK_BERWENANG = "Anda tidak berwenang mengubah data satker ini."


def field_angka(f: models.Field, **kwargs) -> forms.Field | None:
    """Numbers typed the Indonesian way (1.250.000; 45,12) in the supporting-data tables,
    within what their columns hold (kinerja.batas); an integer column takes no decimals."""
    label = kwargs.get("label") or capfirst(f.verbose_name)
    if isinstance(f, models.DecimalField):
        return AngkaField.untuk(f, label=label, help_text="")
    if isinstance(f, models.IntegerField) and not f.choices and not f.primary_key:
        return AngkaField.untuk(f, label=label, help_text="", decimal_places=0)
    return f.formfield(**kwargs)


def formset_untuk(j: JenisData, satker: Satker, tahun: int):
    """The table page's formset class of a kind; its `.form` is the form of one row."""
    widgets = {
        f: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        for f in j.fields
        if isinstance(j.model._meta.get_field(f), models.DateField)
    }
    widgets |= {
        f: forms.Textarea(attrs={"rows": 2})
        for f in j.fields
        if isinstance(j.model._meta.get_field(f), models.TextField)
    }
    Formset = forms.modelformset_factory(
        j.model,
        fields=j.fields,
        extra=3,
        can_delete=True,
        widgets=widgets,
        formfield_callback=field_angka,
    )
    # A row can only point at the satker's own lines or parent records.
    for nama, pilihan in j.pilihan.items():
        Formset.form.base_fields[nama].queryset = pilihan(satker, tahun)
    return Formset


def siapkan_baris(obj: models.Model, j: JenisData, satker: Satker, tahun: int) -> None:
    """Give a changed row its satker and year (the page's), store its texts with LF line
    breaks, then validate the whole record (unique rules on satker and date included):
    ValidationError with the reasons."""
    for f in j.fields:
        if isinstance(obj._meta.get_field(f), models.TextField):
            setattr(obj, f, riwayat.baris_baru(getattr(obj, f)))
    if j.milik_satker:
        obj.satker = satker
    if j.isi_tahun:
        obj.tahun = tahun
    obj.full_clean()


class BarisTidakValid(ValidationError):
    """The row fails the table page's row form; `form` is the bound form with its errors."""

    def __init__(self, form: forms.BaseForm) -> None:
        super().__init__(form.errors.as_data())
        self.form = form


@dataclass(frozen=True)
class HasilSimpan:
    baris: models.Model
    berubah: list[RiwayatPerubahan]


def _isian_sekarang(obj: models.Model, j: JenisData) -> dict[str, Any]:
    """A row's values as its form takes them back (the fields a PATCH leaves out)."""
    nilai = forms.model_to_dict(obj, fields=j.fields)
    return {k: ("" if v is None else v) for k, v in nilai.items()}


def data_dukung_simpan(
    *,
    user: Pengguna,
    satker: Satker,
    tahun: int,
    jenis: JenisData,
    isian: Mapping[str, Any],
    baris: models.Model | None = None,
    periksa_versi: Callable[[models.Model], None] | None = None,
) -> HasilSimpan:
    """Create a row of `jenis` for the satker's table of `tahun`, or change `baris` (the
    fields missing from `isian` keep their values), as the table page saves a row: its form,
    its satker and year, the record's own rules, the history, and the refusal of a row of a
    submitted or verified quarter (jejak.TriwulanTerkunci), in one transaction holding the
    satker's lock; the stored figures it changes are recomputed before it commits.
    `periksa_versi` checks, under the row's lock, that the client read the current row."""
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied(TIDAK_BERWENANG)
    with hasil.menyegarkan():
        siklus.kunci_satker(satker.pk)
        if baris is not None:
            baris = jenis.model._default_manager.select_for_update().get(pk=baris.pk)
            if periksa_versi is not None:
                periksa_versi(baris)
            isian = {**_isian_sekarang(baris, jenis), **isian}
        form = formset_untuk(jenis, satker, tahun).form(isian, instance=baris)
        if not form.is_valid():
            raise BarisTidakValid(form)
        obj = form.save(commit=False)
        siapkan_baris(obj, jenis, satker, tahun)
        with (
            jejak.konteks(user=user, uraian=lambda o: f"{jenis.judul}: {o}"),
            jejak.rekam() as tercatat,
        ):
            obj.save()
    return HasilSimpan(obj, tercatat)


def data_dukung_hapus(
    *,
    user: Pengguna,
    satker: Satker,
    jenis: JenisData,
    baris: models.Model,
    periksa_versi: Callable[[models.Model], None] | None = None,
) -> list[RiwayatPerubahan]:
    """Remove a row as the table page removes one (on the record; refused for a row of a
    submitted or verified quarter)."""
    if not siklus.boleh_mengisi(user, satker):
        raise PermissionDenied(TIDAK_BERWENANG)
    with hasil.menyegarkan():
        siklus.kunci_satker(satker.pk)
        baris = jenis.model._default_manager.select_for_update().get(pk=baris.pk)
        if periksa_versi is not None:
            periksa_versi(baris)
        with (
            jejak.konteks(user=user, uraian=lambda o: f"{jenis.judul}: {o}"),
            jejak.rekam() as tercatat,
        ):
            baris.delete()
    return tercatat
