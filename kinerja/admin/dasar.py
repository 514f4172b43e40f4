"""What every model admin of kinerja shares: writes that refresh the stored figures, and
rupiah columns printed as the ministry prints them."""

from collections.abc import Callable

from django.contrib import admin
from django.db.models import Model

from kinerja import hasil
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
