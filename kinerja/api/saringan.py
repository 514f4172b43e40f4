"""The filters the API's lists share: satker by its code, a year, a quarter, and a
`diubah_sejak` that also sees removed child records (satker.api.base.DiubahSejakFilterSet
sees the records that still exist)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from kinerja.choices import Triwulan
from kinerja.models import RiwayatPerubahan
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from satker.api.base import DiubahSejakFilterSet


def saring_satker(field_name: str) -> filters.CharFilter:
    """The `satker` filter: a satker's 6-digit code."""
    return filters.CharFilter(
        field_name=field_name,
        label=_("kode satker"),
        help_text=_("Kode satker 6 angka, mis. 247246 (Manado) atau 417912 (Pekanbaru)."),
    )


def saring_tahun(field_name: str = "", method: str | None = None, help_text=None):
    """The `tahun` filter: a year 2000-2100 (400 with a field error otherwise)."""
    kwargs: dict[str, Any] = {"method": method} if method else {"field_name": field_name}
    return filters.NumberFilter(
        label=_("tahun"),
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        decimal_places=0,
        help_text=help_text or _("Tahun, 2000-2100, mis. 2023."),
        **kwargs,
    )


def saring_triwulan(field_name: str = "", method: str | None = None, help_text=None):
    """The `triwulan` filter: 1-4 (400 with a field error otherwise)."""
    kwargs: dict[str, Any] = {"method": method} if method else {"field_name": field_name}
    return filters.TypedChoiceFilter(
        choices=Triwulan.choices,
        coerce=int,
        label=_("triwulan"),
        help_text=help_text or _("Triwulan 1-4."),
        **kwargs,
    )


def dihapus_sejak(models: tuple[type[Model], ...], satker: str, sejak: Any) -> Exists:
    """Whether a record of one of `models` was removed from the outer row's satker (at the
    ORM path `satker`) at or after `sejak`: the record is gone, its removal is on the
    record (kinerja.jejak writes one `__hapus__` entry per removed row)."""
    return Exists(
        RiwayatPerubahan.objects.filter(
            satker=OuterRef(satker),
            content_type__in=[
                ContentType.objects.get_for_model(m, for_concrete_model=False) for m in models
            ],
            field="__hapus__",
            waktu__gte=sejak,
        )
    )


class DiubahSejakLengkapFilterSet(DiubahSejakFilterSet):
    """`diubah_sejak` over the item, its child records (`anak_diubah`), the removal of a
    child record of the item's satker (`anak_dihapus`, found through the item's satker at the
    ORM path `satker_item`: a removed row no longer names its item, so every item of that
    satker counts as changed) and whatever else a subclass adds in `syarat_lain`."""

    anak_dihapus: tuple[type[Model], ...] = ()
    satker_item: str = "satker"

    def syarat_lain(self, sejak: Any) -> Q:
        """Further conditions under which an item counts as changed (none by default)."""
        return Q(pk__in=[])

    def saring_diubah_sejak(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        syarat = self.syarat_lain(value)
        if self.anak_dihapus:
            syarat |= Q(dihapus_sejak(self.anak_dihapus, self.satker_item, value))
        return super().saring_diubah_sejak(queryset, name, value) | queryset.filter(syarat)
