"""The budget tree in the API: GET /api/v1/anggaran/."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
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

from kinerja.api.saringan import (
    DiubahSejakLengkapFilterSet,
    saring_satker,
    saring_tahun,
    saring_triwulan,
)
from kinerja.api.serializers import DESIMAL_ATAU_KOSONG
from kinerja.choices import TingkatAnggaran
from kinerja.models import ItemAnggaran, ProgresAnggaran, RealisasiDipa
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors.anggaran import NodeAnggaran, bulan_posisi, pohon_banyak
from satker.api.base import RestrictedReadOnlyViewSet, berubah_sejak, etag


class ItemAnggaranFilterSet(DiubahSejakLengkapFilterSet):
    """The nodes by satker code, year, level and code; `triwulan` chooses the period of the
    figures. `diubah_sejak`: a node counts as changed when anything of its satker-year's
    budget changed (a node, a progress figure, a month's spending), since the pagu and the
    progress roll up the whole tree."""

    anak_dihapus = (ItemAnggaran, ProgresAnggaran, RealisasiDipa)

    satker = saring_satker("satker__kode")
    tahun = saring_tahun("tahun", help_text=_("Tahun anggaran, mis. 2023."))
    triwulan = saring_triwulan(
        method="tanpa_saring",
        help_text=_(
            "1-4: kolom s.d. triwulan lalu, triwulan ini, s.d. triwulan ini; kosong: setahun."
        ),
    )
    tingkat = filters.ChoiceFilter(
        choices=TingkatAnggaran.choices,
        label=_("tingkat"),
        help_text=_("program, kegiatan, kro, ro, komponen, sub_komponen atau akun."),
    )
    kode = filters.CharFilter(
        method="saring_kode",
        label=_("kode"),
        help_text=_("Kode lengkap; memuat node itu dan seluruh rinciannya (mis. 6077.BAD)."),
    )

    class Meta:
        model = ItemAnggaran
        fields = ["satker", "tahun", "triwulan", "tingkat", "kode", "diubah_sejak"]

    def syarat_lain(self, sejak: Any) -> Q:
        satker, tahun = OuterRef("satker"), OuterRef("tahun")
        node = ItemAnggaran.objects.filter(satker=satker, tahun=tahun)
        progres = ProgresAnggaran.objects.filter(item__satker=satker, item__tahun=tahun)
        bulan = RealisasiDipa.objects.filter(satker=satker, tahun=tahun)
        return (
            Q(Exists(node.filter(berubah_sejak(ItemAnggaran, sejak))))
            | Q(Exists(progres.filter(berubah_sejak(ProgresAnggaran, sejak))))
            | Q(Exists(bulan.filter(berubah_sejak(RealisasiDipa, sejak))))
        )

    def tanpa_saring(self, queryset, name: str, value: int):
        """The quarter chooses the period of the figures, not the rows."""
        return queryset

    def saring_kode(self, queryset, name: str, value: str):
        return queryset.filter(Q(kode_lengkap=value) | Q(kode_lengkap__startswith=f"{value}."))


def _angka(nilai: Decimal | None) -> str | None:
    return None if nilai is None else format(nilai, "f")


def _kolom(posisi: pa.Posisi | None) -> dict | None:
    if posisi is None or not posisi.sumber:
        return None
    return {
        "rencana_keuangan_rp": posisi.rencana_rp,
        "realisasi_keuangan_rp": posisi.realisasi_rp,
        "rencana_keuangan": _angka(posisi.rencana_keuangan.nilai),
        "realisasi_keuangan": _angka(posisi.realisasi_keuangan.nilai),
        "rencana_fisik": _angka(posisi.rencana_fisik.nilai),
        "realisasi_fisik": _angka(posisi.realisasi_fisik.nilai),
    }


def _selisih(lalu: dict | None, ini: dict | None) -> dict | None:
    """The quarter's own column: s.d. ini minus s.d. lalu, measure by measure."""
    if ini is None:
        return None
    hasil = {}
    for kunci, nilai in ini.items():
        sebelum = (lalu or {}).get(kunci)
        if nilai is None:
            hasil[kunci] = None
        elif kunci.endswith("_rp"):
            hasil[kunci] = nilai - (sebelum or 0)
        else:
            hasil[kunci] = _angka(pa.kolom_triwulan(
                None if sebelum is None else Decimal(sebelum), Decimal(nilai)
            ).ini)  # fmt: skip
    return hasil


@extend_schema_field(DESIMAL_ATAU_KOSONG)
class _Persen(serializers.CharField):
    pass


class KolomAnggaranSerializer(serializers.Serializer):
    """A column of a node's progress: financial plan and realisation in rupiah (integers)
    and in % of the pagu, physical plan and realisation in % (decimal strings)."""

    rencana_keuangan_rp = serializers.IntegerField(allow_null=True)
    realisasi_keuangan_rp = serializers.IntegerField(allow_null=True)
    rencana_keuangan = _Persen(allow_null=True)
    realisasi_keuangan = _Persen(allow_null=True)
    rencana_fisik = _Persen(allow_null=True)
    realisasi_fisik = _Persen(allow_null=True)


class ItemAnggaranSerializer(serializers.Serializer):
    """A node of the budget tree with its pagu (rolled up from the leaves) and its progress:
    "s.d. triwulan lalu", "triwulan ini" and "s.d. triwulan ini". Rupiah are integers,
    percentages decimal strings. (The fields document the item; `to_representation` builds
    it from the computed tree.)"""

    url = serializers.URLField(read_only=True)
    id = serializers.IntegerField(read_only=True)
    satker = serializers.CharField(allow_null=True, help_text="Kode satker.")
    tahun = serializers.IntegerField()
    kode = serializers.CharField(help_text="Kode lengkap bertitik, mis. 6077.BAD.012.")
    kode_induk = serializers.CharField(allow_null=True)
    tingkat = serializers.ChoiceField(choices=TingkatAnggaran.choices)
    uraian = serializers.CharField()
    pagu = serializers.IntegerField(help_text="Rupiah, dijumlahkan dari rincian terbawah.")
    rincian_terbawah = serializers.BooleanField()
    sumber_dana = serializers.CharField(allow_null=True)
    indikator_keluaran = serializers.CharField(allow_null=True)
    volume = _Persen(allow_null=True, help_text="Volume keluaran (string desimal).")
    satuan = serializers.CharField(allow_null=True)
    lokasi = serializers.CharField(allow_null=True)
    triwulan = serializers.IntegerField(allow_null=True)
    sumber_progres = serializers.CharField(allow_null=True)
    sd_triwulan_lalu = KolomAnggaranSerializer(allow_null=True)
    triwulan_ini = KolomAnggaranSerializer(allow_null=True)
    sd_triwulan_ini = KolomAnggaranSerializer(allow_null=True)
    catatan = serializers.ListField(child=serializers.CharField())

    def to_representation(self, node: NodeAnggaran) -> dict:
        item, hasil = node.item, node.hasil
        triwulan = self.context.get("triwulan")
        url = reverse(
            "anggaran-detail", kwargs={"pk": item.pk}, request=self.context.get("request")
        )
        bulan_lalu, bulan_ini = bulan_posisi(self.context.get("triwulan"))
        lalu = _kolom(hasil.posisi.get(bulan_lalu)) if bulan_lalu else None
        ini = _kolom(hasil.posisi.get(bulan_ini))
        if bulan_lalu is None and ini is not None:
            lalu = dict.fromkeys(ini, None)
        return {
            "url": url + (f"?triwulan={triwulan}" if triwulan else ""),
            "id": item.pk,
            "satker": item.satker.kode or item.satker.singkatan,
            "tahun": item.tahun,
            "kode": item.kode_lengkap,
            "kode_induk": node.kode_induk,
            "tingkat": item.tingkat,
            "uraian": item.uraian,
            "pagu": hasil.pagu,
            "rincian_terbawah": hasil.daun,
            "sumber_dana": item.sumber_dana or None,
            "indikator_keluaran": item.indikator_keluaran or None,
            "volume": _angka(item.volume),
            "satuan": item.satuan or None,
            "lokasi": item.lokasi or None,
            "triwulan": self.context.get("triwulan"),
            "sumber_progres": (hasil.posisi.get(bulan_ini).sumber or None)
            if hasil.posisi.get(bulan_ini)
            else None,
            "sd_triwulan_lalu": lalu,
            "triwulan_ini": _selisih(lalu, ini),
            "sd_triwulan_ini": ini,
            "catatan": list(hasil.catatan),
        }


class ItemAnggaranListSerializer(serializers.ListSerializer):
    """Computes the trees of the page's satker-years once, then each node."""

    def to_representation(self, data):
        items = list(data)
        trees = pohon_banyak({(i.satker_id, i.tahun) for i in items})
        return [self.child.to_representation(trees[(i.satker_id, i.tahun)][i.pk]) for i in items]


class ItemAnggaranItemSerializer(ItemAnggaranSerializer):
    class Meta:
        list_serializer_class = ItemAnggaranListSerializer


_TRIWULAN = OpenApiParameter(
    "triwulan", int, enum=[1, 2, 3, 4], description="1-4; kosong: setahun (s.d. TW IV)"
)


@extend_schema_view(
    list=extend_schema(summary="Struktur anggaran (RKA-K/L) dengan pagu dan realisasi"),
    retrieve=extend_schema(summary="Satu node struktur anggaran", parameters=[_TRIWULAN]),
)
class AnggaranViewSet(RestrictedReadOnlyViewSet):
    """The code tree program → kegiatan → KRO → RO → komponen → sub-komponen → akun, each
    node with its full dotted code, its pagu rolled up from the leaves, and its financial and
    physical progress. The detail is one node, for the year or the quarter asked."""

    queryset = ItemAnggaran.objects.select_related("satker").order_by(
        "satker__kode", "tahun", "urutan", "pk"
    )
    serializer_class = ItemAnggaranItemSerializer
    filterset_class = ItemAnggaranFilterSet

    def get_serializer_context(self):
        context = super().get_serializer_context()
        filterset = self.filterset_class(self.request.query_params, queryset=self.queryset)
        triwulan = filterset.form.cleaned_data.get("triwulan") if filterset.is_valid() else None
        context["triwulan"] = triwulan or None
        return context

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The node's figures, computed as in the list, with the ETag of what is sent."""
        data = self.get_serializer([self.get_object()], many=True).data[0]
        return Response(data, headers={"ETag": etag(data)})
