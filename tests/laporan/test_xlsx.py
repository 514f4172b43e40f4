"""The Excel reports, read back with openpyxl: one sheet per table with the report's title and
period, the same figures as the PDF held as numbers with Indonesian-readable formats, frozen
header rows and fitted columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.models import IndikatorPerjanjian
from kinerja.selectors import hitung_capaian
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
    assert total[2].number_format == '"Rp" #,##0'
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
