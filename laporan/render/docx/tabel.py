"""A table of the report model as a Word table: the cells placed on the column grid with their
column and row spans (gridSpan, vMerge), the header rows repeated on every page (tblHeader),
rows that never split, the PDF's fills for header, group and total rows, and every cell's text
exactly as `Sel.teks()` prints it.

Written as XML rather than through python-docx's table API: a merge there walks the whole
table, and the 84-row budget table of a LAKIP has hundreds of cells."""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import OxmlElement
from lxml.etree import _Element

from laporan.dokumen import Sel, Tabel
from laporan.render.docx import gaya, ooxml

TWIP_PER_EMU = 1 / 635  # 1 twip = 635 EMU
JC = {"kiri": "left", "tengah": "center", "kanan": "right"}


@dataclass(frozen=True)
class GayaTabel:
    """The style ids of a table's paragraphs."""

    isi: str
    kepala: str


@dataclass
class _Tempat:
    """A cell on the grid: the model's cell, or the continuation of one spanning rows."""

    sel: Sel
    kolom: int
    lanjutan: bool = False


def _baris_grid(semua: list[list[Sel]], jumlah_kolom: int) -> list[list[_Tempat]]:
    """Each row's cells left to right, with a continuation where a cell from a row above
    spans down (as the PDF and the workbook place them: a cell takes the next free column)."""
    turun: dict[tuple[int, int], Sel] = {}
    hasil = []
    for r, baris in enumerate(semua):
        sel_sel = iter(baris)
        tempat: list[_Tempat] = []
        k = 0
        while k < jumlah_kolom:
            if (r, k) in turun:
                atas = turun[(r, k)]
                tempat.append(_Tempat(atas, k, lanjutan=True))
                k += atas.colspan
                continue
            sel = next(sel_sel, None)
            if sel is None:  # a short row: the rest of the grid stays empty
                sel = Sel("")
            tempat.append(_Tempat(sel, k))
            for rr in range(r + 1, r + sel.rowspan):
                turun[(rr, k)] = sel
            k += sel.colspan
        hasil.append(tempat)
    return hasil


def lebar_kolom(t: Tabel, lebar_teks: int) -> list[int]:
    """Column widths in twips, from the model's relative widths, over the text width."""
    n = t.jumlah_kolom
    relatif = t.lebar if t.lebar and len(t.lebar) == n else [1.0] * n
    total = sum(relatif)
    twip = lebar_teks * TWIP_PER_EMU
    return [round(w / total * twip) for w in relatif]


def _tc(
    sel: Sel,
    lebar: int,
    *,
    gaya_p: str,
    rata: str,
    isi: str | None,
    tengah: bool,
    tebal: bool,
    ukuran: float | None,
    lanjutan: bool = False,
) -> _Element:
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcpr.append(ooxml.el("w:tcW", w=lebar, type="dxa"))
    if sel.colspan > 1:
        tcpr.append(ooxml.el("w:gridSpan", val=sel.colspan))
    if lanjutan:
        tcpr.append(ooxml.el("w:vMerge"))
    elif sel.rowspan > 1:
        tcpr.append(ooxml.el("w:vMerge", val="restart"))
    if isi:
        tcpr.append(ooxml.el("w:shd", val="clear", color="auto", fill=isi))
    tcpr.append(ooxml.el("w:vAlign", val="center" if tengah else "top"))
    tc.append(tcpr)
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(ooxml.el("w:pStyle", val=gaya_p))
    ppr.append(ooxml.el("w:jc", val=rata))
    p.append(ppr)
    teks = "" if lanjutan else sel.teks()
    if teks:
        p.append(ooxml.run(teks, rpr=ooxml.rpr(tebal=tebal, ukuran=ukuran)))
    tc.append(p)
    return tc


