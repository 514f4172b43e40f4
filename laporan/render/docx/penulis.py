"""Writes the report model into a Word document, in the PDF's order: memo, cover, front matter
(numbered i, ii, ...) with the contents and the lists of tables and figures, the chapters
(numbered from 1) and the annexes.

Word sections follow the PDF's page kinds: a new section wherever the numbering changes (cover,
front matter, body) or the orientation does (a landscape section for a wide table, or for a
landscape chapter), each with its running header (report title, and the current chapter by a
STYLEREF field), the page number in its footer and the report's `tanda` under it."""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from kinerja.formatting import format_tanggal
from laporan.dokumen import (
    Bagian,
    Blok,
    Daftar,
    GambarBerkas,
    Grafik,
    Laporan,
    NotaDinas,
    Paragraf,
    Penandatangan,
    Rincian,
    Tabel,
    TandaTangan,
)
from laporan.render.docx import gambar, gaya, ooxml
from laporan.render.docx import tabel as tabel_word

GAYA_PARAGRAF = {
    "catatan": "Catatan",
    "kosong": "Narasi Kosong",
    "rumus": "Rumus",
    "tengah": "Tengah",
    "subjudul": "Subjudul",
}
LEBAR_GAMBAR = Cm(16)
TINGGI_GAMBAR = Cm(17)  # a tall picture is narrowed to this height (as in the PDF)
SAMPUL, DEPAN, UTAMA = "sampul", "depan", "utama"


def tulis(laporan: Laporan) -> bytes:
    """The report as the bytes of a .docx file."""
    return Penulis(laporan).tulis()


