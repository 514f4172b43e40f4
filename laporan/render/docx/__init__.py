"""The report as a Word document (python-docx), for the staff who finish reports in Word:
the same report model as the PDF, with Word's own heading styles (so that Word builds the
table of contents), numbered captions, header rows repeated on every page, landscape sections
for wide tables, page numbers, and the charts as pictures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laporan.render import HasilRender, Progres, Renderer, register

if TYPE_CHECKING:
    from laporan.dokumen import Laporan


def render(laporan: Laporan) -> bytes:
    """The .docx file of the report."""
    from laporan.render.docx.penulis import tulis

    return tulis(laporan)


@register
class Docx(Renderer):
    """No page count: Word lays the pages out when it opens the file."""

    identifier = "docx"
    verbose_name = "Word (.docx)"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = "docx"

    def render(
        self, laporan: Laporan, *, segar: bool = False, progres: Progres | None = None
    ) -> HasilRender:
        # Nothing cached, nothing long enough to report on.
        return HasilRender(render(laporan))
