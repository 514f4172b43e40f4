"""The report's charts as PNG pictures for Word: the very SVG the PDF embeds
(laporan/render/grafik.py), drawn by CairoSVG, in the PDF's typeface (Liberation Sans from
static/fonts/, made known to fontconfig for this process)."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

from django.conf import settings

from laporan.dokumen import Grafik
from laporan.render import grafik

logger = logging.getLogger(__name__)

HURUF = "Liberation Sans"
SKALA = 3  # 640 × 300 SVG pixels → 1920 × 900: sharp when printed 16 cm wide


@cache
def _huruf() -> str:
    """The family to draw the chart's text in: the project's Liberation Sans once fontconfig
    knows static/fonts/ (CairoSVG finds fonts only through fontconfig), else fontconfig's
    default sans-serif."""
    folder = settings.BASE_DIR / "static" / "fonts"
    try:
        fc = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
        fc.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        if fc.FcConfigAppFontAddDir(None, str(folder).encode()):
            return HURUF
    except OSError:
        pass
    logger.warning("Huruf %s tidak terdaftar di fontconfig; grafik memakai sans-serif.", HURUF)
    return "sans-serif"


def png(g: Grafik) -> bytes:
    """The chart drawn as a PNG, three times the size of its SVG, on white (not transparent:
    a viewer in dark mode would show black text on black)."""
    import cairosvg

    svg = grafik.svg(g, huruf=_huruf())
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=SKALA, background_color="white")
