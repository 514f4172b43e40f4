"""The budget tree in the API: GET /api/v1/anggaran/."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from kinerja.choices import TingkatAnggaran, Triwulan
from kinerja.models import ItemAnggaran
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors.anggaran import NodeAnggaran, bulan_posisi, pohon_banyak
from satker.api.base import RestrictedListViewSet


class ItemAnggaranFilterSet(filters.FilterSet):
    satker = filters.CharFilter(field_name="satker__kode", label=_("kode satker"))
    tahun = filters.NumberFilter(field_name="tahun", label=_("tahun anggaran"))
    triwulan = filters.TypedChoiceFilter(
        choices=Triwulan.choices, coerce=int, method="tanpa_saring", label=_("triwulan")
    )
    tingkat = filters.ChoiceFilter(choices=TingkatAnggaran.choices, label=_("tingkat"))
    kode = filters.CharFilter(
        method="saring_kode",
        label=_("kode"),
        help_text=_("Kode lengkap; memuat node itu dan seluruh rinciannya (mis. 6077.BAD)."),
    )

    class Meta:
        model = ItemAnggaran
        fields = ["satker", "tahun", "triwulan", "tingkat", "kode"]

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


class ItemAnggaranSerializer(serializers.Serializer):
    """A node of the budget tree with its pagu (rolled up from the leaves) and its progress:
    "s.d. triwulan lalu", "triwulan ini" and "s.d. triwulan ini". Rupiah are integers,
    percentages decimal strings."""

    def to_representation(self, node: NodeAnggaran) -> dict:
        item, hasil = node.item, node.hasil
        bulan_lalu, bulan_ini = bulan_posisi(self.context.get("triwulan"))
        lalu = _kolom(hasil.posisi.get(bulan_lalu)) if bulan_lalu else None
        ini = _kolom(hasil.posisi.get(bulan_ini))
        if bulan_lalu is None and ini is not None:
            lalu = dict.fromkeys(ini, None)
        return {
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


@extend_schema(
    summary="Struktur anggaran (RKA-K/L) dengan pagu dan realisasi",
    parameters=[
        OpenApiParameter("satker", str, description="Kode satker, mis. 247246"),
        OpenApiParameter("tahun", int, description="Tahun anggaran"),
        OpenApiParameter("triwulan", int, description="1-4; kosong: setahun (s.d. TW IV)"),
    ],
)
class AnggaranViewSet(RestrictedListViewSet):
    """The code tree program → kegiatan → KRO → RO → komponen → sub-komponen → akun, each
    node with its full dotted code, its pagu rolled up from the leaves, and its financial and
    physical progress."""

    queryset = ItemAnggaran.objects.select_related("satker").order_by(
        "satker__kode", "tahun", "urutan"
    )
    serializer_class = ItemAnggaranItemSerializer
    filterset_class = ItemAnggaranFilterSet

    def get_serializer_context(self):
        context = super().get_serializer_context()
        filterset = self.filterset_class(self.request.query_params, queryset=self.queryset)
        triwulan = filterset.form.cleaned_data.get("triwulan") if filterset.is_valid() else None
        context["triwulan"] = triwulan or None
        return context
