"""FilterSets shared by pages and the API."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from kinerja.choices import Triwulan
from kinerja.formatting import romawi
from kinerja.models import IndikatorPerjanjian
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN


class IndikatorPerjanjianFilterSet(filters.FilterSet):
    """PK lines by satker code, year and line code. `triwulan` selects the period the figures
    are computed for (1-4, cumulative "s.d. triwulan"); without it, the whole year."""

    satker = filters.CharFilter(
        field_name="sasaran__perjanjian__satker__kode",
        label=_("kode satker"),
        help_text=_("Kode satker 6 angka, mis. 417912."),
    )
    tahun = filters.NumberFilter(
        field_name="sasaran__perjanjian__tahun",
        label=_("tahun"),
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        help_text=_("Tahun PK, 2000-2100."),
    )
    triwulan = filters.TypedChoiceFilter(
        choices=Triwulan.choices,
        coerce=int,
        method="tanpa_saring",
        label=_("triwulan"),
        help_text=_("1-4 untuk posisi s.d. triwulan; kosongkan untuk setahun penuh."),
    )
    kode = filters.CharFilter(
        method="saring_kode",
        label=_("kode indikator PK, mis. III.2"),
        help_text=_("Kode baris PK: nomor romawi sasaran dan nomor indikator, mis. III.2."),
    )

    class Meta:
        model = IndikatorPerjanjian
        fields = ["satker", "tahun", "triwulan", "kode"]

    def tanpa_saring(self, queryset, name: str, value: int):
        """The quarter chooses the period of the computation, not the rows."""
        return queryset

    def saring_kode(self, queryset, name: str, value: str):
        return saring_kode_baris(queryset, value)


def saring_kode_baris(queryset, kode: str, jalur: str = ""):
    """The rows of `queryset` whose PK line (at the ORM path `jalur`, "" for the line itself)
    has the code `kode` (III.2); none for a code that is not one."""
    sasaran, _, nomor = kode.partition(".")
    try:
        nomor_sasaran = next(n for n in range(1, 40) if romawi(n) == sasaran.upper())
        return queryset.filter(
            **{f"{jalur}sasaran__nomor": nomor_sasaran, f"{jalur}nomor": int(nomor)}
        )
    except (StopIteration, ValueError):
        return queryset.none()
