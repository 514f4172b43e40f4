"""What a number or a text column can hold, checked the same way on every write path.

SQLite keeps a decimal column as a floating-point number: 15 significant digits, not the 18
a `max_digits=18` column promises (12345678901234,5678 came back as 12345678901234,568, and
99999999999999,9999 came back as 100000000000000, which Django then could not read: every
page of the satker answered 500). PostgreSQL refuses an integer past its column's size where
SQLite stores it. So the bounds here are what both databases hold exactly: a decimal column
has at most `DIGIT_MAKS` digits (a test walks the models), an integer column the range of
PostgreSQL's type, and a number is negative only where the definition allows it (a growth,
productivity or efficiency indicator's realisasi: (B − A) / A × 100 is below zero when B
fell). A text column has a length that a page and its baseline can carry.

`pasang()` (at start-up) adds these checks to the fields' validators, so `full_clean()` of
any write (pages, imports, admin, API) applies them; forms and imports that parse a value
themselves ask `periksa()` for the same message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.deconstruct import deconstructible

from kinerja.formatting import format_angka

# Significant digits a SQLite REAL returns exactly (IEEE double: DBL_DIG = 15); Django's
# SQLite backend rounds decimals read back to this many digits.
DIGIT_MAKS = 15

# Fields whose value may be below zero, as "app.Model.field".
BOLEH_NEGATIF = frozenset(
    {
        "kinerja.RealisasiTriwulan.nilai_realisasi",
        "kinerja.TargetRenstra.realisasi",
    }
)

# Figures the application computes and stores itself (never typed): their own columns.
DIHITUNG = frozenset({"kinerja.HasilPerhitungan", "kinerja.RingkasanAnggaran"})

# Characters of a text column: a narrative section of a report may run to some fifteen
# pages; any other text (a note, a kendala, an activity list) to five or six.
TEKS_MAKS = 20_000
TEKS_PANJANG = 60_000
TEKS_PANJANG_MODEL = frozenset({"kinerja.NarasiIndikator", "laporan.NarasiLaporan"})

APPS = ("satker", "kinerja", "laporan")


@dataclass(frozen=True)
class Rentang:
    """The values a numeric column accepts, both ends included."""

    bawah: Decimal | int
    atas: Decimal | int

    def pesan(self) -> str:
        if self.bawah == 0:
            return f"Angka harus antara 0 dan {format_angka(self.atas)}."
        return f"Angka harus antara {format_angka(self.bawah)} dan {format_angka(self.atas)}."


def nama_field(field: models.Field) -> str:
    return f"{field.model._meta.label}.{field.name}"


def rentang(field: models.Field) -> Rentang | None:
    """What the column of `field` holds on every supported database; None for a field that
    is not a number."""
    negatif = nama_field(field) in BOLEH_NEGATIF
    if isinstance(field, models.DecimalField):
        utuh = field.max_digits - field.decimal_places
        atas = Decimal(10) ** utuh - Decimal(1).scaleb(-field.decimal_places)
        return Rentang(-atas if negatif else Decimal(0), atas)
    if isinstance(field, (models.IntegerField, models.AutoField)) and not field.choices:
        bawah, atas = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
        return Rentang(bawah if negatif else max(bawah, 0), atas)
    return None


def teks_maks(field: models.Field) -> int | None:
    """The length a TextField accepts (a CharField has its own `max_length`)."""
    if not isinstance(field, models.TextField):
        return None
    return TEKS_PANJANG if field.model._meta.label in TEKS_PANJANG_MODEL else TEKS_MAKS


@deconstructible
class BatasAngka:
    """Refuses a number outside what its column holds, with the bounds in the message, and
    one with more decimals than it keeps. It stands in for Django's DecimalValidator, whose
    "no more than 15 digits" says less and would be a second message for the same fault."""

    def __init__(self, bawah: Decimal | int, atas: Decimal | int, desimal: int | None = None):
        self.rentang = Rentang(bawah, atas)
        self.desimal = desimal

    def __call__(self, nilai) -> None:
        if nilai is None:
            return
        if isinstance(nilai, Decimal) and not nilai.is_finite():
            raise ValidationError("Masukkan angka, mis. 45,12.", code="invalid")
        if not (self.rentang.bawah <= nilai <= self.rentang.atas):
            raise ValidationError(self.rentang.pesan(), code="batas")
        bulat = round(nilai, self.desimal) if self.desimal is not None else nilai
        if isinstance(nilai, Decimal) and nilai != bulat:
            raise ValidationError(
                f"Paling banyak {self.desimal} angka di belakang koma.",
                code="max_decimal_places",
            )

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, BatasAngka)
            and other.rentang == self.rentang
            and other.desimal == self.desimal
        )


@deconstructible
class BatasTeks:
    """Refuses a text longer than its column takes, saying how long it is."""

    def __init__(self, maks: int) -> None:
        self.maks = maks

    def __call__(self, nilai) -> None:
        if nilai is not None and len(nilai) > self.maks:
            raise ValidationError(
                f"Teks terlalu panjang: {format_angka(len(nilai))} karakter, paling banyak "
                f"{format_angka(self.maks)}. Isian Anda masih tertera; persingkat lalu simpan.",
                code="max_length",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, BatasTeks) and other.maks == self.maks


def validator(field: models.Field) -> BatasAngka | BatasTeks | None:
    """The check of `field`'s bound, or None for a field without one here."""
    r = rentang(field)
    if r is not None:
        desimal = field.decimal_places if isinstance(field, models.DecimalField) else None
        return BatasAngka(r.bawah, r.atas, desimal)
    maks = teks_maks(field)
    return BatasTeks(maks) if maks is not None else None


def diperiksa(field: models.Field) -> bool:
    """Whether `field`'s validators include its bound (what `pasang` adds)."""
    v = validator(field)
    return v is None or any(x == v for x in field.validators)


def field_data(model_list: Iterable[type[models.Model]]) -> Iterable[models.Field]:
    """The numeric and text fields of the models users write to."""
    for model in model_list:
        if model._meta.label in DIHITUNG or model._meta.abstract:
            continue
        for field in model._meta.concrete_fields:
            if field.primary_key or field.is_relation:
                continue
            if validator(field) is not None:
                yield field


def model_data() -> list[type[models.Model]]:
    from django.apps import apps

    return [m for m in apps.get_models() if m._meta.app_label in APPS]


def pasang() -> None:
    """Add each field's bound to its validators (the computed list that `full_clean`, model
    forms and DRF serializers read; the declared ones, and so the migrations, stay as
    they are)."""
    for field in field_data(model_data()):
        if diperiksa(field):
            continue
        lain = [x for x in field.validators if not isinstance(x, DecimalValidator)]
        field.__dict__["validators"] = [*lain, validator(field)]


def periksa(model: type[models.Model], nama: str, nilai) -> None:
    """ValidationError with the column's message when `nilai` does not fit `model.nama`:
    for values parsed outside a model form (imports, pages that read fields themselves)."""
    if nilai is None:
        return
    field = model._meta.get_field(nama)
    field.run_validators(field.to_python(nilai))
