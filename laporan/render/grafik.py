"""Charts of the report as SVG (vector graphics in the PDF): grouped bars or lines over
categories, with a value axis in Indonesian numbers and a legend. Pure functions."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from kinerja.formatting import format_angka
from laporan.dokumen import Grafik

WARNA = ("#0b5394", "#e69138", "#6aa84f", "#a61c00", "#674ea7", "#45818e")
LEBAR, TINGGI = 640, 300
KIRI, KANAN, ATAS, BAWAH = 78, 16, 16, 64


def _skala_atas(maks: Decimal) -> tuple[Decimal, Decimal]:
    """A round top of the value axis and its step (five steps): 1, 2, 2,5 or 5 × 10^n."""
    if maks <= 0:
        return Decimal(1), Decimal("0.2")
    mentah = maks / 5
    eksponen = Decimal(10) ** (len(str(int(mentah))) - 1) if mentah >= 1 else Decimal("0.1")
    while mentah < eksponen:
        eksponen /= 10
    for kelipatan in (1, 2, Decimal("2.5"), 5, 10):
        langkah = eksponen * Decimal(kelipatan)
        if langkah * 5 >= maks:
            return langkah * 5, langkah
    return eksponen * 50, eksponen * 10


def _label_angka(nilai: Decimal, satuan: str) -> str:
    if satuan == "Rp" and nilai >= 1_000_000:
        juta = nilai / 1_000_000
        return f"{format_angka(juta.quantize(Decimal('0.1')).normalize())} jt"
    return format_angka(nilai.normalize() if nilai != nilai.to_integral() else nilai.to_integral())


def svg(
    grafik: Grafik, lebar: int = LEBAR, tinggi: int = TINGGI, *, huruf: str = "Badan, sans-serif"
) -> str:
    """The chart as an inline SVG element; its text in `huruf` (the PDF's embedded "Badan";
    the Word pictures name the font file's own family)."""
    nilai = [Decimal(v) for s in grafik.seri for v in s.nilai if v is not None]
    atas, langkah = _skala_atas(max(nilai, default=Decimal(0)))
    lebar_plot, tinggi_plot = lebar - KIRI - KANAN, tinggi - ATAS - BAWAH

    def y(v: Decimal) -> float:
        return ATAS + tinggi_plot - float(v / atas) * tinggi_plot

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" width="{lebar}" '
        f'height="{tinggi}" viewBox="0 0 {lebar} {tinggi}" font-family="{escape(huruf)}" '
        f'font-size="10">'
    ]
    # value axis and grid
    v = Decimal(0)
    while v <= atas:
        yy = y(v)
        bagian.append(
            f'<line x1="{KIRI}" y1="{yy:.1f}" x2="{lebar - KANAN}" y2="{yy:.1f}" '
            f'stroke="#d0d7de" stroke-width="0.6"/>'
            f'<text x="{KIRI - 6}" y="{yy + 3:.1f}" text-anchor="end" fill="#444">'
            f"{escape(_label_angka(v, grafik.satuan))}</text>"
        )
        v += langkah
    if grafik.satuan:
        tengah = ATAS + tinggi_plot / 2
        bagian.append(
            f'<text x="12" y="{tengah:.1f}" fill="#444" text-anchor="middle" '
            f'transform="rotate(-90 12 {tengah:.1f})">{escape(grafik.satuan)}</text>'
        )
    n = max(len(grafik.kategori), 1)
    lebar_kategori = lebar_plot / n
    jumlah_seri = max(len(grafik.seri), 1)
    for i, kategori in enumerate(grafik.kategori):
        tengah = KIRI + lebar_kategori * (i + 0.5)
        bagian.append(
            f'<text x="{tengah:.1f}" y="{ATAS + tinggi_plot + 14:.1f}" text-anchor="middle" '
            f'fill="#222">{escape(kategori)}</text>'
        )
    if grafik.jenis == "garis":
        for s_i, seri in enumerate(grafik.seri):
            warna = WARNA[s_i % len(WARNA)]
            titik = [
                (KIRI + lebar_kategori * (i + 0.5), y(Decimal(v)))
                for i, v in enumerate(seri.nilai)
                if v is not None
            ]
            if titik:
                jalur = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in titik)
                bagian.append(
                    f'<polyline points="{jalur}" fill="none" stroke="{warna}" stroke-width="2"/>'
                )
                bagian.extend(
                    f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="{warna}"/>' for x, yy in titik
                )
    else:
        lebar_batang = lebar_kategori * 0.7 / jumlah_seri
        for s_i, seri in enumerate(grafik.seri):
            warna = WARNA[s_i % len(WARNA)]
            for i, v in enumerate(seri.nilai):
                if v is None:
                    continue
                x = KIRI + lebar_kategori * (i + 0.15) + lebar_batang * s_i
                yy = y(Decimal(v))
                bagian.append(
                    f'<rect x="{x:.1f}" y="{yy:.1f}" width="{lebar_batang:.1f}" '
                    f'height="{ATAS + tinggi_plot - yy:.1f}" fill="{warna}"/>'
                )
    bagian.append(
        f'<line x1="{KIRI}" y1="{ATAS + tinggi_plot}" x2="{lebar - KANAN}" '
        f'y2="{ATAS + tinggi_plot}" stroke="#333" stroke-width="0.8"/>'
    )
    # legend
    x = KIRI
    for s_i, seri in enumerate(grafik.seri):
        warna = WARNA[s_i % len(WARNA)]
        bagian.append(
            f'<rect x="{x}" y="{tinggi - 22}" width="10" height="10" fill="{warna}"/>'
            f'<text x="{x + 14}" y="{tinggi - 13}" fill="#222">{escape(seri.nama)}</text>'
        )
        x += 24 + 6 * len(seri.nama)
    bagian.append("</svg>")
    return "".join(bagian)


def garis_kecil(
    nilai: list[Decimal | None],
    *,
    judul: str,
    lebar: int = 84,
    tinggi: int = 24,
    garis_acuan: Decimal | None = None,
) -> str:
    """A small trend line without axes (a sparkline), for a table cell or a card: the points
    that have a value, scaled like the charts above (from 0 to a round top), an optional
    dashed reference line (the threshold for reached), and `judul` as its accessible title."""
    ada = [Decimal(v) for v in nilai if v is not None]
    atas, _ = _skala_atas(max([*ada, garis_acuan or Decimal(0)], default=Decimal(0)))
    n = max(len(nilai), 1)

    def x(i: int) -> float:
        return 3 + (lebar - 6) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: Decimal) -> float:
        return tinggi - 3 - float(v / atas) * (tinggi - 6)

    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="garis-kecil" width="{lebar}" '
        f'height="{tinggi}" viewBox="0 0 {lebar} {tinggi}" role="img">'
        f"<title>{escape(judul)}</title>"
    ]
    if garis_acuan is not None:
        ya = y(Decimal(garis_acuan))
        bagian.append(
            f'<line x1="0" y1="{ya:.1f}" x2="{lebar}" y2="{ya:.1f}" stroke="#9aa5b1" '
            f'stroke-width="0.8" stroke-dasharray="2,2"/>'
        )
    titik = [(x(i), y(Decimal(v))) for i, v in enumerate(nilai) if v is not None]
    if titik:
        jalur = " ".join(f"{a:.1f},{b:.1f}" for a, b in titik)
        bagian.append(
            f'<polyline points="{jalur}" fill="none" stroke="{WARNA[0]}" stroke-width="1.5"/>'
        )
        a, b = titik[-1]
        bagian.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="2.2" fill="{WARNA[0]}"/>')
    bagian.append("</svg>")
    return "".join(bagian)
