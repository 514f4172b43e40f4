"""An organisation chart as SVG: the units of a satker as a tree of boxes, the head on top,
each level's units side by side under the one they report to, joined by lines. Only the
units' names and titles are drawn (no people). Pure functions; laporan/render/png.py draws
the SVG as a picture."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

LEBAR_KOTAK = 210  # a unit's box, in SVG pixels
HURUF_PER_BARIS = 30  # characters of a box's line before it wraps
TINGGI_BARIS = 14
PADING = 10
JARAK_MENDATAR = 24  # between two boxes side by side
JARAK_TURUN = 36  # between a level and the next
TEPI = 16
WARNA_GARIS = "#0b5394"
WARNA_KEPALA = "#dfe7f1"


@dataclass
class Unit:
    """A box of the chart: the unit (or the head's title) and the units under it."""

    nama: str
    anak: list[Unit] = field(default_factory=list)

    @classmethod
    def dari_data(cls, data: dict) -> Unit:
        """From the fixture's mapping {nama: ..., anak: [...]}."""
        return cls(data["nama"], [cls.dari_data(a) for a in data.get("anak") or []])


def _baris(u: Unit) -> list[str]:
    return textwrap.wrap(u.nama, HURUF_PER_BARIS) or [""]


def _lebar_cabang(u: Unit) -> float:
    """The width the unit and everything under it take."""
    if not u.anak:
        return LEBAR_KOTAK
    anak = sum(_lebar_cabang(a) for a in u.anak) + JARAK_MENDATAR * (len(u.anak) - 1)
    return max(LEBAR_KOTAK, anak)


def _tinggi_tingkat(u: Unit, tingkat: int = 0, hasil: dict[int, float] | None = None) -> dict:
    """The height of the boxes of each level: the tallest box of the level, so that a level
    reads as one row."""
    hasil = {} if hasil is None else hasil
    tinggi = len(_baris(u)) * TINGGI_BARIS + 2 * PADING
    hasil[tingkat] = max(hasil.get(tingkat, 0), tinggi)
    for a in u.anak:
        _tinggi_tingkat(a, tingkat + 1, hasil)
    return hasil


def svg(akar: Unit, *, huruf: str = "Badan, sans-serif") -> str:
    """The chart of `akar` and the units under it, as an SVG element."""
    tinggi = _tinggi_tingkat(akar)
    y_tingkat = {}
    y = TEPI
    for t in sorted(tinggi):
        y_tingkat[t] = y
        y += tinggi[t] + JARAK_TURUN
    lebar_svg = _lebar_cabang(akar) + 2 * TEPI
    tinggi_svg = y - JARAK_TURUN + TEPI
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lebar_svg:.0f}" '
        f'height="{tinggi_svg:.0f}" viewBox="0 0 {lebar_svg:.0f} {tinggi_svg:.0f}" '
        f'font-family="{escape(huruf)}" font-size="11">'
    ]

    def gambar(u: Unit, kiri: float, tingkat: int) -> float:
        """Draw the unit's branch from `kiri`; the x of its box's centre."""
        lebar = _lebar_cabang(u)
        tengah = kiri + lebar / 2
        atas, tinggi_kotak = y_tingkat[tingkat], tinggi[tingkat]
        x = tengah - LEBAR_KOTAK / 2
        isi = WARNA_KEPALA if tingkat == 0 else "#ffffff"
        bagian.append(
            f'<rect x="{x:.1f}" y="{atas:.1f}" width="{LEBAR_KOTAK}" height="{tinggi_kotak}" '
            f'fill="{isi}" stroke="{WARNA_GARIS}" stroke-width="1.2" rx="3"/>'
        )
        baris = _baris(u)
        awal = atas + (tinggi_kotak - len(baris) * TINGGI_BARIS) / 2 + TINGGI_BARIS - 3
        tebal = ' font-weight="bold"' if tingkat == 0 else ""
        for i, teks in enumerate(baris):
            bagian.append(
                f'<text x="{tengah:.1f}" y="{awal + i * TINGGI_BARIS:.1f}" text-anchor="middle" '
                f'fill="#111"{tebal}>{escape(teks)}</text>'
            )
        if u.anak:
            bawah = atas + tinggi_kotak
            tengah_jarak = bawah + JARAK_TURUN / 2
            lebar_anak = sum(_lebar_cabang(a) for a in u.anak)
            lebar_anak += JARAK_MENDATAR * (len(u.anak) - 1)
            x_anak = kiri + (lebar - lebar_anak) / 2
            pusat = []
            for a in u.anak:
                pusat.append(gambar(a, x_anak, tingkat + 1))
                x_anak += _lebar_cabang(a) + JARAK_MENDATAR
            garis = f'stroke="{WARNA_GARIS}" stroke-width="1.2"'
            bagian.append(
                f'<line x1="{tengah:.1f}" y1="{bawah:.1f}" x2="{tengah:.1f}" '
                f'y2="{tengah_jarak:.1f}" {garis}/>'
            )
            bagian.append(
                f'<line x1="{min(pusat):.1f}" y1="{tengah_jarak:.1f}" x2="{max(pusat):.1f}" '
                f'y2="{tengah_jarak:.1f}" {garis}/>'
            )
            y_anak = y_tingkat[tingkat + 1]
            bagian.extend(
                f'<line x1="{p:.1f}" y1="{tengah_jarak:.1f}" x2="{p:.1f}" y2="{y_anak:.1f}" '
                f"{garis}/>"
                for p in pusat
            )
        return tengah

    gambar(akar, TEPI, 0)
    bagian.append("</svg>")
    return "".join(bagian)
