"""What every model admin of kinerja shares: writes that refresh the stored figures, and
rupiah columns printed as the ministry prints them."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse

from kinerja import hasil, jejak, riwayat
from kinerja.formatting import format_rupiah


class AdminHasil(admin.ModelAdmin):
    """A model admin whose writes (a change, an inline, a delete, a bulk action) refresh the
    stored figures they change before they commit, like every page does. Every write is in
    the history (kinerja.jejak, as "admin"); one refused because its quarter is submitted or
    verified is rolled back and shown as an error message with the reason."""

    def _jaga(self, request, jalankan: Callable[[], HttpResponse]) -> HttpResponse:
        try:
            with hasil.menyegarkan(), jejak.konteks(uraian=lambda obj: f"Admin: {obj}"):
                return jalankan()
        except jejak.TriwulanTerkunci as exc:
            messages.error(request, exc.pesan)
            return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._jaga(
            request,
            lambda: super(AdminHasil, self).changeform_view(
                request, object_id, form_url, extra_context
            ),
        )

    def delete_view(self, request, object_id, extra_context=None):
        return self._jaga(
            request,
            lambda: super(AdminHasil, self).delete_view(request, object_id, extra_context),
        )

    def history_view(self, request, object_id, extra_context=None):
        """The item's history as kinerja.jejak recorded it from every path (who, when, from
        where, old and new), in place of Django's log of the admin's own actions."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return super().history_view(request, object_id, extra_context)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Riwayat perubahan: {obj}",
            "subtitle": None,
            "object": obj,
            "opts": self.model._meta,
            "riwayat": riwayat.riwayat(obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/kinerja/riwayat_objek.html", context)

    def changelist_view(self, request, extra_context=None):
        return self._jaga(
            request, lambda: super(AdminHasil, self).changelist_view(request, extra_context)
        )


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
