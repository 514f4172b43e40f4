"""The quarterly measurements in the API: GET /api/v1/realisasi/ (list and detail) with the
stored computed figures of each (kinerja.HasilPerhitungan, read, never recomputed per
request), and PATCH /api/v1/realisasi/{id}/ of what the quarter page lets a satker enter,
through the page's own service (kinerja.services.realisasi): same validation, lock and
history; If-Match required."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models import JSONField as ModelJSONField
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja import riwayat
from kinerja.api import galat
from kinerja.api.cache import CacheDaftarMixin
from kinerja.api.serializers import DESIMAL, DESIMAL_ATAU_KOSONG
from kinerja.choices import Triwulan
from kinerja.models import HasilPerhitungan, RealisasiTriwulan
from kinerja.models.hasil import STATUS_CHOICES
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.perhitungan import Status
from kinerja.selectors.pedoman import kolom_versi
from kinerja.services import realisasi as layanan
from satker.api.base import DiubahSejakFilterSet, RestrictedReadOnlyViewSet, etag

ANGKA = ("realisasi_antara", "nilai_realisasi")

#: The If-Match header every write must carry (the ETag of the detail it was read from).
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="ETag dari GET detail objek ini (penulisan tanpa header ini ditolak 428; "
    "ETag usang ditolak 412 dengan representasi terkini).",
)
#: The ETag header of a detail (and of the answer to a write).
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200],
    description="Versi representasi; kirim kembali dalam If-Match saat menulis.",
)


def _hasil() -> QuerySet:
    return HasilPerhitungan.objects.filter(
        indikator=OuterRef("indikator"), triwulan=OuterRef("triwulan")
    )


def queryset_realisasi() -> QuerySet:
    """The measurements with what an item shows, in one query: the line, its satker and year,
    and the line's stored figures of the quarter (`hasil_data`, `hasil_dihitung`)."""
    return (
        RealisasiTriwulan.objects.select_related(
            "indikator__sasaran__perjanjian__satker", "indikator__indikator"
        )
        .annotate(
            hasil_data=Subquery(_hasil().values("data")[:1], output_field=ModelJSONField()),
            hasil_dihitung=Subquery(_hasil().values("dihitung")[:1]),
            versi_data_dukung=kolom_versi(
                "data_dukung", "indikator__indikator", "indikator__sasaran__perjanjian__tahun"
            ),
        )
        .order_by(
            "indikator__sasaran__perjanjian__satker__kode",
            "indikator__sasaran__perjanjian__tahun",
            "triwulan",
            "indikator__sasaran__nomor",
            "indikator__nomor",
            "pk",
        )
    )