class Penulis:
    """One report written into one python-docx Document."""

    def __init__(self, laporan: Laporan) -> None:
        self.lap = laporan.nomori()
        self.doc = Document()
        gaya.siapkan(self.doc)
        self.body = self.doc.element.body
        self.gaya_tabel = tabel_word.GayaTabel(
            isi=self.doc.styles["Isi Tabel"].style_id,
            kepala=self.doc.styles["Kepala Tabel"].style_id,
        )
        self.halaman: tuple[str, bool] | None = None  # (page kind, landscape) of the section
        self.awal_halaman = True  # nothing written yet on the section's first page
        self.utama_dimulai = False
        self.judul_bab: _Element | None = None  # the running header's chapter title (a run)
        self.bab_terakhir = ""  # the last Heading 1 written
        self.nomor_penanda = 0

    # --- the document ----------------------------------------------------------------

    def tulis(self) -> bytes:
        lap = self.lap
        if lap.nota_dinas:
            self._halaman(SAMPUL, False)
            self._nota_dinas(lap.nota_dinas)
        for b in lap.sebelum_sampul:  # a document bound in front (a decree): no running header
            self._bagian(b, SAMPUL)
        if lap.sampul:
            self._halaman(SAMPUL, False)
            self._sampul()
        if lap.depan or lap.daftar_isi:
            for b in lap.depan:
                self._bagian(b, DEPAN)
            if lap.daftar_isi:
                self._daftar_isi()
        for b in lap.bab:
            self._bagian(b, UTAMA)
        if lap.lampiran:
            self._halaman(UTAMA, False)
            p = self._judul("LAMPIRAN", 1, penanda_="lampiran")
            p.paragraph_format.space_before = Cm(8)
            for r in p.runs:
                r.font.size = Pt(18)
            for b in lap.lampiran:
                self._bagian(b, UTAMA)
        self._sifat()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _sifat(self) -> None:
        """Document properties, and the request to update the fields (contents, lists of
        tables and figures) when Word opens the file."""
        cp = self.doc.core_properties
        cp.title = f"{self.lap.judul} · {self.lap.satker}"
        cp.subject = self.lap.periode
        cp.author = cp.last_modified_by = "Aplikasi Kinerja BSKJI"
        cp.language = gaya.BAHASA
        cp.created = cp.modified = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        cp.revision = 1
        if self.lap.daftar_isi:
            settings = self.doc.settings.element
            ooxml.sisip(settings, ooxml.el("w:updateFields", val="true"), ooxml.URUTAN_SETTINGS)

    # --- pages and sections ----------------------------------------------------------

    def _halaman(self, jenis: str, lanskap: bool) -> None:
        """Continue on pages of this kind and orientation: a new section if they differ."""
        if self.halaman == (jenis, lanskap):
            return
        if self.halaman is None:
            section = self.doc.sections[0]
        else:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            # The paragraph that now carries the previous section's properties.
            Paragraph(self.body.sectPr.getprevious(), self.doc).style = "Akhir Bagian"
        self.halaman = (jenis, lanskap)
        self.awal_halaman = True
        lebar, tinggi = gaya.A4
        section.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (tinggi, lebar) if lanskap else (lebar, tinggi)
        for sisi, nilai in (gaya.MARGIN_LANSKAP if lanskap else gaya.MARGIN_TEGAK).items():
            setattr(section, f"{sisi}_margin", nilai)
        section.header_distance = section.footer_distance = Cm(1)
        if jenis == DEPAN:
            ooxml.nomor_halaman(section._sectPr, "lowerRoman")
        elif jenis == UTAMA and not self.utama_dimulai:
            ooxml.nomor_halaman(section._sectPr, "decimal", mulai=1)
            self.utama_dimulai = True
        else:
            ooxml.nomor_halaman(section._sectPr, "decimal")
        self._kepala_kaki(section, jenis, lanskap)

    def _kepala_kaki(self, section, jenis: str, lanskap: bool) -> None:
        """The running header (report and satker on the left, the chapter on the right) and
        the footer (page number, then the report's mark) of a section; a memo or cover page
        carries only the mark."""
        kepala, kaki = section.header, section.footer
        for hf in (kepala, kaki):
            hf.is_linked_to_previous = False
            for p in hf.paragraphs[1:]:
                p._p.getparent().remove(p._p)
            hf.paragraphs[0].text = ""
        p = kepala.paragraphs[0]
        if jenis != SAMPUL:
            p.style = self.doc.styles["Header"]
            gaya.tab_kanan(p, gaya.lebar_teks(lanskap))
            p.add_run(ooxml.bersih(f"{self.lap.judul} · {self.lap.satker}\t"))
            # The chapter on the page, shown as the chapter where the section starts until
            # Word lays the pages out.
            ooxml.bidang(p._p, 'STYLEREF "Heading 1"', self.bab_terakhir)
            self.judul_bab = p._p.findall(qn("w:r"))[-2]  # the field's result run
            halaman = kaki.paragraphs[0]
            halaman.style = self.doc.styles["Footer"]
            halaman.alignment = WD_ALIGN_PARAGRAPH.CENTER
            ooxml.bidang(halaman._p, "PAGE", "")
        if self.lap.tanda or self.lap.kaki:
            tanda = kaki.paragraphs[0] if jenis == SAMPUL else kaki.add_paragraph()
            tanda.style = self.doc.styles["Tanda"]
            tanda.add_run(ooxml.bersih(self.lap.kaki or self.lap.tanda))

    # --- building blocks -------------------------------------------------------------

    def _p(self, teks: str = "", style: str | None = None) -> Paragraph:
        self.awal_halaman = False
        p = self.doc.add_paragraph(style=style)
        if teks:
            p.add_run(ooxml.bersih(teks))
        return p

    def _tambah(self, e: _Element) -> None:
        """Put a table (or another body element) at the end of the document."""
        self.awal_halaman = False
        self.body.sectPr.addprevious(e)

    def _penanda(self, p: Paragraph, nama: str) -> None:
        self.nomor_penanda += 1
        ooxml.penanda(p._p, nama, self.nomor_penanda)

    def _judul(
        self, teks: str, tingkat: int, *, penanda_: str, daftar_isi: bool = True
    ) -> Paragraph:
        """A heading in Word's heading style of its level (Heading 1-4), so that the contents
        and the navigation pane find it; one the contents leave out gets the same look
        without an outline level."""
        n = min(tingkat, 4)
        style = f"Heading {n}" if daftar_isi else gaya.judul_tanpa_daftar_isi(n)
        di_awal = self.awal_halaman
        p = self._p(teks, style)
        if n == 1 and di_awal:
            # Already at the top of a new section's page: no second break.
            p.paragraph_format.page_break_before = False
        self._penanda(p, penanda_)
        if n == 1:
            self.bab_terakhir = teks
            if di_awal and self.judul_bab is not None:  # the section starts with this chapter
                for t in self.judul_bab.findall(qn("w:t")):
                    self.judul_bab.remove(t)
                self.judul_bab.extend(ooxml.run(teks).findall(qn("w:t")))
        return p

    # --- front matter ----------------------------------------------------------------

    def _nota_dinas(self, nd: NotaDinas) -> None:
        self._p("NOTA DINAS", "Judul Nota Dinas")
        nomor = self._p(f"Nomor: {nd.nomor or '–'}")
        nomor.alignment = WD_ALIGN_PARAGRAPH.CENTER
        nomor.paragraph_format.space_after = Pt(14)
        tanggal = format_tanggal(nd.tanggal) if nd.tanggal else "–"
        kop = (
            ("Yth.", nd.kepada),
            ("Dari", nd.dari),
            ("Hal", nd.perihal),
            ("Lampiran", nd.lampiran),
            ("Tanggal", tanggal),
        )
        for label, nilai in kop:
            self._p(f"{label}\t:\t{nilai}", "Kop Nota Dinas")
        garis = self._p()
        garis.paragraph_format.space_after = Pt(12)
        ooxml.garis(garis._p.get_or_add_pPr(), "bottom", tebal_pt=1.25, warna="000000", jarak_pt=1)
        for blok in nd.isi:
            self._blok(blok)
        self._tanda_tangan(TandaTangan([nd.penandatangan]), kosong_kiri=True)

    def _sampul(self) -> None:
        s = self.lap.sampul
        judul = self._p("\n".join(s.judul), "Judul Sampul")
        judul.paragraph_format.space_before = Cm(5)
        judul.paragraph_format.space_after = Cm(5)
        if self.lap.nota_dinas:
            judul.paragraph_format.page_break_before = True
        self._p("\n".join(s.satker), "Satker Sampul")
        tahun = self._p(s.tahun, "Satker Sampul")
        tahun.paragraph_format.space_before = Cm(0.4)

    def _daftar_isi(self) -> None:
        """DAFTAR ISI, DAFTAR TABEL and DAFTAR GAMBAR as Word's own fields (TOC over the
        heading styles; over the captions' SEQ fields), which Word fills with page numbers
        when it updates them. Until then they list the entries, linked, without pages."""
        self._halaman(DEPAN, False)
        lap = self.lap
        tabel, gambar_ = lap.tabel(), lap.gambar()
        entri: list[tuple[int, str, str]] = []
        for b in lap.depan:
            entri.extend((s.tingkat, s.judul_lengkap, s.id) for s in b.semua() if s.di_daftar_isi)
        entri.append((1, "DAFTAR ISI", "daftar-isi"))
        if tabel:
            entri.append((1, "DAFTAR TABEL", "daftar-tabel"))
        if gambar_:
            entri.append((1, "DAFTAR GAMBAR", "daftar-gambar"))
        for b in lap.bab:
            entri.extend((s.tingkat, s.judul_lengkap, s.id) for s in b.semua() if s.di_daftar_isi)
        if lap.lampiran:
            entri.append((1, "LAMPIRAN", "lampiran"))
            for b in lap.lampiran:
                entri.extend(
                    (s.tingkat, s.judul_lengkap, s.id) for s in b.semua() if s.di_daftar_isi
                )
        self._judul("DAFTAR ISI", 1, penanda_="daftar-isi")
        self._isi_bidang(
            'TOC \\o "1-4" \\h \\z \\u',
            [(f"toc {min(t, 4)}", judul, penanda_) for t, judul, penanda_ in entri],
        )
        if tabel:
            self._judul("DAFTAR TABEL", 1, penanda_="daftar-tabel")
            self._isi_bidang(
                'TOC \\h \\z \\c "Tabel"',
                [("table of figures", f"{t.label}. {t.judul}", f"tabel-{t.nomor}") for t in tabel],
            )
        if gambar_:
            self._judul("DAFTAR GAMBAR", 1, penanda_="daftar-gambar")
            self._isi_bidang(
                'TOC \\h \\z \\c "Gambar"',
                [
                    ("table of figures", f"{g.label}. {g.judul}", f"gambar-{g.nomor}")
                    for g in gambar_
                ],
            )

    def _isi_bidang(self, perintah: str, entri: list[tuple[str, str, str]]) -> None:
        """A TOC field whose shown result is `entri` (style, text, bookmark) as links."""
        if not entri:
            p = self._p()
            ooxml.bidang_mulai(p._p, perintah)
            ooxml.bidang_akhir(p._p)
            return
        for i, (style, teks, penanda_) in enumerate(entri):
            p = self._p(style=style)
            if i == 0:
                ooxml.bidang_mulai(p._p, perintah)
            ooxml.tautan(p._p, penanda_, teks)
            if i == len(entri) - 1:
                ooxml.bidang_akhir(p._p)

    # --- chapters and blocks ---------------------------------------------------------

    def _bagian(self, b: Bagian, jenis: str, lanskap_induk: bool = False) -> None:
        """A chapter or section with its blocks and subsections. Landscape as the PDF lays it
        out: a landscape chapter throughout, a wide table on a landscape page of its own, and
        a section opening with a wide table takes its heading onto that page."""
        lanskap = lanskap_induk or b.lanskap
        if b.tanpa_kepala:
            jenis = SAMPUL  # pages with the mark only, as the cover's
        pertama = b.isi[0] if b.isi else None
        buka_lanskap = isinstance(pertama, Tabel) and pertama.lanskap
        self._halaman(jenis, lanskap or buka_lanskap)
        di_awal = self.awal_halaman
        p = self._judul(b.judul_lengkap, b.tingkat, penanda_=b.id, daftar_isi=b.di_daftar_isi)
        if b.halaman_baru and not di_awal:
            p.paragraph_format.page_break_before = True
        for blok in b.isi:
            self._halaman(jenis, lanskap or (isinstance(blok, Tabel) and blok.lanskap))
            self._blok(blok)
        for anak in b.anak:
            self._bagian(anak, jenis, lanskap)

    def _blok(self, blok: Blok) -> None:
        if isinstance(blok, Paragraf):
            self._p(blok.teks, GAYA_PARAGRAF.get(blok.gaya))
        elif isinstance(blok, Daftar):
            self._daftar(blok)
        elif isinstance(blok, Rincian):
            for label, nilai in blok.pasangan:
                self._p(f"{label}\t:\t{nilai}", "Rincian")
        elif isinstance(blok, Tabel):
            self._tabel(blok)
        elif isinstance(blok, Grafik):
            self._grafik(blok)
        elif isinstance(blok, GambarBerkas):
            self._gambar_berkas(blok)
        elif isinstance(blok, TandaTangan):
            self._tanda_tangan(blok)

    def _daftar(self, d: Daftar) -> None:
        """A list: Word bullets, Word numbering restarting at 1, or the source's own labels
        ("a.", "1)") kept as written; a labelled list ("Menimbang :") opens with its label."""
        if d.label:
            self._p(f"{d.label}\t:", "Rincian").paragraph_format.keep_with_next = True
        if d.penanda:
            for label, butir in zip(d.penanda, d.butir, strict=False):
                self._p(f"{label}\t{butir}", "Daftar Berlabel")
            return
        if not d.bernomor:
            for butir in d.butir:
                self._p(butir, "List Bullet")
            return
        num_id = self._penomoran_baru()
        for butir in d.butir:
            p = self._p(butir, "List Number")
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id

    def _penomoran_baru(self) -> int:
        """A numbering instance of the List Number style that starts again at 1."""
        numbering = self.doc.part.numbering_part.element
        gaya_nomor = self.doc.styles["List Number"].element
        num_id_gaya = gaya_nomor.pPr.numPr.numId.val
        abstrak = next(n for n in numbering.num_lst if n.numId == num_id_gaya).abstractNumId.val
        num = numbering.add_num(abstrak)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _keterangan(self, label: str, seq: str, nomor: int | None, judul: str) -> Paragraph:
        """A numbered caption, "Tabel 12. ..." or "Gambar 3. ...", the number a SEQ field (so
        that Word's lists of tables and figures find it) showing the model's number."""
        p = self._p(style="Caption")
        p._p.append(ooxml.run(f"{label} "))
        ooxml.bidang(p._p, f"SEQ {label} \\* ARABIC", str(nomor or ""))
        p._p.append(ooxml.run(f". {judul}"))
        self._penanda(p, f"{seq}-{nomor}")
        return p

    def _tabel(self, t: Tabel) -> None:
        keterangan = self._keterangan("Tabel", "tabel", t.nomor, t.judul)
        keterangan.paragraph_format.keep_with_next = True
        lanskap = bool(self.halaman and self.halaman[1])
        self._tambah(tabel_word.tabel(t, gaya.lebar_teks(lanskap), self.gaya_tabel))
        for c in t.catatan:
            self._p(c, "Catatan Tabel")
        if not t.catatan:
            # Word needs a paragraph between two tables, or it merges them into one.
            self._p(style="Jarak")

    def _grafik(self, g: Grafik) -> None:
        lanskap = bool(self.halaman and self.halaman[1])
        lebar = min(LEBAR_GAMBAR, gaya.lebar_teks(lanskap))
        p = self._p()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(8)
        p.add_run().add_picture(io.BytesIO(gambar.png(g)), width=lebar)
        self._keterangan("Gambar", "gambar", g.nomor, g.judul).paragraph_format.space_after = Pt(12)

    def _gambar_berkas(self, g: GambarBerkas) -> None:
        """An uploaded picture as the PDF prints it: its size from the report model, the
        numbered caption below it, then its source."""
        lanskap = bool(self.halaman and self.halaman[1])
        lebar_teks = min(LEBAR_GAMBAR, gaya.lebar_teks(lanskap))
        lebar, _ = g.ukuran_cm(lebar_teks / Cm(1), TINGGI_GAMBAR.cm)
        p = self._p()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(8)
        p.add_run().add_picture(io.BytesIO(g.isi), width=Cm(lebar))
        keterangan = self._keterangan("Gambar", "gambar", g.nomor, g.judul)
        if g.sumber:
            keterangan.paragraph_format.keep_with_next = True
            sumber = self._p(g.sumber, "Catatan")
            sumber.alignment = WD_ALIGN_PARAGRAPH.CENTER
            sumber.paragraph_format.space_after = Pt(12)
        else:
            keterangan.paragraph_format.space_after = Pt(12)

    def _tanda_tangan(self, tt: TandaTangan, *, kosong_kiri: bool = False) -> None:
        """Signature blocks side by side, as the PDF prints them: place and date over the
        last, then each signer's title, room to sign, name (bold, underlined) and NIP."""
        lanskap = bool(self.halaman and self.halaman[1])
        lebar_total = round(gaya.lebar_teks(lanskap) * tabel_word.TWIP_PER_EMU)
        orang: list[Penandatangan | None] = (
            [None, *tt.penandatangan] if kosong_kiri else list(tt.penandatangan)
        )
        lebar = [lebar_total // len(orang)] * len(orang)
        baris: list[list[list[_Element]]] = []
        if tt.tempat_tanggal:
            baris.append(
                [
                    [self._p_ttd(tt.tempat_tanggal)] if i == len(orang) - 1 else []
                    for i in range(len(orang))
                ]
            )
        baris.append([self._isi_ttd(p) if p else [] for p in orang])
        self._p(style="Jarak").paragraph_format.keep_with_next = True
        self._tambah(tabel_word.tabel_polos(baris, lebar))
        self._p(style="Jarak")

    def _p_ttd(self, teks: str, *, tebal: bool = False, garis_bawah: bool = False) -> _Element:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(ooxml.el("w:pStyle", val=self.doc.styles["Tanda Tangan"].style_id))
        ppr.append(ooxml.el("w:keepNext"))
        p.append(ppr)
        if teks:
            rpr = ooxml.rpr(tebal=tebal)
            if garis_bawah:
                rpr = rpr if rpr is not None else OxmlElement("w:rPr")
                ooxml.sisip(rpr, ooxml.el("w:u", val="single"), ooxml.URUTAN_RPR)
            p.append(ooxml.run(teks, rpr=rpr))
        return p

    def _isi_ttd(self, p: Penandatangan) -> list[_Element]:
        isi = []
        if p.sebutan:
            isi.append(self._p_ttd(p.sebutan, tebal=True))
        isi.append(self._p_ttd(f"{p.jabatan},"))
        nama = self._p_ttd(p.nama, tebal=True, garis_bawah=True)
        ooxml.sisip(nama.find(qn("w:pPr")), ooxml.el("w:spacing", before=1120), ooxml.URUTAN_PPR)
        isi.append(nama)
        if p.nip:
            isi.append(self._p_ttd(f"NIP {p.nip}"))
        return isi
