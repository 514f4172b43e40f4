"""The one Excel import mechanism: a workbook kind is a declared spec (`Spec`: its sheet, its
columns with their type, bounds and whether they are required, the key that matches a row to
a record, how the current data fill the template, how a row is checked, how a plan is
written). Every kind then goes the same way:

    templat()  the workbook pre-filled with the current data and an instructions sheet;
    baca()     one reading of an upload → a plan of new / changed / removed records, each with
               its old and new values, after every row has been checked (every bad row named
               with its number, in Indonesian; a plan with an error applies nothing);
    terapkan() the plan in one transaction, under the history's context (source "impor"),
               all of it or nothing.

The same file uploaded twice makes an empty plan ("tidak ada perubahan"). Nothing here knows
a page: kinerja.views.impor shows the preview and asks for the confirmation."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kinerja import jejak, siklus
from kinerja.formatting import format_angka, format_rupiah, romawi
from satker.models import Pengguna, Satker

UKURAN_MAKS = 5 * 1024 * 1024
BARIS_JUDUL = 4
LABEL_JENIS = {"baru": "baru", "ubah": "berubah", "hapus": "dihapus"}

TEKS = "teks"
ANGKA = "angka"
RUPIAH = "rupiah"
BULAT = "bulat"
#: The cell as typed, for a kind that checks its values with the page's own form: text
#: stripped, a number as a Decimal (never re-read as text: 1.234 stays one point two three
#: four), None when empty.
MENTAH = "mentah"


# --- reading one cell ---------------------------------------------------------------------


def teks(v: Any) -> str:
    """A cell as text, stripped; "" for an empty cell."""
    return "" if v is None else str(v).strip()


def seperti_diketik(v: Any) -> str:
    """A cell's value for a message: text as typed, a number the Indonesian way
    (1e16 → 10.000.000.000.000.000; 10.5 → 10,5)."""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return format_angka(Decimal(str(v)).normalize())
    return teks(v)


_RIBUAN_TITIK = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def angka_teks(v: Any) -> str:
    """The number in a cell as Decimal syntax. Numeric cells pass through; text typed the
    Indonesian way is accepted too: "Rp 1.234.567", "45,12", "1.234,5"."""
    if not isinstance(v, str):
        return str(v)
    t = v.strip().removeprefix("Rp").removeprefix("rp").replace(" ", "").replace("\xa0", "")
    if _RIBUAN_TITIK.match(t):
        t = t.replace(".", "")
    return t.replace(",", ".")


def angka(v: Any, nama: str) -> Decimal | None:
    """The number in a cell, None when the cell is empty; ValueError (in Indonesian) when it
    is not a number."""
    if v is None or teks(v) == "":
        return None
    try:
        d = Decimal(angka_teks(v))
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite():
        raise ValueError(f"{nama} bukan angka: {teks(v)!r}")
    return d


def _batas(minimum: Decimal | None, maks: Decimal | None) -> str:
    if maks is None:
        return f"{format_angka(minimum.normalize())} atau lebih"
    return f"{format_angka(minimum.normalize())} dan {format_angka(maks.normalize())}"


@dataclass(frozen=True)
class Kolom:
    """A column of a workbook: `nama` the field it fills, `judul` its header, `penjelasan`
    the instructions sheet's line. `jenis` says how a cell is read (text, a decimal rounded
    half-up to `desimal` places, whole rupiah, a whole number), within `minimum`/`maks`;
    `wajib` refuses an empty cell; `panjang` bounds a text. `label` names it in a message
    (the header in lower case when not given). `info`: shown in the template, never read
    back (an indicator's name beside its code)."""

    nama: str
    judul: str
    penjelasan: str
    lebar: int = 14
    jenis: str = TEKS
    wajib: bool = False
    minimum: Decimal | None = Decimal(0)
    maks: Decimal | None = None
    desimal: int = 2
    panjang: int | None = None
    label: str = ""
    info: bool = False

    @property
    def sebutan(self) -> str:
        return self.label or self.judul.lower()

    def baca(self, v: Any) -> Any:
        """The cell's value as the field takes it; ValueError with the Indonesian reason."""
        if v is None or teks(v) == "":
            if self.wajib:
                raise ValueError(f"{self.sebutan} wajib diisi")
            return "" if self.jenis == TEKS else None
        if self.jenis == MENTAH:
            if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
                return Decimal(str(v))
            return v.strip() if isinstance(v, str) else v
        if self.jenis == TEKS:
            t = teks(v)
            if self.panjang is not None and len(t) > self.panjang:
                raise ValueError(f"{self.sebutan} lebih dari {self.panjang} karakter")
            return t
        d = angka(v, self.sebutan)
        if self.jenis in (RUPIAH, BULAT) and d != d.to_integral_value():
            bentuk = "rupiah bulat" if self.jenis == RUPIAH else "bilangan bulat"
            raise ValueError(f"{self.sebutan} harus {bentuk}, bukan {seperti_diketik(v)}")
        if self.jenis == RUPIAH:
            if d < 0:
                raise ValueError(f"{self.sebutan} tidak boleh negatif")
            if self.maks is not None and d >= self.maks:
                raise ValueError(f"{self.sebutan} terlalu besar: {seperti_diketik(v)}")
            return int(d)
        if (self.minimum is not None and d < self.minimum) or (
            self.maks is not None and d > self.maks
        ):
            raise ValueError(
                f"{self.sebutan} harus antara {_batas(self.minimum, self.maks)}, "
                f"bukan {seperti_diketik(v)}"
            )
        if self.jenis == BULAT:
            return int(d)
        return d.quantize(Decimal(1).scaleb(-self.desimal), ROUND_HALF_UP)


# --- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lingkup:
    """Whose data a workbook holds: a satker's year (and quarter, for a quarter's kind), and
    who imports it (the checks of a closed quarter depend on it)."""

    satker: Satker
    tahun: int
    triwulan: int | None = None
    user: Pengguna | None = field(default=None, compare=False)
    #: What the upload form asked besides the file (a revision's reason).
    tambahan: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def judul(self) -> str:
        tw = f" Triwulan {romawi(self.triwulan)}" if self.triwulan else ""
        return f"{self.satker.nama}, TA {self.tahun}{tw}"


@dataclass(frozen=True)
class Perubahan:
    """One record the plan creates, changes or removes: `kunci` names it as the user reads
    it, `nilai` holds (field, old, new); `baris` the file's row (0 for a removal) and
    `data` the record's key and the row's values, for the spec that writes it."""

    jenis: str  # "baru", "ubah" or "hapus"
    kunci: str
    nilai: tuple[tuple[str, Any, Any], ...] = ()
    baris: int = field(default=0, compare=False, repr=False)
    data: Any = field(default=None, compare=False, repr=False)
    spec: Spec | None = field(default=None, compare=False, repr=False)

    @property
    def label_jenis(self) -> str:
        return LABEL_JENIS[self.jenis]

    def tampilan(self) -> list[tuple[str, str, str]]:
        """(column title, old, new) formatted as a user reads them: Rp 1.234, 45,12."""
        s = self.spec
        if s is None:
            return [(f, tampil(lama), tampil(baru)) for f, lama, baru in self.nilai]
        return [
            (s.judul_field(f), s.tampil(f, lama), s.tampil(f, baru)) for f, lama, baru in self.nilai
        ]


def tampil(nilai: Any, *, rupiah: bool = False) -> str:
    """A value in the preview: a dash for nothing, Indonesian numbers."""
    if nilai is None or nilai == "":
        return "–"
    if rupiah:
        return format_rupiah(nilai)
    if isinstance(nilai, Decimal):
        return format_angka(nilai)
    return str(nilai)


@dataclass
class RencanaImpor:
    """What an upload would change, or why it cannot be applied."""

    jenis: str
    baris: list[dict[str, Any]] = field(default_factory=list)
    kesalahan: list[tuple[int, str]] = field(default_factory=list)
    perubahan: list[Perubahan] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        return not self.kesalahan

    def pesan_kesalahan(self) -> list[str]:
        return [f"Baris {n}: {pesan}" if n else pesan for n, pesan in self.kesalahan]

    def hitung(self, jenis: str) -> int:
        return sum(1 for p in self.perubahan if p.jenis == jenis)

    def sidik(self) -> str:
        """A fingerprint of the changes, so that what is applied is what was previewed."""
        return hashlib.sha256(repr(self.perubahan).encode()).hexdigest()


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    ubah: int
    hapus: int

    @property
    def tanpa_perubahan(self) -> bool:
        return not (self.baru or self.ubah or self.hapus)


class BerkasTidakSah(Exception):
    """The upload is not a readable workbook of the expected shape."""


def periksa(kesalahan: list, n: int, fungsi: Callable[[], Any]) -> Any:
    """fungsi(), or None with its ValueError recorded against row `n`."""
    try:
        return fungsi()
    except ValueError as exc:
        kesalahan.append((n, str(exc)))
        return None


# --- the spec -------------------------------------------------------------------------------


class Spec:
    """A workbook kind. A subclass declares the sheet and the columns and fills in
    `isi` (the template's rows), `kunci` (a row's key; ValueError when it names nothing),
    `lama` (the current values by key) and `tulis` (writing a valid plan); it may refine
    `periksa_baris` (checks across a row's cells), `periksa_rencana` (refusals of the
    whole plan: a closed quarter) and, for a kind whose rows depend on each other, `rencana`
    itself."""

    jenis: str = ""
    judul_lembar: str = ""
    nama: str = ""
    kolom: tuple[Kolom, ...] = ()
    #: The header (lower case) that marks the header row.
    penanda: str = "kode"
    #: Rows missing from the file are removed (else they are left as they are).
    hapus_yang_hilang: bool = False
    #: The preview lists a removed record's values (when its key alone says little).
    hapus_dengan_nilai: bool = False
    aturan: tuple[str, ...] = ()
    #: Fields shown as rupiah.
    field_rupiah: frozenset[str] = frozenset()
    #: Titles of fields that are no column (a node's parent).
    judul_lain: dict[str, str] = {}
    uraian_riwayat: str = "Impor"
    #: Fields the upload form asks besides the file (name → Django form field), handed to
    #: the spec in `Lingkup.tambahan`.
    field_tambahan: dict[str, Any] = {}
    #: What the data are called in "Data … berubah sejak pratinjau dibuat".
    nama_data: str = ""

    # -- declared per kind --

    def isi(self, lingkup: Lingkup) -> list[dict[str, Any]]:
        raise NotImplementedError

    def kunci(self, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict) -> Hashable:
        raise NotImplementedError

    def label(self, kunci: Hashable) -> str:
        return str(kunci)

    def lama(self, lingkup: Lingkup, konteks: dict) -> dict[Hashable, dict[str, Any]]:
        raise NotImplementedError

    def tulis(self, rencana: RencanaImpor, lingkup: Lingkup) -> None:
        raise NotImplementedError

    def siapkan(self, lingkup: Lingkup) -> dict:
        """What the checks of every row share (read once: a large workbook costs the queries
        of a small one)."""
        return {}

    def periksa_baris(
        self, kunci: Hashable, nilai: dict[str, Any], lingkup: Lingkup, konteks: dict
    ) -> list[str]:
        """The errors of a row whose cells were each read; it may put the values in the form
        they are compared and written in (`nilai`, in place)."""
        return []

    def periksa_berkas(
        self, baris: list[tuple[int, Hashable, dict[str, Any]]], lingkup: Lingkup, konteks: dict
    ) -> list[tuple[int, str]]:
        """Errors across rows (row number, message), once every row passed its own checks."""
        return []

    def periksa_rencana(self, rencana: RencanaImpor, lingkup: Lingkup, konteks: dict) -> None:
        return None

    def boleh(self, user: Pengguna, lingkup: Lingkup) -> bool:
        """Who may apply it: the satker's own staff, as on its pages."""
        return siklus.boleh_mengisi(user, lingkup.satker)

    def nama_berkas(self, lingkup: Lingkup) -> str:
        return f"{self.jenis}-{lingkup.satker.kode or lingkup.satker.pk}-{lingkup.tahun}" + (
            f"-tw{lingkup.triwulan}" if lingkup.triwulan else ""
        )

    # -- shared --

    @property
    def field_nilai(self) -> tuple[str, ...]:
        """The fields a row sets (not its key, not an information column)."""
        return tuple(k.nama for k in self.kolom if not k.info and k.nama not in self.field_kunci)

    field_kunci: tuple[str, ...] = ("kode",)

    def judul_field(self, f: str) -> str:
        for k in self.kolom:
            if k.nama == f:
                return k.judul
        return self.judul_lain.get(f, f)

    def tampil(self, f: str, nilai: Any) -> str:
        return tampil(nilai, rupiah=f in self.field_rupiah)

    def judul_lingkup(self, lingkup: Lingkup) -> str:
        """Whose data the import page names in its heading ("BSPJI Manado, TA 2023")."""
        return lingkup.judul

    def judul_templat(self, lingkup: Lingkup) -> str:
        return f"{self.nama[:1].upper()}{self.nama[1:]} — {lingkup.judul}"

    def rencana(self, rows: list[tuple[int, dict[str, Any]]], lingkup: Lingkup) -> RencanaImpor:
        """Check every row, then compare the file with the current data."""
        rencana = RencanaImpor(self.jenis)
        k = rencana.kesalahan
        konteks = self.siapkan(lingkup)
        pertama: dict[Hashable, int] = {}
        baru: list[tuple[int, Hashable, dict[str, Any]]] = []
        for n, r in rows:
            try:
                kunci = self.kunci(r, lingkup, konteks)
            except ValueError as exc:
                k.append((n, str(exc)))
                continue
            if kunci in pertama:
                k.append((n, f"{self.label(kunci)} ganda (juga di baris {pertama[kunci]})"))
                continue
            pertama[kunci] = n
            sebelum = len(k)
            nilai = {
                kol.nama: periksa(k, n, lambda kol=kol, r=r: kol.baca(r.get(kol.nama)))
                for kol in self.kolom
                if kol.nama in self.field_nilai
            }
            if len(k) == sebelum:
                k.extend((n, p) for p in self.periksa_baris(kunci, nilai, lingkup, konteks))
            baru.append((n, kunci, nilai))
        # Across rows: those whose cells all passed (a bad row is named once, for its cell).
        salah = {n for n, _ in k}
        k.extend(self.periksa_berkas([b for b in baru if b[0] not in salah], lingkup, konteks))
        if k:
            k.sort(key=lambda x: x[0])
            return rencana
        rencana.baris = [
            {"baris": n, "kunci": kunci, **self.isi_kunci(kunci), **nilai}
            for n, kunci, nilai in baru
        ]
        lama = self.lama(lingkup, konteks)
        fields = self.field_nilai  # a spec may keep more in `nilai` for its write
        for n, kunci, nilai in baru:
            sekarang = lama.get(kunci)
            if sekarang is None:
                rencana.perubahan.append(
                    Perubahan(
                        "baru", self.label(kunci),
                        tuple((f, None, nilai[f]) for f in fields if nilai[f] not in (None, "")),
                        n, (kunci, nilai), self,
                    )
                )  # fmt: skip
                continue
            beda = tuple((f, sekarang[f], nilai[f]) for f in fields if sekarang[f] != nilai[f])
            if beda:
                rencana.perubahan.append(
                    Perubahan("ubah", self.label(kunci), beda, n, (kunci, nilai), self)
                )
        if self.hapus_yang_hilang:
            for kunci in sorted(set(lama) - set(pertama), key=self.urutan_hapus):
                tampil = (
                    tuple((f, v, None) for f, v in lama[kunci].items() if v not in (None, ""))
                    if self.hapus_dengan_nilai
                    else ()
                )
                rencana.perubahan.append(
                    Perubahan("hapus", self.label(kunci), tampil, 0, (kunci, None), self)
                )
        self.periksa_rencana(rencana, lingkup, konteks)
        rencana.kesalahan.sort(key=lambda x: x[0])
        return rencana

    def isi_kunci(self, kunci: Hashable) -> dict[str, Any]:
        """The key's parts by field (code and month, say)."""
        return dict(
            zip(self.field_kunci, kunci if isinstance(kunci, tuple) else (kunci,), strict=True)
        )

    def urutan_hapus(self, kunci: Hashable) -> Any:
        return kunci


# --- template, reading, applying ---------------------------------------------------------------


def templat(spec: Spec, lingkup: Lingkup) -> bytes:
    """A workbook pre-filled with the current data of `spec`, with its instructions sheet."""
    wb = Workbook()
    data = wb.active
    data.title = spec.judul_lembar
    data["A1"] = spec.judul_templat(lingkup)
    data["A1"].font = Font(bold=True, size=12)
    data["A2"] = (
        "Ubah, tambah atau hapus baris di bawah judul kolom, lalu unggah kembali. "
        "Lihat lembar Petunjuk."
        if spec.hapus_yang_hilang
        else "Ubah nilai di bawah judul kolom, lalu unggah kembali. Lihat lembar Petunjuk."
    )
    for i, k in enumerate(spec.kolom, start=1):
        sel = data.cell(row=BARIS_JUDUL, column=i, value=k.judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="666666" if k.info else "0B5394")
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        data.column_dimensions[get_column_letter(i)].width = k.lebar
    data.freeze_panes = data.cell(row=BARIS_JUDUL + 1, column=1)
    for r, nilai in enumerate(spec.isi(lingkup), start=BARIS_JUDUL + 1):
        for c, k in enumerate(spec.kolom, start=1):
            v = nilai.get(k.nama)
            sel = data.cell(row=r, column=c, value=v)
            if k.jenis == RUPIAH:
                sel.number_format = "#,##0"
            elif isinstance(v, Decimal) and k.jenis != MENTAH:
                sel.number_format = "0.00"
    petunjuk = wb.create_sheet("Petunjuk")
    petunjuk["A1"] = f"Petunjuk pengisian {spec.nama}"
    petunjuk["A1"].font = Font(bold=True, size=12)
    aturan = [
        f"Satu baris per item. Jangan mengubah judul kolom pada baris {BARIS_JUDUL}.",
        "Saat diunggah, aplikasi menampilkan pratinjau: baris baru, berubah"
        + (" dan terhapus" if spec.hapus_yang_hilang else "")
        + ", dengan nilai lama dan baru. Tidak ada yang disimpan sebelum Anda menyetujuinya.",
        "Setiap baris diperiksa; bila ada satu kesalahan, tidak ada yang disimpan dan setiap "
        "baris yang salah disebutkan nomornya.",
        "Mengunggah berkas yang sama dua kali tidak mengubah apa pun.",
        *spec.aturan,
    ]
    for i, t in enumerate(aturan, start=3):
        petunjuk.cell(row=i, column=1, value=f"{i - 2}. {t}")
    mulai = len(aturan) + 5
    petunjuk.cell(row=mulai, column=1, value="Kolom").font = Font(bold=True)
    petunjuk.cell(row=mulai, column=2, value="Penjelasan").font = Font(bold=True)
    for i, k in enumerate(spec.kolom, start=mulai + 1):
        petunjuk.cell(row=i, column=1, value=k.judul)
        petunjuk.cell(
            row=i, column=2, value=k.penjelasan + (" (hanya informasi)" if k.info else "")
        )
    petunjuk.column_dimensions["A"].width = 26
    petunjuk.column_dimensions["B"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def baca_lembar(spec: Spec, isi: bytes) -> list[tuple[int, dict[str, Any]]]:
    """The rows under the header of the spec's sheet, each with its row number, by field;
    empty rows are skipped. BerkasTidakSah when the file is no workbook of this kind."""
    if len(isi) > UKURAN_MAKS:
        raise BerkasTidakSah("Berkas lebih dari 5 MB.")
    try:
        wb = load_workbook(io.BytesIO(isi), data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not xlsx
        raise BerkasTidakSah("Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca.") from exc
    nama = spec.judul_lembar
    if nama not in wb.sheetnames:
        raise BerkasTidakSah(
            f"Lembar '{nama}' tidak ditemukan; gunakan templat {spec.nama} dari aplikasi."
        )
    dibaca = [k for k in spec.kolom if not k.info]
    judul_ke_nama = {k.judul.strip().lower(): k.nama for k in dibaca}
    rows = list(wb[nama].iter_rows(values_only=True))
    for i, row in enumerate(rows[:15]):
        sel = [str(v).strip().lower() if v is not None else "" for v in row]
        if spec.penanda in sel:
            kolom = {idx: judul_ke_nama[s] for idx, s in enumerate(sel) if s in judul_ke_nama}
            hilang = {k.judul for k in dibaca if k.nama not in kolom.values()}
            if hilang:
                raise BerkasTidakSah(f"Kolom tidak ditemukan: {', '.join(sorted(hilang))}.")
            hasil = []
            for n, data in enumerate(rows[i + 1 :], start=i + 2):
                nilai = {kolom[idx]: v for idx, v in enumerate(data) if idx in kolom}
                if all(v is None or str(v).strip() == "" for v in nilai.values()):
                    continue
                hasil.append((n, nilai))
            return hasil
    raise BerkasTidakSah(
        f"Baris judul kolom (dengan kolom '{spec.penanda.capitalize()}') tidak ditemukan."
    )


def baca(spec: Spec, isi: bytes, lingkup: Lingkup) -> RencanaImpor:
    """Validate every row of an uploaded workbook and work out the changes it would make."""
    return spec.rencana(baca_lembar(spec, isi), lingkup)


@transaction.atomic
def terapkan(spec: Spec, rencana: RencanaImpor, lingkup: Lingkup, user: Pengguna) -> HasilImpor:
    """Apply a valid plan of `spec`: all of it, or nothing (ValidationError, with the
    reason in Indonesian, when a rule of the database refuses a value; PermissionDenied
    for someone who may not change these data)."""
    if not spec.boleh(user, lingkup):
        raise PermissionDenied("Anda tidak berwenang mengubah data ini.")
    if not rencana.sah:
        raise ValidationError(rencana.pesan_kesalahan())
    if not rencana.perubahan:
        return HasilImpor(0, 0, 0)  # the same file again: nothing to write
    k = jejak.sekarang()
    siklus.kunci_satker(lingkup.satker.pk)
    try:
        with (
            transaction.atomic(),
            jejak.konteks(
                sumber=jejak.Sumber.IMPOR,
                user=user,
                keterangan=(
                    f"impor {rencana.jenis} {lingkup.satker.kode} {lingkup.tahun} ({k.keterangan})"
                )[:300],
                uraian=lambda obj: f"{spec.uraian_riwayat}: {obj}",
            ),
        ):
            spec.tulis(rencana, lingkup)
    except IntegrityError as exc:
        # A rule the database enforces and the reader did not foresee; nothing is kept.
        raise ValidationError(f"data ditolak oleh basis data ({exc})") from exc
    return HasilImpor(rencana.hitung("baru"), rencana.hitung("ubah"), rencana.hitung("hapus"))


def pesan_validasi(exc: ValidationError) -> list[str]:
    """A ValidationError's messages, each once."""
    return list(dict.fromkeys(exc.messages))
