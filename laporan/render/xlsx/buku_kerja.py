"""The report as an Excel workbook, with openpyxl: a contents sheet, then one sheet per table
and one per figure (a chart with its data, an uploaded picture as it is printed). Every sheet
carries the report's title and period; numbers are numbers with a number format (rupiah,
decimals, percent), header rows are frozen, columns sized to fit and rows as tall as their
wrapped text. No formulas: the figures are the computed ones, the same as
in the PDF, and a text is always written as text, even one that starts like a formula ("=",
"+", "-", "@": a satker's narrative can), so that Excel shows it as typed and never runs it."""

from __future__ import annotations

import datetime
import io
import math
import re
import textwrap
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from laporan.dokumen import GambarBerkas, Grafik, Laporan, Sel, Tabel

BARIS_KEPALA = 5  # the first header row of a table sheet
LEBAR_JUDUL_ISI = 90  # the title column of the contents sheet
GARIS = Side(style="thin", color="555555")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
ISI_KEPALA = PatternFill("solid", fgColor="DFE7F1")
ISI_GRUP = PatternFill("solid", fgColor="EEF2F7")
RATA = {"kiri": "left", "tengah": "center", "kanan": "right"}
LEBAR_MAKS = 60
TINGGI_BARIS = 15  # points: one line of the default 11-point font
AWALAN_RUMUS = ("=", "+", "-", "@")  # what Excel would read as the start of a formula


def tulis(ws: Worksheet, baris: int, kolom: int, nilai) -> Cell:
    """Write a value to a cell; a text stays text. openpyxl would store a text starting with
    "=" as a formula (and "#N/A" as an error): its type is set back to string, and the
    cell's quote prefix keeps Excel from reading "=", "+", "-" or "@" as a formula when the
    cell is edited."""
    c = ws.cell(row=baris, column=kolom, value=nilai)
    if isinstance(nilai, str):
        c.data_type = "s"
        if nilai.startswith(AWALAN_RUMUS):
            c.quotePrefix = True
    return c


def format_rupiah(nilai: int) -> str:
    """The number format of a rupiah figure, written for its value: 12207073000 →
    `"Rp "0"."000"."000"."000`, shown as Rp 12.207.073.000 (Rp -1.000 when negative).

    The separators are literal text, not Excel's "," and "." placeholders: those print the
    viewer's own separators (Rp 12,207,073,000 on an English Windows), and no format code
    can fix them, a locale code such as [$-421] included (Excel takes separators from the
    system whatever the code says; only LibreOffice honours it). A literal pattern needs
    one group per three digits, and a format holds only two conditions, so the pattern
    is chosen for the value written: the figure reads exactly as in the PDF in every
    locale and stays a number that sums; only a figure retyped by hand with another number
    of digits shows its groups misplaced until its format is changed."""
    kelompok = max(len(str(abs(int(nilai)))) - 1, 0) // 3
    pola = "0" + '"."000' * kelompok
    return f'"Rp "{pola};"Rp -"{pola}'


def format_angka(sel: Sel) -> str:
    """The Excel number format of a cell: Rp 12.207.073.000 (format_rupiah); 45,12%; 3,53
    (decimals and percentages shown with the reader's own separators)."""
    if sel.jenis == "rupiah":
        return format_rupiah(int(sel.nilai))
    desimal = sel.desimal
    if desimal is None and isinstance(sel.nilai, Decimal):
        desimal = max(-sel.nilai.as_tuple().exponent, 0)
    pola = "#,##0" + ("." + "0" * desimal if desimal else "")
    return pola + '"%"' if sel.jenis == "persen" else pola


def _nilai(sel: Sel):
    """A number stays a number; a figure that cannot be computed is an empty cell (its
    reason in a comment), not the "–" the PDF prints, so that the column sums."""
    if sel.angka:
        return int(sel.nilai) if sel.jenis == "rupiah" else Decimal(sel.nilai)
    if sel.jenis == "tanggal" and isinstance(sel.nilai, datetime.date):
        return sel.nilai
    if sel.jenis != "teks":
        return None
    return sel.teks() or None


