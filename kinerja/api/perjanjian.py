"""Perjanjian Kinerja in the API: GET /api/v1/perjanjian/ and /api/v1/perjanjian/<id>/, each PK
with its sasaran, its lines (target, unit, the Rencana Aksi's target per quarter) and its
revisions. A PK is revised in place (`revisi` counts the revisions); what each revision
changed is on the change history, shown here as `riwayat_revisi`."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from kinerja.api.saringan import DiubahSejakLengkapFilterSet, saring_satker, saring_tahun
from kinerja.api.serializers import DESIMAL_ATAU_KOSONG, DesimalRingkas
from kinerja.models import (
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RencanaAksi,
    RiwayatPerubahan,
    SasaranKegiatan,
)
from satker.api.base import RestrictedReadOnlyViewSet

#: The fields whose changes make a revision of a PK: its own figures and its lines'.
KOLOM_REVISI = {
    PerjanjianKinerja: ("revisi", "tanggal", "tempat", "total_anggaran"),
    SasaranKegiatan: ("uraian",),
    IndikatorPerjanjian: ("uraian", "target", "satuan", "indikator"),
}


class TargetTriwulanSerializer(serializers.Serializer):
    triwulan = serializers.IntegerField(help_text="1-4.")
    target_antara = serializers.SerializerMethodField(
        help_text="Kemajuan kumulatif yang direncanakan s.d. triwulan itu, % dari target tahun."
    )

    @extend_schema_field(DESIMAL_ATAU_KOSONG)
    def get_target_antara(self, obj: RencanaAksi) -> str | None:
        return None if obj.target_antara is None else format(obj.target_antara.normalize(), "f")


class IndikatorPerjanjianSerializer(serializers.ModelSerializer):
    """A line of the PK: its code (III.2), the manual's indicator it measures, target and
    unit, and the Rencana Aksi's cumulative target per quarter."""

    kode = serializers.CharField(read_only=True, help_text="Kode baris PK, mis. III.2.")
    indikator_pedoman = serializers.CharField(
        source="indikator.kode", read_only=True, help_text="Kode indikator pedoman."
    )
    target = DesimalRingkas()
    target_triwulan = TargetTriwulanSerializer(source="rencana_aksi", many=True, read_only=True)
    capaian_url = serializers.HyperlinkedIdentityField(view_name="capaian-detail")

    class Meta:
        model = IndikatorPerjanjian
        fields = [
            "id", "kode", "nomor", "uraian", "indikator_pedoman", "target", "satuan",
            "target_triwulan", "catatan", "capaian_url",
        ]  # fmt: skip
        read_only_fields = fields


class SasaranKegiatanSerializer(serializers.ModelSerializer):
    kode = serializers.CharField(read_only=True, help_text="Nomor romawi sasaran, mis. III.")
    sasaran_renstra = serializers.CharField(
        source="sasaran_renstra.kode", read_only=True, allow_null=True, default=None
    )
    indikator = IndikatorPerjanjianSerializer(many=True, read_only=True)

    class Meta:
        model = SasaranKegiatan
        fields = ["id", "kode", "nomor", "uraian", "sasaran_renstra", "indikator"]
        read_only_fields = fields


class RevisiSerializer(serializers.Serializer):
    """A change of the PK or of one of its lines after it was made."""

    waktu = serializers.DateTimeField()
    kode = serializers.CharField(
        allow_null=True, help_text="Kode baris (III.2) atau sasaran (III); kosong untuk PK."
    )
    kolom = serializers.CharField(help_text="Nama kolom yang berubah, mis. target.")
    label = serializers.CharField()
    lama = serializers.CharField()
    baru = serializers.CharField()
    melalui = serializers.CharField(help_text="halaman, api, admin, impor atau perintah.")


class PerjanjianListSerializer(serializers.ListSerializer):
    """Reads the revisions of the page's PKs in one query."""

    def to_representation(self, data):
        items = list(data)
        lampirkan_revisi(items)
        return [self.child.to_representation(item) for item in items]


