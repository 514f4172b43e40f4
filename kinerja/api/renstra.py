"""Renstra in the API: GET /api/v1/renstra/ and /api/v1/renstra/<id>/, one item per strategic
plan with its goals, their indicators, each indicator's target, recorded realisation and
indicative budget per year, and the plan's own indicative budget per year.

A satker user sees their satker's Renstra; the secretariat also sees the plans of BSKJI and
of the ministry (the cascade above the satker's goals)."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from kinerja.api.saringan import DiubahSejakLengkapFilterSet, saring_satker, saring_tahun
from kinerja.api.serializers import DESIMAL_ATAU_KOSONG
from kinerja.choices import TingkatRenstra
from kinerja.models import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.perhitungan.dasar import ringkas
from satker.api.base import RestrictedReadOnlyViewSet


def _angka(nilai) -> str | None:
    return None if nilai is None else format(ringkas(nilai), "f")


class TargetRenstraSerializer(serializers.ModelSerializer):
    """An indicator's year: target (null: none set, N/A), the realisation recorded for a past
    year, and the indicative budget in rupiah."""

    target = serializers.SerializerMethodField()
    realisasi = serializers.SerializerMethodField()

    class Meta:
        model = TargetRenstra
        fields = ["tahun", "target", "realisasi", "alokasi_indikatif", "catatan"]
        read_only_fields = fields

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_target(self, obj: TargetRenstra) -> str | None:
        return _angka(obj.target)

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_realisasi(self, obj: TargetRenstra) -> str | None:
        return _angka(obj.realisasi)


class IndikatorRenstraSerializer(serializers.ModelSerializer):
    kode = serializers.CharField(read_only=True, help_text="Kode sasaran/nomor, mis. SK3/2.")
    indikator_pedoman = serializers.CharField(
        source="indikator.kode", read_only=True, allow_null=True, default=None
    )
    indikator_induk = serializers.SerializerMethodField(
        help_text="Kode indikator di atasnya dalam cascade, mis. SP3/1."
    )
    target = TargetRenstraSerializer(many=True, read_only=True)

    class Meta:
        model = IndikatorRenstra
        fields = [
            "id", "kode", "nomor", "nama", "satuan", "indikator_pedoman", "iku",
            "indikator_induk", "output", "aktivitas_utama", "catatan", "target",
        ]  # fmt: skip
        read_only_fields = fields

    def get_indikator_induk(self, obj: IndikatorRenstra) -> str | None:
        return None if obj.indikator_induk is None else obj.indikator_induk.kode


class SasaranRenstraSerializer(serializers.ModelSerializer):
    sasaran_induk = serializers.SlugRelatedField(
        slug_field="kode",
        many=True,
        read_only=True,
        help_text="Kode sasaran di atasnya dalam cascade, mis. SP3.",
    )
    indikator = IndikatorRenstraSerializer(many=True, read_only=True)

    class Meta:
        model = SasaranRenstra
        fields = ["id", "kode", "nama", "urutan", "sasaran_induk", "indikator"]
        read_only_fields = fields


class PaguIndikatifSerializer(serializers.ModelSerializer):
    class Meta:
        model = PaguIndikatifRenstra
        fields = ["tahun", "pagu"]
        read_only_fields = fields


class RenstraSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="renstra-detail")
    satker = serializers.CharField(
        source="satker.kode", read_only=True, allow_null=True, default=None
    )
    pagu_indikatif = PaguIndikatifSerializer(many=True, read_only=True)
    sasaran = SasaranRenstraSerializer(many=True, read_only=True)

    class Meta:
        model = Renstra
        fields = [
            "url", "id", "tingkat", "satker", "nama", "tahun_awal", "tahun_akhir", "catatan",
            "pagu_indikatif", "sasaran",
        ]  # fmt: skip
        read_only_fields = fields


class RenstraFilterSet(DiubahSejakLengkapFilterSet):
    anak_diubah = (
        (SasaranRenstra, "renstra"),
        (IndikatorRenstra, "sasaran__renstra"),
        (TargetRenstra, "indikator__sasaran__renstra"),
        (PaguIndikatifRenstra, "renstra"),
    )
    anak_dihapus = (SasaranRenstra, IndikatorRenstra, TargetRenstra, PaguIndikatifRenstra)

    satker = saring_satker("satker__kode")
    tahun = saring_tahun(
        method="saring_tahun",
        help_text=_("Tahun dalam periode Renstra, mis. 2023 untuk Renstra 2021-2024."),
    )
    kode = filters.CharFilter(
        method="saring_kode",
        label=_("kode"),
        help_text=_(
            "Kode sasaran (mis. SK3) atau kode indikator pedoman (mis. T1/SP3/e): Renstra yang "
            "memuatnya."
        ),
    )
    tingkat = filters.ChoiceFilter(
        choices=TingkatRenstra.choices,
        label=_("tingkat"),
        help_text=_("kementerian, eselon_i atau satker."),
    )

    class Meta:
        model = Renstra
        fields = ["satker", "tahun", "kode", "tingkat", "diubah_sejak"]

    def saring_tahun(self, queryset, name: str, value):
        return queryset.filter(tahun_awal__lte=value, tahun_akhir__gte=value)

    def saring_kode(self, queryset, name: str, value: str):
        memuat = Renstra.objects.filter(
            Q(sasaran__kode=value) | Q(sasaran__indikator__indikator__kode=value)
        )
        return queryset.filter(pk__in=memuat.values("pk"))


@extend_schema_view(
    list=extend_schema(summary="Renstra dengan sasaran, indikator dan target tahunan"),
    retrieve=extend_schema(summary="Satu Renstra"),
)
class RenstraViewSet(RestrictedReadOnlyViewSet):
    """One item per Renstra, by level, satker code and first year."""

    queryset = (
        Renstra.objects.select_related("satker")
        .prefetch_related(
            Prefetch("pagu_indikatif", PaguIndikatifRenstra.objects.order_by("tahun")),
            Prefetch("sasaran", SasaranRenstra.objects.order_by("urutan", "kode", "pk")),
            Prefetch("sasaran__sasaran_induk", SasaranRenstra.objects.order_by("kode", "pk")),
            Prefetch(
                "sasaran__indikator",
                IndikatorRenstra.objects.select_related(
                    "indikator", "indikator_induk__sasaran"
                ).order_by("nomor", "pk"),
            ),
            Prefetch("sasaran__indikator__target", TargetRenstra.objects.order_by("tahun")),
        )
        .order_by("tingkat", "satker__kode", "tahun_awal", "pk")
    )
    serializer_class = RenstraSerializer
    filterset_class = RenstraFilterSet
