"""The Word reports, read back with python-docx: every table of the report model is a Word
table with the model's cells (text as `Sel.teks()` prints it, spans included) under its
caption; figures worked by hand from the source are in the cell they belong to and in the
PDF's text; headings in Word's heading styles with a TOC field; header rows repeated;
wide tables on landscape sections; charts as pictures; page numbers and the report's mark
in the footers. Each report is written once for the module; its PDF is the session's."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree
from PIL import Image

from laporan import dokumen as d
from laporan import services
from laporan.render.docx import gaya, ooxml
from tests.laporan.conftest import normal

pytestmark = pytest.mark.django_db

LAPORAN = ["pk-pekanbaru", "pp39-manado", "lakip-pekanbaru"]


class Word:
    """A rendered .docx and what the tests read from it."""

    def __init__(self, laporan: d.Laporan, isi: bytes, detik: float) -> None:
        self.laporan, self.isi, self.detik = laporan, isi, detik
        self.doc = Document(io.BytesIO(isi))
        self.body = self.doc.element.body

    def tabel_berjudul(self) -> dict[str, Table]:
        """Each captioned table by its caption ("Tabel 12. ..."): the caption is the
        paragraph right before the table."""
        hasil = {}
        for tbl in self.body.iterchildren(qn("w:tbl")):
            sebelum = tbl.getprevious()
            if sebelum is not None and sebelum.tag == qn("w:p"):
                p = Paragraph(sebelum, self.doc)
                if p.style.name == "Caption":
                    hasil[p.text] = Table(tbl, self.doc)
        return hasil

    def seksi(self, e) -> int:
        """The index of the section body element `e` belongs to: the number of section
        breaks (paragraphs carrying a sectPr) before it."""
        return sum(
            1
            for x in e.itersiblings(preceding=True)
            if x.tag == qn("w:p") and x.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        )

    def paragraf(self) -> list[Paragraph]:
        return [Paragraph(p, self.doc) for p in self.body.iterchildren(qn("w:p"))]


@pytest.fixture(scope="module")
def word(susunan):
    """word("lakip-pekanbaru") → the report written as .docx, once for the module."""
    cache: dict[str, Word] = {}

    def get(nama: str) -> Word:
        if nama not in cache:
            laporan = susunan(nama)
            mulai = time.perf_counter()
            isi = services.render(laporan, "docx").isi
            cache[nama] = Word(laporan, isi, time.perf_counter() - mulai)
        return cache[nama]

    return get


def sel_docx(tbl: Table) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, columns spanned, rows spanned), leaving out the cells that
    continue a cell from a row above: what the report model's rows list."""
    baris = []
    turun: dict[int, list] = {}  # grid column → the entry of the cell spanning down into it
    for tr in tbl._tbl.tr_lst:
        kolom, isi = 0, []
        for tc in tr.tc_lst:
            vmerge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            lanjut = vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue")
            if lanjut:
                turun[kolom][2] += 1
            else:
                entri = [_Cell(tc, tbl).text, tc.grid_span, 1]
                isi.append(entri)
                turun[kolom] = entri
            kolom += tc.grid_span
        baris.append(isi)
    return [[tuple(e) for e in r] for r in baris]


def grid_teks(tbl: Table) -> list[list[str]]:
    """The text at every grid position (a spanning cell's text in each position it covers)."""
    return [[c.text for c in row.cells] for row in tbl.rows]


def sel_di(tbl: Table, awal: str, judul_kolom: str, *, baris_kepala: int = 0) -> str:
    """The text of the cell in the row whose text starts with `awal` (in any column) and in
    the column headed `judul_kolom`."""
    grid = grid_teks(tbl)
    kolom = grid[baris_kepala].index(judul_kolom)
    cocok = [r for r in grid if any(normal(t).startswith(awal) for t in r)]
    assert len(cocok) == 1, (awal, len(cocok))
    return cocok[0][kolom]


# --- the figures ------------------------------------------------------------------------


