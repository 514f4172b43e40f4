"""Forms of the secretariat's manual pages: the list's filters, an indicator's identity, a
new indicator, and a version of its definition. Their field names are the models' (stable:
the end-to-end tests fill them by name)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Satuan, TingkatRenstra
from kinerja.forms import AngkaField
from kinerja.models import IndikatorKinerja, SasaranRenstra, VersiIndikator
from kinerja.models.indikator import FIELD_DEFINISI

TEKS = {"rows": 4}


def _sasaran_program() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=SasaranRenstra.objects.filter(
            renstra__tingkat=TingkatRenstra.ESELON_I
        ).select_related("renstra"),
        required=False,
        label=_("Sasaran program BSKJI"),
        empty_label=_("— tidak ada —"),
    )


class SaringPedomanForm(forms.Form):
    """The list's filters (GET): text, unit, IKU, programme goal."""

    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    satuan = forms.ChoiceField(
        label=_("Satuan"), required=False, choices=[("", _("Semua")), *Satuan.choices]
    )
    iku = forms.ChoiceField(
        label=_("IKU"),
        required=False,
        choices=[("", _("Semua")), ("1", _("IKU")), ("0", _("Bukan IKU"))],
    )
    sasaran_program = forms.ChoiceField(label=_("Sasaran program"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sasaran_program"].choices = [("", _("Semua"))] + [
            (str(s.pk), f"{s.kode} {s.nama}")
            for s in SasaranRenstra.objects.filter(renstra__tingkat=TingkatRenstra.ESELON_I)
        ]


class IdentitasForm(forms.ModelForm):
    """What names an indicator (its definition changes only through a version)."""

    sasaran_program = _sasaran_program()
    tanda = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = IndikatorKinerja
        fields = ["nama", "sasaran_program", "iku", "penanggung_jawab"]


class IndikatorBaruForm(forms.ModelForm):
    """A new indicator: its code and unit (fixed once made) and its identity; its first
    version comes from a VersiForm on the same page."""

    sasaran_program = _sasaran_program()

    class Meta:
        model = IndikatorKinerja
        fields = ["kode", "satuan", "nama", "sasaran_program", "iku", "penanggung_jawab"]


class VersiForm(forms.ModelForm):
    """A version of the definition: the year it applies from and what it says."""

    ambang_tercapai = AngkaField(
        label=_("Ambang tercapai (%)"),
        required=False,
        min_value=Decimal(0),
        max_digits=6,
        decimal_places=2,
        help_text=_("Kosong: ambang umum aplikasi."),
    )
    ambang_perlu_perhatian = AngkaField(
        label=_("Ambang perlu perhatian (%)"),
        required=False,
        min_value=Decimal(0),
        max_digits=6,
        decimal_places=2,
        help_text=_("Kosong: ambang umum aplikasi."),
    )
    tanda = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = VersiIndikator
        fields = [
            "berlaku_mulai",
            *FIELD_DEFINISI,
            "ambang_tercapai",
            "ambang_perlu_perhatian",
            "alasan",
        ]
        widgets = {
            "definisi": forms.Textarea(attrs=TEKS),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
            "cara_menghitung": forms.Textarea(attrs=TEKS),
            "alasan": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "berlaku_mulai": {
                "min_value": _("Tahun paling awal 2000."),
                "max_value": _("Tahun paling akhir 2100."),
                "invalid": _("Masukkan tahun, mis. 2024."),
                "required": _("Isi tahun mulai berlakunya versi ini."),
            },
            "definisi": {"required": _("Definisi wajib diisi.")},
        }

    def __init__(self, *args, tahun_tetap: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if tahun_tetap:
            # Editing a version: its year is what identifies it.
            self.fields["berlaku_mulai"].disabled = True


def tempelkan_galat(form: forms.Form, exc: ValidationError) -> None:
    """A service's refusal on the form: under the field it names, else above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
