"""The dashboard's rows in the API: GET /api/v1/ringkasan/?tahun=&triwulan=, one item per
satker the token's user may see, from the stored figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.utils import translate_validation
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from kinerja.api.saringan import DiubahSejakLengkapFilterSet, saring_satker
from kinerja.api.serializers import DESIMAL_ATAU_KOSONG
from kinerja.models import (
    PelaporanTriwulan,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    RiwayatPerubahan,
)
from kinerja.models.hasil import SETAHUN
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.selectors import dasbor as sd
from satker.api.base import RestrictedReadOnlyViewSet, etag
from satker.choices import JenisSatker
from satker.models import Satker


class RingkasanFilterSet(DiubahSejakLengkapFilterSet):
    """`tahun` and `triwulan` choose the period of the figures; the others choose satker.
    `diubah_sejak`: a satker counts as changed when any of its data went on the change
    history (its figures are computed from them), or its reporting moved (a submission, a
    return, a verification, a deadline extended). The days late (`hari_terlambat`) grow with
    the calendar, which is no change of data."""

    tahun = filters.NumberFilter(
        method="periode",
        label=_("tahun"),
        required=True,
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        decimal_places=0,
        help_text=_("Tahun angka-angkanya, 2000-2100, mis. 2023 (wajib)."),
    )
    triwulan = filters.TypedChoiceFilter(
        choices=[(0, "Setahun"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        method="periode",
        label=_("triwulan"),
        help_text=_("1-4 (s.d. triwulan); 0 atau kosong: setahun."),
    )
    satker = saring_satker("kode")
    jenis = filters.ChoiceFilter(
        choices=JenisSatker.choices, label=_("jenis"), help_text=_("Balai Besar atau Balai.")
    )
    provinsi = filters.CharFilter(
        field_name="provinsi", label=_("provinsi"), help_text=_("Nama provinsi, mis. Riau.")
    )
    simulasi = filters.BooleanFilter(
        field_name="simulasi",
        label=_("data simulasi"),
        help_text=_("true: hanya satker berdata simulasi; false: hanya satker berdata nyata."),
    )

    class Meta:
        model = Satker
        fields = ["tahun", "triwulan", "satker", "jenis", "provinsi", "simulasi", "diubah_sejak"]

    def syarat_lain(self, sejak: Any) -> Q:
        periode = PeriodePelaporan.objects.filter(Q(dibuka__gte=sejak) | Q(ditutup__gte=sejak))
        return (
            Q(Exists(RiwayatPerubahan.objects.filter(satker=OuterRef("pk"), waktu__gte=sejak)))
            | Q(
                Exists(
                    PelaporanTriwulan.objects.filter(satker=OuterRef("pk"), diperbarui__gte=sejak)
                )
            )
            | Q(
                Exists(
                    PeristiwaPelaporan.objects.filter(
                        pelaporan__satker=OuterRef("pk"), waktu__gte=sejak
                    )
                )
            )
            | Q(
                Exists(PerpanjanganPeriode.objects.filter(satker=OuterRef("pk"), dibuat__gte=sejak))
            )
            | Q(Exists(periode))
        )

    def periode(self, queryset, name: str, value: int):
        """The period chooses the figures, not the rows."""
        return queryset


def _angka(nilai: Decimal | None) -> str | None:
    return None if nilai is None else format(nilai, "f")


@extend_schema_field(DESIMAL_ATAU_KOSONG)
class _Desimal(serializers.CharField):
    pass


class PrakiraanSerializer(serializers.Serializer):
    jumlah_indikator_meleset = serializers.IntegerField()
    persen_penyerapan_akhir_tahun = _Desimal(allow_null=True)
    penyerapan_meleset = serializers.BooleanField(allow_null=True)


class RingkasanSerializer(serializers.Serializer):
    """A satker's figures of the period: reporting status, indicators reached and expected
    to miss, budget absorbed and its year-end forecast, SAKIP score. Percentages and scores
    are decimal strings, rupiah integers, counts integers; null where there is no figure.
    (The fields document the item; `to_representation` builds it from the dashboard's row.)"""

    url = serializers.URLField(help_text="Butir ini untuk periode yang sama.")
    id = serializers.IntegerField(help_text="Id satker.")
    satker_url = serializers.URLField()
    satker = serializers.CharField(allow_null=True, help_text="Kode satker.")
    nama = serializers.CharField()
    singkatan = serializers.CharField()
    jenis = serializers.ChoiceField(choices=JenisSatker.choices)
    provinsi = serializers.CharField(allow_null=True)
    simulasi = serializers.BooleanField()
    tahun = serializers.IntegerField()
    triwulan = serializers.IntegerField(allow_null=True)
    status_pelaporan = serializers.CharField()
    batas_pelaporan = serializers.DateField(allow_null=True)
    hari_terlambat = serializers.IntegerField()
    jumlah_indikator = serializers.IntegerField()
    jumlah_tercapai = serializers.IntegerField()
    persen_tercapai = _Desimal(allow_null=True)
    pagu = serializers.IntegerField(allow_null=True)
    realisasi_anggaran = serializers.IntegerField(allow_null=True)
    persen_realisasi_anggaran = _Desimal(allow_null=True)
    persen_rencana_penarikan = _Desimal(allow_null=True)
    deviasi_penarikan = _Desimal(allow_null=True)
    nilai_sakip = _Desimal(allow_null=True)
    predikat_sakip = serializers.CharField(allow_null=True)
    prakiraan = PrakiraanSerializer()

    def to_representation(self, b: sd.BarisSatker) -> dict:
        s: sd.Saringan = self.context["saringan"]
        st = b.status_triwulan(s.triwulan)
        a = b.anggaran
        request = self.context.get("request")
        periode = f"?tahun={s.tahun}" + (f"&triwulan={s.triwulan}" if s.triwulan else "")
        return {
            "url": reverse("ringkasan-detail", kwargs={"pk": b.satker.pk}, request=request)
            + periode,
            "id": b.satker.pk,
            "satker_url": reverse("api-satker-detail", kwargs={"pk": b.satker.pk}, request=request),
            "satker": b.satker.kode,
            "nama": b.satker.nama,
            "singkatan": b.satker.singkatan,
            "jenis": b.satker.jenis,
            "provinsi": b.satker.provinsi or None,
            "simulasi": b.satker.simulasi,
            "tahun": s.tahun,
            "triwulan": s.triwulan or None,
            "status_pelaporan": st.status,
            "batas_pelaporan": st.batas.isoformat() if st.batas else None,
            "hari_terlambat": st.hari_terlambat,
            "jumlah_indikator": b.jumlah_indikator,
            "jumlah_tercapai": b.jumlah_tercapai,
            "persen_tercapai": _angka(b.tercapai.nilai),
            "pagu": a.pagu if a else None,
            # Only an amount as reported; the share is in persen_realisasi either way.
            "realisasi_anggaran": a.realisasi_dilaporkan if a else None,
            "persen_realisasi_anggaran": _angka(b.penyerapan.nilai),
            "persen_rencana_penarikan": _angka(b.rencana.nilai),
            "deviasi_penarikan": _angka(b.deviasi.nilai),
            "nilai_sakip": _angka(b.sakip.nilai) if b.sakip else None,
            "predikat_sakip": b.predikat_sakip or None,
            "prakiraan": {
                "jumlah_indikator_meleset": b.jumlah_meleset,
                "persen_penyerapan_akhir_tahun": _angka(b.prakiraan_penyerapan.nilai),
                "penyerapan_meleset": a.prakiraan_meleset if a else None,
            },
        }


class RingkasanListSerializer(serializers.ListSerializer):
    """Aggregates the stored figures of the page's satker at once (a fixed number of queries
    whatever the page size)."""

    def to_representation(self, data):
        satker = list(data)
        s: sd.Saringan = self.context["saringan"]
        daftar = sd.baris_satker(
            self.context["request"].user, s, timezone.localdate(), satker_ids=[x.pk for x in satker]
        )
        sd.lengkapi(daftar)
        baris = {b.satker.pk: b for b in daftar}
        return [self.child.to_representation(baris[x.pk]) for x in satker]


class RingkasanItemSerializer(RingkasanSerializer):
    class Meta:
        list_serializer_class = RingkasanListSerializer


_PERIODE = [
    OpenApiParameter("tahun", int, required=True, description="Tahun, mis. 2023"),
    OpenApiParameter(
        "triwulan", int, enum=[0, 1, 2, 3, 4], description="1-4 (s.d. triwulan); 0/kosong: setahun"
    ),
]


@extend_schema_view(
    list=extend_schema(summary="Ringkasan semua satker (dasbor Sekretariat)"),
    retrieve=extend_schema(summary="Ringkasan satu satker", parameters=_PERIODE),
)
class RingkasanViewSet(RestrictedReadOnlyViewSet):
    """One item per satker: the rows of the secretariat's dashboard. The detail is one
    satker (by its id) for the period asked."""

    queryset = Satker.objects.order_by("-jenis", "singkatan", "pk")
    serializer_class = RingkasanItemSerializer
    filterset_class = RingkasanFilterSet

    def get_serializer_context(self):
        context = super().get_serializer_context()
        filterset = self.filterset_class(self.request.query_params, queryset=self.queryset)
        data = filterset.form.cleaned_data if filterset.is_valid() else {}
        context["saringan"] = sd.Saringan(
            tahun=int(data.get("tahun") or timezone.localdate().year),
            triwulan=data.get("triwulan") or SETAHUN,
        )
        return context

    def filter_queryset(self, queryset):
        """A detail is found by its id alone (another satker's is a 404 whatever the
        query); its period is checked after."""
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The satker's row of the period, as in the list, with the ETag of what is sent."""
        satker = self.get_object()
        filterset = self.filterset_class(request.query_params, queryset=self.get_queryset())
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        data = self.get_serializer([satker], many=True).data[0]
        return Response(data, headers={"ETag": etag(data)})