@pytest.mark.parametrize("nama", LAPORAN)
def test_every_table_holds_the_models_cells_under_its_caption(word, nama):
    w = word(nama)
    tabel = w.tabel_berjudul()
    model = w.laporan.tabel()
    assert model and len(tabel) == len(model)
    for t in model:
        tbl = tabel[f"{t.label}. {t.judul}"]
        diharapkan = [[(s.teks(), s.colspan, s.rowspan) for s in r] for r in t.kepala + t.baris]
        diharapkan += [[(s.teks(), s.colspan, s.rowspan) for s in r] for r in t.kaki]
        assert sel_docx(tbl) == diharapkan, t.label
        assert len(tbl.columns) == t.jumlah_kolom


def test_hand_worked_figures_are_where_they_belong_in_word_and_the_pdf(word, rendered):
    # LAKIP Pekanbaru, Tabel 2 (Tabel 1 is the review team in the decree's annex), III.2
    # (test_capaian_demo): PNBP realisation 363,80 against a target of 5, capaian 7.276,00%.
    lakip = word("lakip-pekanbaru")
    t1 = lakip.tabel_berjudul()["Tabel 2. Target dan Capaian Kinerja BSPJI Pekanbaru TA. 2023"]
    assert sel_di(t1, "III.2 ", "Target") == "5"
    assert sel_di(t1, "III.2 ", "Realisasi") == "363,80"
    assert sel_di(t1, "III.2 ", "Capaian") == "7.276,00%"
    pdf = rendered("lakip-pekanbaru").text
    assert "III.2 Meningkatnya PNBP layanan jasa industri 5 Persen 363,80 7.276,00%" in pdf
    # Its budget: the total of the realisation table, rolled up from the leaves.
    anggaran = next(
        tbl
        for judul, tbl in lakip.tabel_berjudul().items()
        if "Realisasi Anggaran Kegiatan Tahun" in judul
    )
    assert sel_di(anggaran, "Total", "Pagu (Rp)") == "Rp 7.680.590.000"
    assert sel_di(anggaran, "Total", "Realisasi (Rp)") == "Rp 7.680.058.359"
    assert "Total Rp 7.680.590.000 Rp 7.680.058.359 99,99%" in pdf

    # PP-39 Manado TW II: the DIPA, Rp 12.207.073.000, the total of the programme table and
    # the sum of the ALKI form.
    pp39 = word("pp39-manado")
    tabel = pp39.tabel_berjudul()
    program = tabel["Tabel 2. Program Kegiatan BSPJI Manado Tahun 2023"]
    assert grid_teks(program)[-1][-1] == "Rp 12.207.073.000"
    assert grid_teks(program)[-1][0] == "Total"
    alki = tabel["Tabel 24. Form ALKI posisi 30 Juni 2023"]
    jumlah = next(r for r in grid_teks(alki) if r[0] == "Jumlah")
    assert list(dict.fromkeys(jumlah))[:2] == ["Jumlah", "Rp 12.207.073.000"]  # a span
    pdf = rendered("pp39-manado").text
    assert "Total Rp 12.207.073.000" in pdf and "Jumlah Rp 12.207.073.000" in pdf


def test_the_pk_prints_its_total_budget_in_words_as_the_pdf_does(word, rendered):
    teks = normal(" ".join(p.text for p in word("pk-pekanbaru").paragraf()))
    for kalimat in (
        "Total Anggaran Tahun 2023: Rp 7.350.321.000,-",
        "(Tujuh miliar tiga ratus lima puluh juta tiga ratus dua puluh satu ribu rupiah)",
    ):
        assert kalimat in teks
        assert kalimat in rendered("pk-pekanbaru").text


