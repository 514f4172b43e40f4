"""Forms of the data entry: every rejected field says why in Indonesian; numbers are typed the
Indonesian way (45,12) or with a dot."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kinerja import batas
from kinerja.choices import Triwulan
from kinerja.models import RealisasiTriwulan
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN

RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class AngkaField(forms.DecimalField):
    """A decimal typed as people type it here: "45,12", "45.12", "1.234,5". A text input (a
    browser's number input refuses the decimal comma) that brings up a numeric keypad."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    default_error_messages = {
        "invalid": _("Masukkan angka, mis. 45,12."),
        "max_value": _("Paling besar %(limit_value)s."),
        "min_value": _("Paling kecil %(limit_value)s."),
        "max_decimal_places": _("Paling banyak %(max)s angka di belakang koma."),
        "max_digits": _("Angka terlalu panjang."),
        "max_whole_digits": _("Angka terlalu besar."),
    }

    @classmethod
    def untuk(cls, field: models.Field, **kwargs) -> AngkaField:
        """The input of a model's number column: its label, whether it may stay empty, and
        the bounds of kinerja.batas (what both databases hold, and the sign it may have)."""
        kwargs.setdefault("label", capfirst(field.verbose_name))
        kwargs.setdefault("required", not field.blank)
        kwargs.setdefault("help_text", field.help_text)
        return cls(validators=[batas.validator(field)], **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            teks = value.strip().replace(" ", "").removeprefix("Rp").removeprefix("rp")
            if "," in teks or RIBUAN.match(teks):
                # Indonesian: dots group thousands, the comma is the decimal separator.
                teks = teks.replace(".", "").replace(",", ".")
            value = teks
        return super().to_python(value)


def teks_untuk(field: models.Field, **kwargs) -> forms.CharField:
    """A text area for a model's text column, with its length bound (kinerja.batas): the
    message names the length, and the form comes back with the text as typed."""
    kwargs.setdefault("label", capfirst(field.verbose_name))
    kwargs.setdefault("required", False)
    kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
    return forms.CharField(validators=[batas.validator(field)], **kwargs)


def _teks(nama: str, label: str, bantuan: str = "", baris: int = 3) -> forms.CharField:
    return teks_untuk(
        RealisasiTriwulan._meta.get_field(nama),
        label=label,
        help_text=bantuan,
        widget=forms.Textarea(attrs={"rows": baris}),
    )


class RealisasiForm(forms.Form):
    """The quarterly measurement of one PK line (a draft may be incomplete)."""

    nilai_realisasi = AngkaField.untuk(
        RealisasiTriwulan._meta.get_field("nilai_realisasi"), label=_("Nilai realisasi")
    )
    realisasi_antara = AngkaField(
        label=_("Realisasi antara (%)"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        help_text=_("Kemajuan kumulatif s.d. triwulan ini terhadap rencana aksi, 0-100."),
        error_messages={
            "min_value": _("Realisasi antara antara 0 dan 100."),
            "max_value": _("Realisasi antara antara 0 dan 100."),
        },
    )
    kegiatan = _teks(
        "kegiatan", _("Realisasi kegiatan"), _("Satu kegiatan per baris; awali dengan “- ”.")
    )
    analisis = _teks("analisis", _("Hasil dan analisis capaian"))
    kendala = _teks("kendala", _("Kendala"), _("Wajib bila progres di bawah target antara."), 2)
    tindak_lanjut = _teks(
        "tindak_lanjut", _("Tindak lanjut"), _("Wajib bila progres di bawah target antara."), 2
    )
    rekomendasi = _teks("rekomendasi", _("Rekomendasi"), baris=2)
    tanda = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, dengan_nilai: bool = True, **kwargs: Any) -> None:
        """`dengan_nilai=False`: a line whose realisasi is computed from supporting data; the
        form has no value field (a typed value would be ignored) and a save keeps the stored
        one."""
        super().__init__(*args, **kwargs)
        if not dengan_nilai:
            del self.fields["nilai_realisasi"]


class UnggahBuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Bukti dukung"),
        help_text=_("PDF, gambar PNG/JPEG, atau dokumen Word/Excel/PowerPoint."),
        error_messages={"required": _("Pilih berkas bukti dukung.")},
    )


class UnggahGambarForm(forms.Form):
    """A picture for a section of a report: the file, its caption, an optional source line
    and the name a narrative refers to it by (from the caption when left empty)."""

    tempat = forms.CharField(widget=forms.HiddenInput)
    indikator = forms.TypedChoiceField(label=_("Indikator"), coerce=int)
    judul = forms.CharField(
        label=_("Judul gambar"), max_length=300,
        error_messages={"required": _("Tulis judul gambar (dicetak di bawahnya).")},
    )  # fmt: skip
    sumber = forms.CharField(label=_("Sumber/keterangan"), max_length=300, required=False)
    kunci = forms.CharField(
        label=_("Nama rujukan"), max_length=60, required=False,
        help_text=_("Kosong: dari judul. Huruf kecil dan _, mis. struktur_organisasi."),
    )  # fmt: skip
    berkas = forms.FileField(
        label=_("Berkas gambar"), help_text=_("PNG atau JPEG."),
        error_messages={"required": _("Pilih berkas gambar (PNG atau JPEG).")},
    )  # fmt: skip


class BukaPeriodeForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=TAHUN_MIN, max_value=TAHUN_MAX)
    triwulan = forms.TypedChoiceField(label=_("Triwulan"), choices=Triwulan.choices, coerce=int)
    batas = forms.DateField(
        label=_("Batas waktu"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Masukkan tanggal yang sah.")},
    )  # fmt: skip


class PerpanjangForm(forms.Form):
    satker = forms.IntegerField(widget=forms.HiddenInput)
    batas = forms.DateField(
        label=_("Batas baru"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Masukkan tanggal yang sah.")},
    )  # fmt: skip
    alasan = forms.CharField(label=_("Alasan"), max_length=500)