def tabel(t: Tabel, lebar_teks: int, g: GayaTabel) -> _Element:
    """The <w:tbl> of table `t`, as wide as the text (`lebar_teks`, EMU)."""
    kolom = lebar_kolom(t, lebar_teks)
    tbl = OxmlElement("w:tbl")
    tblpr = OxmlElement("w:tblPr")
    tblpr.append(ooxml.el("w:tblW", w=sum(kolom), type="dxa"))
    tblpr.append(ooxml.el("w:jc", val="center"))
    batas = OxmlElement("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        batas.append(ooxml.el(f"w:{sisi}", val="single", sz=4, space=0, color="333333"))
    tblpr.append(batas)
    tblpr.append(ooxml.el("w:tblLayout", type="fixed"))
    tepi = OxmlElement("w:tblCellMar")
    for sisi, w in (("top", 20), ("left", 57), ("bottom", 20), ("right", 57)):
        tepi.append(ooxml.el(f"w:{sisi}", w=w, type="dxa"))
    tblpr.append(tepi)
    tbl.append(tblpr)
    grid = OxmlElement("w:tblGrid")
    for w in kolom:
        grid.append(ooxml.el("w:gridCol", w=w))
    tbl.append(grid)

    ukuran = 7 if t.kecil else None
    semua = [*t.kepala, *t.baris, *t.kaki]
    n_kepala, n_kaki = len(t.kepala), len(t.kaki)
    for r, tempat in enumerate(_baris_grid(semua, t.jumlah_kolom)):
        kepala = r < n_kepala
        kaki = r >= len(semua) - n_kaki
        asli = semua[r]
        # The row of column numbers under a header prints small and plain, as in the PDF.
        nomor = kepala and r == n_kepala - 1 and all(s.teks().isdigit() for s in asli)
        grup = not kepala and len(asli) == 1 and asli[0].colspan > 1
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(ooxml.el("w:cantSplit"))
        if kepala:
            trpr.append(ooxml.el("w:tblHeader"))
        tr.append(trpr)
        for tmp in tempat:
            sel = tmp.sel
            lebar = sum(kolom[tmp.kolom : tmp.kolom + sel.colspan])
            if kepala:
                isi = gaya.ISI_NOMOR_KOLOM if nomor else gaya.ISI_KEPALA
                rata = "center" if sel.perataan == "kiri" else JC[sel.perataan]
            else:
                isi = gaya.ISI_GRUP if grup else gaya.ISI_KAKI if kaki else None
                rata = JC[sel.perataan]
            tr.append(
                _tc(
                    sel,
                    lebar,
                    gaya_p=g.isi if nomor or not kepala else g.kepala,
                    rata=rata,
                    isi=isi,
                    tengah=kepala,
                    tebal=sel.tebal or kaki or grup,
                    ukuran=6.5 if nomor else ukuran,
                    lanjutan=tmp.lanjutan,
                )
            )
        tbl.append(tr)
    return tbl


def tabel_polos(baris: list[list[_Element]], lebar: list[int]) -> _Element:
    """A borderless layout table (signature blocks): cells given as lists of paragraphs."""
    tbl = OxmlElement("w:tbl")
    tblpr = OxmlElement("w:tblPr")
    tblpr.append(ooxml.el("w:tblW", w=sum(lebar), type="dxa"))
    tblpr.append(ooxml.el("w:tblLayout", type="fixed"))
    tbl.append(tblpr)
    grid = OxmlElement("w:tblGrid")
    for w in lebar:
        grid.append(ooxml.el("w:gridCol", w=w))
    tbl.append(grid)
    for sel_sel in baris:
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        trpr.append(ooxml.el("w:cantSplit"))
        tr.append(trpr)
        for w, isi in zip(lebar, sel_sel, strict=True):
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tcpr.append(ooxml.el("w:tcW", w=w, type="dxa"))
            tc.append(tcpr)
            tc.extend(isi or [OxmlElement("w:p")])
            tr.append(tc)
        tbl.append(tr)
    return tbl