class PerjanjianKinerjaSerializer(serializers.ModelSerializer):
    """A Perjanjian Kinerja: who agreed it, where and when, its budget, its sasaran and lines,
    its revision number and the changes of each revision."""

    url = serializers.HyperlinkedIdentityField(view_name="perjanjian-detail")
    satker = serializers.CharField(source="satker.kode", read_only=True, allow_null=True)
    satker_url = serializers.HyperlinkedRelatedField(
        source="satker", view_name="api-satker-detail", read_only=True
    )
    sasaran = SasaranKegiatanSerializer(many=True, read_only=True)
    riwayat_revisi = serializers.SerializerMethodField()

    class Meta:
        model = PerjanjianKinerja
        fields = [
            "url", "id", "satker", "satker_url", "tahun", "revisi", "status", "tempat", "tanggal",
            "pihak_pertama_nama", "pihak_pertama_jabatan", "pihak_kedua_nama",
            "pihak_kedua_jabatan", "total_anggaran", "catatan", "sasaran", "riwayat_revisi",
        ]  # fmt: skip
        read_only_fields = fields
        list_serializer_class = PerjanjianListSerializer

    @extend_schema_field(RevisiSerializer(many=True))
    def get_riwayat_revisi(self, obj: PerjanjianKinerja) -> list[dict]:
        if not hasattr(obj, "_riwayat_revisi"):
            lampirkan_revisi([obj])
        return RevisiSerializer(obj._riwayat_revisi, many=True).data


def lampirkan_revisi(daftar: list[PerjanjianKinerja]) -> None:
    """Attach to each PK (its sasaran and lines prefetched) the recorded changes of its
    revision fields, oldest first, in one query. A value set when the record was made is
    not a revision and is left out."""
    if not daftar:
        return
    ct = {m: ContentType.objects.get_for_model(m, for_concrete_model=False) for m in KOLOM_REVISI}
    pemilik: dict[tuple[int, int], tuple[PerjanjianKinerja, str | None]] = {}
    syarat = Q(pk__in=[])
    for pk in daftar:
        pemilik[(ct[PerjanjianKinerja].pk, pk.pk)] = (pk, None)
        for s in pk.sasaran.all():
            pemilik[(ct[SasaranKegiatan].pk, s.pk)] = (pk, s.kode)
            for line in s.indikator.all():
                pemilik[(ct[IndikatorPerjanjian].pk, line.pk)] = (pk, f"{s.kode}.{line.nomor}")
    for model, kolom in KOLOM_REVISI.items():
        ids = [i for (c, i) in pemilik if c == ct[model].pk]
        syarat |= Q(content_type=ct[model], object_id__in=ids, field__in=kolom)
    hasil: dict[int, list[dict]] = defaultdict(list)
    riwayat = RiwayatPerubahan.objects.filter(syarat).exclude(lama="").order_by("waktu", "pk")
    for r in riwayat:
        pk, kode = pemilik[(r.content_type_id, r.object_id)]
        hasil[pk.pk].append(
            {
                "waktu": r.waktu,
                "kode": kode,
                "kolom": r.field,
                "label": r.label,
                "lama": r.lama,
                "baru": r.baru,
                "melalui": r.sumber,
            }
        )
    for pk in daftar:
        pk._riwayat_revisi = hasil[pk.pk]


class PerjanjianFilterSet(DiubahSejakLengkapFilterSet):
    anak_diubah = (
        (SasaranKegiatan, "perjanjian"),
        (IndikatorPerjanjian, "sasaran__perjanjian"),
        (RencanaAksi, "indikator__sasaran__perjanjian"),
    )
    anak_dihapus = (SasaranKegiatan, IndikatorPerjanjian, RencanaAksi)

    satker = saring_satker("satker__kode")
    tahun = saring_tahun("tahun", help_text=_("Tahun PK, 2000-2100, mis. 2023."))

    class Meta:
        model = PerjanjianKinerja
        fields = ["satker", "tahun", "diubah_sejak"]


@extend_schema_view(
    list=extend_schema(summary="Perjanjian Kinerja"),
    retrieve=extend_schema(summary="Satu Perjanjian Kinerja"),
)
class PerjanjianViewSet(RestrictedReadOnlyViewSet):
    """One item per PK, by satker code and year, with its sasaran, lines and revisions."""

    queryset = (
        PerjanjianKinerja.objects.select_related("satker")
        .prefetch_related(
            Prefetch(
                "sasaran",
                SasaranKegiatan.objects.select_related("sasaran_renstra").order_by("nomor", "pk"),
            ),
            Prefetch(
                "sasaran__indikator",
                IndikatorPerjanjian.objects.select_related("indikator").order_by("nomor", "pk"),
            ),
            Prefetch("sasaran__indikator__rencana_aksi", RencanaAksi.objects.order_by("triwulan")),
        )
        .order_by("satker__kode", "tahun", "pk")
    )
    serializer_class = PerjanjianKinerjaSerializer
    filterset_class = PerjanjianFilterSet
