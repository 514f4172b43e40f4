"""Rows of one table that a page saves as a whole under a parent record of a quarter (the
kendala of a Form A, a table of the staff-monitoring form): numbers typed the Indonesian way,
the rows' values signed into the page for the stale-save check, every row validated with its
parent and fixed fields set, every change and removal kept in the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db import models
from django.db.models import Max

from kinerja import jejak, riwayat
from kinerja.models import RiwayatPerubahan
from kinerja.services.data_dukung import field_angka
from kinerja.views.data_dukung import nilai_halaman, periksa_ganda
from satker.models import Pengguna, Satker

RIWAYAT_DITAMPILKAN = 30


@dataclass
class TabelBaris:
    """The rows of `model` under the parent `tetap[induk]`, edited in the columns `fields`."""

    model: type[models.Model]
    fields: tuple[str, ...]
    induk: str
    tetap: dict[str, Any]  # set on every row: the parent, the table it belongs to
    uraian: str  # how the history names the rows: "<uraian>: <row>"
    judul: dict[str, str] = field(default_factory=dict)  # column titles by field
    pilihan: dict[str, models.QuerySet] = field(default_factory=dict)
    prefix: str = "b"
    extra: int = 3

    @property
    def parent(self) -> models.Model:
        return self.tetap[self.induk]

    def queryset(self) -> models.QuerySet:
        if self.parent.pk is None:
            return self.model.objects.none()
        return self.model.objects.filter(**self.tetap).order_by("nomor", "pk")

    def formset(self, qs: models.QuerySet, data=None):
        """The page's formset: the rows, then empty rows numbered after the last."""
        widgets = {}
        for f in self.fields:
            mf = self.model._meta.get_field(f)
            if isinstance(mf, models.DateField):
                widgets[f] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            elif isinstance(mf, models.TextField):
                widgets[f] = forms.Textarea(attrs={"rows": 2})
        Formset = forms.modelformset_factory(
            self.model,
            fields=self.fields,
            extra=self.extra,
            can_delete=True,
            widgets=widgets,
            labels=self.judul,
            formfield_callback=field_angka,
        )
        for nama, pilihan in self.pilihan.items():
            Formset.form.base_fields[nama].queryset = pilihan
        if "nomor" in self.fields:
            Formset.form.base_fields["nomor"].widget.attrs["class"] = "narrow"
        akhir = (qs.aggregate(n=Max("nomor"))["n"] or 0) if self.parent.pk else 0
        initial = [{"nomor": akhir + i} for i in range(1, self.extra + 1)]
        formset = Formset(data, queryset=qs, prefix=self.prefix, initial=initial)
        for nama in self.pilihan:  # the choices read once for the page, not once per row
            daftar = list(formset.form.base_fields[nama].choices)
            for form in formset.forms:
                form.fields[nama].choices = daftar
        return formset

    def nilai(self, qs: models.QuerySet) -> tuple[dict[str, str], dict[str, str]]:
        """The rows' values now and their labels, for the stale-save check."""
        return nilai_halaman(qs, self.model, self.fields)

    def periksa(self, formset) -> bool:
        """Give each changed row its parent and fixed fields, then validate the whole record;
        a failing row gets the message and nothing is saved."""
        baik = True
        for form in formset.initial_forms:
            if form.instance.pk is None:  # a row id that is not among this page's rows
                form.add_error(None, "Baris ini tidak ada di antara data halaman ini; muat ulang.")
                baik = False
        for form in formset.forms:
            if not form.has_changed() or form in formset.deleted_forms:
                continue
            obj = form.instance
            for f in self.fields:
                if isinstance(obj._meta.get_field(f), models.TextField):
                    setattr(obj, f, riwayat.baris_baru(getattr(obj, f)))
            for f, v in self.tetap.items():
                setattr(obj, f, v)
            # The first rows of a new parent: it is saved with them, after this check.
            kecuali = [self.induk] if self.parent.pk is None else None
            try:
                obj.full_clean(exclude=kecuali)
            except forms.ValidationError as exc:
                form.add_error(None, exc.messages)
                baik = False
        return periksa_ganda(formset, self.model) and baik

    def simpan(
        self, formset, lama: dict[int, dict[str, str]], *, user: Pengguna, satker: Satker
    ) -> tuple[int, int, int]:
        """Save the checked rows (the parent saved already) and record every change; returns
        the numbers of rows added, changed and removed."""
        with jejak.konteks(user=user, uraian=lambda obj: f"{self.uraian}: {obj}"):
            for obj in formset.save(commit=False):
                setattr(obj, self.induk, self.parent)
                obj.save()
            for obj in formset.deleted_objects:
                obj.delete()
        return (
            len(formset.new_objects),
            len(formset.changed_objects),
            len(formset.deleted_objects),
        )


def riwayat_halaman(satker: Satker, awalan: str) -> list[RiwayatPerubahan]:
    """The latest changes of a page's records, removed rows included, newest first: the
    history names them with the page's prefix."""
    return list(
        RiwayatPerubahan.objects.filter(satker=satker, uraian_objek__startswith=awalan)
        .select_related("oleh")
        .order_by("-waktu", "-id")[:RIWAYAT_DITAMPILKAN]
    )
