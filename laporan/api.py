"""Reports in the API: request one (POST /api/v1/laporan/), watch its status
(GET /api/v1/laporan/{id}/), fetch the file (GET /api/v1/laporan/{id}/unduh/). A request of
a verified quarter's PP-39 in an archived format answers with the quarter's archive (`arsip`
true, its `sha256`, when and by whom verified): 200 when it is written, 202 while it is being
rendered."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kinerja.api import galat
from laporan import arsip, services
from laporan import render as renderer
from laporan.choices import FormatBerkas, JenisLaporan, StatusBerkas
from laporan.models import BerkasLaporan
from laporan.views import respons_unduhan
from satker.api.base import DiubahSejakFilterSet, RestrictedViewSetMixin
from satker.models import Satker


class BerkasLaporanSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="laporan-detail")
    satker = serializers.CharField(source="satker.kode", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    diminta_oleh = serializers.CharField(
        source="diminta_oleh.username", read_only=True, default=None
    )
    unduh = serializers.SerializerMethodField()
    sha256 = serializers.SerializerMethodField(
        help_text="SHA-256 berkas arsip yang tersimpan; null untuk berkas yang bukan arsip."
    )
    diverifikasi = serializers.DateTimeField(
        source="peristiwa.waktu", read_only=True, default=None, help_text="Waktu verifikasi arsip."
    )
    diverifikasi_oleh = serializers.CharField(
        source="peristiwa.oleh.username", read_only=True, default=None
    )

    class Meta:
        model = BerkasLaporan
        fields = [
            "id", "url", "satker", "jenis", "tahun", "triwulan", "format", "status", "status_label",
            "halaman", "ukuran", "diminta_oleh", "diminta", "selesai", "pesan", "unduh",
            "arsip", "versi", "sha256", "diverifikasi", "diverifikasi_oleh", "kemajuan",
            "langkah",
        ]  # fmt: skip
        read_only_fields = fields

    def get_sha256(self, berkas: BerkasLaporan) -> str | None:
        return berkas.sha256 or None

    def get_unduh(self, berkas: BerkasLaporan) -> str | None:
        if berkas.status != StatusBerkas.SELESAI:
            return None
        url = reverse("laporan-unduh", args=[berkas.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PermintaanLaporanSerializer(serializers.Serializer):
    """A request for a report: which satker (its 6-digit code), which report, which period,
    which format."""

    satker = serializers.CharField(help_text="Kode satker, mis. 417912")
    jenis = serializers.ChoiceField(choices=JenisLaporan.choices)
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    triwulan = serializers.IntegerField(
        min_value=1, max_value=4, required=False, allow_null=True, default=None
    )
    format = serializers.ChoiceField(
        choices=FormatBerkas.choices,
        error_messages={"invalid_choice": renderer.unknown_format_message()},
    )

    def validate_satker(self, kode: str) -> Satker:
        satker = Satker.objects.restrict(self.context["request"].user).filter(kode=kode).first()
        if satker is None:
            raise serializers.ValidationError(_("Satker dengan kode ini tidak ditemukan."))
        return satker

    def validate(self, data: dict) -> dict:
        try:
            services.periksa_permintaan(
                jenis=data["jenis"],
                format_=data["format"],
                satker=data["satker"],
                tahun=data["tahun"],
                triwulan=data.get("triwulan"),
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        return data


class BerkasLaporanFilterSet(DiubahSejakFilterSet):
    satker = filters.CharFilter(field_name="satker__kode", label=_("kode satker"))
    tahun = filters.NumberFilter()
    triwulan = filters.NumberFilter()
    jenis = filters.ChoiceFilter(choices=JenisLaporan.choices)
    format = filters.ChoiceFilter(choices=FormatBerkas.choices)
    status = filters.ChoiceFilter(choices=StatusBerkas.choices)
    arsip = filters.BooleanFilter()

    class Meta:
        model = BerkasLaporan
        fields = ["satker", "tahun", "triwulan", "jenis", "format", "status", "arsip"]

    def saring_diubah_sejak(self, queryset, name: str, value):
        """A report changes when it is requested and when it is finished (or fails): it has
        no history of its own (kinerja.jejak.TANPA_RIWAYAT)."""
        return queryset.filter(Q(diminta__gte=value) | Q(selesai__gte=value))


class LaporanViewSet(
    RestrictedViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Rendered reports (PP-39, LAKIP, PK) of the satker the user may see: request one, follow
    its status, download it when done."""

    queryset = BerkasLaporan.objects.select_related(
        "satker", "diminta_oleh", "peristiwa__oleh"
    ).order_by("-diminta", "-pk")
    serializer_class = BerkasLaporanSerializer
    filterset_class = BerkasLaporanFilterSet

    def get_serializer_class(self):
        return PermintaanLaporanSerializer if self.action == "create" else BerkasLaporanSerializer

    @extend_schema(
        request=PermintaanLaporanSerializer,
        responses={
            202: BerkasLaporanSerializer,
            200: OpenApiResponse(
                BerkasLaporanSerializer, description="Arsip verifikasi yang sudah tersedia"
            ),
        },
        summary="Minta penyusunan laporan",
    )
    def create(self, request, *args, **kwargs):
        masukan = PermintaanLaporanSerializer(data=request.data, context={"request": request})
        masukan.is_valid(raise_exception=True)
        data = masukan.validated_data
        berkas = services.minta(
            user=request.user,
            satker=data["satker"],
            jenis=data["jenis"],
            format_=data["format"],
            tahun=data["tahun"],
            triwulan=data.get("triwulan"),
        )
        berkas.refresh_from_db()
        tersedia = berkas.arsip and berkas.status == StatusBerkas.SELESAI
        return Response(
            BerkasLaporanSerializer(berkas, context={"request": request}).data,
            status=status.HTTP_200_OK if tersedia else status.HTTP_202_ACCEPTED,
        )

    @extend_schema(
        responses={
            200: OpenApiResponse(description="Berkas laporan dalam format yang diminta"),
            500: OpenApiResponse(
                description="Berkas arsip tidak cocok dengan SHA-256 yang tercatat; tidak diberikan"
            ),
        },
        summary="Unduh berkas laporan",
    )
    @action(detail=True, methods=["get"])
    def unduh(self, request, pk=None, format=None):
        """The rendered file itself, whatever format suffix the router's route carries; an
        archive only when its bytes still hash to the recorded SHA-256."""
        berkas = self.get_object()
        if berkas.status != StatusBerkas.SELESAI or not berkas.berkas:
            raise Http404
        try:
            return respons_unduhan(berkas)
        except arsip.ArsipRusak as exc:
            return galat.respons(500, str(exc), kode="arsip_rusak")
