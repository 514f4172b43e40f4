"""Forms of the organisation's users: a new API token."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from satker.models import CakupanToken, Pengguna, TokenApi
from satker.token_api import HARI_MAKS_HALAMAN, PESAN_NAMA_TERPAKAI


class TokenApiForm(forms.Form):
    """Name, scope and an optional lifetime in days (1 to 365) of a new token."""

    nama = forms.CharField(
        label=_("Nama"),
        max_length=100,
        help_text=_("Untuk apa token ini, mis. “sinkron SIMONEV”. Unik di antara token Anda."),
        error_messages={
            "required": _("Beri token ini nama."),
            "max_length": _("Nama paling panjang 100 karakter."),
        },
    )
    cakupan = forms.ChoiceField(
        label=_("Cakupan"),
        choices=CakupanToken.choices,
        initial=CakupanToken.BACA,
        help_text=_("Baca: hanya GET. Baca dan tulis: juga mengubah data."),
        error_messages={
            "required": _("Pilih cakupan token."),
            "invalid_choice": _("Cakupan harus baca atau baca dan tulis."),
        },
    )
    berlaku_hari = forms.IntegerField(
        label=_("Berlaku (hari)"),
        required=False,
        min_value=1,
        max_value=HARI_MAKS_HALAMAN,
        help_text=_("1 sampai 365 hari; kosong: tanpa batas waktu (sampai dicabut)."),
        error_messages={
            "invalid": _("Masa berlaku berupa bilangan bulat hari."),
            "min_value": _("Masa berlaku paling sedikit 1 hari."),
            "max_value": _("Masa berlaku paling lama 365 hari."),
        },
    )

    def __init__(self, *args, pengguna: Pengguna, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pengguna = pengguna

    def clean_nama(self) -> str:
        """A name the user has no token with (said with the other errors of the form; the
        service checks it again when it saves)."""
        nama = self.cleaned_data["nama"]
        if TokenApi.objects.filter(pengguna=self.pengguna, nama=nama).exists():
            raise forms.ValidationError(PESAN_NAMA_TERPAKAI)
        return nama
