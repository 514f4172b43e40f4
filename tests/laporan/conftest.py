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
    def halaman_mentah(self) -> list[str]:
        """The text of every page as extracted, whitespace collapsed, with the draft's
        watermark and footer."""
        if not hasattr(self, "_mentah"):
            self._mentah = [normal(p.extract_text()) for p in PdfReader(io.BytesIO(self.pdf)).pages]
        return self._mentah

    @property
    def pages(self) -> list[str]:
        """The text of every page without the watermark and the footer line that a draft
        repeats on every page (test_status_laporan.py checks those)."""
        if not hasattr(self, "_pages"):
            perabot = [normal(x) for x in (self.laporan.kaki, self.laporan.tanda) if x]
            halaman = []
            for teks in self.halaman_mentah:
                for x in perabot:
                    teks = teks.replace(x, " ")
                halaman.append(normal(teks))
            self._pages = halaman
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


@pytest.fixture
def lakip(susunan) -> dokumen.Laporan:
    """The LAKIP 2023 of BSPJI Pekanbaru, the demo's annual report."""
    return susunan("lakip-pekanbaru")


@pytest.fixture
def pp39(susunan) -> dokumen.Laporan:
    """The PP-39 report of BSPJI Manado for quarter II 2023, the demo's quarterly report."""
    return susunan("pp39-manado")


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


def tabel(laporan: dokumen.Laporan, nama_lembar: str, judul: str | None = None) -> dokumen.Tabel:
    """The one table of the report with this sheet name (and title, for a sheet name used
    twice: a chapter's table and its annex copy)."""
    cocok = [
        t
        for t in laporan.tabel()
        if t.nama_lembar == nama_lembar and (judul is None or t.judul == judul)
    ]
    assert len(cocok) == 1, (nama_lembar, judul, [(t.nama_lembar, t.judul) for t in cocok])
    return cocok[0]


def _tabel_bagian(bagian: list[dokumen.Bagian], nama_lembar: str) -> list[dokumen.Tabel]:
    return [
        blok
        for b in bagian
        for x in b.semua()
        for blok in x.isi
        if isinstance(blok, dokumen.Tabel) and blok.nama_lembar == nama_lembar
    ]


def badan_dan_lampiran(
    laporan: dokumen.Laporan, nama_lembar: str
) -> tuple[dokumen.Tabel, dokumen.Tabel]:
    """The copy of a table in the body (front matter and chapters) and its annex copy."""
    badan = _tabel_bagian([*laporan.depan, *laporan.bab], nama_lembar)
    lampiran = _tabel_bagian(laporan.lampiran, nama_lembar)
    assert (len(badan), len(lampiran)) == (1, 1), nama_lembar
    return badan[0], lampiran[0]


def judul_kolom(t: dokumen.Tabel) -> list[list[str]]:
    """The header rows as printed."""
    return [[s.teks() for s in r] for r in t.kepala]


def kepala(t: dokumen.Tabel) -> list[list[tuple[str, int, int]]]:
    """The header rows as printed, with the span of every cell: the spans place each title
    above its columns, so a title moved off its values changes them."""
    return [[(s.teks(), s.colspan, s.rowspan) for s in r] for r in t.kepala]


def sel_semua(t: dokumen.Tabel) -> list[list[tuple]]:
    """Every cell of a table with how it is shown: two copies of a table compare equal only
    when they print the same."""
    return [
        [(s.nilai, s.jenis, s.desimal, s.teks(), s.colspan, s.rowspan) for s in r]
        for r in [*t.kepala, *t.baris, *t.kaki]
    ]


def baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list[dokumen.Sel]:
    """The one body row (or footer row, with `kaki`) whose first cells' texts are `awal`."""
    rows = t.kaki if kaki else t.baris
    cocok = [r for r in rows if [normal(s.teks()) for s in r[: len(awal)]] == list(awal)]
    assert len(cocok) == 1, (awal, len(cocok))
    return cocok[0]


def nilai_baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list:
    """The values of the row `baris` finds, cell by cell: numbers as numbers, text with its
    whitespace (indentation, line breaks) collapsed."""
    return [
        normal(s.nilai) if isinstance(s.nilai, str) else s.nilai for s in baris(t, *awal, kaki=kaki)
    ]


def teks_baris(t: dokumen.Tabel, *awal: str, kaki: bool = False) -> list[str]:
    """The row as the PDF prints it, cell by cell ("Rp 1.000", "45,12%", "–")."""
    return [normal(s.teks()) for s in baris(t, *awal, kaki=kaki)]


# --- reading a sheet of the workbook -------------------------------------------------------


class _FormatRupiah:
    """Equal to a rupiah number format of the workbook: literal separators, one group per
    three digits of the value written (`"Rp "0"."000"."000;"Rp -"0"."000"."000`). Whether the
    groups suit the value is checked once for every rupiah cell, in test_xlsx.py."""

    POLA = re.compile(r'"Rp "0(?:"\."000)*;"Rp -"0(?:"\."000)*')

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and self.POLA.fullmatch(other) is not None

    __hash__ = None

    def __repr__(self) -> str:
        return "RUPIAH"


# Number formats of the workbook by kind of cell, as a reader of the sheet expects them.
RUPIAH = _FormatRupiah()
PERSEN_2 = '#,##0.00"%"'
ANGKA_2 = "#,##0.00"
ANGKA_1 = "#,##0.0"
BULAT = "#,##0"
TANGGAL = "d mmmm yyyy"
UMUM = "General"  # an empty cell (a figure that cannot be computed) or text


def lembar(wb, t: dokumen.Tabel | str):
    """The sheet of a table (or of the table with this title): row 3 reads "Tabel N. judul"."""
    judul = f"{t.label}. {t.judul}" if isinstance(t, dokumen.Tabel) else None
    cocok = [
        ws
        for ws in wb.worksheets
        if (a3 := str(ws["A3"].value or "")) == judul
        or (judul is None and a3.split(". ", 1)[-1] == t)
    ]
    assert len(cocok) == 1, (t if judul is None else judul, len(cocok))
    return cocok[0]


def baris_lembar(ws, kolom_huruf: str, nilai) -> int:
    """The number of the one row whose cell in this column holds `nilai` (text compared with
    its whitespace collapsed)."""
    cocok = [
        c.row
        for c in ws[kolom_huruf]
        if c.value is not None
        and (normal(c.value) if isinstance(c.value, str) else c.value) == nilai
    ]
    assert len(cocok) == 1, (ws.title, kolom_huruf, nilai, cocok)
    return cocok[0]


def format_dan_nilai(ws, baris_: int, kolom_huruf: str) -> tuple[str, object]:
    """A cell's number format and its value (a number as Decimal)."""
    c = ws[f"{kolom_huruf}{baris_}"]
    nilai = Decimal(str(c.value)) if isinstance(c.value, int | float) else c.value
    return c.number_format, nilai
