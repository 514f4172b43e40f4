"""The report as an Excel workbook, with openpyxl: a contents sheet, then one sheet per table
and one per chart. Every sheet carries the report's title and period; numbers are numbers with
a number format (rupiah, decimals, percent), header rows are frozen, columns sized to fit.
No formulas: the figures are the computed ones, the same as in the PDF."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from laporan.dokumen import Grafik, Laporan, Sel, Tabel

BARIS_KEPALA = 5  # the first header row of a table sheet
GARIS = Side(style="thin", color="555555")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
ISI_KEPALA = PatternFill("solid", fgColor="DFE7F1")
ISI_GRUP = PatternFill("solid", fgColor="EEF2F7")
RATA = {"kiri": "left", "tengah": "center", "kanan": "right"}
LEBAR_MAKS = 60


def format_angka(sel: Sel) -> str:
    """The Excel number format of a cell: Rp 12.207.073.000; 45,12%; 3,53 (shown with the
    reader's own thousands and decimal separators)."""
    if sel.jenis == "rupiah":
        return '"Rp" #,##0'
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

    def tulis(self, sel_list: list[Sel], *, kepala: bool = False, kaki: bool = False) -> None:
        kol = 1
        grup = len(sel_list) == 1 and sel_list[0].colspan > 1
        for sel in sel_list:
            while (self.baris, kol) in self.terisi:
                kol += 1
            c = self.ws.cell(row=self.baris, column=kol, value=_nilai(sel))
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
            kol += sel.colspan
        self.baris += 1


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
    ws["A1"] = f"{laporan.judul} — {laporan.satker}"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = laporan.periode
    ws["A3"] = judul
    ws["A3"].font = Font(bold=True)
    if laporan.tanda:
        ws["A4"] = laporan.tanda
        ws["A4"].font = Font(bold=True, color="A4262C")


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
        ws.cell(row=i, column=1, value=catatan).font = Font(italic=True, size=9)
    ws.freeze_panes = ws.cell(row=awal_isi, column=1)
    for kol in range(1, t.jumlah_kolom + 1):
        lebar = p.lebar.get(kol, 8)
        ws.column_dimensions[get_column_letter(kol)].width = min(max(lebar + 2, 6), LEBAR_MAKS)
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
    ws.cell(row=BARIS_KEPALA, column=1, value="Kategori").font = Font(bold=True)
    for j, seri in enumerate(g.seri, start=2):
        ws.cell(row=BARIS_KEPALA, column=j, value=seri.nama).font = Font(bold=True)
    for i, kategori in enumerate(g.kategori, start=BARIS_KEPALA + 1):
        ws.cell(row=i, column=1, value=kategori)
        for j, seri in enumerate(g.seri, start=2):
            v = seri.nilai[i - BARIS_KEPALA - 1]
            c = ws.cell(row=i, column=j, value=None if v is None else Decimal(v))
            c.number_format = '"Rp" #,##0' if g.satuan == "Rp" else "#,##0.##"
    ws.column_dimensions["A"].width = max((len(k) for k in g.kategori), default=8) + 4
    for j in range(2, len(g.seri) + 2):
        ws.column_dimensions[get_column_letter(j)].width = 20
    chart = LineChart() if g.jenis == "garis" else BarChart()
    chart.title = g.judul
    chart.y_axis.title = g.satuan or None
    akhir = BARIS_KEPALA + len(g.kategori)
    data = Reference(ws, min_col=2, max_col=len(g.seri) + 1, min_row=BARIS_KEPALA, max_row=akhir)
    kategori = Reference(ws, min_col=1, min_row=BARIS_KEPALA + 1, max_row=akhir)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(kategori)
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"{get_column_letter(len(g.seri) + 3)}{BARIS_KEPALA}")
    return ws


def render(laporan: Laporan) -> bytes:
    """The workbook of the report's tables and charts."""
    laporan.nomori()
    wb = Workbook()
    isi = wb.active
    isi.title = "Daftar Isi"
    _judul_lembar(isi, laporan, "Daftar tabel dan gambar")
    for kol, judul in enumerate(("Nomor", "Judul", "Lembar"), start=1):
        c = isi.cell(row=BARIS_KEPALA, column=kol, value=judul)
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
        else:
            continue
        isi.cell(row=baris, column=1, value=blok.label).border = BINGKAI
        isi.cell(row=baris, column=2, value=blok.judul).border = BINGKAI
        tautan = isi.cell(row=baris, column=3, value=nama)
        tautan.hyperlink = f"#'{nama}'!A1"
        tautan.font = Font(color="0B5394", underline="single")
        tautan.border = BINGKAI
        baris += 1
    isi.column_dimensions["A"].width = 12
    isi.column_dimensions["B"].width = 90
    isi.column_dimensions["C"].width = 34
    isi.freeze_panes = isi.cell(row=BARIS_KEPALA + 1, column=1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
