"""The bases of every API viewset: scoping to the user, pagination, the `diubah_sejak` filter
and the ETag of a detail.

- The queryset is scoped to the user, so another satker's rows are simply absent (404 for a
  detail, missing from a list).
- Lists are paged (satker.api.halaman: `page`, `page_size` up to 500) with `next` and
  `previous` links; each viewset orders by a unique key, so paging is stable.
- `diubah_sejak` (an ISO 8601 time) keeps the items changed at or after that time: an item
  whose own record, or one of the records it shows (`anak_diubah`), has a change on the
  record (kinerja.RiwayatPerubahan) or a newer `diubah` stamp.
- A detail answers with an `ETag`: a hash of the representation it sends. A write must carry
  it back in `If-Match` (428 without it; 412 with the current representation when it is
  stale), so no client overwrites a change it has not seen."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from kinerja.api import galat
from kinerja.models import RiwayatPerubahan


class RestrictedViewSetMixin:
    def get_queryset(self) -> QuerySet:
        return super().get_queryset().restrict(self.request.user)


def berubah_sejak(model: type[Model], sejak: Any, pk: Any = None) -> Exists:
    """Whether a record of `model` (the outer row, or the row `pk` names) has a change on the
    record at or after `sejak`."""
    return Exists(
        RiwayatPerubahan.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id=pk if pk is not None else OuterRef("pk"),
            waktu__gte=sejak,
        )
    )


class WaktuIsoField(IsoDateTimeField):
    """An ISO 8601 time, as UTC: an offset the database refuses (PostgreSQL takes at most
    ±15:59) or a time that leaves the calendar once converted is a 400, not a 500."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        waktu = super().to_python(value)
        if waktu is None:
            return None
        try:
            return waktu.astimezone(datetime.UTC)
        except OverflowError as exc:
            raise forms.ValidationError(_("Waktu di luar jangkauan."), code="invalid") from exc


class WaktuIsoFilter(filters.IsoDateTimeFilter):
    field_class = WaktuIsoField


class DiubahSejakFilterSet(filters.FilterSet):
    """Base of every API list's FilterSet: `diubah_sejak`. A subclass lists in `anak_diubah`
    the records an item shows besides its own, as (model, lookup from that model to the
    item), e.g. `(IndikatorPerjanjian, "sasaran__perjanjian")` for a PK."""

    anak_diubah: tuple[tuple[type[Model], str], ...] = ()

    diubah_sejak = WaktuIsoFilter(
        method="saring_diubah_sejak",
        label=_("diubah sejak"),
        help_text=_(
            "Waktu ISO 8601, mis. 2026-12-01T00:00:00+07:00: hanya butir yang berubah pada "
            "atau setelah waktu itu (untuk sinkronisasi bertahap)."
        ),
    )

    def saring_diubah_sejak(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        model = queryset.model
        syarat = Q(berubah_sejak(model, value))
        if any(f.name == "diubah" for f in model._meta.get_fields()):
            syarat |= Q(diubah__gte=value)
        for anak, lookup in self.anak_diubah:
            syarat |= Q(
                Exists(
                    anak._default_manager.filter(**{lookup: OuterRef("pk")}).filter(
                        berubah_sejak(anak, value)
                    )
                )
            )
        return queryset.filter(syarat)


def etag(data: Any) -> str:
    """The ETag of a representation: a strong tag, a hash of its canonical JSON."""
    isi = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False)
    return '"' + hashlib.sha256(isi.encode()).hexdigest()[:32] + '"'


class EtagMixin:
    """A detail with its ETag, and the If-Match guard for a write (`periksa_if_match`)."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = etag(response.data)
        return response

    def periksa_if_match(self, request: Request, instance: Model) -> Response | None:
        """None when the write may go on; otherwise the refusal: 428 without If-Match, 412
        (with the current representation and its ETag) when it names another version."""
        terkini = self.get_serializer(instance).data
        tag = etag(terkini)
        diminta = request.headers.get("If-Match")
        if not diminta:
            return galat.respons(
                428,
                str(_("Sertakan header If-Match berisi ETag dari GET objek ini sebelum menulis.")),
                headers={"ETag": tag},
            )
        if tag not in [t.strip().removeprefix("W/") for t in diminta.split(",")] and (
            diminta.strip() != "*"
        ):
            return galat.respons(
                412,
                str(_("Objek sudah berubah sejak Anda membacanya; baca lagi lalu ulangi.")),
                headers={"ETag": tag},
                terkini=terkini,
            )
        return None


class RestrictedReadOnlyViewSet(
    RestrictedViewSetMixin,
    EtagMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """List and detail of satker data the user may see; the detail with its ETag."""
