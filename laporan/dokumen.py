"""The report model: plain data that the PDF and the Excel renderers both read, so that the two
formats cannot disagree. Assembly (laporan.susun) builds it from the database; nothing here
touches the database or formats for a particular output.

A report is front matter (memo, cover, foreword...), chapters (Bagian, nested) and annexes;
their content is a list of blocks: paragraphs, lists, tables, figures, signature blocks.
Tables and figures are numbered in document order by `Laporan.nomori()`."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.formatting import format_angka, format_rupiah, format_tanggal
from kinerja.perhitungan.dasar import Hasil

KOSONG = "–"

# --- cells ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sel:
    """A table cell: a value and how it is shown. Numbers stay numbers (Excel writes them as
    numbers with a number format); `teks()` is how the PDF prints them, the Indonesian way."""

    nilai: str | int | Decimal | datetime.date | None
    jenis: str = "teks"  # teks | rupiah | angka | persen | tanggal
    desimal: int | None = None  # decimals shown; None: as the value carries them
    tebal: bool = False
    rata: str | None = None  # kiri | tengah | kanan; None: numbers right, text left
    colspan: int = 1
    rowspan: int = 1
    keterangan: str = ""  # a worked formula or a reason, shown as a tooltip/comment

    def teks(self) -> str:
        if self.nilai is None or self.nilai == "":
            return KOSONG if self.jenis != "teks" else ""
        if self.jenis == "rupiah":
            return format_rupiah(int(self.nilai))
        if self.jenis in ("angka", "persen"):
            hasil = format_angka(self.nilai, self.desimal)
            return f"{hasil}%" if self.jenis == "persen" else hasil
        if self.jenis == "tanggal":
            return format_tanggal(self.nilai)
        return str(self.nilai)

    @property
    def angka(self) -> bool:
        return self.jenis in ("rupiah", "angka", "persen") and self.nilai not in (None, "")

    @property
    def perataan(self) -> str:
        if self.rata:
            return self.rata
        return "kanan" if self.jenis in ("rupiah", "angka", "persen") else "kiri"


def teks(nilai: object, **kwargs) -> Sel:
    return Sel("" if nilai is None else str(nilai), "teks", **kwargs)


def rupiah(nilai: int | None, **kwargs) -> Sel:
    return Sel(nilai, "rupiah", **kwargs)


def angka(nilai: int | Decimal | None, desimal: int | None = None, **kwargs) -> Sel:
    return Sel(nilai, "angka", desimal, **kwargs)


def persen(nilai: Decimal | None, desimal: int | None = 2, **kwargs) -> Sel:
    return Sel(nilai, "persen", desimal, **kwargs)


def tanggal(nilai: datetime.date | None, **kwargs) -> Sel:
    return Sel(nilai, "tanggal", **kwargs)


def dari_hasil(h: Hasil, *, persen_: bool = False, **kwargs) -> Sel:
    """A computed figure as the computation module reports it (its rounding, its decimals);
    "–" with the reason when it cannot be computed."""
    if h.nilai is None:
        return Sel(None, "persen" if persen_ else "angka", keterangan=h.alasan or "", **kwargs)
    return Sel(h.nilai, "persen" if persen_ else "angka", h.desimal, keterangan=h.rumus, **kwargs)


# --- blocks -----------------------------------------------------------------------------


@dataclass
class Paragraf:
    blok = "paragraf"

    teks: str
    gaya: str = ""  # "" | "catatan" (a note) | "kosong" (no narrative entered) | "rumus"


@dataclass
class Daftar:
    blok = "daftar"

    butir: list[str]
    bernomor: bool = False
    penanda: list[str] | None = None  # the source's own labels ("a.", "1."), if any


@dataclass
class Tabel:
    blok = "tabel"

    judul: str
    kepala: list[list[Sel]]
    baris: list[list[Sel]]
    kaki: list[list[Sel]] = field(default_factory=list)
    lebar: list[float] | None = None  # relative column widths
    lanskap: bool = False
    catatan: list[str] = field(default_factory=list)
    nama_lembar: str = ""  # a short name for the Excel sheet
    kecil: bool = False  # a dense table printed in a smaller type
    nomor: int | None = None

    @property
    def jumlah_kolom(self) -> int:
        baris = self.kepala[0] if self.kepala else (self.baris[0] if self.baris else [])
        return sum(s.colspan for s in baris)

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor}" if self.nomor else "Tabel"


@dataclass
class Seri:
    nama: str
    nilai: list[Decimal | int | None]


@dataclass
class Grafik:
    """A chart, drawn as vector graphics in the PDF and as a native chart in Excel."""

    blok = "grafik"

    judul: str
    kategori: list[str]
    seri: list[Seri]
    satuan: str = ""  # the axis unit: "Rp", "%", "jumlah"
    jenis: str = "batang"  # batang | garis
    nomor: int | None = None

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}" if self.nomor else "Gambar"


@dataclass
class Penandatangan:
    jabatan: str
    nama: str
    nip: str = ""
    sebutan: str = ""  # "PIHAK PERTAMA,"


@dataclass
class TandaTangan:
    blok = "tanda_tangan"

    penandatangan: list[Penandatangan]
    tempat_tanggal: str = ""  # "Manado, 11 Juli 2023"


@dataclass
class Rincian:
    """Labelled values one per line ("Nama : ...", "Jabatan : ...")."""

    blok = "rincian"

    pasangan: list[tuple[str, str]]
    gaya: str = ""  # "" | "lebar" (long labels, such as a form's numbered items)


Blok = Paragraf | Daftar | Rincian | Tabel | Grafik | TandaTangan


# --- structure --------------------------------------------------------------------------


@dataclass
class Bagian:
    """A chapter (tingkat 1, starting a new page), section (2) or subsection (3)."""

    judul: str
    nomor: str = ""  # "BAB I", "1.1", "a."
    tingkat: int = 1
    isi: list[Blok] = field(default_factory=list)
    anak: list[Bagian] = field(default_factory=list)
    lanskap: bool = False
    di_daftar_isi: bool = True
    id: str = ""

    @property
    def judul_lengkap(self) -> str:
        return f"{self.nomor} {self.judul}".strip()

    def semua(self) -> Iterator[Bagian]:
        yield self
        for a in self.anak:
            yield from a.semua()


@dataclass
class NotaDinas:
    nomor: str
    kepada: str
    dari: str
    perihal: str
    lampiran: str
    tanggal: datetime.date | None
    isi: list[Blok]
    penandatangan: Penandatangan


@dataclass
class Sampul:
    judul: list[str]  # the title lines
    satker: list[str]  # the unit lines, up to the ministry
    tahun: str


@dataclass
class Laporan:
    jenis: str  # pp39 | lakip | pk | dasbor
    judul: str  # the short title for the running header
    satker: str
    periode: str  # "Triwulan II Tahun 2023", "Tahun 2023"
    sampul: Sampul | None = None
    nota_dinas: NotaDinas | None = None
    depan: list[Bagian] = field(default_factory=list)  # front matter, numbered i, ii, ...
    bab: list[Bagian] = field(default_factory=list)
    lampiran: list[Bagian] = field(default_factory=list)
    daftar_isi: bool = True
    # A mark printed on every page and every sheet: the figures are not real ("DATA
    # SIMULASI"), for instance. Empty for a report that can be signed as it is.
    tanda: str = ""

    def bagian_semua(self) -> Iterator[Bagian]:
        for b in (*self.depan, *self.bab, *self.lampiran):
            yield from b.semua()

    def blok_semua(self) -> Iterator[Blok]:
        if self.nota_dinas:
            yield from self.nota_dinas.isi
        for b in self.bagian_semua():
            yield from b.isi

    def tabel(self) -> list[Tabel]:
        return [b for b in self.blok_semua() if isinstance(b, Tabel)]

    def gambar(self) -> list[Grafik]:
        return [b for b in self.blok_semua() if isinstance(b, Grafik)]

    def nomori(self) -> Laporan:
        """Number tables and figures in document order and give every section an anchor."""
        for i, t in enumerate(self.tabel(), start=1):
            t.nomor = i
        for i, g in enumerate(self.gambar(), start=1):
            g.nomor = i
        for i, b in enumerate(self.bagian_semua(), start=1):
            b.id = b.id or f"bagian-{i}"
        return self


# --- narrative text ---------------------------------------------------------------------

_BUTIR = re.compile(r"^\s*[-•]\s+(.*)$")
_BERNOMOR = re.compile(r"^\s*((?:\d{1,3}|[a-zA-Z])[.)])\s+(.*)$")


def narasi(teks: str | None, *, kosong: str = "Narasi bagian ini belum diisi.") -> list[Blok]:
    """Blocks of a narrative as satker staff write it: paragraphs separated by a blank line,
    "- " bullets, "1. " or "a. " numbered items. An empty narrative says so."""
    if not teks or not teks.strip():
        return [Paragraf(kosong, "kosong")]
    blok: list[Blok] = []
    for potongan in re.split(r"\n\s*\n", teks.strip()):
        baris = [b for b in potongan.splitlines() if b.strip()]
        paragraf: list[str] = []
        daftar: Daftar | None = None
        for b in baris:
            butir, bernomor = _BUTIR.match(b), _BERNOMOR.match(b)
            if butir or bernomor:
                if paragraf:
                    blok.append(Paragraf(" ".join(paragraf)))
                    paragraf = []
                jenis_nomor = bernomor is not None
                if daftar is None or daftar.bernomor != jenis_nomor:
                    daftar = Daftar([], jenis_nomor, [] if jenis_nomor else None)
                    blok.append(daftar)
                if bernomor:
                    daftar.penanda.append(bernomor.group(1))
                    daftar.butir.append(bernomor.group(2).strip())
                else:
                    daftar.butir.append(butir.group(1).strip())
            elif daftar is not None and b.startswith(("  ", "\t")):
                daftar.butir[-1] += " " + b.strip()  # a wrapped list item
            else:
                daftar = None
                paragraf.append(b.strip())
        if paragraf:
            blok.append(Paragraf(" ".join(paragraf)))
    return blok


def kolom(*judul: str | tuple[str, int, int]) -> list[Sel]:
    """A header row: plain titles, or (title, colspan, rowspan)."""
    hasil = []
    for j in judul:
        if isinstance(j, tuple):
            hasil.append(Sel(j[0], tebal=True, rata="tengah", colspan=j[1], rowspan=j[2]))
        else:
            hasil.append(Sel(j, tebal=True, rata="tengah"))
    return hasil


def nomor_kolom(n: int) -> list[Sel]:
    """The row of column numbers (1, 2, 3, ...) the ministry's tables print under the header."""
    return [Sel(str(i), rata="tengah") for i in range(1, n + 1)]
