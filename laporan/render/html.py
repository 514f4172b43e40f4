"""The whole report as the one HTML file WeasyPrint lays the PDF out from, self-contained:
the stylesheet inline and its fonts as data: URLs, so that the file lays out the same from any
directory and on any machine (`weasyprint laporan.html laporan.pdf`). It is there to time one
WeasyPrint pass over a whole report, and to look at the report in a browser."""

from __future__ import annotations

import base64
import re
from functools import cache
from typing import TYPE_CHECKING

from laporan.render import HasilRender, Progres, Renderer, pdf, register

if TYPE_CHECKING:
    from laporan.dokumen import Laporan

CSS = pdf.STATIC / "laporan" / "laporan.css"
_URL = re.compile(r"url\((['\"]?)([^'\")]+)\1\)")


@cache
def gaya_sebaris() -> str:
    """static/laporan/laporan.css with every file it refers to (the fonts) inlined."""

    def sebaris(m: re.Match) -> str:
        berkas = (CSS.parent / m.group(2)).resolve()
        if not berkas.is_file():
            raise FileNotFoundError(f"{CSS.name} merujuk berkas yang tidak ada: {m.group(2)}")
        jenis = "font/ttf" if berkas.suffix == ".ttf" else "application/octet-stream"
        data = base64.b64encode(berkas.read_bytes()).decode("ascii")
        return f'url("data:{jenis};base64,{data}")'

    return _URL.sub(sebaris, CSS.read_text(encoding="utf-8"))


def render(laporan: Laporan) -> str:
    """The report's HTML with its stylesheet and fonts inside."""
    return pdf.html(laporan, gaya=gaya_sebaris())


@register
class Html(Renderer):
    """What WeasyPrint reads to make the PDF, in one file."""

    identifier = "html"
    verbose_name = "HTML (satu berkas)"
    content_type = "text/html; charset=utf-8"
    extension = "html"

    def render(
        self, laporan: Laporan, *, segar: bool = False, progres: Progres | None = None
    ) -> HasilRender:
        # Nothing cached, nothing long enough to report on.
        return HasilRender(render(laporan).encode("utf-8"))
