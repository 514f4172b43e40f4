"""The supporting data per kind in the API: /api/v1/data-dukung/{jenis}/ for every kind of the
table pages (kinerja.views.data_dukung.JENIS_DATA: the data the realisasi are computed from,
and the LAKIP's other tables). One viewset class, made once per kind with a serializer
generated from the kind's columns, so the schema describes each kind's fields as they are.

List and detail (with ETag); POST adds a row, PATCH changes one, DELETE removes one, as the
table page does (its row form, the record's own rules, the history, the satker's lock, and
409 for a row of a submitted or verified quarter), through kinerja.services.data_dukung.
PATCH and DELETE require If-Match."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from kinerja import jejak
from kinerja.api import galat
from kinerja.api.realisasi import ETAG, IF_MATCH, VersiUsang
from kinerja.choices import Triwulan
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.services import data_dukung as layanan
from kinerja.views.data_dukung import JENIS_DATA
from kinerja.views.jenis_data import JenisData
from satker.api.base import DiubahSejakFilterSet, EtagMixin, RestrictedViewSetMixin, etag
from satker.models import Satker

#: The ETag of a row just added.
ETAG_BARU = OpenApiParameter(
    "ETag", OpenApiTypes.STR, location=OpenApiParameter.HEADER, response=[201],
    description="Versi baris yang baru ditambahkan.",
)  # fmt: skip

_PK = "indikator__sasaran__perjanjian__tahun"

#: The year of a row of each kind (the ORM path): the table page's year it belongs to.
JALUR_TAHUN: dict[str, str] = {
    "pnbp": "tanggal_posisi__year",
    "hasil-layanan": "tanggal_posisi__year",
    "pdn": "tanggal_posisi__year",
    "profesionalitas": "tanggal_posisi__year",
    "pengukuran-perusahaan": _PK,
    "butir-capaian": _PK,
    "unsur-survei": "survei__tahun",
    "aspek-layanan-publik": "penilaian__tahun",
    "rekomendasi-audit": "tahun_audit",
    "butir-keputusan": "keputusan__tahun",
    "anggota-tim-reviu": "keputusan__tahun",
    "pelatihan-pegawai": "tanggal_mulai__year",
}


def jalur_tahun(kunci: str) -> str:
    return JALUR_TAHUN.get(kunci, "tahun")


def _letak(j: JenisData) -> jejak.Letak | None:
    """Where a row of the kind sits in a quarter (kinerja.jejak.KUNCI), if it does."""
    return jejak.KUNCI.get(j.model._meta.label)


def _dengan_triwulan(j: JenisData) -> bool:
    letak = _letak(j)
    return letak is not None and letak.periode in ("tanggal", "bulan")


def _satker_kode(j: JenisData) -> str:
    return f"{j.model.satker_lookup}__kode"


def _buat_filterset(kunci: str, j: JenisData) -> type[DiubahSejakFilterSet]:
    atribut: dict[str, Any] = {
        "satker": filters.CharFilter(field_name=_satker_kode(j), label=_("kode satker")),
        "tahun": filters.NumberFilter(
            field_name=jalur_tahun(kunci),
            min_value=TAHUN_MIN,
            max_value=TAHUN_MAX,
            label=_("tahun"),
        ),
    }
    nama = ["satker", "tahun"]
    if _dengan_triwulan(j):
        letak = _letak(j)

        def saring_triwulan(self, queryset: QuerySet, name: str, value: int, letak=letak):
            if letak.periode == "bulan":
                bulan = range(3 * value - 2, 3 * value + 1)
                return queryset.filter(**{f"{letak.jalur}__in": bulan})
            return queryset.filter(**{f"{letak.jalur}__quarter": value})

        atribut["triwulan"] = filters.TypedChoiceFilter(
            choices=Triwulan.choices,
            coerce=int,
            method="saring_triwulan",
            label=_("triwulan (menurut tanggal posisi atau bulan data)"),
        )
        atribut["saring_triwulan"] = saring_triwulan
        nama.append("triwulan")
    atribut["Meta"] = type("Meta", (), {"model": j.model, "fields": nama})
    return type(f"DataDukung{_nama_kelas(kunci)}FilterSet", (DiubahSejakFilterSet,), atribut)


def _nama_kelas(kunci: str) -> str:
    return "".join(bagian.capitalize() for bagian in kunci.split("-"))


def _buat_serializer(kunci: str, j: JenisData) -> type[serializers.ModelSerializer]:
    """A row of the kind: id, url, its satker's code and year, and the columns of the page."""
    atribut: dict[str, Any] = {
        "url": serializers.HyperlinkedIdentityField(view_name=f"data-dukung-{kunci}-detail"),
        "satker": serializers.CharField(
            source=f"{j.model.satker_lookup.replace('__', '.')}.kode", read_only=True
        ),
    }
    fields = ["id", "url", "satker", *j.fields]
    if j.isi_tahun:
        fields.insert(3, "tahun")
    meta = type("Meta", (), {"model": j.model, "fields": fields, "read_only_fields": fields})
    atribut["Meta"] = meta
    return type(f"DataDukung{_nama_kelas(kunci)}", (serializers.ModelSerializer,), atribut)


