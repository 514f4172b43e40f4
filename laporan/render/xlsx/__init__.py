"""The report as an Excel workbook (openpyxl, in buku_kerja.py): a contents sheet, then one
sheet per table and one per figure (chart or picture), numbers as numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laporan.render import HasilRender, Progres, Renderer, register

if TYPE_CHECKING:
    from laporan.dokumen import Laporan


def render(laporan: Laporan) -> bytes:
    """The workbook of the report's tables and charts."""
    from laporan.render.xlsx import buku_kerja

    return buku_kerja.render(laporan)


@register
class Xlsx(Renderer):
    """One sheet per table and figure; no page count (Excel paginates when it prints)."""

    identifier = "xlsx"
    verbose_name = "Excel (.xlsx)"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    extension = "xlsx"

    def render(
        self, laporan: Laporan, *, segar: bool = False, progres: Progres | None = None
    ) -> HasilRender:
        # Nothing cached, nothing long enough to report on.
        return HasilRender(render(laporan))
