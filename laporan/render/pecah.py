"""The report's HTML cut into parts that WeasyPrint can lay out apart and that join into the
same pages: a part begins only where the whole report breaks the page anyway (a chapter's
heading, a section marked to start a new page, a change between portrait and landscape), so a
part's pages are the report's pages.

What crosses a cut is carried over by hand: the running header's chapter title (the
stylesheet's `string-set: bab`) is set on a part's first block. Page numbers and the footer
cross every cut, so the parts are laid out without them and they are stamped on afterwards
(laporan.render.tata_letak), and the lists at the front (contents, tables, figures) are laid
out last, with the page numbers the other parts found (gabung.Susunan.html_daftar).

The rules here mirror static/laporan/laporan.css: which class names a page (PAGE_KELAS), which
blocks break before them. tests/laporan/test_pdf_paralel.py holds a joined report against one
WeasyPrint pass over the same HTML, page by page."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import lxml.html
from lxml.html import HtmlElement

# The named pages of laporan.css: the class that puts a block on them, and the page's name.
PAGE_KELAS = {
    "lanskap": "lanskap",
    "tanpa-kepala": "polos",
    "sampul": "sampul",
    "nota-dinas": "sampul",
    "depan": "depan",
    "utama": "utama",
}
# Blocks that hold other blocks; everything else inside them is laid out as one block.
_WADAH = {"bagian", "depan", "utama"}
# Blocks that start a new page (laporan.css: break-before: page).
_PECAH_SEBELUM = {"halaman-baru", "lampiran-sampul", "daftar"}
# Blocks whose text becomes the running header's chapter title (string-set: bab content()).
_PENETAP_BAB = {"lampiran-sampul"}
_DATA_URL = re.compile(r"data:[^\"')]+")


def _kelas(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def _wadah(el: HtmlElement) -> bool:
    k = _kelas(el)
    return bool(k & _WADAH) or (el.tag == "div" and "lanskap" in k)


def _nama_halaman(el: HtmlElement) -> str:
    """The page a block is laid out on: its own or its nearest container's named page."""
    while el is not None:
        for k in _kelas(el):
            if k in PAGE_KELAS:
                return PAGE_KELAS[k]
        el = el.getparent()
    return ""