class _Penempatan:
    """Places rows of cells with colspan/rowspan on a grid, merging what spans."""

    def __init__(self, ws: Worksheet, baris_awal: int) -> None:
        self.ws = ws
        self.baris = baris_awal
        self.terisi: set[tuple[int, int]] = set()
        self.lebar: dict[int, int] = {}
        # (row, column, rows, columns, text, bold) of every cell, for the row heights
        self.teks: list[tuple[int, int, int, int, str, bool]] = []

    def tulis(self, sel_list: list[Sel], *, kepala: bool = False, kaki: bool = False) -> None:
        kol = 1
        grup = len(sel_list) == 1 and sel_list[0].colspan > 1
        for sel in sel_list:
            while (self.baris, kol) in self.terisi:
                kol += 1
            c = tulis(self.ws, self.baris, kol, _nilai(sel))
            if c.value is None and sel.jenis != "teks" and sel.keterangan:
                c.comment = Comment(sel.keterangan, "Kinerja BSKJI")
            if sel.angka:
                c.number_format = format_angka(sel)
            elif sel.jenis == "tanggal":
                c.number_format = "d mmmm yyyy"
            c.font = Font(bold=sel.tebal or kepala or kaki or grup)
            c.alignment = Alignment(
                horizontal="center" if kepala else RATA[sel.perataan],
                vertical="center" if kepala else "top",
                wrap_text=True,
            )
            if kepala:
                c.fill = ISI_KEPALA
            elif grup:
                c.fill = ISI_GRUP
            for r in range(self.baris, self.baris + sel.rowspan):
                for k in range(kol, kol + sel.colspan):
                    self.terisi.add((r, k))
                    self.ws.cell(row=r, column=k).border = BINGKAI
            if sel.rowspan > 1 or sel.colspan > 1:
                self.ws.merge_cells(
                    start_row=self.baris,
                    start_column=kol,
                    end_row=self.baris + sel.rowspan - 1,
                    end_column=kol + sel.colspan - 1,
                )
            if sel.colspan == 1:
                panjang = max((len(x) for x in sel.teks().splitlines()), default=0)
                self.lebar[kol] = max(self.lebar.get(kol, 0), panjang)
            tebal = bool(c.font.bold)
            self.teks.append((self.baris, kol, sel.rowspan, sel.colspan, sel.teks(), tebal))
            kol += sel.colspan
        self.baris += 1

    def atur_tinggi(self) -> None:
        """Give every row the height its wrapped text needs in the widths now set (Excel
        does not grow a row for wrapped text written by a program, nor ever for merged
        cells); a cell spanning rows may lengthen the last of them."""
        tinggi: dict[int, float] = {}
        merentang = []
        for baris, kol, rowspan, colspan, teks, tebal in self.teks:
            perlu = tinggi_teks(teks, self._lebar_kolom(kol, colspan), tebal)
            if rowspan == 1:
                tinggi[baris] = max(tinggi.get(baris, TINGGI_BARIS), perlu)
            else:
                merentang.append((baris, rowspan, perlu))
        for baris, rowspan, perlu in merentang:
            ada = sum(tinggi.get(r, TINGGI_BARIS) for r in range(baris, baris + rowspan))
            if perlu > ada:
                akhir = baris + rowspan - 1
                tinggi[akhir] = tinggi.get(akhir, TINGGI_BARIS) + perlu - ada
        for baris, t in tinggi.items():
            if t > TINGGI_BARIS:
                self.ws.row_dimensions[baris].height = t

    def _lebar_kolom(self, kol: int, colspan: int) -> float:
        return sum(
            self.ws.column_dimensions[get_column_letter(k)].width or 8.43
            for k in range(kol, kol + colspan)
        )


def tinggi_teks(teks: str, lebar: float, tebal: bool = False) -> float:
    """The height (points) of a text wrapped by words in a column `lebar` characters wide
    (Excel's width unit is about one character of the default font; bold runs wider)."""
    muat = max(int((lebar - 1) / (1.1 if tebal else 1.0)), 1)
    baris = sum(
        max(len(textwrap.wrap(b, muat, break_long_words=True)), 1) for b in teks.split("\n")
    )
    return math.ceil(baris * TINGGI_BARIS * 100) / 100


