"""The performance tree (pohon kinerja) as SVG: three columns, Kemenperin's SS on the left,
BSKJI's SP in the middle, the balai's SK (one box per goal code, with its number of satker) on
the right, each goal joined to the goals it serves. A goal can serve two above (SP9 under SS12
and SS13), so it is drawn as layers, not as the tree of laporan/render/bagan.py, whose box
and line style it follows. Each box is a link (`tautan(kunci)`) that opens the goal's detail;
no script. Pure functions."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from kinerja.selectors.pohon import Pohon, Simpul

LEBAR_KOTAK = 290
JARAK_KOLOM = 110  # between two columns, room for the lines
HURUF_PER_BARIS = 42
BARIS_MAKS = 3  # a longer name is cut with "…" (its full text is the box's tooltip)
TINGGI_BARIS = 14
PADING = 8
JARAK_KOTAK = 10
TEPI = 16
KEPALA = 28  # the column titles
WARNA = {"ss": "#dfe7f1", "sp": "#e6f0e4", "sk": "#fbf1dc"}
WARNA_GARIS = "#7d93ab"
WARNA_DIPILIH = "#0b5394"
JUDUL = {"ss": "Sasaran strategis (SS) Kemenperin", "sp": "Sasaran program (SP) BSKJI",
         "sk": "Sasaran kegiatan (SK) balai"}  # fmt: skip


def _baris(s: Simpul) -> list[str]:
    teks = textwrap.wrap(f"{s.kode} {s.nama}", HURUF_PER_BARIS) or [s.kode]
    if len(teks) > BARIS_MAKS:
        teks = teks[:BARIS_MAKS]
        teks[-1] = teks[-1][: HURUF_PER_BARIS - 1].rstrip() + "…"
    if s.jumlah_satker is not None:
        teks.append(f"{s.jumlah_satker} satker")
    return teks


def _tinggi(s: Simpul) -> int:
    return len(_baris(s)) * TINGGI_BARIS + 2 * PADING


def svg(p: Pohon, *, tautan: Callable[[str], str], dipilih: str = "") -> str:
    """The tree of `p` as an SVG element; `tautan(kunci)` is each box's link, `dipilih` the
    key of the box drawn as chosen."""
    kolom = [p.ss, p.sp, p.sk]
    tinggi_kolom = [sum(_tinggi(s) for s in k) + JARAK_KOTAK * max(len(k) - 1, 0) for k in kolom]
    tinggi_isi = max([*tinggi_kolom, TINGGI_BARIS * 2])
    lebar = 3 * LEBAR_KOTAK + 2 * JARAK_KOLOM + 2 * TEPI
    tinggi = tinggi_isi + KEPALA + 2 * TEPI
    letak: dict[str, tuple[float, float, float]] = {}  # kunci → (x, y, height)
    for i, k in enumerate(kolom):
        x = TEPI + i * (LEBAR_KOTAK + JARAK_KOLOM)
        y = TEPI + KEPALA + (tinggi_isi - tinggi_kolom[i]) / 2  # a shorter column centred
        for s in k:
            letak[s.kunci] = (x, y, _tinggi(s))
            y += _tinggi(s) + JARAK_KOTAK
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{lebar}" height="{tinggi:.0f}" '
        f'viewBox="0 0 {lebar} {tinggi:.0f}" font-family="sans-serif" font-size="11" '
        f'role="img" aria-label="Pohon kinerja {p.tahun}" class="pohon-kinerja">'
    ]
    for i, tingkat in enumerate(("ss", "sp", "sk")):
        x = TEPI + i * (LEBAR_KOTAK + JARAK_KOLOM)
        bagian.append(
            f'<text x="{x}" y="{TEPI + 14}" font-weight="bold" font-size="12">'
            f"{escape(JUDUL[tingkat])}</text>"
        )
    for s in p.sp + p.sk:  # the lines first, under the boxes
        x2, y2, t2 = letak[s.kunci]
        for kunci in s.induk:
            if kunci not in letak:
                continue
            x1, y1, t1 = letak[kunci]
            ax, ay, by = x1 + LEBAR_KOTAK, y1 + t1 / 2, y2 + t2 / 2
            tengah = (ax + x2) / 2
            aktif = dipilih in (kunci, s.kunci)
            bagian.append(
                f'<path d="M{ax:.1f},{ay:.1f} C{tengah:.1f},{ay:.1f} {tengah:.1f},{by:.1f} '
                f'{x2:.1f},{by:.1f}" fill="none" '
                f'stroke="{WARNA_DIPILIH if aktif else WARNA_GARIS}" '
                f'stroke-width="{2 if aktif else 1}"/>'
            )
    for k in kolom:
        for s in k:
            x, y, t = letak[s.kunci]
            pilih = s.kunci == dipilih
            nama_penuh = f"{s.kode} {s.nama}"
            bagian.append(
                f'<a href={quoteattr(tautan(s.kunci))} data-simpul="{escape(s.kunci)}">'
                f"<title>{escape(nama_penuh)}</title>"
                f'<rect x="{x}" y="{y:.1f}" width="{LEBAR_KOTAK}" height="{t}" rx="4" '
                f'fill="{WARNA[s.tingkat]}" stroke="{WARNA_DIPILIH if pilih else WARNA_GARIS}" '
                f'stroke-width="{2.5 if pilih else 1}"/>'
            )
            semua_baris = _baris(s)
            for j, baris in enumerate(semua_baris):
                if j == 0 and baris.startswith(s.kode):  # the code in bold, then the name
                    isi = (
                        f'<tspan font-weight="bold">{escape(s.kode)}</tspan>'
                        f"{escape(baris[len(s.kode) :])}"
                    )
                elif s.jumlah_satker is not None and j == len(semua_baris) - 1:
                    isi = f'<tspan font-weight="bold">{escape(baris)}</tspan>'
                else:
                    isi = escape(baris)
                bagian.append(
                    f'<text x="{x + PADING}" y="{y + PADING + 11 + j * TINGGI_BARIS:.1f}">'
                    f"{isi}</text>"
                )
            bagian.append("</a>")
    bagian.append("</svg>")
    return "".join(bagian)