# --- the structure ------------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["pp39-manado", "lakip-pekanbaru"])
def test_headings_use_words_heading_styles_and_the_contents_is_a_toc_field(word, nama):
    w = word(nama)
    judul = [
        p
        for p in w.paragraf()
        if p.style.name.startswith("Heading") or p.style.name.endswith("Tanpa Daftar Isi")
    ]
    bagian = list(w.laporan.bagian_semua())
    tambahan = {"DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "LAMPIRAN"}
    dari_model = [p for p in judul if p.text not in tambahan]
    assert [p.text for p in dari_model] == [b.judul_lengkap for b in bagian]
    for p, b in zip(dari_model, bagian, strict=True):
        n = min(b.tingkat, 4)
        if b.di_daftar_isi:
            assert p.style.name == f"Heading {n}", b.judul_lengkap
        else:  # left out of the contents: Heading n's look without its outline level
            assert p.style.name == gaya.judul_tanpa_daftar_isi(n)
            assert p.style.base_style.name == f"Heading {n}"
    # The contents right under its heading: Word's TOC over the heading styles; the lists of
    # tables and figures over the captions' SEQ fields. Word updates them on opening.
    instr = [
        (Paragraph(p, w.doc).style.name, p.xpath("string(.//w:instrText)").strip())
        for p in w.body.iterchildren(qn("w:p"))
        if p.xpath(".//w:instrText")
    ]
    toc = [i for _, i in instr if i.startswith("TOC")]
    assert toc[0] == 'TOC \\o "1-4" \\h \\z \\u'
    assert 'TOC \\h \\z \\c "Tabel"' in toc
    daftar_isi = next(p for p in w.paragraf() if p.text == "DAFTAR ISI")
    assert daftar_isi.style.name == "Heading 1"
    setelah = Paragraph(daftar_isi._p.getnext(), w.doc)
    assert setelah.style.name == "toc 1" and "TOC" in setelah._p.xpath("string(.//w:instrText)")
    seq = [i for s, i in instr if s == "Caption"]
    assert seq.count("SEQ Tabel \\* ARABIC") == len(w.laporan.tabel())
    assert seq.count("SEQ Gambar \\* ARABIC") == len(w.laporan.gambar())
    assert w.doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


@pytest.mark.parametrize("nama", LAPORAN)
def test_header_rows_repeat_on_every_page_and_rows_do_not_split(word, nama):
    w = word(nama)
    tabel = w.tabel_berjudul()
    for t in w.laporan.tabel():
        rows = tabel[f"{t.label}. {t.judul}"]._tbl.tr_lst
        kepala = [
            tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows
        ]
        assert kepala == [i < len(t.kepala) for i in range(len(rows))], t.label
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)


@pytest.mark.parametrize("nama", ["pp39-manado", "lakip-pekanbaru"])
def test_wide_tables_are_in_landscape_sections(word, nama):
    w = word(nama)
    tabel = w.tabel_berjudul()
    # A landscape chapter or annex: every table in it (and in its sections) too.
    lanskap_bab = {
        id(blok) for b in w.laporan.bagian_semua() if b.lanskap for s in b.semua() for blok in s.isi
    }
    dilihat = {True: 0, False: 0}
    for t in w.laporan.tabel():
        s = w.doc.sections[w.seksi(tabel[f"{t.label}. {t.judul}"]._tbl)]
        lanskap = t.lanskap or id(t) in lanskap_bab
        assert (s.orientation == WD_ORIENT.LANDSCAPE) is lanskap, t.label
        assert (s.page_width > s.page_height) is lanskap
        dilihat[lanskap] += 1
    assert dilihat[True] >= 4 and dilihat[False] >= 4


def test_charts_and_pictures_are_embedded_pictures_with_their_caption(word):
    w = word("lakip-pekanbaru")
    gambar = w.laporan.gambar()
    # The organisation chart (uploaded); budget, PNBP, and the service volumes of 2020-2023.
    assert [type(g).__name__ for g in gambar] == ["GambarBerkas"] + ["Grafik"] * 4
    assert len(w.doc.inline_shapes) == len(gambar)
    paragraf = w.paragraf()
    dengan_gambar = [i for i, p in enumerate(paragraf) if p._p.xpath(".//pic:pic")]
    for i, g in zip(dengan_gambar, gambar, strict=True):
        assert paragraf[i + 1].style.name == "Caption"
        assert paragraf[i + 1].text == f"Gambar {g.nomor}. {g.judul}"
    for shape, g in zip(w.doc.inline_shapes, gambar, strict=True):
        blip = shape._inline.xpath(".//a:blip/@r:embed")[0]
        blob = w.doc.part.related_parts[blip].blob
        if isinstance(g, d.GambarBerkas):
            assert blob == g.isi  # the picture as stored, not redrawn
        else:
            gambar_ = Image.open(io.BytesIO(blob))
            assert (gambar_.format, gambar_.size) == ("PNG", (1920, 900))


