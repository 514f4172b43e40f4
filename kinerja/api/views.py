"""API of the performance data: GET /api/v1/capaian/ and /api/v1/capaian/<id>/ (<id> the PK
line's)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja.api.cache import CacheDaftarMixin
from kinerja.api.saringan import DiubahSejakLengkapFilterSet
from kinerja.api.serializers import CapaianBarisSerializer
from kinerja.choices import DataDukung
from kinerja.filtersets import IndikatorPerjanjianFilterSet
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    IndikatorPerjanjian,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    RealisasiTriwulan,
    RekomendasiAudit,
    RencanaAksi,
    RiwayatPerubahan,
    SasaranKegiatan,
    SurveiKepuasan,
    TargetRenstra,
    UnsurSurvei,
)
from satker.api.base import RestrictedReadOnlyViewSet, etag

#: The satker-level supporting data each kind of indicator reads (kinerja.selectors.capaian).
DATA_SATKER = {
    DataDukung.PNBP_LAYANAN: (PenerimaanPnbp,),
    DataDukung.HASIL_LAYANAN: (HasilLayanan,),
    DataDukung.ORDER_LAYANAN: (HasilLayanan,),
    DataDukung.BELANJA_PDN: (BelanjaPdn,),
    DataDukung.SURVEI_KEPUASAN: (SurveiKepuasan, UnsurSurvei),
    DataDukung.PROFESIONALITAS_ASN: (NilaiProfesionalitas,),
    DataDukung.LAYANAN_PUBLIK: (PenilaianLayananPublik, AspekLayananPublik),
    DataDukung.REKOMENDASI_AUDIT: (RekomendasiAudit,),
    DataDukung.NILAI_SAKIP: (NilaiSakip,),
    DataDukung.NILAI_LAPORAN_KEUANGAN: (NilaiLaporanKeuangan,),
}

SATKER_BARIS = "sasaran__perjanjian__satker"


class CapaianFilterSet(DiubahSejakLengkapFilterSet, IndikatorPerjanjianFilterSet):
    """The PK lines' filters, and `diubah_sejak`: a line counts as changed when an input of
    its figures changed: the line or its sasaran, its quarterly measurements, its Rencana
    Aksi, the supporting data claimed for it, its Renstra target, its manual indicator, or
    the satker's supporting data of the kind the indicator reads (any date: growth compares
    with the year before). A removed measurement, plan or claimed record counts for every
    line of its satker."""

    anak_diubah = (
        (SasaranKegiatan, "indikator"),
        (RealisasiTriwulan, "indikator"),
        (RencanaAksi, "indikator"),
        (PengukuranPerusahaan, "indikator"),
        (ButirCapaian, "indikator"),
        (TargetRenstra, "indikator__indikator_perjanjian"),
    )
    anak_dihapus = (RealisasiTriwulan, RencanaAksi, PengukuranPerusahaan, ButirCapaian)
    satker_item = SATKER_BARIS

    class Meta(IndikatorPerjanjianFilterSet.Meta):
        fields = [*IndikatorPerjanjianFilterSet.Meta.fields, "diubah_sejak"]

    def syarat_lain(self, sejak: Any) -> Q:
        syarat = Q(indikator__diubah__gte=sejak)
        for jenis, models in DATA_SATKER.items():
            syarat |= Q(indikator__data_dukung=jenis) & Q(
                Exists(
                    RiwayatPerubahan.objects.filter(
                        satker=OuterRef(SATKER_BARIS),
                        content_type__in=[
                            ContentType.objects.get_for_model(m, for_concrete_model=False)
                            for m in models
                        ],
                        waktu__gte=sejak,
                    )
                )
            )
        return syarat


_TRIWULAN = OpenApiParameter(
    "triwulan", int, enum=[1, 2, 3, 4], description="1-4 (s.d. triwulan); kosong: setahun"
)


@extend_schema_view(
    list=extend_schema(summary="Capaian kinerja per indikator PK"),
    retrieve=extend_schema(summary="Capaian satu indikator PK", parameters=[_TRIWULAN]),
)
class CapaianViewSet(CacheDaftarMixin, RestrictedReadOnlyViewSet):
    """One item per PK line: target, realisasi computed on the server from the supporting
    data (or as reported, flagged), capaian, progress, status, working and review notes.
    The detail is the PK line's id, for the year or the quarter asked (`triwulan`)."""

    queryset = IndikatorPerjanjian.objects.select_related(
        "sasaran__perjanjian__satker", "indikator"
    ).order_by(
        "sasaran__perjanjian__satker__kode",
        "sasaran__perjanjian__tahun",
        "sasaran__nomor",
        "nomor",
        "pk",
    )
    serializer_class = CapaianBarisSerializer
    filterset_class = CapaianFilterSet

    def get_serializer_context(self):
        """The quarter the figures are computed for (validated by the FilterSet, which
        answers 400 to a bad value before the serializer runs)."""
        context = super().get_serializer_context()
        filterset = self.filterset_class(self.request.query_params, queryset=self.queryset)
        triwulan = filterset.form.cleaned_data.get("triwulan") if filterset.is_valid() else None
        context["triwulan"] = triwulan or None
        return context

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The line's figures, computed as in the list, with the ETag of what is sent."""
        data = self.get_serializer([self.get_object()], many=True).data[0]
        return Response(data, headers={"ETag": etag(data)})
