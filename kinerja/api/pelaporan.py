"""The reporting status per satker and quarter in the API (read-only):
GET /api/v1/pelaporan/ and /api/v1/pelaporan/{id}/: the status, when it last changed, who
submitted and verified it and when, and the log of the cycle (submitted, returned, verified,
reopened)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from kinerja.api.realisasi import ETAG
from kinerja.choices import Triwulan
from kinerja.models import PelaporanTriwulan, PeristiwaPelaporan, StatusPelaporan
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.models.siklus import AksiPelaporan
from satker.api.base import DiubahSejakFilterSet, RestrictedReadOnlyViewSet


class PelaporanFilterSet(DiubahSejakFilterSet):
    satker = filters.CharFilter(field_name="satker__kode", label=_("kode satker"))
    tahun = filters.NumberFilter(min_value=TAHUN_MIN, max_value=TAHUN_MAX)
    triwulan = filters.TypedChoiceFilter(choices=Triwulan.choices, coerce=int)
    status = filters.ChoiceFilter(choices=StatusPelaporan.choices)

    class Meta:
        model = PelaporanTriwulan
        fields = ["satker", "tahun", "triwulan", "status"]

    def saring_diubah_sejak(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """A report changes by its cycle: its status time (`diperbarui`) or a later event."""
        berubah = super().saring_diubah_sejak(queryset, name, value)
        peristiwa = PeristiwaPelaporan.objects.filter(pelaporan=OuterRef("pk"), waktu__gte=value)
        return queryset.filter(
            Q(pk__in=berubah.values("pk")) | Q(diperbarui__gte=value) | Q(Exists(peristiwa))
        )


class PeristiwaSerializer(serializers.ModelSerializer):
    aksi_label = serializers.CharField(source="get_aksi_display")
    oleh = serializers.CharField(source="oleh.username", default=None, allow_null=True)

    class Meta:
        model = PeristiwaPelaporan
        fields = ["aksi", "aksi_label", "oleh", "waktu", "catatan"]
        read_only_fields = fields


def _terakhir(lap: PelaporanTriwulan, aksi: str) -> PeristiwaPelaporan | None:
    return next((p for p in reversed(lap.peristiwa.all()) if p.aksi == aksi), None)


class PelaporanSerializer(serializers.ModelSerializer):
    """A satker's report of a quarter: its status and the log of its cycle."""

    url = serializers.HyperlinkedIdentityField(view_name="pelaporan-detail")
    satker = serializers.CharField(source="satker.kode")
    status_label = serializers.CharField(source="get_status_display")
    terkunci = serializers.BooleanField(
        help_text="Diajukan atau diverifikasi: data triwulan ini tidak dapat diubah."
    )
    diajukan = serializers.SerializerMethodField(help_text="Pengajuan terakhir.")
    diajukan_oleh = serializers.SerializerMethodField()
    diverifikasi = serializers.SerializerMethodField(help_text="Verifikasi terakhir.")
    diverifikasi_oleh = serializers.SerializerMethodField()
    peristiwa = PeristiwaSerializer(many=True, read_only=True)

    class Meta:
        model = PelaporanTriwulan
        fields = [
            "id", "url", "satker", "tahun", "triwulan", "status", "status_label", "terkunci",
            "diperbarui", "diajukan", "diajukan_oleh", "diverifikasi", "diverifikasi_oleh",
            "peristiwa",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_diajukan(self, lap: PelaporanTriwulan) -> str | None:
        p = _terakhir(lap, AksiPelaporan.DIAJUKAN)
        return None if p is None else serializers.DateTimeField().to_representation(p.waktu)

    def get_diajukan_oleh(self, lap: PelaporanTriwulan) -> str | None:
        p = _terakhir(lap, AksiPelaporan.DIAJUKAN)
        return p.oleh.username if p and p.oleh else None

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_diverifikasi(self, lap: PelaporanTriwulan) -> str | None:
        p = _terakhir(lap, AksiPelaporan.DIVERIFIKASI)
        if p is None or lap.status != StatusPelaporan.DIVERIFIKASI:
            return None
        return serializers.DateTimeField().to_representation(p.waktu)

    def get_diverifikasi_oleh(self, lap: PelaporanTriwulan) -> str | None:
        p = _terakhir(lap, AksiPelaporan.DIVERIFIKASI)
        if p is None or lap.status != StatusPelaporan.DIVERIFIKASI or p.oleh is None:
            return None
        return p.oleh.username


@extend_schema_view(
    list=extend_schema(summary="Status pelaporan per satker dan triwulan"),
    retrieve=extend_schema(summary="Status satu pelaporan triwulan", parameters=[ETAG]),
)
class PelaporanViewSet(RestrictedReadOnlyViewSet):
    """The quarterly reports of the satker the user may see, newest quarter first."""

    queryset = (
        PelaporanTriwulan.objects.select_related("satker")
        .prefetch_related(
            Prefetch(
                "peristiwa",
                queryset=PeristiwaPelaporan.objects.select_related("oleh").order_by("waktu", "pk"),
            )
        )
        .order_by("-tahun", "-triwulan", "satker__kode", "pk")
    )
    serializer_class = PelaporanSerializer
    filterset_class = PelaporanFilterSet
