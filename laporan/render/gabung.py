"""The laid-out parts of a report joined into one PDF (with pikepdf): their pages in order,
each stamped with its page number and footer, the links' destinations and the bookmarks of the
whole report.

Page numbers are counted here as static/laporan/laporan.css counts them: the page counter
counts every page and starts again at 1 on the first page of the body (`@page :nth(1 of
utama)`); front-matter pages print it in lower-case roman, covers and bound documents print
none, every other page in arabic. A contents entry prints its target's number in roman where
its link has the class "romawi", as the stylesheet's `target-counter` does."""

from __future__ import annotations

import html
import io
import warnings
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from kinerja.formatting import angka_romawi

if TYPE_CHECKING:
    from laporan.render.pecah import Bagian, Rencana
    from laporan.render.tata_letak import Halaman, HasilBagian

# Pages that print no page number (laporan.css: @page sampul, @page polos).
TANPA_NOMOR = {"sampul", "polos"}
PX_KE_PT = 0.75  # WeasyPrint's CSS px to PDF points


class TidakBisaDipecah(Exception):
    """The report's pages cannot be numbered before its contents are laid out (a page
    between the contents and the body); it is laid out in one pass instead."""


@dataclass
class Susunan:
    """The report's pages in order, from the parts laid out, and their numbers."""

    urutan: list[Bagian]
    hasil: dict[int, HasilBagian]  # by id() of the part; the contents' once laid out
    daftar_id: set[str] = field(default_factory=set)  # ids inside the contents' part

    @classmethod
    def dari(cls, rencana: Rencana, hasil: dict[int, HasilBagian]) -> Susunan:
        daftar_id = {
            el.get("id")
            for b in rencana.bagian
            if b.daftar
            for blok in b.blok
            for el in blok.el.iter()
            if isinstance(el.tag, str) and el.get("id")
        }
        susunan = cls(list(rencana.bagian), dict(hasil), daftar_id)
        susunan._periksa()
        return susunan

    # --- the pages ---------------------------------------------------------------------

    def _halaman_sebelum_daftar(self) -> list[Halaman]:
        hasil: list[Halaman] = []
        for b in self.urutan:
            if b.daftar:
                break
            hasil.extend(self.hasil[id(b)].halaman)
        return hasil

    def _halaman_sesudah_daftar(self) -> list[Halaman]:
        hasil: list[Halaman] = []
        lewat = False
        for b in self.urutan:
            if b.daftar:
                lewat = True
            elif lewat:
                hasil.extend(self.hasil[id(b)].halaman)
        return hasil

    def _periksa(self) -> None:
        jumlah_daftar = sum(b.daftar for b in self.urutan)
        if jumlah_daftar > 1:
            raise TidakBisaDipecah("daftar di depan terpisah-pisah")
        if not jumlah_daftar:
            return
        if any(h.nama == "utama" for h in self._halaman_sebelum_daftar()):
            raise TidakBisaDipecah("badan laporan mendahului daftar isi")
        sesudah = self._halaman_sesudah_daftar()
        if sesudah and sesudah[0].nama != "utama":
            raise TidakBisaDipecah("ada halaman di antara daftar isi dan badan laporan")

    def _nilai_tanpa_daftar(self) -> list[tuple[Halaman, int | None]]:
        """Every page but the contents' with the page counter's value on it: its place in
        the report until the body's first page, from there its place in the body. Without
        contents every page counts as before them; after them the body begins at once (by
        _periksa), so no value depends on the contents' length."""
        return [
            *_nilai(self._halaman_sebelum_daftar(), dihitung=True),
            *_nilai(self._halaman_sesudah_daftar(), dihitung=False),
        ]

    @property
    def jumlah_halaman(self) -> int:
        return sum(len(self.hasil[id(b)].halaman) for b in self.urutan if id(b) in self.hasil)

    # --- the contents -------------------------------------------------------------------

    def html_daftar(self, rencana: Rencana, daftar: Bagian) -> str:
        """The contents' part, every entry pointing outside it carrying its target's page
        number, its own pages numbered on from the pages before it."""
        halaman_jangkar: dict[str, int] = {}
        for h, nilai in self._nilai_tanpa_daftar():
            for nama in h.jangkar:
                halaman_jangkar.setdefault(nama, nilai)
        tautan_luar = []
        for blok in daftar.blok:
            for a in blok.el.iter("a"):
                sasaran = (a.get("href") or "").removeprefix("#")
                if sasaran in self.daftar_id or sasaran not in halaman_jangkar:
                    continue
                nilai = halaman_jangkar[sasaran]
                romawi = "romawi" in (a.get("class") or "").split()
                a.set("data-hal", angka_romawi(nilai).lower() if romawi else str(nilai))
                tautan_luar.append(sasaran)
        # Anchors standing in for the targets in other parts, so that WeasyPrint keeps the
        # links; the joined PDF points them at the real targets.
        pengganti = "".join(f'<a id="{html.escape(s)}"></a>' for s in dict.fromkeys(tautan_luar))
        awal = len(self._halaman_sebelum_daftar()) + 1
        return rencana.html(
            daftar,
            gaya=f"@page :nth(1) {{ counter-reset: page {awal}; }}",
            tambahan=(
                '<div style="position: absolute; width: 0; height: 0; overflow: hidden">'
                f"{pengganti}</div>"
            ),
        )

    # --- the stamp sheet ----------------------------------------------------------------

    def html_stempel(self, rencana: Rencana) -> str:
        """One empty page per report page outside the contents, of that page's size, with
        its page number and the footer as the stylesheet prints them and nothing else. Each
        page's empty block names its number (string-set), which the footer's margin box
        prints: one rule for every page instead of one per page to match."""
        halaman = []
        for j, (h, nilai) in enumerate(self._nilai_tanpa_daftar(), start=1):
            nama = "lanskap" if h.lebar > h.tinggi else "auto"
            pecah = "break-before: page; " if j > 1 else ""
            nomor = _nomor(h.nama, nilai)
            halaman.append(
                f"<div style=\"page: {nama}; {pecah}height: 1px; string-set: nomor '{nomor}'\">"
                "</div>"
            )
        aturan = (
            "@page { @top-left { content: none } @top-right { content: none }"
            " @bottom-center { content: string(nomor) } }\n"
            "body { margin: 0 }"
        )
        return (
            f'<!DOCTYPE html><html lang="id">{rencana.kepala().removesuffix("</head>")}'
            f"<style>{aturan}</style></head><body>{''.join(halaman)}</body></html>"
        )

    def halaman_berurut(self) -> list[tuple[Halaman, bool]]:
        """Every page in order, and whether it takes a stamp (the contents' do not)."""
        hasil = []
        for b in self.urutan:
            for h in self.hasil[id(b)].halaman:
                hasil.append((h, not b.daftar))
        return hasil


