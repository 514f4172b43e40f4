"""WordprocessingML that python-docx has no API for: fields (PAGE, STYLEREF, SEQ, TOC),
bookmarks and internal links, paragraph borders and shading, page-number formats, and the
schema order of the elements inserted by hand (Word refuses a file whose elements are out of
the order of ECMA-376, where LibreOffice would not notice)."""

from __future__ import annotations

import re
from copy import deepcopy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

# Children of an element in the order ECMA-376 prescribes (the ones this package writes or
# meets in python-docx's template).
URUTAN_PPR = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
URUTAN_RPR = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip
URUTAN_SECTPR = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
    "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols",
    "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
    "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
)  # fmt: skip
# w:settings, from w:updateFields on (what comes before it is not written here).
URUTAN_SETTINGS = (
    "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
    "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
    "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "w:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
    "w:listSeparator",
)  # fmt: skip

# Characters XML 1.0 does not allow (a vertical tab pasted from Word, say): lxml refuses them.
_TIDAK_SAH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def bersih(teks: str) -> str:
    """Text without the characters an XML document cannot hold."""
    return _TIDAK_SAH.sub("", teks)


def el(tag: str, **atribut: str | int) -> _Element:
    """A WordprocessingML element: el("w:jc", val="center") → <w:jc w:val="center"/>."""
    e = OxmlElement(tag)
    for nama, nilai in atribut.items():
        e.set(qn(f"w:{nama}"), str(nilai))
    return e


def sisip(induk: _Element, anak: _Element, urutan: tuple[str, ...]) -> _Element:
    """Put `anak` into `induk` where the schema order wants it, replacing a child of the same
    name."""
    tag = anak.tag
    for lama in induk.findall(tag):
        induk.remove(lama)
    posisi = [qn(t) for t in urutan]
    sesudah = set(posisi[posisi.index(tag) + 1 :]) if tag in posisi else set()
    for i, c in enumerate(induk):
        if c.tag in sesudah:
            induk.insert(i, anak)
            return anak
    induk.append(anak)
    return anak


def run(teks: str = "", *, rpr: _Element | None = None) -> _Element:
    """<w:r> with its text; line breaks become <w:br/> and tabs <w:tab/>."""
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(rpr)
    for i, baris in enumerate(bersih(teks).split("\n")):
        if i:
            r.append(OxmlElement("w:br"))
        for j, potongan in enumerate(baris.split("\t")):
            if j:
                r.append(OxmlElement("w:tab"))
            if potongan:
                t = OxmlElement("w:t")
                t.text = potongan
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
    return r


def rpr(
    *, tebal: bool = False, miring: bool = False, ukuran: float | None = None, warna: str = ""
) -> _Element | None:
    """Run properties for direct formatting, or None when there is none."""
    if not (tebal or miring or ukuran or warna):
        return None
    e = OxmlElement("w:rPr")
    if tebal:
        e.append(el("w:b"))
    if miring:
        e.append(el("w:i"))
    if warna:
        e.append(el("w:color", val=warna))
    if ukuran:
        e.append(el("w:sz", val=round(ukuran * 2)))
    return e


def bidang(p: _Element, perintah: str, hasil: str = "", *, rpr_: _Element | None = None) -> None:
    """Append a field to paragraph `p`: PAGE, STYLEREF "Heading 1", SEQ Tabel... `hasil` is
    the text shown until Word updates the field (which it does when it opens the file)."""

    def salin() -> _Element | None:
        return None if rpr_ is None else deepcopy(rpr_)

    p.extend([_fldchar("begin", salin()), _instr(perintah, salin())])
    p.extend([_fldchar("separate", salin()), run(hasil, rpr=salin()), _fldchar("end", salin())])


def bidang_mulai(p: _Element, perintah: str) -> None:
    """The beginning of a field whose result spans paragraphs (a table of contents): begin,
    instruction, separate. `bidang_akhir` closes it in the last paragraph."""
    p.extend([_fldchar("begin"), _instr(perintah), _fldchar("separate")])


def bidang_akhir(p: _Element) -> None:
    p.append(_fldchar("end"))


def _fldchar(jenis: str, rpr_: _Element | None = None) -> _Element:
    r = run(rpr=rpr_)
    r.append(el("w:fldChar", fldCharType=jenis))
    return r


def _instr(perintah: str, rpr_: _Element | None = None) -> _Element:
    r = run(rpr=rpr_)
    it = OxmlElement("w:instrText")
    it.text = f" {perintah} "
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(it)
    return r


def nama_penanda(teks: str) -> str:
    """A bookmark name Word accepts (letters, digits, underscore; at most 40)."""
    return re.sub(r"\W", "_", teks)[:40]


def penanda(p: _Element, nama: str, nomor: int) -> None:
    """Bookmark the whole content of paragraph `p` (the target of a contents entry)."""
    awal = el("w:bookmarkStart", id=nomor, name=nama_penanda(nama))
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(awal)
    else:
        p.insert(0, awal)
    p.append(el("w:bookmarkEnd", id=nomor))


def tautan(p: _Element, penanda_: str, teks: str) -> None:
    """A link inside the document to bookmark `penanda_`."""
    h = el("w:hyperlink", anchor=nama_penanda(penanda_), history=1)
    h.append(run(teks))
    p.append(h)


def garis(ppr: _Element, sisi: str, *, tebal_pt: float, warna: str, jarak_pt: int = 4) -> None:
    """A paragraph border on one side (left, bottom...), in a paragraph's or style's pPr."""
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = sisip(ppr, OxmlElement("w:pBdr"), URUTAN_PPR)
    bdr.append(el(f"w:{sisi}", val="single", sz=round(tebal_pt * 8), space=jarak_pt, color=warna))


def arsir(ppr: _Element, warna: str) -> None:
    """Paragraph shading."""
    sisip(ppr, el("w:shd", val="clear", color="auto", fill=warna), URUTAN_PPR)


def nomor_halaman(sectpr: _Element, format_: str, mulai: int | None = None) -> None:
    """The page-number format of a section (decimal, lowerRoman) and where it restarts."""
    e = el("w:pgNumType", fmt=format_)
    if mulai is not None:
        e.set(qn("w:start"), str(mulai))
    sisip(sectpr, e, URUTAN_SECTPR)