class RealisasiFilterSet(DiubahSejakFilterSet):
    satker = filters.CharFilter(
        field_name="indikator__sasaran__perjanjian__satker__kode", label=_("kode satker")
    )
    tahun = filters.NumberFilter(
        field_name="indikator__sasaran__perjanjian__tahun", min_value=TAHUN_MIN, max_value=TAHUN_MAX
    )
    triwulan = filters.TypedChoiceFilter(choices=Triwulan.choices, coerce=int)
    kode = filters.CharFilter(method="saring_kode", label=_("kode baris PK, mis. I.1"))
    status = filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="saring_status", label=_("status capaian tersimpan")
    )

    class Meta:
        model = RealisasiTriwulan
        fields = ["satker", "tahun", "triwulan", "kode", "status"]

    def saring_kode(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The line's code as the PK prints it (roman sasaran number, dot, line number)."""
        romawi, _, nomor = value.strip().upper().partition(".")
        angka = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                 "IX": 9, "X": 10}.get(romawi)  # fmt: skip
        if angka is None or not nomor.isdigit():
            return queryset.none()
        return queryset.filter(indikator__sasaran__nomor=angka, indikator__nomor=int(nomor))

    def saring_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Exists(_hasil().filter(status=value)))

    def saring_diubah_sejak(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """Changed on record, or its stored figures recomputed, at or after `value`."""
        berubah = super().saring_diubah_sejak(queryset, name, value)
        return queryset.filter(Q(pk__in=berubah.values("pk")) | Q(hasil_dihitung__gte=value))


def _nilai(data: dict | None, *kunci: str) -> Any:
    for k in kunci:
        if not isinstance(data, dict):
            return None
        data = data.get(k)
    return data


class RealisasiSerializer(serializers.ModelSerializer):
    """A line's quarter: what the satker entered and the stored figures computed from it
    (numbers as decimal strings; null where there is none yet)."""

    url = serializers.HyperlinkedIdentityField(view_name="realisasi-detail")
    satker = serializers.CharField(source="indikator.sasaran.perjanjian.satker.kode")
    tahun = serializers.IntegerField(source="indikator.sasaran.perjanjian.tahun")
    kode = serializers.CharField(source="indikator.kode", help_text="Kode baris PK, mis. I.1.")
    indikator = serializers.CharField(source="indikator.uraian")
    kode_pedoman = serializers.CharField(source="indikator.indikator.kode")
    data_dukung = serializers.SerializerMethodField(
        help_text="Jenis data dukung yang menjadi dasar realisasi; kosong: nilai dilaporkan."
    )
    realisasi_antara = serializers.DecimalField(
        max_digits=5, decimal_places=2, allow_null=True, read_only=True
    )
    nilai_realisasi = serializers.DecimalField(
        max_digits=15, decimal_places=4, allow_null=True, read_only=True
    )
    hasil = serializers.SerializerMethodField()
    dihitung = serializers.DateTimeField(
        source="hasil_dihitung", read_only=True, allow_null=True,
        help_text="Waktu angka tersimpan terakhir dihitung ulang.",
    )  # fmt: skip

    class Meta:
        model = RealisasiTriwulan
        fields = [
            "id", "url", "satker", "tahun", "triwulan", "kode", "indikator", "kode_pedoman",
            "data_dukung", "realisasi_antara", "nilai_realisasi", "kegiatan", "analisis",
            "kendala", "tindak_lanjut", "rekomendasi", "hasil", "dihitung",
        ]  # fmt: skip
        read_only_fields = fields

    def get_data_dukung(self, obj: RealisasiTriwulan) -> str:
        """The source named by the manual's version of the line's year."""
        return getattr(obj, "versi_data_dukung", None) or ""

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "description": "Angka tersimpan s.d. triwulan ini (kinerja.HasilPerhitungan).",
            "properties": {
                "target": DESIMAL,
                "realisasi": DESIMAL_ATAU_KOSONG,
                "sumber_realisasi": {"type": "string"},
                "rumus": {"type": "string"},
                "capaian": DESIMAL_ATAU_KOSONG,
                "target_antara": DESIMAL_ATAU_KOSONG,
                "realisasi_antara": DESIMAL_ATAU_KOSONG,
                "capaian_antara": DESIMAL_ATAU_KOSONG,
                "status": {"type": "string", "enum": [s.value for s in Status]},
                "status_label": {"type": "string"},
                "catatan": {"type": "array", "items": {"type": "string"}},
                "versi_pedoman": {
                    "type": "integer",
                    "nullable": True,
                    "description": "Tahun mulai berlakunya versi pedoman yang dipakai.",
                },
                "pedoman": {
                    "type": "string",
                    "description": "Versi pedoman yang dipakai, mis. "
                    "'Pedoman versi berlaku mulai 2024'.",
                },
            },
        }
    )
    def get_hasil(self, obj: RealisasiTriwulan) -> dict | None:
        d = getattr(obj, "hasil_data", None)
        if not d:
            return None
        return {
            "target": d.get("target"),
            "realisasi": _nilai(d, "realisasi", "nilai"),
            "sumber_realisasi": d.get("sumber_realisasi") or "",
            "rumus": _nilai(d, "realisasi", "rumus") or "",
            "capaian": _nilai(d, "capaian", "nilai"),
            "target_antara": d.get("target_antara"),
            "realisasi_antara": d.get("realisasi_antara"),
            "capaian_antara": _nilai(d, "capaian_antara", "nilai"),
            "status": d.get("status"),
            "status_label": Status(d["status"]).label if d.get("status") else "",
            "catatan": list(d.get("catatan") or []),
            "versi_pedoman": d.get("versi"),
            "pedoman": f"Pedoman versi berlaku mulai {d['versi']}" if d.get("versi") else "",
        }


_TEKS = {"type": "string", "nullable": True}
_ANGKA_MASUK = {
    "type": "string",
    "nullable": True,
    "description": "Angka sebagai teks (45.12 atau 45,12); null atau kosong: dikosongkan.",
    "example": "45.12",
}


@extend_schema_field(_ANGKA_MASUK)
class _AngkaMasuk(serializers.Field):
    pass


@extend_schema_field(_TEKS)
class _TeksMasuk(serializers.Field):
    pass