def _nilai(halaman: list[Halaman], *, dihitung: bool) -> list[tuple[Halaman, int | None]]:
    """The page counter on each page of a run: from 1 on the body's first page (`@page
    :nth(1 of utama)`), before it the page's place in the run where `dihitung`, else None."""
    hasil: list[tuple[Halaman, int | None]] = []
    utama = None
    for i, h in enumerate(halaman):
        if utama is None and h.nama == "utama":
            utama = i
        if utama is not None:
            hasil.append((h, i - utama + 1))
        else:
            hasil.append((h, i + 1 if dihitung else None))
    return hasil


def _nomor(nama: str, nilai: int | None) -> str:
    """The page number a page prints, as laporan.css prints it."""
    if nilai is None or nama in TANPA_NOMOR or nilai < 1:
        return ""
    return angka_romawi(nilai).lower() if nama == "depan" else str(nilai)


def gabung(susunan: Susunan, stempel: HasilBagian) -> bytes:
    """The joined, stamped PDF."""
    import pikepdf

    keluar = pikepdf.new()
    sumber = []
    for b in susunan.urutan:
        pdf = pikepdf.open(io.BytesIO(susunan.hasil[id(b)].pdf))
        sumber.append(pdf)
        with warnings.catch_warnings():
            # Named destinations are not carried over with the pages: _tujuan makes them
            # for the whole report.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            keluar.pages.extend(pdf.pages)
    cap = pikepdf.open(io.BytesIO(stempel.pdf))
    berurut = susunan.halaman_berurut()
    j = 0
    for i, (_, dicap) in enumerate(berurut):
        if dicap:
            _cap(keluar, keluar.pages[i], cap.pages[j], f"/Cap{i + 1}")
            j += 1
    _tujuan(keluar, berurut, susunan.daftar_id)
    _penanda(keluar, [h for h, _ in berurut])
    pertama = sumber[0]
    keluar.trailer.Info = keluar.copy_foreign(pertama.trailer.Info)
    for kunci in ("/Lang", "/PageMode"):
        if kunci in pertama.Root:
            keluar.Root[kunci] = pertama.Root[kunci]
    buf = io.BytesIO()
    # The same parts give the same bytes (no random file identifier).
    keluar.save(buf, deterministic_id=True)
    return buf.getvalue()


def _cap(pdf, halaman, cap, nama: str) -> None:
    """Draw the stamp page over the page (both of one size) under the resource name `nama`,
    one per page (a part's pages share their resources): pikepdf's add_overlay names it at
    random, and the same report must give the same bytes."""
    import pikepdf

    nama = halaman.add_resource(
        pdf.copy_foreign(cap.as_form_xobject()), pikepdf.Name.XObject, pikepdf.Name(nama)
    )
    halaman.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
    halaman.contents_add(pikepdf.Stream(pdf, b"\nQ q " + bytes(nama) + b" Do Q\n"))


def _tujuan(pdf, berurut: list[tuple[Halaman, bool]], daftar_id: set[str]) -> None:
    """The named destinations of every anchor (the first of a name wins, in page order); a
    stand-in in the contents' part gives way to the real target."""
    import pikepdf

    pohon = pikepdf.NameTree.new(pdf)
    ada: set[str] = set()
    for i, (h, dicap) in enumerate(berurut):
        for nama, (x, y) in h.jangkar.items():
            if nama in ada or (not dicap and nama not in daftar_id):
                continue
            ada.add(nama)
            pohon[nama] = pikepdf.Array(
                [pdf.pages[i].obj, pikepdf.Name.XYZ, x * PX_KE_PT, (h.tinggi - y) * PX_KE_PT, 0]
            )
    pdf.Root.Names = pikepdf.Dictionary(Dests=pohon.obj)


def _penanda(pdf, halaman: list[Halaman]) -> None:
    """The bookmarks (outline) of the whole report, nested as WeasyPrint nests them."""
    import pikepdf
    from weasyprint.document import Document

    palsu = SimpleNamespace(
        pages=[SimpleNamespace(bookmarks=h.penanda, height=h.tinggi) for h in halaman]
    )
    pohon = Document.make_bookmark_tree(palsu, scale=PX_KE_PT, transform_pages=True)

    def tambah(tujuan: list, simpul: list) -> None:
        for label, (hal, x, y), anak, keadaan in simpul:
            item = pikepdf.OutlineItem(label, hal, "XYZ", left=x, top=y)
            item.is_closed = keadaan == "closed"
            tambah(item.children, anak)
            tujuan.append(item)

    with pdf.open_outline() as outline:
        tambah(outline.root, pohon)
