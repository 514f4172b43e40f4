"""Reports rendered once per test session (rendering a PDF takes seconds) from the demo data,
and helpers to read them back: the PDF's text by page, the Excel's cells."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from laporan import dokumen, services
from satker.models import Satker
from tests.conftest import MANADO, PEKANBARU

REPORTS = {
    "pp39-manado": ("pp39", MANADO, 2),
    "pp39-pekanbaru": ("pp39", PEKANBARU, 4),
    "lakip-pekanbaru": ("lakip", PEKANBARU, None),
    "lakip-manado": ("lakip", MANADO, None),
    "pk-pekanbaru": ("pk", PEKANBARU, None),
}


def normal(teks: str) -> str:
    """Text as a reader sees it: whitespace collapsed, and the line breaks a narrow table
    column puts after a slash or a hyphen inside a word ("Produktivitas/ efisiensi",
    "Rata- rata") removed."""
    teks = re.sub(r"\s+", " ", teks).strip()
    teks = re.sub(r"(?<=\w/) (?=\w)", "", teks)
    return re.sub(r"(?<=\w-) (?=\w)", "", teks)


@dataclass
class Rendered:
    laporan: dokumen.Laporan
    pdf: bytes
    halaman: int
    xlsx: bytes

    @property
    def pages(self) -> list[str]:
        """The text of every page, whitespace collapsed."""
        if not hasattr(self, "_pages"):
            self._pages = [normal(p.extract_text()) for p in PdfReader(io.BytesIO(self.pdf)).pages]
        return self._pages

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def workbook(self):
        return load_workbook(io.BytesIO(self.xlsx))


def render_report(jenis: str, kode: str, triwulan: int | None) -> Rendered:
    satker = Satker.objects.get(kode=kode)
    laporan = services.susun(jenis, satker, 2023, triwulan)
    pdf = services.render(laporan, "pdf")
    xlsx = services.render(laporan, "xlsx")
    return Rendered(laporan, pdf.isi, pdf.halaman, xlsx.isi)


@pytest.fixture(scope="session")
def rendered(django_db_setup, django_db_blocker):
    """rendered("lakip-pekanbaru") → the report rendered once for the session."""
    cache: dict[str, Rendered] = {}

    def get(name: str) -> Rendered:
        if name not in cache:
            with django_db_blocker.unblock():
                cache[name] = render_report(*REPORTS[name])
        return cache[name]

    return get