def nama_lembar(awalan: str, judul: str, terpakai: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    bersih = re.sub(r"[\[\]:*?/\\]", " ", f"{awalan} {judul}").strip()
    nama = re.sub(r"\s+", " ", bersih)[:31].rstrip()
    n = 2
    while nama.lower() in terpakai:
        akhir = f" ({n})"
        nama = re.sub(r"\s+", " ", bersih)[: 31 - len(akhir)].rstrip() + akhir
        n += 1
    terpakai.add(nama.lower())
    return nama


def _judul_lembar(ws: Worksheet, laporan: Laporan, judul: str) -> None:
    tulis(ws, 1, 1, f"{laporan.judul} — {laporan.satker}").font = Font(bold=True, size=12)
    tulis(ws, 2, 1, laporan.periode)
    tulis(ws, 3, 1, judul).font = Font(bold=True)
    if laporan.tanda or laporan.kaki:
        tanda = " — ".join(x for x in (laporan.tanda, laporan.kaki) if x)
        tulis(ws, 4, 1, tanda).font = Font(bold=True, color="A4262C")


def _lembar_tabel(wb: Workbook, laporan: Laporan, t: Tabel, nama: str) -> Worksheet:
    ws = wb.create_sheet(nama)
    _judul_lembar(ws, laporan, f"{t.label}. {t.judul}")
    p = _Penempatan(ws, BARIS_KEPALA)
    for baris in t.kepala:
        p.tulis(baris, kepala=True)
    awal_isi = p.baris
    for baris in t.baris:
        p.tulis(baris)
    for baris in t.kaki:
        p.tulis(baris, kaki=True)
    for i, catatan in enumerate(t.catatan, start=p.baris + 1):
        tulis(ws, i, 1, catatan).font = Font(italic=True, size=9)
    ws.freeze_panes = ws.cell(row=awal_isi, column=1)
    for kol in range(1, t.jumlah_kolom + 1):
        lebar = p.lebar.get(kol, 8)
        ws.column_dimensions[get_column_letter(kol)].width = min(max(lebar + 2, 6), LEBAR_MAKS)
    p.atur_tinggi()
    ws.print_title_rows = f"{BARIS_KEPALA}:{awal_isi - 1}"
    ws.page_setup.orientation = "landscape" if t.lanskap else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _lembar_grafik(wb: Workbook, laporan: Laporan, g: Grafik, nama: str) -> Worksheet:
    ws = wb.create_sheet(nama)
    _judul_lembar(ws, laporan, f"{g.label}. {g.judul}")
    tulis(ws, BARIS_KEPALA, 1, "Kategori").font = Font(bold=True)
    for j, seri in enumerate(g.seri, start=2):
        tulis(ws, BARIS_KEPALA, j, seri.nama).font = Font(bold=True)
    for i, kategori in enumerate(g.kategori, start=BARIS_KEPALA + 1):
        tulis(ws, i, 1, kategori)
        for j, seri in enumerate(g.seri, start=2):
            v = seri.nilai[i - BARIS_KEPALA - 1]
            c = tulis(ws, i, j, None if v is None else Decimal(v))
            if v is not None:
                c.number_format = format_rupiah(v) if g.satuan == "Rp" else "#,##0.##"
    ws.column_dimensions["A"].width = max((len(k) for k in g.kategori), default=8) + 4
    for j in range(2, len(g.seri) + 2):
        ws.column_dimensions[get_column_letter(j)].width = 20
    chart = LineChart() if g.jenis == "garis" else BarChart()
    chart.title = g.judul
    chart.y_axis.title = g.satuan or None
    # The axes shown (openpyxl 3.1 writes them hidden otherwise), the rupiah axis in
    # millions as the PDF's chart labels it ("200 jt").
    chart.x_axis.delete = chart.y_axis.delete = False
    if g.satuan == "Rp":
        chart.y_axis.number_format = '#,##0,," jt"'

    akhir = BARIS_KEPALA + len(g.kategori)
    data = Reference(ws, min_col=2, max_col=len(g.seri) + 1, min_row=BARIS_KEPALA, max_row=akhir)
    kategori = Reference(ws, min_col=1, min_row=BARIS_KEPALA + 1, max_row=akhir)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(kategori)
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"{get_column_letter(len(g.seri) + 3)}{BARIS_KEPALA}")
    return ws


