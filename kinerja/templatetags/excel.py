"""The "Unduh Excel" / "Unggah Excel" pair of a page with a workbook round-trip."""

from __future__ import annotations

from django import template

from kinerja import siklus

register = template.Library()


@register.inclusion_tag("kinerja/_excel.html", takes_context=True)
def tombol_excel(context: template.Context, templat: str, impor: str) -> dict:
    """Both links; the upload only for whoever may change the satker's data."""
    request = context.get("request")
    satker = context.get("satker")
    boleh = bool(request and satker and siklus.boleh_mengisi(request.user, satker))
    return {"templat": templat, "impor": impor, "boleh": boleh}
