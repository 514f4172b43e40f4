"""Reports built once per test session from the demo data, and helpers to read them back.

Three levels, each cached for the session, so a test pays only for what it reads:
`susunan(name)` is the report model (`laporan.dokumen`, no rendering: where the figures of
a table are pinned), `workbook(name)` the Excel file read back with openpyxl (number
formats, sheets), and `rendered(name)` the PDF as well (layout: pages, contents, fonts),
which takes seconds per report."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal

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


def susun_report(jenis: str, kode: str, triwulan: int | None) -> dokumen.Laporan:
    return services.susun(jenis, Satker.objects.get(kode=kode), 2023, triwulan)


def _cache(django_db_blocker, build):
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            with django_db_blocker.unblock():
                cache[name] = build(name)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def susunan(django_db_setup, django_db_blocker):
    """susunan("lakip-pekanbaru") → the report model, assembled once for the session."""
    return _cache(django_db_blocker, lambda name: susun_report(*REPORTS[name]))


@pytest.fixture(scope="session")
def xlsx_bytes(susunan):
    """xlsx_bytes("pp39-manado") → the Excel file of the session's report model."""
    cache: dict[str, bytes] = {}

    def get(name: str) -> bytes:
        if name not in cache:
            cache[name] = services.render(susunan(name), "xlsx").isi
        return cache[name]

    return get


@pytest.fixture
def workbook(xlsx_bytes):
    """workbook("pp39-manado") → the report's workbook, freshly read (tests may not share
    an openpyxl object they could change)."""
    return lambda name: load_workbook(io.BytesIO(xlsx_bytes(name)))


@pytest.fixture(scope="session")
def rendered(susunan, xlsx_bytes):
    """rendered("lakip-pekanbaru") → the report rendered to PDF once for the session."""
    cache: dict[str, Rendered] = {}

    def get(name: str) -> Rendered:
        if name not in cache:
            laporan = susunan(name)
            pdf = services.render(laporan, "pdf")
            cache[name] = Rendered(laporan, pdf.isi, pdf.halaman, xlsx_bytes(name))
        return cache[name]

    return get


# --- reading a table of the report model --------------------------------------------------


def tabel(laporan: dokumen.Laporan, nama_lembar: str) -> dokumen.Tabel:
    """The one table of the report with this sheet name."""
    cocok = [t for t in laporan.tabel() if t.nama_lembar == nama_lembar]
    assert len(cocok) == 1, (nama_lembar, [t.nama_lembar for t in laporan.tabel()])
    return cocok[0]


def isi(sel: dokumen.Sel) -> str | int | Decimal | None:
    """A cell's value: a number as a number, text as text, "" for an empty cell."""
    return sel.nilai


def baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list[dokumen.Sel]:
    """The one body row (or footer row, with `kaki`) whose first cells' texts are `awal`."""
    rows = t.kaki if kaki else t.baris
    cocok = [r for r in rows if [normal(s.teks()) for s in r[: len(awal)]] == list(awal)]
    assert len(cocok) == 1, (awal, len(cocok))
    return cocok[0]


def nilai_baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list:
    """The values of the row `baris` finds, cell by cell."""
    return [isi(s) for s in baris(t, *awal, kaki=kaki)]


def teks_baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list[str]:
    """The row as the PDF prints it, cell by cell ("Rp 1.000", "45,12%", "–")."""
    return [s.teks() for s in baris(t, *awal, kaki=kaki)]