def _teks(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


@dataclass
class Blok:
    """One block of the flow: a heading, a paragraph, a table, a cover."""

    el: HtmlElement
    halaman: str  # the named page it is laid out on
    pecah: bool  # it starts a new page
    bab: str  # the running header's chapter title on its page
    biaya: int  # a rough measure of its layout work (its markup, pictures left out)


@dataclass
class Bagian:
    """A run of blocks laid out as one WeasyPrint document."""

    blok: list[Blok] = field(default_factory=list)
    daftar: bool = False  # the contents and the lists of tables and figures

    @property
    def biaya(self) -> int:
        return sum(b.biaya for b in self.blok)


@dataclass
class Rencana:
    """The report cut into parts, with what every part shares."""

    akar: HtmlElement
    bagian: list[Bagian]

    def html(
        self, bagian: Bagian, *, gaya: str = "", tambahan: str = "", tanpa_kaki: bool = False
    ) -> str:
        """The part as a document of its own: the report's head with `gaya` (a stylesheet)
        added, the page's fixed marks, its blocks inside copies of their containers, the
        running header's title carried onto its first block, and `tambahan` (markup) at the
        end of its last block. `tanpa_kaki`: without the footer's rule (a draft's footer
        names the minute it was assembled; a part that prints no footer must not change,
        and miss the cache, with it)."""
        akar, salinan = _salin_sebagian(self.akar, bagian.blok)
        if tanpa_kaki:
            for style in akar.find("head").findall("style"):
                if "kaki" in _kelas(style):
                    style.getparent().remove(style)
        awal = bagian.blok[0]
        if awal.bab and not _menetapkan_bab(awal.el):
            pertama = salinan[id(awal.el)]
            judul = awal.bab.replace("\\", "\\\\").replace('"', '\\"')
            gaya_lama = pertama.get("style", "")
            pertama.set("style", f'{gaya_lama};string-set: bab "{judul}"'.lstrip(";"))
        if gaya:
            style = lxml.html.Element("style")
            style.text = gaya
            akar.find("head").append(style)
        if tambahan:
            terakhir = salinan[id(bagian.blok[-1].el)]
            for el in lxml.html.fragments_fromstring(tambahan):
                terakhir.append(el)
        return lxml.html.tostring(akar, encoding="unicode", doctype="<!DOCTYPE html>")

    def kepala(self) -> str:
        """The report's <head> as markup: its title, stylesheet and page rules."""
        return lxml.html.tostring(self.akar.find("head"), encoding="unicode")


def _menetapkan_bab(el: HtmlElement) -> bool:
    """The block sets the running header's title itself: a chapter heading, or a block that
    opens with one (a list at the front)."""
    while el.tag != "h1" and len(el) and isinstance(el[0].tag, str) and not (el.text or "").strip():
        el = el[0]
    if el.tag == "h1":
        return not any("nota-dinas" in _kelas(a) for a in el.iterancestors())
    return bool(_kelas(el) & _PENETAP_BAB)


def _blok_alur(akar: HtmlElement) -> list[Blok]:
    """The blocks of the report in order, each with its page and whether it starts one."""
    hasil: list[Blok] = []
    bab = ""

    def jalan(wadah: HtmlElement, pecah_turun: bool) -> None:
        nonlocal bab
        pertama = True
        for el in wadah:
            if not isinstance(el.tag, str) or "tanda-air" in _kelas(el):
                continue
            pecah_di_sini = (pertama and pecah_turun) or bool(_kelas(el) & _PECAH_SEBELUM)
            pertama = False
            if _wadah(el):
                jalan(el, pecah_di_sini)
                continue
            nama = _nama_halaman(el)
            pecah = (
                pecah_di_sini
                or el.tag == "h1"
                or not hasil
                or nama != hasil[-1].halaman
                or bool(_kelas(hasil[-1].el) & {"sampul", "nota-dinas"})
            )
            # The title a page carries is the one in force where it begins.
            judul_halaman = bab
            if _menetapkan_bab(el):
                bab = _teks(el)
                judul_halaman = bab
            markup = lxml.html.tostring(el, encoding="unicode")
            hasil.append(Blok(el, nama, pecah, judul_halaman, len(_DATA_URL.sub("", markup)) + 1))

    jalan(akar.find("body"), False)
    return hasil


def _awal_bab(b: Blok) -> bool:
    """The block opens a chapter: a chapter heading, the cover, the memo, a list at the
    front, the annexes' title page."""
    return (
        b.el.tag == "h1"
        or bool(_kelas(b.el) & {"sampul", "nota-dinas", "daftar"})
        or (_kelas(b.el) & _PENETAP_BAB) != set()
    )


def rencanakan(html: str, bagian: int) -> Rencana:
    """Cut the report's HTML into parts of about equal work, `bagian` of them or a few more:
    each chapter is a part, a chapter much larger than a share is cut where it breaks the
    page, small chapters in a row share a part, and the lists at the front are a part of
    their own. A chapter's parts do not depend on the other chapters, so an edit to one
    chapter leaves the others' parts (and their cached layouts) as they were."""
    akar = lxml.html.document_fromstring(html)
    semua = _blok_alur(akar)
    bab: list[list[Blok]] = []
    for b in semua:
        if not bab or _awal_bab(b):
            bab.append([b])
        else:
            bab[-1].append(b)
    jatah = max(1, sum(b.biaya for b in semua) // max(1, bagian))
    hasil: list[Bagian] = []
    for isi in bab:
        if "daftar" in _kelas(isi[0].el):
            if hasil and hasil[-1].daftar:
                hasil[-1].blok.extend(isi)
            else:
                hasil.append(Bagian(list(isi), daftar=True))
            continue
        potongan = _potong_bab(isi, jatah)
        if (
            len(potongan) == 1
            and hasil
            and not hasil[-1].daftar
            and hasil[-1].biaya + potongan[0].biaya <= jatah // 2
        ):
            hasil[-1].blok.extend(potongan[0].blok)
            continue
        hasil.extend(potongan)
    return Rencana(akar, hasil)


def _potong_bab(isi: list[Blok], jatah: int) -> list[Bagian]:
    """A chapter as one part, or cut where it breaks the page into parts near `jatah`."""
    total = sum(b.biaya for b in isi)
    if total <= jatah * 3 // 2:
        return [Bagian(list(isi))]
    hasil = [Bagian([isi[0]])]
    for b in isi[1:]:
        if b.pecah and hasil[-1].biaya >= jatah // 2:
            hasil.append(Bagian([b]))
        else:
            hasil[-1].blok.append(b)
    return hasil


def _salin_sebagian(
    akar: HtmlElement, blok: list[Blok]
) -> tuple[HtmlElement, dict[int, HtmlElement]]:
    """A copy of the document with only `blok` and their containers, the head and the page's
    fixed marks; and each block's copy, by the id of the original."""
    simpan = {id(b.el) for b in blok}
    salinan: dict[int, HtmlElement] = {}

    def salin(el: HtmlElement) -> HtmlElement | None:
        if id(el) in simpan:
            salinan[id(el)] = baru = copy.deepcopy(el)
            baru.tail = None
            return baru
        if el.tag == "head" or "tanda-air" in _kelas(el):
            return copy.deepcopy(el)
        anak = [a for a in (salin(a) for a in el if isinstance(a.tag, str)) if a is not None]
        if not anak and el.tag not in ("html", "body"):
            return None
        baru = lxml.html.Element(el.tag, dict(el.attrib))
        baru.extend(anak)
        return baru

    hasil = salin(akar)
    assert hasil is not None
    return hasil, salinan
