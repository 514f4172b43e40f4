"""Template helpers of the PDF report: section headings, tables and charts as HTML."""

from __future__ import annotations

import base64

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kinerja.formatting import format_tanggal
from laporan.dokumen import Bagian, GambarBerkas, Grafik, Sel, Tabel
from laporan.render import grafik as svg_grafik

register = template.Library()

_KELAS_RATA = {"kanan": "kanan", "tengah": "tengah", "kiri": ""}


@register.simple_tag
def judul_bagian(bagian: Bagian) -> SafeString:
    tag = f"h{min(bagian.tingkat, 4)}"
    return format_html("<{} id='{}'>{}</{}>", tag, bagian.id, bagian.judul_lengkap, tag)


def _sel(sel: Sel, tag: str = "td", kelas_tambahan: str = "") -> str:
    kelas = " ".join(
        k for k in (_KELAS_RATA[sel.perataan], "tebal" if sel.tebal else "", kelas_tambahan) if k
    )
    atribut = ""
    if kelas:
        atribut += f' class="{kelas}"'
    if sel.colspan > 1:
        atribut += f' colspan="{sel.colspan}"'
    if sel.rowspan > 1:
        atribut += f' rowspan="{sel.rowspan}"'
    if sel.keterangan:
        atribut += f' title="{escape(sel.keterangan)}"'
    isi = escape(sel.teks()).replace("\n", "<br>")
    return f"<{tag}{atribut}>{isi}</{tag}>"


@register.simple_tag
def tabel(t: Tabel, bungkus: bool = True) -> SafeString:
    """The table with its numbered caption above, its header repeated on every page it
    spans, and its notes below; wrapped in a landscape page when it is wide."""
    bagian = []
    lanskap = t.lanskap and bungkus
    if lanskap:
        bagian.append('<div class="lanskap">')
    bagian.append(f'<figure class="tabel" id="tabel-{t.nomor}">')
    bagian.append(f'<div class="tabel-judul">{escape(t.label)}. {escape(t.judul)}</div>')
    bagian.append(f'<table class="{"kecil" if t.kecil else ""}">')
    if t.lebar:
        total = sum(t.lebar)
        bagian.append("<colgroup>")
        bagian.extend(f'<col style="width:{w / total * 100:.1f}%">' for w in t.lebar)
        bagian.append("</colgroup>")
    if t.kepala:
        bagian.append("<thead>")
        for i, baris in enumerate(t.kepala):
            nomor = all(s.teks().isdigit() for s in baris) and i == len(t.kepala) - 1
            bagian.append(f"<tr{' class=nomor-kolom' if nomor else ''}>")
            bagian.extend(_sel(s, "td" if nomor else "th") for s in baris)
            bagian.append("</tr>")
        bagian.append("</thead>")
    bagian.append("<tbody>")
    for baris in t.baris:
        grup = len(baris) == 1 and baris[0].colspan > 1
        bagian.append("<tr>")
        bagian.extend(_sel(s, kelas_tambahan="grup" if grup else "") for s in baris)
        bagian.append("</tr>")
    for baris in t.kaki:
        bagian.append('<tr class="kaki">')
        bagian.extend(_sel(s, kelas_tambahan="tebal") for s in baris)
        bagian.append("</tr>")
    bagian.append("</tbody></table>")
    if t.catatan:
        bagian.append('<ul class="tabel-catatan">')
        bagian.extend(f"<li>{escape(c)}</li>" for c in t.catatan)
        bagian.append("</ul>")
    bagian.append("</figure>")
    if lanskap:
        bagian.append("</div>")
    return mark_safe("".join(bagian))


@register.simple_tag
def grafik_svg(g: Grafik) -> SafeString:
    return mark_safe(svg_grafik.svg(g))


# The text area of a portrait page (laporan.css @page: A4 less the margins) and the most a
# picture may take of its height, so that it stays on one page with its caption.
LEBAR_TEKS_CM, TINGGI_GAMBAR_CM = 16.5, 17.0


@register.simple_tag
def gambar_berkas(g: GambarBerkas) -> SafeString:
    """An uploaded picture inside the page, as a data: URL (the HTML stays one file that
    lays out anywhere), at the size the report model gives it, with its caption and
    source."""
    lebar, tinggi = g.ukuran_cm(LEBAR_TEKS_CM, TINGGI_GAMBAR_CM)
    data = base64.b64encode(g.isi).decode("ascii")
    sumber = format_html('<div class="gambar-sumber">{}</div>', g.sumber) if g.sumber else ""
    return format_html(
        '<figure class="gambar foto" id="gambar-{}"><img src="data:{};base64,{}" alt="{}" '
        'style="width:{}cm;height:{}cm"><figcaption class="gambar-judul">{}. {}</figcaption>'
        "{}</figure>",
        g.nomor, g.jenis_konten, data, g.judul, f"{lebar:.2f}", f"{tinggi:.2f}", g.label,
        g.judul, sumber,
    )  # fmt: skip


@register.filter
def pasangan(a, b):
    return list(zip(a, b, strict=False))


@register.filter
def css_string(nilai: str) -> SafeString:
    """Text put inside a CSS string ("..."): backslashes, quotes and line breaks escaped, and
    nothing that could close the <style> element."""
    teks = str(nilai).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return mark_safe(teks.replace("<", "\\3c "))


@register.filter
def tanggal_id(nilai) -> str:
    return format_tanggal(nilai) if nilai else "–"
