"""The report's charts as PNG pictures for Word: the very SVG the PDF embeds
(laporan/render/grafik.py), drawn in the PDF's typeface (laporan/render/png.py)."""

from __future__ import annotations

from laporan.dokumen import Grafik
from laporan.render import grafik
from laporan.render import png as png_

SKALA = 3  # 640 × 300 SVG pixels → 1920 × 900: sharp when printed 16 cm wide


def png(g: Grafik) -> bytes:
    """The chart drawn as a PNG, three times the size of its SVG."""
    return png_.dari_svg(grafik.svg(g, huruf=png_.huruf()), SKALA)
