"""Serialization of the computed figures of PK lines (kinerja.perhitungan.HasilBaris)."""

from __future__ import annotations

from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from kinerja.perhitungan import HasilBaris
from kinerja.perhitungan.dasar import ringkas
from kinerja.selectors import hitung_capaian

#: The schema of a number the API sends: a decimal string, never a float.
DESIMAL = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^-?\d+(\.\d+)?$",
    "example": "363.80",
}
DESIMAL_ATAU_KOSONG = {**DESIMAL, "nullable": True}


@extend_schema_field(DESIMAL)
class DesimalString(serializers.Field):
    """A Decimal as a string with the precision it was reported with ("363.80", "426");
    read-only (a write takes serializers.DecimalField)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Decimal) -> str:
        return format(value, "f")


@extend_schema_field(DESIMAL)
class DesimalRingkas(DesimalString):
    """A stored Decimal as a string without the trailing zeros of its column ("92.5", "750"),
    as it is written in the PK; read-only."""

    def to_representation(self, value: Decimal) -> str:
        return format(ringkas(value), "f")


def _angka(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


class CapaianSerializer(serializers.Serializer):
    """One PK line's figures for the period asked: target, realisasi (from the supporting
    data, or as reported), capaian, progress against the Rencana Aksi, status, the working
    (`rumus`) and the review notes (`catatan`). Numbers are decimal strings."""

    satker = serializers.CharField()
    tahun = serializers.IntegerField()
    triwulan = serializers.IntegerField(allow_null=True)
    indikator_kode = serializers.CharField(source="kode")
    sasaran = serializers.CharField()
    indikator = serializers.CharField()
    satuan = serializers.CharField()
    target = DesimalString()
    realisasi = serializers.SerializerMethodField()
    sumber_realisasi = serializers.CharField()
    capaian = serializers.SerializerMethodField()
    target_antara = serializers.SerializerMethodField()
    realisasi_antara = serializers.SerializerMethodField()
    capaian_antara = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    rumus = serializers.CharField()
    keterangan = serializers.SerializerMethodField()
    catatan = serializers.ListField(child=serializers.CharField())
    versi_pedoman = serializers.IntegerField(
        source="versi",
        allow_null=True,
        help_text="Tahun mulai berlakunya versi pedoman yang dipakai perhitungan.",
    )
    pedoman = serializers.CharField(
        source="label_versi", help_text="Mis. 'Pedoman versi berlaku mulai 2024'."
    )

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_realisasi(self, obj: HasilBaris) -> str | None:
        return _angka(obj.realisasi.nilai)

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_capaian(self, obj: HasilBaris) -> str | None:
        return _angka(obj.capaian.nilai)

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_target_antara(self, obj: HasilBaris) -> str | None:
        return _angka(obj.target_antara)

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_realisasi_antara(self, obj: HasilBaris) -> str | None:
        return _angka(obj.realisasi_antara)

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_capaian_antara(self, obj: HasilBaris) -> str | None:
        return None if obj.capaian_antara is None else _angka(obj.capaian_antara.nilai)

    def get_status(self, obj: HasilBaris) -> str:
        return obj.status.value

    def get_status_label(self, obj: HasilBaris) -> str:
        return obj.status.label

    def get_keterangan(self, obj: HasilBaris) -> str:
        return obj.realisasi.keterangan


class _BarisBeralamat:
    """A line's computed figures with the line's id and the URL of its detail."""

    def __init__(self, hasil: HasilBaris, id: int, url: str) -> None:
        self.hasil, self.id, self.url = hasil, id, url

    def __getattr__(self, name: str):
        return getattr(self.hasil, name)


class CapaianListSerializer(serializers.ListSerializer):
    """Computes the whole page of PK lines in one batch (a bounded number of queries),
    then serializes each line's figures with the URL of its detail (for the same quarter)."""

    def to_representation(self, data):
        lines = list(data)
        triwulan = self.context.get("triwulan")
        request = self.context.get("request")
        query = f"?triwulan={triwulan}" if triwulan else ""
        return [
            self.child.to_representation(
                _BarisBeralamat(
                    h,
                    line.pk,
                    reverse("capaian-detail", kwargs={"pk": line.pk}, request=request) + query,
                )
            )
            for line, h in zip(lines, hitung_capaian(lines, triwulan), strict=True)
        ]


class CapaianBarisSerializer(CapaianSerializer):
    """The API's item: a PK line (model instance) turned into its computed figures, with
    its id and the URL of its detail."""

    url = serializers.URLField(read_only=True)
    id = serializers.IntegerField(read_only=True, help_text="Id baris PK.")

    class Meta:
        list_serializer_class = CapaianListSerializer