class RealisasiUbahSerializer(serializers.Serializer):
    """What a PATCH may change: the values of the quarter page's line form. Fields left out
    keep their values."""

    realisasi_antara = _AngkaMasuk(required=False, help_text="Realisasi antara (%), 0-100.")
    nilai_realisasi = _AngkaMasuk(required=False, help_text="Nilai realisasi dilaporkan.")
    kegiatan = _TeksMasuk(required=False)
    analisis = _TeksMasuk(required=False)
    kendala = _TeksMasuk(required=False)
    tindak_lanjut = _TeksMasuk(required=False)
    rekomendasi = _TeksMasuk(required=False)


def isian_dari(data: Any, boleh: tuple[str, ...], angka: tuple[str, ...] = ()) -> dict:
    """The JSON body as the form's input: an object of known fields, each a text (a number
    may also be a JSON number), or null for empty. Anything else: 400 naming the field."""
    if not isinstance(data, dict):
        raise ValidationError({galat.UMUM: [_("Kirim objek JSON berisi kolom yang diubah.")]})
    kolom: dict[str, list[str]] = {}
    isian: dict[str, Any] = {}
    for nama, nilai in data.items():
        if nama not in boleh:
            kolom[nama] = [_("Kolom ini tidak dapat diubah.")]
        elif nilai is None:
            isian[nama] = ""
        elif isinstance(nilai, bool) or not isinstance(nilai, str | int | float):
            kolom[nama] = [_("Kirim teks (angka boleh sebagai angka JSON) atau null.")]
        elif not isinstance(nilai, str) and nama not in angka:
            kolom[nama] = [_("Kirim teks atau null.")]
        else:
            isian[nama] = str(nilai)
    if kolom:
        raise ValidationError(kolom)
    return isian


class VersiUsang(Exception):
    """The If-Match check under the row lock refused: the response to send."""

    def __init__(self, response: Response) -> None:
        self.response = response


@extend_schema_view(
    list=extend_schema(summary="Realisasi triwulan per baris PK, dengan angka tersimpan"),
    retrieve=extend_schema(summary="Satu realisasi triwulan", parameters=[ETAG]),
)
class RealisasiViewSet(CacheDaftarMixin, mixins.UpdateModelMixin, RestrictedReadOnlyViewSet):
    """The quarterly measurement of each PK line the user may see."""

    queryset = queryset_realisasi()
    serializer_class = RealisasiSerializer
    filterset_class = RealisasiFilterSet
    http_method_names = ["get", "patch", "head", "options"]
    parser_classes = [JSONParser]

    @extend_schema(
        summary="Ubah isian realisasi triwulan (seperti halaman pengisian)",
        parameters=[IF_MATCH, ETAG],
        request=RealisasiUbahSerializer,
        responses={200: RealisasiSerializer},
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Save what the quarter page saves for this line (same validation, lock, history),
        then answer with the new representation, its stored figures recomputed, and its
        ETag. 428 without If-Match; 412 when it is stale; 409 for a closed quarter."""
        obj = self.get_object()
        if not request.headers.get("If-Match"):
            return self.periksa_if_match(request, obj)
        isian = isian_dari(request.data, layanan.ISIAN, ANGKA)

        def periksa_versi(_r) -> None:
            terkini = self.get_queryset().get(pk=obj.pk)
            tolak = self.periksa_if_match(request, terkini)
            if tolak is not None:
                raise VersiUsang(tolak)

        line = obj.indikator
        try:
            layanan.realisasi_simpan(
                user=request.user,
                line=line,
                triwulan=obj.triwulan,
                isian=isian,
                sebagian=True,
                periksa_versi=periksa_versi,
            )
        except VersiUsang as exc:
            return exc.response
        except layanan.RealisasiTerkunci as exc:
            status = 403 if exc.kode == "tidak_berwenang" else 409
            return galat.respons(status, exc.pesan, kode=exc.kode)
        except layanan.IsianTidakValid as exc:
            raise ValidationError(
                {f: [_galat(e) for e in daftar] for f, daftar in exc.form.errors.as_data().items()}
            ) from exc
        except riwayat.Bentrok as exc:  # pragma: no cover - the API checks If-Match instead
            return galat.respons(409, exc.pesan, kode="bentrok")
        baru = self.get_queryset().get(pk=obj.pk)
        data = self.get_serializer(baru).data
        return Response(data, headers={"ETag": etag(data)})

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kwargs["partial"] = True
        return self.partial_update(request, *args, **kwargs)


def _galat(e: DjangoValidationError) -> ErrorDetail:
    """A form's error as DRF's detail with its code (the form's own message)."""
    return ErrorDetail(next(iter(e)), code=e.code or "invalid")
