"""The BSKJI indicator manual in the API: GET /api/v1/indikator/ and /api/v1/indikator/<id>/.
The manual is not satker data: every authenticated user reads all of it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from kinerja.choices import DataDukung, Klasifikasi, MetodePerhitungan, Satuan
from kinerja.models import IndikatorKinerja, SasaranRenstra
from satker.api.base import DiubahSejakFilterSet, EtagMixin


class SasaranProgramSerializer(serializers.ModelSerializer):
    """The BSKJI goal (sasaran program, SP) an indicator of the manual belongs to."""

    class Meta:
        model = SasaranRenstra
        fields = ["kode", "nama"]
        read_only_fields = fields


class IndikatorKinerjaSerializer(serializers.ModelSerializer):
    """One indicator of the manual: what it means, where its data come from, how its
    realisasi and capaian are computed and how its values combine over quarters and years.
    The status thresholds are not per indicator: they are settings of the computation
    (KINERJA_AMBANG_TERCAPAI, KINERJA_AMBANG_PERLU_PERHATIAN) shown in each capaian's
    `status`."""

    url = serializers.HyperlinkedIdentityField(view_name="indikator-detail")
    sasaran_program = SasaranProgramSerializer(read_only=True, allow_null=True)

    class Meta:
        model = IndikatorKinerja
        fields = [
            "url", "id", "kode", "nama", "sasaran_program", "definisi", "sumber_data",
            "cara_menghitung", "satuan", "klasifikasi", "rumus_minimasi", "penanggung_jawab",
            "iku", "metode", "data_dukung", "agregasi_triwulan", "agregasi_tahunan", "sumber",
            "catatan", "diubah",
        ]  # fmt: skip
        read_only_fields = fields


class IndikatorKinerjaFilterSet(DiubahSejakFilterSet):
    kode = filters.CharFilter(
        field_name="kode",
        label=_("kode indikator"),
        help_text=_("Kode indikator pedoman, mis. T1/SP3/e."),
    )
    sasaran_program = filters.CharFilter(
        field_name="sasaran_program__kode",
        label=_("sasaran program"),
        help_text=_("Kode sasaran program BSKJI, mis. SP3."),
    )
    iku = filters.BooleanFilter(
        field_name="iku", label=_("IKU"), help_text=_("true: hanya indikator kinerja utama.")
    )
    klasifikasi = filters.ChoiceFilter(
        choices=Klasifikasi.choices,
        label=_("klasifikasi"),
        help_text=_("maksimasi (makin tinggi makin baik) atau minimasi."),
    )
    satuan = filters.ChoiceFilter(
        choices=Satuan.choices, label=_("satuan"), help_text=_("Satuan indikator.")
    )
    metode = filters.ChoiceFilter(
        choices=MetodePerhitungan.choices,
        label=_("metode perhitungan"),
        help_text=_("Cara realisasi dihitung dari data dukung."),
    )
    data_dukung = filters.ChoiceFilter(
        choices=[c for c in DataDukung.choices if c[0]],
        label=_("data dukung"),
        help_text=_("Data dukung yang dibaca untuk menghitung realisasi."),
    )

    class Meta:
        model = IndikatorKinerja
        fields = [
            "kode", "sasaran_program", "iku", "klasifikasi", "satuan", "metode", "data_dukung",
            "diubah_sejak",
        ]  # fmt: skip


@extend_schema_view(
    list=extend_schema(summary="Pedoman indikator kinerja BSKJI"),
    retrieve=extend_schema(summary="Satu indikator pedoman"),
)
class IndikatorViewSet(
    EtagMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The indicators of the manual, by code; `diubah_sejak` reads their `diubah` stamp
    (the manual is not on the satker's change history)."""

    queryset = IndikatorKinerja.objects.select_related("sasaran_program").order_by("kode", "pk")
    serializer_class = IndikatorKinerjaSerializer
    filterset_class = IndikatorKinerjaFilterSet
