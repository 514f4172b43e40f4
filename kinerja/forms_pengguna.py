"""Forms of the secretariat's account pages: the list's filters, a new account, an account's
name, e-mail, role and satker."""

from __future__ import annotations

from django import forms

from satker.choices import Peran
from satker.models import Pengguna, Satker


def _satker_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Satker",
        queryset=Satker.objects.order_by("nama").only("pk", "nama", "singkatan"),
        required=False,
        empty_label="– Sekretariat (tanpa satker) –",
        help_text="Wajib untuk operator dan kepala satker; kosong untuk peran Sekretariat.",
        error_messages={"invalid_choice": "Pilih satker dari daftar."},
    )


def _peran_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Peran",
        choices=Peran.choices,
        error_messages={"required": "Pilih peran.", "invalid_choice": "Pilih peran dari daftar."},
    )


class SaringPenggunaForm(forms.Form):
    """The list's filters; every one optional, a wrong value ignored."""

    cari = forms.CharField(label="Cari", required=False, max_length=100)
    peran = forms.ChoiceField(
        label="Peran", choices=[("", "Semua peran"), *Peran.choices], required=False
    )
    satker = forms.ModelChoiceField(
        label="Satker", queryset=Satker.objects.order_by("nama").only("pk", "nama", "singkatan"),
        required=False, empty_label="Semua satker",
    )  # fmt: skip
    aktif = forms.ChoiceField(
        label="Status",
        choices=[("", "Aktif dan nonaktif"), ("ya", "Aktif"), ("tidak", "Nonaktif")],
        required=False,
    )


class PenggunaForm(forms.Form):
    """An account's name, e-mail, role and satker (and, for a new one, its username)."""

    nama = forms.CharField(
        label="Nama lengkap", max_length=300,
        error_messages={"required": "Isi nama lengkap pemilik akun."},
    )  # fmt: skip
    email = forms.EmailField(
        label="Surel",
        help_text="Tautan untuk mengatur kata sandi dikirim ke alamat ini.",
        error_messages={
            "required": "Isi alamat surel: tautan kata sandi dikirim ke sana.",
            "invalid": "Alamat surel tidak sah.",
        },
    )
    peran = None  # set in __init__: a fresh field per form
    satker = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["peran"] = _peran_field()
        self.fields["satker"] = _satker_field()

    @staticmethod
    def awal(user: Pengguna) -> dict:
        return {
            "nama": user.get_full_name(),
            "email": user.email,
            "peran": user.peran,
            "satker": user.satker_id,
        }


class PenggunaBaruForm(PenggunaForm):
    username = forms.CharField(
        label="Nama pengguna", max_length=150,
        help_text="Untuk masuk; huruf, angka dan @ . + - _ saja, mis. operator.manado.",
        error_messages={"required": "Isi nama pengguna."},
    )  # fmt: skip
    field_order = ["username", "nama", "email", "peran", "satker"]