def test_page_numbers_roman_in_the_front_matter_then_arabic_from_bab_i(word):
    w = word("lakip-pekanbaru")
    sections = w.doc.sections

    def nomor(s):
        e = s._sectPr.find(qn("w:pgNumType"))
        return (e.get(qn("w:fmt")), e.get(qn("w:start")))

    def bidang(hf):
        return "".join(p._p.xpath("string(.//w:instrText)") for p in hf.paragraphs).strip()

    # The memo and the cover: no number, no running header.
    assert bidang(sections[0].footer) == "" and sections[0].header.paragraphs[0].text == ""
    assert nomor(sections[1]) == ("lowerRoman", None)
    assert nomor(sections[2]) == ("decimal", "1")
    assert all(nomor(s) == ("decimal", None) for s in sections[3:])
    for s in sections[1:]:
        assert bidang(s.footer) == "PAGE"
        assert bidang(s.header) == 'STYLEREF "Heading 1"'
        assert s.header.paragraphs[0].text.startswith("Laporan Kinerja (LAKIP) 2023 · BSPJI")


def test_word_renders_quickly(word):
    """Seconds per report on CI's two cores: the LAKIP (59 tables, 3 charts) well under the
    PDF's time."""
    assert word("pk-pekanbaru").detik < 5
    assert word("lakip-pekanbaru").detik < 20


# --- every kind of block, and the mark ------------------------------------------------------


def _laporan_lengkap() -> d.Laporan:
    penandatangan = d.Penandatangan("Kepala Balai", "Nama Kepala", "19700101 199001 1 001")
    return d.Laporan(
        jenis="lakip",
        judul="Laporan Uji",
        satker="BSPJI Uji",
        periode="Tahun 2023",
        tanda="DATA SIMULASI — bukan data nyata",
        nota_dinas=d.NotaDinas(
            "1/UJI/2024",
            "Sekretaris",
            "Kepala",
            "Laporan",
            "1 berkas",
            None,
            [d.Paragraf("Isi nota.")],
            penandatangan,
        ),
        sebelum_sampul=[
            d.Bagian(
                "KEPUTUSAN KEPALA BALAI",
                di_daftar_isi=False,
                tanpa_kepala=True,
                isi=[
                    d.Daftar(["bahwa satu;", "bahwa dua;"], penanda=["a.", "b."], label="Menimbang")
                ],
            )
        ],
        sampul=d.Sampul(["LAPORAN", "UJI"], ["BSPJI UJI"], "2023"),
        depan=[d.Bagian("KATA PENGANTAR", isi=[d.Paragraf("Pengantar.")])],
        bab=[
            d.Bagian(
                "PENDAHULUAN",
                "BAB I",
                isi=[
                    d.Paragraf("Biasa."),
                    d.Paragraf("Catatan kecil.", "catatan"),
                    d.Paragraf("Belum diisi.", "kosong"),
                    d.Paragraf("Capaian = realisasi / target × 100%", "rumus"),
                    d.Daftar(["satu", "dua"]),
                    d.Daftar(["pertama", "kedua"], bernomor=True),
                    d.Daftar(["alfa", "beta"], bernomor=True, penanda=["a.", "b."]),
                    d.Rincian([("Nama", "Nama Kepala"), ("Jabatan", "Kepala Balai")]),
                    d.Tabel(
                        "Lebar",
                        [d.kolom("A", ("B", 2, 1))],
                        [
                            [d.teks("x", rowspan=2), d.angka(1), d.persen(None)],
                            [d.rupiah(5), d.teks("y")],
                        ],
                        lanskap=True,
                        catatan=["Sumber: uji."],
                    ),
                    d.Grafik("Grafik uji", ["2022", "2023"], [d.Seri("Nilai", [1, None])]),
                    d.TandaTangan([penandatangan], "Pekanbaru, 1 Februari 2024"),
                ],
            )
        ],
        lampiran=[d.Bagian("Lampiran uji", lanskap=True, isi=[d.Paragraf("Lampiran.")])],
    )


