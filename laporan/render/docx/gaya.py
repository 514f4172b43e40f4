"""The styles of the Word report, set on python-docx's template: the PDF's type sizes and
spacing (static/laporan/laporan.css) as named Word styles, so that staff who edit the report
restyle it in one place and Word builds its contents from the heading styles.

Arial: Word has it everywhere, and Liberation Sans (the PDF's typeface, and what LibreOffice
shows for Arial) has Arial's metrics, so lines break alike."""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from laporan.render.docx import ooxml

HURUF = "Arial"
BAHASA = "id-ID"
HITAM = RGBColor(0x11, 0x11, 0x11)
ABU = RGBColor(0x44, 0x44, 0x44)

# A4, the PDF's margins (laporan.css @page): portrait, and landscape for wide tables.
A4 = (Cm(21), Cm(29.7))
MARGIN_TEGAK = {"top": Cm(2.2), "right": Cm(2), "bottom": Cm(2), "left": Cm(2.5)}
MARGIN_LANSKAP = {"top": Cm(2), "right": Cm(1.6), "bottom": Cm(1.6), "left": Cm(1.6)}

# Fills of table cells, as in the PDF.
ISI_KEPALA = "DFE7F1"
ISI_NOMOR_KOLOM = "F0F3F7"
ISI_GRUP = "EEF2F7"
ISI_KAKI = "F4F6F9"
WARNA_TANDA = "A4262C"

# Heading sizes and spacing of h1-h4.
_JUDUL = {
    1: {"ukuran": 14, "sebelum": 0, "sesudah": 16},
    2: {"ukuran": 11.5, "sebelum": 16, "sesudah": 6},
    3: {"ukuran": 10.5, "sebelum": 12, "sesudah": 4},
    4: {"ukuran": 10.5, "sebelum": 10, "sesudah": 4},
}


def judul_tanpa_daftar_isi(tingkat: int) -> str:
    """The style of a heading the contents leave out (an indicator's section): Heading N's
    look without its outline level."""
    return f"Judul {tingkat} Tanpa Daftar Isi"


def lebar_teks(lanskap: bool) -> int:
    """The width between the margins, in EMU."""
    lebar, tinggi = A4
    m = MARGIN_LANSKAP if lanskap else MARGIN_TEGAK
    return (tinggi if lanskap else lebar) - m["left"] - m["right"]


def _tanpa_tema(style: ParagraphStyle) -> None:
    """Drop the template's theme fonts and colours from a style (they would win over Arial)."""
    rpr = style.element.rPr
    if rpr is not None:
        for tag in ("w:rFonts", "w:color"):
            for e in rpr.findall(qn(tag)):
                rpr.remove(e)


def _gaya(
    doc: Document,
    nama: str,
    *,
    dasar: str = "Normal",
    ukuran: float | None = None,
    tebal: bool | None = None,
    miring: bool | None = None,
    warna: RGBColor | None = None,
    rata: WD_ALIGN_PARAGRAPH | None = None,
    sebelum: float | None = None,
    sesudah: float | None = None,
    spasi: float | None = None,
    kiri: float | None = None,
    gantung: float | None = None,
    bersama_berikut: bool | None = None,
) -> ParagraphStyle:
    """A paragraph style of the template (changed) or a new one based on `dasar`."""
    try:
        s = doc.styles[nama]
    except KeyError:
        s = doc.styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = doc.styles[dasar]
        s.quick_style = True
    _tanpa_tema(s)
    f, pf = s.font, s.paragraph_format
    if ukuran is not None:
        f.size = Pt(ukuran)
    if tebal is not None:
        f.bold = tebal
    if miring is not None:
        f.italic = miring
    f.color.rgb = warna or HITAM
    if rata is not None:
        pf.alignment = rata
    if sebelum is not None:
        pf.space_before = Pt(sebelum)
    if sesudah is not None:
        pf.space_after = Pt(sesudah)
    if spasi is not None:
        pf.line_spacing = spasi
    if kiri is not None:
        pf.left_indent = Pt(kiri)
    if gantung is not None:
        pf.first_line_indent = Pt(-gantung)
    if bersama_berikut is not None:
        pf.keep_with_next = bersama_berikut
    return s