PIKSEL_PER_CM = 96 / 2.54  # Excel places pictures in screen pixels at 96 per inch


def _lembar_gambar_berkas(wb: Workbook, laporan: Laporan, g: GambarBerkas, nama: str) -> Worksheet:
    """A sheet with the picture at its printed size, under the title rows, and its source.
    A picture has its own sheet like a chart: the contents lists every figure with the
    number the PDF gives it, and a reader following "Gambar 1" from a text finds it."""
    from openpyxl.drawing.image import Image as GambarExcel

    ws = wb.create_sheet(nama)
    _judul_lembar(ws, laporan, f"{g.label}. {g.judul}")
    if g.sumber:
        tulis(ws, BARIS_KEPALA, 1, g.sumber).font = Font(italic=True, size=9)
    lebar, tinggi = g.ukuran_cm(16, 17)
    gambar = GambarExcel(io.BytesIO(g.isi))
    gambar.width, gambar.height = round(lebar * PIKSEL_PER_CM), round(tinggi * PIKSEL_PER_CM)
    ws.add_image(gambar, f"A{BARIS_KEPALA + (1 if g.sumber else 0)}")
    ws.column_dimensions["A"].width = 12
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def render(laporan: Laporan) -> bytes:
    """The workbook of the report's tables and charts."""
    laporan.nomori()
    wb = Workbook()
    isi = wb.active
    isi.title = "Daftar Isi"
    _judul_lembar(isi, laporan, "Daftar tabel dan gambar")
    for kol, judul in enumerate(("Nomor", "Judul", "Lembar"), start=1):
        c = tulis(isi, BARIS_KEPALA, kol, judul)
        c.font, c.fill, c.border = Font(bold=True), ISI_KEPALA, BINGKAI
    terpakai = {"daftar isi"}
    baris = BARIS_KEPALA + 1
    for blok in laporan.blok_semua():
        if isinstance(blok, Tabel):
            nama = nama_lembar(f"T{blok.nomor}", blok.nama_lembar or blok.judul, terpakai)
            _lembar_tabel(wb, laporan, blok, nama)
        elif isinstance(blok, Grafik):
            nama = nama_lembar(f"G{blok.nomor}", blok.judul, terpakai)
            _lembar_grafik(wb, laporan, blok, nama)
        elif isinstance(blok, GambarBerkas):
            nama = nama_lembar(f"G{blok.nomor}", blok.judul, terpakai)
            _lembar_gambar_berkas(wb, laporan, blok, nama)
        else:
            continue
        tulis(isi, baris, 1, blok.label).border = BINGKAI
        judul = tulis(isi, baris, 2, blok.judul)
        judul.border = BINGKAI
        judul.alignment = Alignment(wrap_text=True, vertical="top")
        if len(blok.judul) > LEBAR_JUDUL_ISI - 2:
            isi.row_dimensions[baris].height = tinggi_teks(blok.judul, LEBAR_JUDUL_ISI)
        tautan = tulis(isi, baris, 3, nama)
        tautan.hyperlink = f"#'{nama}'!A1"
        tautan.font = Font(color="0B5394", underline="single")
        tautan.border = BINGKAI
        baris += 1
    isi.column_dimensions["A"].width = 12
    isi.column_dimensions["B"].width = LEBAR_JUDUL_ISI
    isi.column_dimensions["C"].width = 34
    isi.freeze_panes = isi.cell(row=BARIS_KEPALA + 1, column=1)
    # Printed on A4 landscape, one page wide (136 characters do not fit across portrait).
    isi.print_title_rows = f"{BARIS_KEPALA}:{BARIS_KEPALA}"
    isi.page_setup.orientation = "landscape"
    isi.page_setup.paperSize = isi.PAPERSIZE_A4
    isi.page_setup.fitToWidth = 1
    isi.page_setup.fitToHeight = 0
    isi.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
