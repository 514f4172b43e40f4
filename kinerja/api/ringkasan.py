"""The dashboard's rows in the API: GET /api/v1/ringkasan/?tahun=&triwulan=, one item per
satker the token's user may see, from the stored figures."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from kinerja.models.hasil import SETAHUN
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.selectors import dasbor as sd
from satker.api.base import RestrictedListViewSet
from satker.choices import JenisSatker
from satker.models import Satker


class RingkasanFilterSet(filters.FilterSet):
    """`tahun` and `triwulan` choose the period of the figures; the others choose satker."""

    tahun = filters.NumberFilter(
        method="periode",
        label=_("tahun"),
        required=True,
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        decimal_places=0,
    )
    triwulan = filters.TypedChoiceFilter(
        choices=[(0, "Setahun"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        method="periode",
        label=_("triwulan"),
        help_text=_("1-4 (s.d. triwulan); 0 atau kosong: setahun."),
    )
    satker = filters.CharFilter(field_name="kode", label=_("kode satker"))
    jenis = filters.ChoiceFilter(choices=JenisSatker.choices, label=_("jenis"))
    provinsi = filters.CharFilter(field_name="provinsi", label=_("provinsi"))
    simulasi = filters.BooleanFilter(field_name="simulasi", label=_("data simulasi"))

    class Meta:
        model = Satker
        fields = ["tahun", "triwulan", "satker", "jenis", "provinsi", "simulasi"]

    def periode(self, queryset, name: str, value: int):
        """The period chooses the figures, not the rows."""
        return queryset


def _angka(nilai: Decimal | None) -> str | None:
    return None if nilai is None else format(nilai, "f")


class RingkasanSerializer(serializers.Serializer):
    """A satker's figures of the period: reporting status, indicators reached and expected
    to miss, budget absorbed and its year-end forecast, SAKIP score. Percentages and scores
    are decimal strings, rupiah integers, counts integers; null where there is no figure."""

    def to_representation(self, b: sd.BarisSatker) -> dict:
        s: sd.Saringan = self.context["saringan"]
        st = b.status_triwulan(s.triwulan)
        a = b.anggaran
        return {
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


@extend_schema(
    summary="Ringkasan semua satker (dasbor Sekretariat)",
    parameters=[
        OpenApiParameter("tahun", int, required=True, description="Tahun, mis. 2023"),
        OpenApiParameter("triwulan", int, description="1-4 (s.d. triwulan); 0/kosong: setahun"),
    ],
)
class RingkasanViewSet(RestrictedListViewSet):
    """One item per satker: the rows of the secretariat's dashboard."""

    queryset = Satker.objects.order_by("-jenis", "singkatan")
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