def _buat_serializer_tulis(kunci: str, j: JenisData) -> type[serializers.ModelSerializer]:
    """What a write sends: the page's columns (a PATCH only those it changes); a POST also
    names the satker (its code; a satker's own staff may leave it out) and, for a kind kept
    per year, the page's year."""
    atribut: dict[str, Any] = {
        "satker": serializers.CharField(
            required=False, help_text="POST: kode satker (kosong: satker Anda sendiri)."
        ),
    }
    fields = ["satker", *j.fields]
    if "tahun" not in j.fields and (j.isi_tahun or j.pilihan):
        atribut["tahun"] = serializers.IntegerField(
            required=False, help_text="POST: tahun halaman data (wajib untuk jenis ini)."
        )
        fields.append("tahun")
    extra = {f: {"required": False} for f in j.fields}
    meta = type("Meta", (), {"model": j.model, "fields": fields, "extra_kwargs": extra})
    atribut["Meta"] = meta
    return type(f"DataDukung{_nama_kelas(kunci)}Tulis", (serializers.ModelSerializer,), atribut)


def isian_baris(data: Any, j: JenisData) -> dict[str, Any]:
    """The JSON body as the row form's input: texts (numbers, dates and a parent's id as
    JSON numbers or text), true/false for a yes/no column, null for empty."""
    if not isinstance(data, dict):
        raise ValidationError({galat.UMUM: [_("Kirim objek JSON berisi kolom baris.")]})
    kolom: dict[str, list[str]] = {}
    isian: dict[str, Any] = {}
    for nama, nilai in data.items():
        if nama in ("satker", "tahun") and nama not in j.fields:
            continue
        if nama not in j.fields:
            kolom[nama] = [_("Kolom ini tidak ada pada jenis data ini.")]
            continue
        boolean = isinstance(j.model._meta.get_field(nama), models.BooleanField)
        if nilai is None:
            isian[nama] = ""
        elif isinstance(nilai, bool):
            if boolean:
                isian[nama] = nilai
            else:
                kolom[nama] = [_("Kirim teks atau angka, bukan true/false.")]
        elif isinstance(nilai, str | int | float):
            isian[nama] = str(nilai)
        else:
            kolom[nama] = [_("Kirim teks, angka atau null.")]
    if kolom:
        raise ValidationError(kolom)
    return isian


def _galat_form(form) -> dict[str, list[ErrorDetail]]:
    return {
        (galat.UMUM if f == "__all__" else f): [
            ErrorDetail(next(iter(e)), code=e.code or "invalid") for e in daftar
        ]
        for f, daftar in form.errors.as_data().items()
    }


def _galat_model(exc: DjangoValidationError) -> dict[str, list[ErrorDetail]]:
    if hasattr(exc, "error_dict"):
        return {
            (galat.UMUM if f == "__all__" else f): [
                ErrorDetail(next(iter(e)), code=e.code or "invalid") for e in daftar
            ]
            for f, daftar in exc.error_dict.items()
        }
    return {galat.UMUM: [ErrorDetail(p, code="invalid") for p in exc.messages]}


