"""The satker in the API: GET /api/v1/satker/ and /api/v1/satker/<id>/. A satker user sees
their own satker; the secretariat sees every one."""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from satker.api.base import DiubahSejakFilterSet, RestrictedReadOnlyViewSet
from satker.choices import JenisSatker
from satker.models import Satker, UnitEselonI


class UnitEselonISerializer(serializers.ModelSerializer):
    """The Eselon I unit a satker belongs to, with its ministry's code."""

    kode_kementerian = serializers.CharField(source="kementerian.kode", read_only=True)

    class Meta:
        model = UnitEselonI
        fields = ["kode", "singkatan", "nama", "kode_kementerian"]
        read_only_fields = fields


class SatkerSerializer(serializers.ModelSerializer):
    """A satker: its DIPA code, names, place, head, its Eselon I unit, and whether its data
    are simulated (manage.py buat_simulasi) rather than real."""

    url = serializers.HyperlinkedIdentityField(view_name="api-satker-detail")
    unit_eselon_i = UnitEselonISerializer(read_only=True)

    class Meta:
        model = Satker
        fields = [
            "url", "id", "kode", "jenis", "nama", "singkatan", "kota", "provinsi", "alamat",
            "kepala_nama", "kepala_jabatan", "unit_eselon_i", "simulasi",
        ]  # fmt: skip
        read_only_fields = fields


class SatkerFilterSet(DiubahSejakFilterSet):
    kode = filters.CharFilter(
        field_name="kode",
        label=_("kode satker"),
        help_text=_("Kode satker 6 angka, mis. 247246."),
    )
    jenis = filters.ChoiceFilter(
        choices=JenisSatker.choices, label=_("jenis"), help_text=_("Balai Besar atau Balai.")
    )
    provinsi = filters.CharFilter(
        field_name="provinsi",
        lookup_expr="iexact",
        label=_("provinsi"),
        help_text=_("Nama provinsi, tanpa membedakan huruf besar-kecil, mis. Riau."),
    )
    simulasi = filters.BooleanFilter(
        field_name="simulasi",
        label=_("data simulasi"),
        help_text=_("true: hanya satker berdata simulasi; false: hanya satker berdata nyata."),
    )

    class Meta:
        model = Satker
        fields = ["kode", "jenis", "provinsi", "simulasi", "diubah_sejak"]


@extend_schema_view(
    list=extend_schema(summary="Daftar satker"),
    retrieve=extend_schema(summary="Satu satker"),
)
class SatkerViewSet(RestrictedReadOnlyViewSet):
    """The satker the user may see, ordered by their code (a satker without a code last)."""

    queryset = Satker.objects.select_related("unit_eselon_i__kementerian").order_by(
        F("kode").asc(nulls_last=True), "pk"
    )
    serializer_class = SatkerSerializer
    filterset_class = SatkerFilterSet
