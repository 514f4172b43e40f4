"""API of the performance data."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema

from kinerja.api.serializers import CapaianBarisSerializer
from kinerja.filtersets import IndikatorPerjanjianFilterSet
from kinerja.models import IndikatorPerjanjian
from satker.api.base import RestrictedListViewSet


@extend_schema(
    summary="Capaian kinerja per indikator PK",
    parameters=[
        OpenApiParameter("satker", str, description="Kode satker, mis. 417912"),
        OpenApiParameter("tahun", int, description="Tahun PK, mis. 2023"),
        OpenApiParameter("triwulan", int, description="1-4 (s.d. triwulan); kosong: setahun"),
    ],
)
class CapaianViewSet(RestrictedListViewSet):
    """One item per PK line: target, realisasi computed on the server from the supporting
    data (or as reported, flagged), capaian, progress, status, working and review notes."""

    queryset = IndikatorPerjanjian.objects.select_related(
        "sasaran__perjanjian__satker", "indikator"
    ).order_by(
        "sasaran__perjanjian__satker__kode",
        "sasaran__perjanjian__tahun",
        "sasaran__nomor",
        "nomor",
    )
    serializer_class = CapaianBarisSerializer
    filterset_class = IndikatorPerjanjianFilterSet

    def get_serializer_context(self):
        """The quarter the figures are computed for (validated by the FilterSet, which
        answers 400 to a bad value before the serializer runs)."""
        context = super().get_serializer_context()
        filterset = self.filterset_class(self.request.query_params, queryset=self.queryset)
        triwulan = filterset.form.cleaned_data.get("triwulan") if filterset.is_valid() else None
        context["triwulan"] = triwulan or None
        return context