class DataDukungViewSet(
    RestrictedViewSetMixin,
    EtagMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The rows of one kind of supporting data (made per kind by `viewset_untuk`)."""

    kunci: str = ""
    jenis: JenisData
    serializer_tulis: type[serializers.Serializer]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser]

    def _baca(self, obj: models.Model) -> models.Model:
        return self.get_queryset().get(pk=obj.pk)

    def _satker_baris(self, obj: models.Model) -> tuple[Satker, int]:
        satker_id, tahun = (
            self.jenis.model._default_manager.filter(pk=obj.pk)
            .values_list(f"{self.jenis.model.satker_lookup}__pk", jalur_tahun(self.kunci))
            .get()
        )
        return Satker.objects.get(pk=satker_id), tahun

    def _periksa(self, request: Request):
        def periksa_versi(baris: models.Model) -> None:
            tolak = self.periksa_if_match(request, self._baca(baris))
            if tolak is not None:
                raise VersiUsang(tolak)

        return periksa_versi

    def _jawab(self, obj: models.Model, status: int = 200) -> Response:
        data = self.get_serializer(self._baca(obj)).data
        return Response(data, status=status, headers={"ETag": etag(data)})

    def _tulis(self, fungsi, **kwargs) -> Any:
        try:
            return fungsi(**kwargs)
        except VersiUsang as exc:
            return exc.response
        except layanan.BarisTidakValid as exc:
            raise ValidationError(_galat_form(exc.form)) from exc
        except jejak.TriwulanTerkunci:
            raise
        except DjangoPermissionDenied as exc:
            return galat.respons(403, str(exc), kode="tidak_berwenang")
        except models.ProtectedError:
            return galat.respons(409, str(_("Baris ini masih dirujuk data lain.")), kode="dirujuk")
        except DjangoValidationError as exc:
            raise ValidationError(_galat_model(exc)) from exc

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Add a row to the satker's table of the year, as the table page adds one."""
        isian = isian_baris(request.data, self.jenis)
        data = request.data
        kode = data.get("satker") or (request.user.satker.kode if request.user.satker else "")
        satker = Satker.objects.restrict(request.user).filter(kode=str(kode)).first()
        kolom: dict[str, list[str]] = {}
        if satker is None:
            kolom["satker"] = [str(_("Satker dengan kode ini tidak ditemukan."))]
        tahun = data.get("tahun") if "tahun" not in self.jenis.fields else None
        perlu_tahun = "tahun" not in self.jenis.fields and (
            self.jenis.isi_tahun or self.jenis.pilihan
        )
        if perlu_tahun and (isinstance(tahun, bool) or not isinstance(tahun, int)):
            kolom["tahun"] = [str(_("Isi tahun halaman data, mis. 2023."))]
        if kolom:
            raise ValidationError(kolom)
        hasil = self._tulis(
            layanan.data_dukung_simpan,
            user=request.user,
            satker=satker,
            tahun=tahun or 0,
            jenis=self.jenis,
            isian=isian,
        )
        if isinstance(hasil, Response):
            return hasil
        return self._jawab(hasil.baris, status=201)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Change a row's columns (those sent), as the table page does; If-Match required."""
        obj = self.get_object()
        if not request.headers.get("If-Match"):
            return self.periksa_if_match(request, obj)
        isian = isian_baris(
            {k: v for k, v in request.data.items() if k not in ("satker", "tahun")}
            if isinstance(request.data, dict)
            else request.data,
            self.jenis,
        )
        satker, tahun = self._satker_baris(obj)
        hasil = self._tulis(
            layanan.data_dukung_simpan,
            user=request.user,
            satker=satker,
            tahun=tahun,
            jenis=self.jenis,
            isian=isian,
            baris=obj,
            periksa_versi=self._periksa(request),
        )
        if isinstance(hasil, Response):
            return hasil
        return self._jawab(hasil.baris)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Remove a row, as the table page does; If-Match required."""
        obj = self.get_object()
        if not request.headers.get("If-Match"):
            return self.periksa_if_match(request, obj)
        satker, _tahun = self._satker_baris(obj)
        hasil = self._tulis(
            layanan.data_dukung_hapus,
            user=request.user,
            satker=satker,
            jenis=self.jenis,
            baris=obj,
            periksa_versi=self._periksa(request),
        )
        if isinstance(hasil, Response):
            return hasil
        return Response(status=204)


def viewset_untuk(kunci: str, j: JenisData) -> type[DataDukungViewSet]:
    """The viewset of one kind, with its queryset, serializers, FilterSet and schema."""
    baca = _buat_serializer(kunci, j)
    tulis = _buat_serializer_tulis(kunci, j)
    lookup = j.model.satker_lookup
    queryset = j.model._default_manager.select_related(lookup).order_by("pk")
    judul = j.judul
    kelas = type(
        f"DataDukung{_nama_kelas(kunci)}ViewSet",
        (DataDukungViewSet,),
        {
            "kunci": kunci,
            "jenis": j,
            "queryset": queryset,
            "serializer_class": baca,
            "serializer_tulis": tulis,
            "filterset_class": _buat_filterset(kunci, j),
            "__doc__": f"{judul}. {j.keterangan}".strip(),
        },
    )
    tag = ["data-dukung"]
    return extend_schema_view(
        list=extend_schema(summary=f"{judul}: daftar baris", tags=tag),
        retrieve=extend_schema(summary=f"{judul}: satu baris", tags=tag, parameters=[ETAG]),
        create=extend_schema(
            summary=f"{judul}: tambah baris", tags=tag, request=tulis,
            responses={201: baca}, parameters=[ETAG_BARU],
        ),
        partial_update=extend_schema(
            summary=f"{judul}: ubah baris", tags=tag, request=tulis,
            responses={200: baca}, parameters=[IF_MATCH, ETAG],
        ),
        destroy=extend_schema(
            summary=f"{judul}: hapus baris", tags=tag, parameters=[IF_MATCH],
            responses={204: None},
        ),
    )(kelas)  # fmt: skip


#: One viewset per kind, by its key in the address.
VIEWSETS: dict[str, type[DataDukungViewSet]] = {
    kunci: viewset_untuk(kunci, j) for kunci, j in JENIS_DATA.items()
}