def _bawaan(doc: Document) -> None:
    """Arial 10.5 pt in Indonesian for every run that says nothing else."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    ooxml.sisip(
        rpr,
        ooxml.el("w:rFonts", ascii=HURUF, hAnsi=HURUF, cs=HURUF, eastAsia=HURUF),
        ooxml.URUTAN_RPR,
    )
    ooxml.sisip(rpr, ooxml.el("w:sz", val=21), ooxml.URUTAN_RPR)
    ooxml.sisip(rpr, ooxml.el("w:szCs", val=21), ooxml.URUTAN_RPR)
    ooxml.sisip(rpr, ooxml.el("w:lang", val=BAHASA, eastAsia=BAHASA), ooxml.URUTAN_RPR)


def siapkan(doc: Document) -> None:
    """Set the styles the report uses."""
    _bawaan(doc)
    j = WD_ALIGN_PARAGRAPH
    _gaya(doc, "Normal", rata=j.JUSTIFY, sebelum=0, sesudah=7, spasi=1.25)
    for n, u in _JUDUL.items():
        s = _gaya(
            doc,
            f"Heading {n}",
            ukuran=u["ukuran"],
            tebal=True,
            miring=n == 4,
            rata=j.CENTER if n == 1 else j.LEFT,
            sebelum=u["sebelum"],
            sesudah=u["sesudah"],
            spasi=1.1,
            bersama_berikut=True,
        )
        s.paragraph_format.page_break_before = n == 1
        luar = _gaya(doc, judul_tanpa_daftar_isi(n), dasar=f"Heading {n}")
        luar.next_paragraph_style = doc.styles["Normal"]
        ooxml.sisip(
            luar.element.get_or_add_pPr(), ooxml.el("w:outlineLvl", val=9), ooxml.URUTAN_PPR
        )
    _gaya(doc, "Caption", ukuran=9.5, tebal=True, rata=j.CENTER, sebelum=8, sesudah=4)
    _gaya(doc, "Isi Tabel", ukuran=8.5, rata=j.LEFT, sebelum=0, sesudah=0, spasi=1.0)
    _gaya(doc, "Kepala Tabel", dasar="Isi Tabel", tebal=True, rata=j.CENTER)
    _gaya(doc, "Catatan Tabel", dasar="List Bullet", ukuran=7.5, warna=ABU, sebelum=0, sesudah=0)
    _gaya(doc, "Catatan", ukuran=8.5, miring=True, warna=ABU, rata=j.LEFT)
    kosong = _gaya(
        doc, "Narasi Kosong", miring=True, warna=RGBColor(0x8A, 0x1C, 0x1C), rata=j.LEFT, kiri=8
    )
    ooxml.garis(kosong.element.get_or_add_pPr(), "left", tebal_pt=2, warna="C9A0A0")
    rumus = _gaya(doc, "Rumus", ukuran=9.5, rata=j.LEFT, kiri=8)
    ooxml.garis(rumus.element.get_or_add_pPr(), "left", tebal_pt=2, warna="0B5394")
    ooxml.arsir(rumus.element.get_or_add_pPr(), "F2F5F9")
    _gaya(doc, "Tengah", tebal=True, rata=j.CENTER)
    _gaya(doc, "Subjudul", tebal=True, rata=j.LEFT, sebelum=8, sesudah=3, bersama_berikut=True)
    _gaya(doc, "List Bullet", sesudah=2)
    _gaya(doc, "List Number", sesudah=2)
    berlabel = _gaya(doc, "Daftar Berlabel", sesudah=2, kiri=22, gantung=20)
    berlabel.paragraph_format.tab_stops.add_tab_stop(Pt(22))
    rincian = _gaya(doc, "Rincian", rata=j.LEFT, sesudah=1, kiri=134, gantung=120)
    rincian.paragraph_format.tab_stops.add_tab_stop(Pt(124))
    rincian.paragraph_format.tab_stops.add_tab_stop(Pt(134))
    kop = _gaya(doc, "Kop Nota Dinas", rata=j.LEFT, sesudah=1, kiri=80, gantung=80)
    kop.paragraph_format.tab_stops.add_tab_stop(Pt(70))
    kop.paragraph_format.tab_stops.add_tab_stop(Pt(80))
    _gaya(doc, "Judul Nota Dinas", ukuran=14, tebal=True, rata=j.CENTER, sesudah=2)
    _gaya(doc, "Judul Sampul", ukuran=20, tebal=True, rata=j.CENTER, spasi=1.3)
    _gaya(doc, "Satker Sampul", ukuran=13, tebal=True, rata=j.CENTER, spasi=1.5, sesudah=0)
    # Empty paragraphs: the gap after a table (Word joins two tables that touch) and the
    # paragraph that ends a section (kept tiny, so that it never spills onto a page of its own).
    _gaya(doc, "Jarak", ukuran=6, rata=j.LEFT, sebelum=0, sesudah=6, spasi=1.0)
    _gaya(doc, "Akhir Bagian", ukuran=1, rata=j.LEFT, sebelum=0, sesudah=0, spasi=1.0)
    _gaya(doc, "Tanda Tangan", ukuran=10, rata=j.CENTER, sebelum=0, sesudah=0, spasi=1.15)
    for nama, ukuran in (("Header", 7.5), ("Footer", 9)):
        s = _gaya(doc, nama, ukuran=ukuran, warna=ABU if nama == "Header" else None)
        tabs = s.element.pPr.find(qn("w:tabs"))
        if tabs is not None:  # the template's Letter-size tab stops
            s.element.pPr.remove(tabs)
    _gaya(
        doc, "Tanda", dasar="Footer", ukuran=8, tebal=True, warna=RGBColor.from_string(WARNA_TANDA)
    )
    for n in range(1, 5):
        _gaya(doc, f"toc {n}", rata=j.LEFT, sesudah=3, kiri=14 * (n - 1))
    _gaya(doc, "table of figures", rata=j.LEFT, sesudah=3)


def tab_kanan(paragraf, posisi) -> None:
    """A right-aligned tab stop (the running header's chapter title at the right margin)."""
    paragraf.paragraph_format.tab_stops.add_tab_stop(posisi, WD_TAB_ALIGNMENT.RIGHT)