def test_every_block_is_written_and_the_mark_is_in_every_footer():
    laporan = _laporan_lengkap()
    w = Word(laporan, services.render(laporan, "docx").isi, 0)
    for s in w.doc.sections:
        tanda = [p for p in s.footer.paragraphs if p.text == laporan.tanda]
        assert len(tanda) == 1 and tanda[0].style.name == "Tanda"
    assert len(w.doc.sections) >= 5  # cover, front matter, Bab I, landscape table, annex
    gaya_ = {p.text: p.style.name for p in w.paragraf()}
    assert gaya_["Catatan kecil."] == "Catatan"
    # What the satker has not filled is told to the reviewer, not printed.
    assert "Belum diisi." not in gaya_
    assert w.laporan.catatan_penyusunan == ["BAB I PENDAHULUAN: Belum diisi."]
    # A decree bound in front: its considerations under their label, no running header.
    assert gaya_["Menimbang\t:"] == "Rincian"
    assert gaya_["a.\tbahwa satu;"] == "Daftar Berlabel"
    keputusan = next(p for p in w.paragraf() if p.text == "Menimbang\t:")
    s_keputusan = w.doc.sections[w.seksi(keputusan._p)]
    assert s_keputusan.header.paragraphs[0].text == ""
    assert [p.text for p in s_keputusan.footer.paragraphs] == [laporan.tanda]
    assert gaya_["Capaian = realisasi / target × 100%"] == "Rumus"
    assert (gaya_["satu"], gaya_["pertama"]) == ("List Bullet", "List Number")
    assert gaya_["a.\talfa"] == "Daftar Berlabel"
    assert gaya_["Nama\t:\tNama Kepala"] == "Rincian"
    assert gaya_["LAPORAN\nUJI"] == "Judul Sampul"
    # A numbered list starts again at 1: its own numbering instance, restarted.
    num_id = next(p for p in w.paragraf() if p.text == "pertama")._p.pPr.numPr.numId.val
    num = w.doc.part.numbering_part.element.num_having_numId(num_id)
    assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]
    # The table: spans, an empty computed figure printed as "–", the rupiah as the PDF's.
    tbl = w.tabel_berjudul()["Tabel 1. Lebar"]
    assert sel_docx(tbl) == [
        [("A", 1, 1), ("B", 2, 1)],
        [("x", 1, 2), ("1", 1, 1), ("–", 1, 1)],
        [("Rp 5", 1, 1), ("y", 1, 1)],
    ]
    # Signatures: the place and date over the signer, the name to sign above.
    teks = " ".join(c.text for t in w.doc.tables for row in t.rows for c in row.cells)
    for bagian in ("Pekanbaru, 1 Februari 2024", "Kepala Balai,", "Nama Kepala", "NIP 19700101"):
        assert bagian in teks
    # The memo's heading fields, the cover and the mark are text a reader finds.
    assert any(p.text == "Yth.\t:\tSekretaris" for p in w.paragraf())


# Schema order (ECMA-376) of the children of the elements the renderer writes by hand: Word
# refuses a file with them out of order, where python-docx and LibreOffice read it anyway.
URUTAN = {
    "pPr": ooxml.URUTAN_PPR,
    "rPr": ooxml.URUTAN_RPR,
    "sectPr": ooxml.URUTAN_SECTPR,
    "tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
             "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
             "w:hideMark"),
    "trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
             "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
    "tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
              "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
              "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
              "w:tblCellMar", "w:tblLook"),
    "tblBorders": ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"),
    "tblCellMar": ("w:top", "w:left", "w:bottom", "w:right"),
    "pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    "settings": ooxml.URUTAN_SETTINGS,
}  # fmt: skip


def _di_luar_urutan(isi: bytes) -> list[tuple[str, str, list[str]]]:
    salah = []
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        for nama in z.namelist():
            if not (nama.startswith("word/") and nama.endswith(".xml")):
                continue
            akar = etree.fromstring(z.read(nama))
            for tag, urutan in URUTAN.items():
                posisi = [qn(t) for t in urutan]
                for e in akar.iter(qn(f"w:{tag}")):
                    dikenal = [posisi.index(c.tag) for c in e if c.tag in posisi]
                    if dikenal != sorted(dikenal) or (
                        tag != "settings" and any(c.tag not in posisi for c in e)
                    ):
                        salah.append((nama, tag, [etree.QName(c).localname for c in e]))
    return salah


def test_elements_written_by_hand_are_in_schema_order(word):
    assert _di_luar_urutan(word("lakip-pekanbaru").isi) == []
    laporan = _laporan_lengkap()
    assert _di_luar_urutan(services.render(laporan, "docx").isi) == []
