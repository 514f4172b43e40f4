"""The report model: plain data that the PDF and the Excel renderers both read, so that the two
formats cannot disagree. Assembly (laporan.susun) builds it from the database; nothing here
touches the database or formats for a particular output.

A report is front matter (memo, what comes before the cover, cover, foreword...), chapters
(Bagian, nested) and annexes;
their content is a list of blocks: paragraphs, lists, tables, figures, signature blocks.
Tables and figures are numbered in document order by `Laporan.nomori()`."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kinerja.formatting import format_angka, format_rupiah, format_tanggal
from kinerja.perhitungan.dasar import Hasil
from kinerja.perhitungan.narasi import RUJUKAN

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
    # "" | "catatan" (a note to the reader) | "rumus" (a worked formula) | "kosong" (a part
    # not entered yet) | "reviu" (the application's remark on a figure). The last two are
    # for the people preparing the report: never printed in its body (Laporan.nomori moves
    # them to `catatan_penyusunan`, printed only in the optional reviewer's annex).
    gaya: str = ""


@dataclass
class Daftar:
    blok = "daftar"

    butir: list[str]
    bernomor: bool = False
    penanda: list[str] | None = None  # the source's own labels ("a.", "1."), if any
    # A label printed at the left of the items, with a colon, the items beside it
    # ("Menimbang : a. ... b. ..." of a decree); "" for a list of its own.
    label: str = ""


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
    kunci: str = ""  # the name a narrative refers to it by: {tabel:renstra}

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
    kunci: str = ""  # the name a narrative refers to it by: {gambar:pnbp}

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}" if self.nomor else "Gambar"


@dataclass
class GambarBerkas:
    """A picture the satker uploaded (an organisation chart, a photo, a screenshot), printed
    as it is: numbered with the charts in one "Gambar n" sequence, its caption below it and
    its source under the caption."""

    blok = "gambar_berkas"

    judul: str
    isi: bytes
    jenis_konten: str  # image/png | image/jpeg
    lebar_px: int
    tinggi_px: int
    sumber: str = ""
    lebar: float = 1.0  # the most of the text width it takes
    nomor: int | None = None
    kunci: str = ""  # the name a narrative refers to it by: {gambar:struktur_organisasi}

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor}" if self.nomor else "Gambar"

    def ukuran_cm(self, lebar_teks: float, tinggi_maks: float) -> tuple[float, float]:
        """Its printed width and height (cm) in a text `lebar_teks` wide: `lebar` of that
        width, less for a tall picture so that it is at most `tinggi_maks` high (with its
        caption it stays on one page); never distorted."""
        rasio = self.tinggi_px / self.lebar_px if self.lebar_px else 1
        lebar = min(lebar_teks * self.lebar, tinggi_maks / rasio if rasio else lebar_teks)
        return lebar, lebar * rasio


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
    tempat_tanggal: str = ""  # "Manado, 11 Juli 2023"; a "\n" is a line break


@dataclass
class Rincian:
    """Labelled values one per line ("Nama : ...", "Jabatan : ...")."""

    blok = "rincian"

    pasangan: list[tuple[str, str]]
    gaya: str = ""  # "" | "lebar" (long labels, such as a form's numbered items)


Blok = Paragraf | Daftar | Rincian | Tabel | Grafik | GambarBerkas | TandaTangan
Gambar = Grafik | GambarBerkas  # a numbered figure: "Gambar n"


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
    # Its pages carry no running header and no page number: a document of its own bound into
    # the report (the review-team decree), printed as that document is.
    tanpa_kepala: bool = False
    # It starts on a new page (a LAKIP's sasaran), which also lets the PDF be laid out in
    # parts that meet there.
    halaman_baru: bool = False

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
    # Printed after the memo and before the cover, outside the contents: the decree forming
    # the LAKIP's review team. Its tables are numbered with the others.
    sebelum_sampul: list[Bagian] = field(default_factory=list)
    depan: list[Bagian] = field(default_factory=list)  # front matter, numbered i, ii, ...
    bab: list[Bagian] = field(default_factory=list)
    lampiran: list[Bagian] = field(default_factory=list)
    daftar_isi: bool = True
    # A mark printed on every page and every sheet: the figures are not real ("DATA
    # SIMULASI"), for instance. Empty for a report that can be signed as it is.
    tanda: str = ""
    # A line at the foot of every page (the status of a quarter's report and when it was
    # assembled, for a draft).
    kaki: str = ""
    # The figures a narrative may name ({III.2.realisasi} → "363,80"), resolved by nomori();
    # and what the resolution could not place, for the reviewer (never printed in the body).
    nilai: dict[str, str] = field(default_factory=dict)
    rujukan_gagal: list[str] = field(default_factory=list)
    # What is missing or remarked, by section: for the reviewer (lampirkan_catatan()).
    catatan_penyusunan: list[str] = field(default_factory=list)

    def bagian_semua(self) -> Iterator[Bagian]:
        for b in (*self.sebelum_sampul, *self.depan, *self.bab, *self.lampiran):
            yield from b.semua()

    def blok_semua(self) -> Iterator[Blok]:
        if self.nota_dinas:
            yield from self.nota_dinas.isi
        for b in self.bagian_semua():
            yield from b.isi

    def tabel(self) -> list[Tabel]:
        return [b for b in self.blok_semua() if isinstance(b, Tabel)]

    def gambar(self) -> list[Gambar]:
        """The figures in document order, charts and pictures alike: one numbering."""
        return [b for b in self.blok_semua() if isinstance(b, Grafik | GambarBerkas)]

    def nomori(self) -> Laporan:
        """Number tables and figures in document order, give every section an anchor, and put
        into every text the figures and the table and figure numbers it refers to."""
        self._pisahkan_catatan()
        rujukan = dict(self.nilai)
        for i, t in enumerate(self.tabel(), start=1):
            t.nomor = i
            # The first table of a name is the one referred to (an annex repeats some).
            rujukan.setdefault(f"tabel:{t.kunci or kunci_dari(t.nama_lembar or t.judul)}", t.label)
        for i, g in enumerate(self.gambar(), start=1):
            g.nomor = i
            nama = f"gambar:{g.kunci or kunci_dari(g.judul)}"
            ganda = f"{g.label} bernama {{{nama}}} seperti {rujukan.get(nama)}; rujukan itu "
            ganda += f"menunjuk {rujukan.get(nama)}."
            # An uploaded picture named like a chart, say (noted once however often the
            # report is numbered).
            if nama in rujukan and ganda not in self.catatan_penyusunan:
                self.catatan_penyusunan.append(ganda)
            rujukan.setdefault(nama, g.label)
        for i, b in enumerate(self.bagian_semua(), start=1):
            b.id = b.id or f"bagian-{i}"
        gagal: list[str] = []
        for blok in self.blok_semua():
            _isi_rujukan(blok, rujukan, gagal)
        self.rujukan_gagal = list(dict.fromkeys(gagal))
        self.catatan_penyusunan += [f"Rujukan {{{g}}} tidak dikenal." for g in self.rujukan_gagal]
        return self

    def lampirkan_catatan(self) -> Laporan:
        """Add the reviewer's annex: what is missing or remarked (off by default; the signed
        report never carries it)."""
        if self.catatan_penyusunan:
            self.lampiran.append(
                Bagian(
                    "Catatan Penyusunan (untuk reviu, bukan bagian laporan)",
                    isi=[Daftar(list(self.catatan_penyusunan))],
                    id="catatan-penyusunan",
                )
            )
        return self

    def _pisahkan_catatan(self) -> None:
        """Take the parts not entered and the application's remarks out of the body, into
        `catatan_penyusunan` with the section they belong to."""
        for bagian in self.bagian_semua():
            tetap = []
            for blok in bagian.isi:
                if isinstance(blok, Paragraf) and blok.gaya in ("kosong", "reviu"):
                    self.catatan_penyusunan.append(f"{bagian.judul_lengkap}: {blok.teks}")
                else:
                    tetap.append(blok)
            bagian.isi = tetap
        if self.nota_dinas:
            for blok in list(self.nota_dinas.isi):
                if isinstance(blok, Paragraf) and blok.gaya in ("kosong", "reviu"):
                    self.catatan_penyusunan.append(f"Nota dinas: {blok.teks}")
                    self.nota_dinas.isi.remove(blok)


# --- references in the text --------------------------------------------------------------


def kunci_dari(nama: str) -> str:
    """The default name of a table or figure: its sheet name or title, lower case, words
    joined by "_" ("Capaian Renstra" → "capaian_renstra")."""
    return "_".join(re.findall(r"[a-z0-9]+", nama.lower()))


def ganti_rujukan(teks: str, rujukan: dict[str, str], gagal: list[str]) -> str:
    """`teks` with every {name} replaced by its value; an unknown name becomes "–" and is
    added to `gagal`."""

    def ganti(m: re.Match) -> str:
        if m.group(1) in rujukan:
            return rujukan[m.group(1)]
        gagal.append(m.group(1))
        return KOSONG

    return RUJUKAN.sub(ganti, teks) if "{" in teks else teks


def _isi_rujukan(blok: object, rujukan: dict[str, str], gagal: list[str]) -> None:
    if isinstance(blok, Paragraf):
        blok.teks = ganti_rujukan(blok.teks, rujukan, gagal)
    elif isinstance(blok, Daftar):
        blok.butir = [ganti_rujukan(b, rujukan, gagal) for b in blok.butir]
    elif isinstance(blok, Rincian):
        blok.pasangan = [(k, ganti_rujukan(v, rujukan, gagal)) for k, v in blok.pasangan]
    elif isinstance(blok, Tabel):
        for baris in (*blok.baris, *blok.kaki):
            for i, sel in enumerate(baris):
                if sel.jenis == "teks" and isinstance(sel.nilai, str) and "{" in sel.nilai:
                    baris[i] = replace(sel, nilai=ganti_rujukan(sel.nilai, rujukan, gagal))
        blok.catatan = [ganti_rujukan(c, rujukan, gagal) for c in blok.catatan]


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
