"""What every model admin of kinerja shares: writes that refresh the stored figures, and
rupiah columns printed as the ministry prints them."""

from collections.abc import Callable

from django.contrib import admin
from django.db.models import Model

from kinerja import hasil, riwayat
from kinerja.formatting import format_rupiah


class AdminHasil(admin.ModelAdmin):
    """A model admin whose writes (a change, an inline, a delete, a bulk action) refresh the
    stored figures they change before they commit, like every page does."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with hasil.menyegarkan():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        with hasil.menyegarkan():
            return super().delete_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        with hasil.menyegarkan():
            return super().changelist_view(request, extra_context)


def kolom_rupiah(field: str, description: str) -> Callable[[admin.ModelAdmin, Model], str]:
    """A list column showing a rupiah field as the ministry prints it (Rp 12.207.073.000),
    sortable by the field."""

    @admin.display(description=description, ordering=field)
    def tampil(_model_admin: admin.ModelAdmin, obj: Model) -> str:
        nilai = getattr(obj, field)
        return "–" if nilai is None else format_rupiah(nilai)

    return tampil


LINE_SELECT = [
    "indikator",
    "indikator__sasaran",
    "indikator__sasaran__perjanjian",
    "indikator__sasaran__perjanjian__satker",
]
LINE_FILTER = ["indikator__sasaran__perjanjian__tahun", "indikator__sasaran__perjanjian__satker"]


def satker_dari(obj: Model):
    """The satker a record belongs to, by its `satker_lookup` path."""
    nilai = obj
    for bagian in obj.satker_lookup.split("__"):
        nilai = getattr(nilai, bagian)
    return nilai


class AdminRiwayat(AdminHasil):
    """A model admin whose saves and deletions are kept in the change history, like the
    entry pages' (kinerja.riwayat): who, when, the old and the new value of each field."""

    def _fields(self, obj: Model) -> list[str]:
        return [
            f.name
            for f in obj._meta.concrete_fields
            if f.editable and not f.primary_key and f.name != "satker"
        ]

    def save_model(self, request, obj, form, change) -> None:
        fields = self._fields(obj)
        lama = None
        if change:
            lama = riwayat.nilai(type(obj)._default_manager.get(pk=obj.pk), fields)
        super().save_model(request, obj, form, change)
        riwayat.catat(
            obj, lama, fields, user=request.user, satker=satker_dari(obj),
            uraian=f"Admin: {obj}",
        )  # fmt: skip

    def delete_model(self, request, obj) -> None:
        riwayat.catat_hapus(
            obj, riwayat.nilai(obj, self._fields(obj)), user=request.user,
            satker=satker_dari(obj), uraian=f"Admin: {obj}",
        )  # fmt: skip
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            riwayat.catat_hapus(
                obj, riwayat.nilai(obj, self._fields(obj)), user=request.user,
                satker=satker_dari(obj), uraian=f"Admin: {obj}",
            )  # fmt: skip
        super().delete_queryset(request, queryset)
