"""SVG drawn as PNG by CairoSVG, in the PDF's typeface (Liberation Sans from static/fonts/,
made known to fontconfig for this process): the charts as pictures for Word, and the
pictures the application draws itself (an organisation chart for the demo data)."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

from django.conf import settings

logger = logging.getLogger(__name__)

HURUF = "Liberation Sans"


@cache
def huruf() -> str:
    """The family to draw text in: the project's Liberation Sans once fontconfig knows
    static/fonts/ (CairoSVG finds fonts only through fontconfig), else fontconfig's default
    sans-serif."""
    folder = settings.BASE_DIR / "static" / "fonts"
    try:
        fc = ctypes.CDLL(ctypes.util.find_library("fontconfig") or "libfontconfig.so.1")
        fc.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        if fc.FcConfigAppFontAddDir(None, str(folder).encode()):
            return HURUF
    except OSError:
        pass
    logger.warning("Huruf %s tidak terdaftar di fontconfig; gambar memakai sans-serif.", HURUF)
    return "sans-serif"


def dari_svg(svg: str, skala: float) -> bytes:
    """The SVG drawn as a PNG `skala` times its size, on white (not transparent: a viewer in
    dark mode would show black text on black)."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=skala, background_color="white")
