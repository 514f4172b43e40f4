"""Editing a downloaded workbook as a user does in Excel: cells found by the row's code and
the column's header, saved, and read back."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
JUDUL = 4


def lembar(isi: bytes):
    return load_workbook(io.BytesIO(isi)).worksheets[0]


def baris(isi: bytes) -> dict[str, dict[str, Any]]:
    """The data rows by their first cell (the code), each by column header."""
    ws = lembar(isi)
    judul = [c.value for c in ws[JUDUL]]
    return {
        row[0]: dict(zip(judul, row, strict=False))
        for row in ws.iter_rows(min_row=JUDUL + 1, values_only=True)
        if row[0] is not None
    }


def ubah(isi: bytes, per_kode: dict[str, dict[str, Any]], tambah: list[list] = ()) -> bytes:
    """The workbook with cells changed (code → {header: value}) and rows appended."""
    wb = load_workbook(io.BytesIO(isi))
    ws = wb.worksheets[0]
    judul = [c.value for c in ws[JUDUL]]
    sisa = dict(per_kode)
    for r in range(JUDUL + 1, ws.max_row + 1):
        kode = ws.cell(row=r, column=1).value
        for header, v in sisa.pop(kode, {}).items():
            ws.cell(row=r, column=judul.index(header) + 1).value = v
    assert not sisa, f"tidak ada di templat: {list(sisa)}"
    for row in tambah:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def nomor_baris(isi: bytes, kode: str) -> int:
    ws = lembar(isi)
    return next(
        r for r in range(JUDUL + 1, ws.max_row + 1) if ws.cell(row=r, column=1).value == kode
    )


def berkas(isi: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("isian.xlsx", isi, content_type=XLSX)
