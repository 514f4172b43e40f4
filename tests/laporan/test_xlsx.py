"""The Excel reports, read back with openpyxl: one sheet per table with the report's title and
period, the same figures as the PDF held as numbers with Indonesian-readable formats, frozen
header rows and fitted columns; and their hygiene: a text is never a formula (checked in the
file's XML too), wrapped rows are tall enough, rupiah figures read the same in any locale,
the contents sheet prints one page wide."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kinerja.formatting import format_rupiah
from kinerja.models import IndikatorPerjanjian, RealisasiTriwulan
from kinerja.selectors import hitung_capaian
from laporan import dokumen as d
from laporan import services
from laporan.render.xlsx import buku_kerja
from tests.conftest import MANADO, PEKANBARU
from tests.laporan.conftest import REPORTS

pytestmark = pytest.mark.django_db


def lembar(wb, awalan: str):
    return next(wb[n] for n in wb.sheetnames if n.startswith(awalan))


def baris_per_kode(ws, kolom_kode: int) -> dict[str, tuple]:
    """The data rows of a table sheet by the PK code starting their indicator cell."""
    hasil = {}
    for row in ws.iter_rows(min_row=6, values_only=True):
        sel = row[kolom_kode - 1]
        if isinstance(sel, str) and " " in sel:
            hasil[sel.split(" ", 1)[0]] = row
    return hasil


def hasil_satker(kode: str, triwulan: int | None):
    lines = (
        IndikatorPerjanjian.objects.filter(
            sasaran__perjanjian__satker__kode=kode, sasaran__perjanjian__tahun=2023
        )
        .select_related("sasaran__perjanjian__satker", "indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    return list(zip(lines, hitung_capaian(lines, triwulan), strict=True))


def test_lakip_target_and_capaian_sheet_holds_the_computed_numbers(workbook):
    wb = workbook("lakip-pekanbaru")
    ws = lembar(wb, "T2 ")  # Tabel 1 is the review team, in the decree before the cover
    assert ws["A1"].value == "Laporan Kinerja (LAKIP) 2023 — BSPJI Pekanbaru"
    assert ws["A2"].value == "Tahun Anggaran 2023"
    assert ws["A3"].value.startswith("Tabel 2. Target dan Capaian Kinerja")
    assert ws.freeze_panes == "A7"  # below the header and the row of column numbers
    rows = baris_per_kode(ws, 3)
    checked = 0
    for line, h in hasil_satker(PEKANBARU, None):
        _, _, _, target, satuan, realisasi, capaian = rows[line.kode][:7]
        assert Decimal(str(target)) == line.target
        assert satuan == line.get_satuan_display()
        assert Decimal(str(realisasi)) == h.realisasi.nilai
        assert Decimal(str(capaian)) == h.capaian.nilai
        checked += 1
    assert checked == 12
    # III.2 by hand (test_capaian_demo): realisasi 363,80, capaian 7.276,00%.
    cells = next(r for r in ws.iter_rows(min_row=6) if str(r[2].value).startswith("III.2 "))
    assert (Decimal(str(cells[5].value)), cells[5].number_format) == (Decimal("363.8"), "#,##0.00")
    assert (Decimal(str(cells[6].value)), cells[6].number_format) == (
        Decimal("7276"),
        '#,##0.00"%"',
    )


def test_pp39_measurement_sheet_holds_the_quarter_figures(workbook):
    wb = workbook("pp39-manado")
    ws = lembar(wb, next(n.split(" ")[0] + " " for n in wb.sheetnames if "Pengukuran TW II" in n))
    rows = baris_per_kode(ws, 3)
    semua = hasil_satker(MANADO, 2)
    assert len(semua) == 13 and all(line.kode in rows for line, _ in semua)
    for line, h in semua:
        row = rows[line.kode]
        realisasi, capaian = row[5], row[6]
        if h.realisasi.nilai is None:
            assert realisasi is None  # "–" in the PDF, an empty cell (with the reason) here
        else:
            assert Decimal(str(realisasi)) == h.realisasi.nilai
        if h.capaian.nilai is not None:
            assert Decimal(str(capaian)) == h.capaian.nilai


def test_budget_totals_are_numbers_in_rupiah_format(workbook):
    wb = workbook("lakip-pekanbaru")
    ws = lembar(
        wb, next(n.split(" ")[0] + " " for n in wb.sheetnames if n.endswith("Realisasi Anggaran"))
    )
    total = next(r for r in ws.iter_rows(min_row=6) if r[0].value == "Total")
    # Tabel 32/33: 7.680.590.000 and 7.680.058.359, rolled up from the leaves.
    assert (total[2].value, total[3].value) == (7_680_590_000, 7_680_058_359)
    # Rp 7.680.590.000 in every locale: the separators are literal (see format_rupiah).
    assert total[2].number_format == '"Rp "0"."000"."000"."000;"Rp -"0"."000"."000"."000'
    # The "Total" label spans the code and name columns.
    assert f"A{total[0].row}:B{total[0].row}" in {str(r) for r in ws.merged_cells.ranges}


@pytest.mark.parametrize("nama", list(REPORTS))
def test_one_sheet_per_table_and_chart_listed_on_the_contents_sheet(susunan, workbook, nama):
    laporan = susunan(nama)
    wb = workbook(nama)
    assert wb.sheetnames[0] == "Daftar Isi"
    tabel, gambar = laporan.tabel(), laporan.gambar()
    assert len(wb.sheetnames) == 1 + len(tabel) + len(gambar)
    isi = wb["Daftar Isi"]
    daftar = [row for row in isi.iter_rows(min_row=6, values_only=True) if row[0]]
    assert [row[0] for row in daftar] == [
        b.label for b in laporan.blok_semua() if b in tabel or b in gambar
    ]
    for label, judul, nama_lembar in daftar:
        ws = wb[nama_lembar]
        assert ws["A1"].value == f"{laporan.judul} — {laporan.satker}"
        assert ws["A3"].value == f"{label}. {judul}"
        if label.startswith("Tabel"):
            assert ws.freeze_panes is not None
            lebar = [d.width for d in ws.column_dimensions.values() if d.width]
            assert lebar and all(3 <= w <= 62 for w in lebar)


def test_charts_are_native_excel_charts_over_their_data(workbook):
    wb = workbook("lakip-pekanbaru")
    ws = next(wb[n] for n in wb.sheetnames if n.startswith("G") and "PNBP" in n)
    assert len(ws._charts) == 1
    # The data under the chart: PNBP target and receipts by year (2023: 250.000.000 and
    # 616.640.854, Tabel 15/35 of the LAKIP).
    data = {row[0]: row[1:3] for row in ws.iter_rows(min_row=6, values_only=True) if row[0]}
    assert data["2023"] == (250_000_000, 616_640_854)


# --- workbook hygiene ---------------------------------------------------------------------

# Texts Excel would take for a formula (or an error code) if they were not written as text.
SEPERTI_RUMUS = [
    "=SUM(A1:A9)",
    '=HYPERLINK("http://contoh.test","klik")',
    "+62 811 4300 200",
    "-5% dari target karena cuaca",
    "@satker",
    "#N/A",
]


def _lembar_dengan_rumus(isi: bytes) -> list[str]:
    """The sheets whose XML holds a formula element (<f>), read from the file itself."""
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        return [
            n
            for n in z.namelist()
            if n.startswith("xl/worksheets/") and re.search(rb"<(\w+:)?f[\s>/]", z.read(n))
        ]


def _tanpa_rumus(wb) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")):
                    assert c.quotePrefix, (ws.title, c.coordinate)


def test_texts_that_look_like_formulas_are_written_as_text():
    laporan = d.Laporan(
        jenis="pk",
        judul="=Judul",
        satker="+Satker",
        periode="-2023",
        tanda="@tanda",
        bab=[
            d.Bagian(
                "Bab",
                isi=[
                    d.Tabel(
                        judul="=SUM(B1:B2)",
                        kepala=[d.kolom("=Kolom", "+Kolom", "Jumlah")],
                        baris=[[d.teks(t), d.teks(t), d.rupiah(1_000)] for t in SEPERTI_RUMUS],
                        catatan=["=catatan"],
                        nama_lembar="=lembar",
                    ),
                    d.Grafik("-grafik", ["=k1", "+k2"], [d.Seri("@seri", [1, 2])]),
                ],
            )
        ],
    )
    isi = services.render(laporan, "xlsx").isi
    assert _lembar_dengan_rumus(isi) == []
    wb = load_workbook(io.BytesIO(isi))
    _tanpa_rumus(wb)
    teks = {c.value for ws in wb for row in ws.iter_rows() for c in row if c.value}
    assert {*SEPERTI_RUMUS, "=Kolom", "+Kolom", "=catatan", "=k1", "+k2", "@seri"} <= teks
    assert {"-2023", "@tanda", "Tabel 1. =SUM(B1:B2)", "=Judul — +Satker"} <= teks


def test_a_narrative_that_looks_like_a_formula_stays_text_in_the_real_pp39(manado):
    """A satker's kendala for quarter II, typed as staff do (a list of "- " items, a phone
    number, a pasted formula), lands in the measurement table as text."""
    realisasi = RealisasiTriwulan.objects.filter(
        indikator__sasaran__perjanjian__satker=manado,
        indikator__sasaran__perjanjian__tahun=2023,
        triwulan=2,
    ).first()
    realisasi.kendala = "\n".join(
        ['=HYPERLINK("http://contoh.test","klik")', "+62 811 4300 200", "@tim mutu", "- bahan"]
    )
    realisasi.save()
    laporan = services.susun("pp39", manado, 2023, 2)
    isi = services.render(laporan, "xlsx").isi
    assert _lembar_dengan_rumus(isi) == []
    wb = load_workbook(io.BytesIO(isi))
    _tanpa_rumus(wb)
    sel = [
        c
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value == realisasi.kendala
    ]
    assert len(sel) == 2  # Bab III's measurement table and its copy in the annex
    assert all(c.data_type == "s" and c.quotePrefix for c in sel)


def _tampil_rupiah(format_: str, nilai: int) -> str:
    """A value as Excel shows it in a workbook rupiah format: the literal "." groups filled
    from the right, the leading 0 taking what is left."""
    positif, negatif = format_.split(";")
    pola = negatif if nilai < 0 else positif
    awalan = pola.split('"', 2)[1]  # "Rp " or "Rp -"
    kelompok = pola.count('"."000')
    angka = str(abs(nilai)).rjust(3 * kelompok + 1, "0")
    kepala, ekor = angka[: len(angka) - 3 * kelompok], angka[len(angka) - 3 * kelompok :]
    return awalan + ".".join([kepala, *(ekor[i : i + 3] for i in range(0, len(ekor), 3))])


@pytest.mark.parametrize("nama", ["pp39-manado", "lakip-pekanbaru"])
def test_every_rupiah_figure_reads_as_in_the_pdf_whatever_the_locale(workbook, nama):
    wb = workbook(nama)
    dilihat = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.number_format.startswith('"Rp'):
                    assert "," not in c.number_format  # no locale-dependent separator
                    nilai = int(c.value)
                    assert _tampil_rupiah(c.number_format, nilai) == format_rupiah(nilai)
                    dilihat += 1
    assert dilihat > 50
    # Rp 12.207.073.000, Manado's DIPA, printed as in the PDF.
    assert _tampil_rupiah(buku_kerja.format_rupiah(12_207_073_000), 12_207_073_000) == (
        "Rp 12.207.073.000"
    )


def test_wrapped_rows_are_as_tall_as_their_text(workbook):
    wb = workbook("lakip-pekanbaru")
    diperiksa = 0
    for ws in wb.worksheets[1:]:
        gabung = {c for r in ws.merged_cells.ranges for c in r.cells}
        for row in ws.iter_rows(min_row=buku_kerja.BARIS_KEPALA):
            for c in row:
                if (
                    not isinstance(c.value, str)
                    or not c.alignment.wrap_text  # the title rows and the notes run across
                    or (c.row, c.column) in gabung
                ):
                    continue
                lebar = ws.column_dimensions[c.column_letter].width or 8.43
                perlu = buku_kerja.tinggi_teks(c.value, lebar, bool(c.font.bold))
                tinggi = ws.row_dimensions[c.row].height or buku_kerja.TINGGI_BARIS
                assert tinggi >= perlu, (ws.title, c.coordinate)
                diperiksa += perlu > buku_kerja.TINGGI_BARIS
    assert diperiksa > 30  # many texts wrap: indicator names, budget lines
    # The longest budget line name wraps to three lines or more in its 60-character column.
    ws = lembar(wb, next(n.split(" ")[0] + " " for n in wb.sheetnames if "Realisasi Anggaran" in n))
    assert max(ws.row_dimensions[r].height or 15 for r in range(6, ws.max_row + 1)) >= 30


def test_contents_sheet_prints_one_page_wide_in_landscape(workbook):
    isi = workbook("lakip-pekanbaru")["Daftar Isi"]
    ps = isi.page_setup
    assert (ps.orientation, int(ps.paperSize), ps.fitToWidth, ps.fitToHeight) == (
        "landscape",
        int(isi.PAPERSIZE_A4),
        1,
        0,
    )
    assert isi.sheet_properties.pageSetUpPr.fitToPage
