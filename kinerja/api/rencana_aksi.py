"""The Rencana Aksi in the API: GET /api/v1/rencana-aksi/ and /api/v1/rencana-aksi/<id>/, one
item per PK line and quarter: the cumulative target progress (target antara) and the
planned activities."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from kinerja.api.saringan import (
    DiubahSejakLengkapFilterSet,
    saring_satker,
    saring_tahun,
    saring_triwulan,
)
from kinerja.api.serializers import DESIMAL_ATAU_KOSONG
from kinerja.filtersets import saring_kode_baris
from kinerja.models import IndikatorPerjanjian, RencanaAksi
from satker.api.base import RestrictedReadOnlyViewSet


class RencanaAksiSerializer(serializers.ModelSerializer):
    """The plan of one PK line for one quarter."""

    url = serializers.HyperlinkedIdentityField(view_name="rencana-aksi-detail")
    satker = serializers.CharField(
        source="indikator.sasaran.perjanjian.satker.kode", read_only=True, allow_null=True
    )
    tahun = serializers.IntegerField(source="indikator.sasaran.perjanjian.tahun", read_only=True)
    kode = serializers.CharField(
        source="indikator.kode", read_only=True, help_text="Kode baris PK, mis. III.2."
    )
    indikator = serializers.CharField(source="indikator.uraian", read_only=True)
    indikator_id = serializers.IntegerField(read_only=True, help_text="Id baris PK.")
    perjanjian_url = serializers.HyperlinkedRelatedField(
        source="indikator.sasaran.perjanjian", view_name="perjanjian-detail", read_only=True
    )
    target_antara = serializers.SerializerMethodField(
        help_text="Kemajuan kumulatif yang direncanakan s.d. triwulan ini, % dari target tahun."
    )

    class Meta:
        model = RencanaAksi
        fields = [
            "url", "id", "satker", "tahun", "kode", "indikator", "indikator_id", "perjanjian_url",
            "triwulan", "target_antara", "rencana_kegiatan", "catatan",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_target_antara(self, obj: RencanaAksi) -> str | None:
        return None if obj.target_antara is None else format(obj.target_antara.normalize(), "f")


class RencanaAksiFilterSet(DiubahSejakLengkapFilterSet):
    anak_diubah = ((IndikatorPerjanjian, "rencana_aksi"),)

    satker = saring_satker("indikator__sasaran__perjanjian__satker__kode")
    tahun = saring_tahun("indikator__sasaran__perjanjian__tahun", help_text=_("Tahun PK."))
    triwulan = saring_triwulan("triwulan")
    kode = filters.CharFilter(
        method="saring_kode",
        label=_("kode baris PK"),
        help_text=_("Kode baris PK, mis. III.2."),
    )

    class Meta:
        model = RencanaAksi
        fields = ["satker", "tahun", "triwulan", "kode", "diubah_sejak"]

    def saring_kode(self, queryset, name: str, value: str):
        return saring_kode_baris(queryset, value, "indikator__")


@extend_schema_view(
    list=extend_schema(summary="Rencana Aksi per baris PK dan triwulan"),
    retrieve=extend_schema(summary="Satu Rencana Aksi"),
)
class RencanaAksiViewSet(RestrictedReadOnlyViewSet):
    """One item per PK line and quarter, in the order of the PK."""

    queryset = RencanaAksi.objects.select_related(
        "indikator__sasaran__perjanjian__satker"
    ).order_by(
        "indikator__sasaran__perjanjian__satker__kode",
        "indikator__sasaran__perjanjian__tahun",
        "indikator__sasaran__nomor",
        "indikator__nomor",
        "triwulan",
        "pk",
    )
    serializer_class = RencanaAksiSerializer
    filterset_class = RencanaAksiFilterSet
