"""Excel workbooks of the budget: the pre-filled templates a satker downloads, edits and
uploads back, and the reading of an upload into a plan of changes (new, changed and removed
lines with old and new values) after every row has been validated.

Two workbooks: the code tree with pagu on its leaves ("struktur"), and the cumulative
financial and physical progress per node and month ("realisasi"). Nothing here writes to the
database; kinerja.services applies a valid plan in one transaction."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kinerja import batas
from kinerja.choices import SumberDana, TingkatAnggaran
from kinerja.formatting import format_angka, format_rupiah, romawi
from kinerja.kode_anggaran import KodeTidakSah, kode_induk, kunci_urut, tingkat_kode
from kinerja.models import ItemAnggaran, ProgresAnggaran, StatusPelaporan
from kinerja.perhitungan import triwulan_bulan
from kinerja.siklus import triwulan_terkunci
from satker.models import Satker

STRUKTUR = "struktur"
REALISASI = "realisasi"
UKURAN_MAKS = 5 * 1024 * 1024
RUPIAH_MAKS = 10**15  # a thousand trillion: beyond any satker's DIPA
# What the volume columns hold (kinerja.batas: the same bound as the pages and the admin).
VOLUME_MAKS = batas.rentang(ItemAnggaran._meta.get_field("volume")).atas


@dataclass(frozen=True)
class Kolom:
    nama: str
    judul: str
    penjelasan: str
    lebar: int = 14


KOLOM = {
    STRUKTUR: (
        Kolom(
            "kode",
            "Kode",
            "Kode lengkap: EC (program), 6077 (kegiatan), 6077.BAD (KRO), "
            "6077.BAD.012 (RO), 6077.BAD.012.051 (komponen), 6077.BAD.012.051.A "
            "(sub-komponen), lalu akun 6 angka.",
            24,
        ),
        Kolom("program", "Program", "Hanya untuk baris kegiatan: kode programnya (mis. EC).", 10),
        Kolom("uraian", "Uraian", "Nama program/kegiatan/output/komponen.", 60),
        Kolom(
            "pagu",
            "Pagu (Rp)",
            "Rupiah bulat, HANYA pada rincian terbawah. Total di atasnya "
            "dihitung aplikasi; jangan diisi.",
            18,
        ),
        Kolom("sumber_dana", "Sumber dana", "RM atau PNBP (rincian terbawah); boleh kosong.", 12),
        Kolom(
            "indikator_keluaran",
            "Indikator keluaran",
            "Indikator output (KRO/RO), boleh kosong.",
            40,
        ),
        Kolom("volume", "Volume", "Volume output, angka; boleh kosong.", 10),
        Kolom("satuan", "Satuan", "Satuan volume (Orang, Industri, Unit, ...).", 12),
        Kolom("lokasi", "Lokasi", "Lokasi kegiatan; boleh kosong.", 18),
    ),
    REALISASI: (
        Kolom("kode", "Kode", "Kode lengkap item anggaran yang sudah ada di struktur.", 24),
        Kolom(
            "bulan",
            "S.d. bulan",
            "Posisi kumulatif s.d. akhir bulan 1-12 (triwulan: 3, 6, 9, 12).",
            10,
        ),
        Kolom(
            "rencana_keuangan",
            "Rencana keuangan (%)",
            "Rencana penyerapan kumulatif, % dari pagu (0-100).",
            14,
        ),
        Kolom(
            "realisasi_keuangan_rp",
            "Realisasi keuangan (Rp)",
            "Realisasi kumulatif dalam "
            "rupiah bulat; ATAU isi kolom persen berikutnya, tidak keduanya.",
            18,
        ),
        Kolom(
            "realisasi_keuangan",
            "Realisasi keuangan (%)",
            "Realisasi kumulatif, % dari pagu; bila rupiah tidak diketahui.",
            14,
        ),
        Kolom(
            "rencana_fisik", "Rencana fisik (%)", "Rencana kemajuan fisik kumulatif (0-100).", 12
        ),
        Kolom("realisasi_fisik", "Realisasi fisik (%)", "Kemajuan fisik kumulatif (0-100).", 12),
        Kolom("realisasi_volume", "Realisasi volume", "Volume output tercapai; boleh kosong.", 12),
    ),
}

JUDUL_LEMBAR = {STRUKTUR: "Struktur", REALISASI: "Realisasi"}
NAMA_JENIS = {STRUKTUR: "struktur dan pagu anggaran", REALISASI: "realisasi keuangan dan fisik"}


# --- templates --------------------------------------------------------------------------


def templat(jenis: str, satker: Satker, tahun: int) -> bytes:
    """A workbook pre-filled with the satker's current data of `jenis`, with its
    instructions sheet."""
    wb = Workbook()
    data = wb.active
    data.title = JUDUL_LEMBAR[jenis]
    kolom = KOLOM[jenis]
    data["A1"] = f"{NAMA_JENIS[jenis].capitalize()} — {satker.nama}, TA {tahun}"
    data["A1"].font = Font(bold=True, size=12)
    data["A2"] = (
        "Ubah, tambah atau hapus baris di bawah judul kolom, lalu unggah kembali. "
        "Lihat lembar Petunjuk."
    )
    baris_judul = 4
    for i, k in enumerate(kolom, start=1):
        sel = data.cell(row=baris_judul, column=i, value=k.judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="0B5394")
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        data.column_dimensions[get_column_letter(i)].width = k.lebar
    data.freeze_panes = data.cell(row=baris_judul + 1, column=1)
    rows = _isi_struktur(satker, tahun) if jenis == STRUKTUR else _isi_realisasi(satker, tahun)
    for r, nilai in enumerate(rows, start=baris_judul + 1):
        for c, k in enumerate(kolom, start=1):
            v = nilai.get(k.nama)
            sel = data.cell(row=r, column=c, value=v)
            if k.nama in ("pagu", "realisasi_keuangan_rp"):
                sel.number_format = "#,##0"
            elif isinstance(v, Decimal):
                sel.number_format = "0.00"
    petunjuk = wb.create_sheet("Petunjuk")
    petunjuk["A1"] = f"Petunjuk pengisian {NAMA_JENIS[jenis]}"
    petunjuk["A1"].font = Font(bold=True, size=12)
    aturan = [
        "Satu baris per item. Jangan mengubah judul kolom pada baris 4.",
        "Saat diunggah, aplikasi menampilkan pratinjau: baris baru, berubah dan terhapus, "
        "dengan nilai lama dan baru. Tidak ada yang disimpan sebelum Anda menyetujuinya.",
        "Setiap baris diperiksa; bila ada satu kesalahan, tidak ada yang disimpan dan setiap "
        "baris yang salah disebutkan nomornya.",
        "Mengunggah berkas yang sama dua kali tidak mengubah apa pun.",
    ]
    if jenis == STRUKTUR:
        aturan += [
            "Induk harus ada: 6077.BAD.012 memerlukan 6077.BAD; kegiatan memerlukan programnya.",
            "Baris yang tidak ada lagi di berkas akan dihapus beserta realisasinya dan "
            "tautannya ke indikator PK.",
        ]
    else:
        aturan += [
            "Kode harus sudah ada di struktur anggaran (unggah struktur lebih dahulu).",
            "Satu baris per kode dan bulan; baris yang tidak ada lagi di berkas akan dihapus.",
        ]
    for i, teks in enumerate(aturan, start=3):
        petunjuk.cell(row=i, column=1, value=f"{i - 2}. {teks}")
    mulai = len(aturan) + 5
    petunjuk.cell(row=mulai, column=1, value="Kolom").font = Font(bold=True)
    petunjuk.cell(row=mulai, column=2, value="Penjelasan").font = Font(bold=True)
    for i, k in enumerate(kolom, start=mulai + 1):
        petunjuk.cell(row=i, column=1, value=k.judul)
        petunjuk.cell(row=i, column=2, value=k.penjelasan)
    petunjuk.column_dimensions["A"].width = 26
    petunjuk.column_dimensions["B"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _isi_struktur(satker: Satker, tahun: int) -> list[dict[str, Any]]:
    items = ItemAnggaran.objects.filter(satker=satker, tahun=tahun).select_related("induk")
    return [
        {
            "kode": i.kode_lengkap,
            "program": i.induk.kode_lengkap if i.tingkat == TingkatAnggaran.KEGIATAN else None,
            "uraian": i.uraian,
            "pagu": i.pagu,
            "sumber_dana": i.sumber_dana or None,
            "indikator_keluaran": i.indikator_keluaran or None,
            "volume": i.volume,
            "satuan": i.satuan or None,
            "lokasi": i.lokasi or None,
        }
        for i in items.order_by("urutan")
    ]


def _isi_realisasi(satker: Satker, tahun: int) -> list[dict[str, Any]]:
    rows = ProgresAnggaran.objects.filter(item__satker=satker, item__tahun=tahun).select_related(
        "item"
    )
    return [
        {
            "kode": p.item.kode_lengkap,
            "bulan": p.bulan,
            "rencana_keuangan": p.rencana_keuangan,
            "realisasi_keuangan_rp": p.realisasi_keuangan_rp,
            "realisasi_keuangan": p.realisasi_keuangan,
            "rencana_fisik": p.rencana_fisik,
            "realisasi_fisik": p.realisasi_fisik,
            "realisasi_volume": p.realisasi_volume,
        }
        for p in rows.order_by("item__urutan", "bulan")
    ]


# --- reading an upload ------------------------------------------------------------------


LABEL_JENIS = {"baru": "baru", "ubah": "berubah", "hapus": "dihapus"}
_JUDUL_FIELD = {k.nama: k.judul for kolom in KOLOM.values() for k in kolom} | {"induk": "Induk"}
_FIELD_RUPIAH = {"pagu", "realisasi_keuangan_rp"}


def _tampil(field: str, nilai: Any) -> str:
    if nilai is None or nilai == "":
        return "–"
    if field in _FIELD_RUPIAH:
        return format_rupiah(nilai)
    if isinstance(nilai, Decimal):
        return format_angka(nilai)
    return str(nilai)


@dataclass(frozen=True)
class Perubahan:
    jenis: str  # "baru", "ubah" or "hapus"
    kunci: str  # the node code, or "code s.d. bulan n"
    nilai: tuple[tuple[str, Any, Any], ...] = ()  # (field, old, new)

    @property
    def label_jenis(self) -> str:
        return LABEL_JENIS[self.jenis]

    def tampilan(self) -> list[tuple[str, str, str]]:
        """(column title, old, new) formatted as a user reads them: Rp 1.234, 45,12."""
        return [
            (_JUDUL_FIELD[f], _tampil(f, lama), _tampil(f, baru)) for f, lama, baru in self.nilai
        ]


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


class BerkasTidakSah(Exception):
    """The upload is not a readable workbook of the expected shape."""


def baca(jenis: str, isi: bytes, satker: Satker, tahun: int) -> RencanaImpor:
    """Validate every row of an uploaded workbook and work out the changes it would make."""
    rows = _baca_lembar(jenis, isi)
    if jenis == STRUKTUR:
        return _rencana_struktur(rows, satker, tahun)
    return _rencana_realisasi(rows, satker, tahun)


def _baca_lembar(jenis: str, isi: bytes) -> list[tuple[int, dict[str, Any]]]:
    if len(isi) > UKURAN_MAKS:
        raise BerkasTidakSah("Berkas lebih dari 5 MB.")
    try:
        wb = load_workbook(io.BytesIO(isi), data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not xlsx
        raise BerkasTidakSah("Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca.") from exc
    nama = JUDUL_LEMBAR[jenis]
    if nama not in wb.sheetnames:
        raise BerkasTidakSah(
            f"Lembar '{nama}' tidak ditemukan; gunakan templat {NAMA_JENIS[jenis]} dari aplikasi."
        )
    judul_ke_nama = {k.judul.strip().lower(): k.nama for k in KOLOM[jenis]}
    rows = list(wb[nama].iter_rows(values_only=True))
    for i, row in enumerate(rows[:15]):
        sel = [str(v).strip().lower() if v is not None else "" for v in row]
        if "kode" in sel:
            kolom = {idx: judul_ke_nama[s] for idx, s in enumerate(sel) if s in judul_ke_nama}
            hilang = {k.judul for k in KOLOM[jenis]} - {
                k.judul for k in KOLOM[jenis] if k.nama in kolom.values()
            }
            if hilang:
                raise BerkasTidakSah(f"Kolom tidak ditemukan: {', '.join(sorted(hilang))}.")
            hasil = []
            for n, data in enumerate(rows[i + 1 :], start=i + 2):
                nilai = {kolom[idx]: v for idx, v in enumerate(data) if idx in kolom}
                if all(v is None or str(v).strip() == "" for v in nilai.values()):
                    continue
                hasil.append((n, nilai))
            return hasil
    raise BerkasTidakSah("Baris judul kolom (dengan kolom 'Kode') tidak ditemukan.")


def _teks(v: Any) -> str:
    return "" if v is None else str(v).strip()


def _seperti_diketik(v: Any) -> str:
    """A cell's value for a message: text as typed, a number the Indonesian way
    (1e16 → 10.000.000.000.000.000; 10.5 → 10,5)."""
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return format_angka(Decimal(str(v)).normalize())
    return _teks(v)


_RIBUAN_TITIK = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def _angka_teks(v: Any) -> str:
    """The number in a cell as Decimal syntax. Numeric cells pass through; text typed the
    Indonesian way is accepted too: "Rp 1.234.567", "45,12", "1.234,5"."""
    if not isinstance(v, str):
        return str(v)
    teks = v.strip().removeprefix("Rp").removeprefix("rp").replace(" ", "").replace("\xa0", "")
    if _RIBUAN_TITIK.match(teks):
        teks = teks.replace(".", "")
    return teks.replace(",", ".")


def _angka(v: Any, nama: str) -> Decimal | None:
    """The number in a cell, None when the cell is empty; ValueError (in Indonesian) when it
    is not a number."""
    if v is None or _teks(v) == "":
        return None
    try:
        d = Decimal(_angka_teks(v))
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite():
        raise ValueError(f"{nama} bukan angka: {_teks(v)!r}")
    return d


def _rupiah(v: Any, nama: str) -> int | None:
    d = _angka(v, nama)
    if d is None:
        return None
    if d != d.to_integral_value():
        raise ValueError(f"{nama} harus rupiah bulat, bukan {_seperti_diketik(v)}")
    if d < 0:
        raise ValueError(f"{nama} tidak boleh negatif")
    if d >= RUPIAH_MAKS:
        raise ValueError(f"{nama} terlalu besar: {_seperti_diketik(v)}")
    return int(d)


def _desimal(v: Any, nama: str, maks: Decimal | None = None) -> Decimal | None:
    """A percentage or volume, to the two decimals the database keeps (half-up: an Excel
    formula's 45.125 becomes 45,13)."""
    d = _angka(v, nama)
    if d is None:
        return None
    if d < 0 or (maks is not None and d > maks):
        batas = f"0 dan {format_angka(maks.normalize())}" if maks is not None else "0 atau lebih"
        raise ValueError(f"{nama} harus antara {batas}, bukan {_seperti_diketik(v)}")
    return d.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _periksa(kesalahan: list, n: int, fungsi: Callable[[], Any]) -> Any:
    try:
        return fungsi()
    except ValueError as exc:
        kesalahan.append((n, str(exc)))
        return None


def _rencana_struktur(rows: list[tuple[int, dict]], satker: Satker, tahun: int) -> RencanaImpor:
    rencana = RencanaImpor(STRUKTUR)
    k = rencana.kesalahan
    pertama: dict[str, int] = {}
    baru: list[dict[str, Any]] = []
    for n, r in rows:
        kode = _teks(r.get("kode"))
        if not kode:
            k.append((n, "kode kosong"))
            continue
        try:
            tingkat = tingkat_kode(kode)
        except KodeTidakSah as exc:
            k.append((n, str(exc)))
            continue
        if kode in pertama:
            k.append((n, f"kode {kode} ganda (juga di baris {pertama[kode]})"))
            continue
        pertama[kode] = n
        uraian = _teks(r.get("uraian"))
        if not uraian:
            k.append((n, f"uraian {kode} kosong"))
        for nama_kolom, panjang in _PANJANG_TEKS.items():
            if len(_teks(r.get(nama_kolom))) > panjang:
                k.append((n, f"{_JUDUL_FIELD[nama_kolom]} lebih dari {panjang} karakter"))
        sumber = _teks(r.get("sumber_dana")).upper()
        if sumber and sumber not in SumberDana.values:
            k.append((n, f"sumber dana harus RM atau PNBP, bukan {_teks(r.get('sumber_dana'))!r}"))
        baru.append(
            {
                "baris": n,
                "kode": kode,
                "tingkat": tingkat,
                "program": _teks(r.get("program")).upper(),
                "uraian": uraian,
                "pagu": _periksa(k, n, lambda r=r: _rupiah(r.get("pagu"), "pagu")),
                "sumber_dana": sumber if sumber in SumberDana.values else "",
                "indikator_keluaran": _teks(r.get("indikator_keluaran")),
                "volume": _periksa(
                    k, n, lambda r=r: _desimal(r.get("volume"), "volume", VOLUME_MAKS)
                ),
                "satuan": _teks(r.get("satuan")),
                "lokasi": _teks(r.get("lokasi")),
            }
        )
    kode_ada = {b["kode"] for b in baru}
    induk: dict[str, str] = {}
    for b in baru:
        if b["tingkat"] == TingkatAnggaran.PROGRAM:
            continue
        if b["tingkat"] == TingkatAnggaran.KEGIATAN:
            if not b["program"]:
                k.append((b["baris"], f"kegiatan {b['kode']} tanpa kode program"))
                continue
            parent = b["program"]
        else:
            parent = kode_induk(b["kode"])
        if parent not in kode_ada:
            k.append((b["baris"], f"induk {parent} dari {b['kode']} tidak ada dalam berkas"))
        induk[b["kode"]] = parent
    punya_anak = set(induk.values())
    sudah_salah = {n for n, _ in k}
    for b in baru:
        if b["kode"] in punya_anak and b["pagu"] is not None:
            k.append(
                (
                    b["baris"],
                    f"pagu hanya diisi pada rincian terbawah; {b['kode']} memiliki rincian",
                )
            )
        elif b["kode"] not in punya_anak and b["pagu"] is None and b["baris"] not in sudah_salah:
            k.append((b["baris"], f"rincian terbawah {b['kode']} belum diberi pagu"))
    k.sort(key=lambda x: x[0])
    if k:
        return rencana
    rencana.baris = sorted(baru, key=lambda b: b["baris"])
    for urutan, b in enumerate(rencana.baris, start=1):
        b["induk"] = induk.get(b["kode"])
        b["urutan"] = urutan
    lama = {
        i.kode_lengkap: i
        for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun).select_related("induk")
    }
    for b in rencana.baris:
        item = lama.get(b["kode"])
        if item is None:
            rencana.perubahan.append(
                Perubahan(
                    "baru", b["kode"], tuple((f, None, b[f]) for f in _FIELD_STRUKTUR if b[f])
                )
            )
            continue
        lama_nilai = _nilai_item(item)
        beda = tuple(
            (f, lama_nilai[f], b[f]) for f in (*_FIELD_STRUKTUR, "induk") if lama_nilai[f] != b[f]
        )
        if beda:
            rencana.perubahan.append(Perubahan("ubah", b["kode"], beda))
    dihapus = sorted(set(lama) - kode_ada, key=kunci_urut)
    for kode in dihapus:
        rencana.perubahan.append(Perubahan("hapus", kode, (("uraian", lama[kode].uraian, None),)))
    _tolak_struktur_terkunci(rencana, {b["kode"]: b["baris"] for b in rencana.baris}, satker, tahun)
    # Removing a node removes its progress: not that of a quarter submitted or verified.
    progres = ProgresAnggaran.objects.filter(item__in=[lama[kode] for kode in dihapus])
    _tolak_triwulan_terkunci(
        rencana,
        [
            (0, f"{kode} s.d. bulan {bulan}", bulan)
            for kode, bulan in progres.values_list("item__kode_lengkap", "bulan")
        ],
        satker,
        tahun,
        "realisasinya tidak dapat dihapus",
    )
    return rencana


_PANJANG_TEKS = {
    f: ItemAnggaran._meta.get_field(f).max_length
    for f in ("uraian", "indikator_keluaran", "satuan", "lokasi")
}

_FIELD_STRUKTUR = (
    "uraian", "pagu", "sumber_dana", "indikator_keluaran", "volume", "satuan", "lokasi",
)  # fmt: skip


def _nilai_item(item: ItemAnggaran) -> dict[str, Any]:
    return {
        "uraian": item.uraian,
        "pagu": item.pagu,
        "sumber_dana": item.sumber_dana,
        "indikator_keluaran": item.indikator_keluaran,
        "volume": item.volume,
        "satuan": item.satuan,
        "lokasi": item.lokasi,
        "induk": item.induk.kode_lengkap if item.induk_id else None,
    }


_FIELD_REALISASI = (
    "rencana_keuangan", "realisasi_keuangan_rp", "realisasi_keuangan", "rencana_fisik",
    "realisasi_fisik", "realisasi_volume",
)  # fmt: skip
SERATUS = Decimal(100)

_PEMBACA_REALISASI: dict[str, Callable[[Any], Any]] = {
    "rencana_keuangan": lambda v: _desimal(v, "rencana keuangan", SERATUS),
    "realisasi_keuangan_rp": lambda v: _rupiah(v, "realisasi keuangan (Rp)"),
    "realisasi_keuangan": lambda v: _desimal(v, "realisasi keuangan (%)", SERATUS),
    "rencana_fisik": lambda v: _desimal(v, "rencana fisik", SERATUS),
    "realisasi_fisik": lambda v: _desimal(v, "realisasi fisik", SERATUS),
    "realisasi_volume": lambda v: _desimal(v, "realisasi volume", VOLUME_MAKS),
}


def _rencana_realisasi(rows: list[tuple[int, dict]], satker: Satker, tahun: int) -> RencanaImpor:
    rencana = RencanaImpor(REALISASI)
    k = rencana.kesalahan
    items = {i.kode_lengkap: i for i in ItemAnggaran.objects.filter(satker=satker, tahun=tahun)}
    pertama: dict[tuple[str, int], int] = {}
    baru = []
    for n, r in rows:
        kode = _teks(r.get("kode"))
        if not kode:
            k.append((n, "kode kosong"))
            continue
        if kode not in items:
            k.append((n, f"kode {kode} tidak dikenal dalam struktur anggaran {tahun}"))
            continue
        bulan = _periksa(k, n, lambda r=r: _bulan(r.get("bulan")))
        if bulan is None:
            continue
        if (kode, bulan) in pertama:
            k.append(
                (n, f"{kode} s.d. bulan {bulan} ganda (juga di baris {pertama[(kode, bulan)]})")
            )
            continue
        pertama[(kode, bulan)] = n
        nilai = {
            nama: _periksa(k, n, lambda r=r, nama=nama, f=f: f(r.get(nama)))
            for nama, f in _PEMBACA_REALISASI.items()
        }
        if nilai["realisasi_keuangan_rp"] is not None and nilai["realisasi_keuangan"] is not None:
            k.append((n, "isi realisasi keuangan dalam rupiah atau persen, tidak keduanya"))
        baru.append({"baris": n, "kode": kode, "bulan": bulan, **nilai})
    if k:
        k.sort(key=lambda x: x[0])
        return rencana
    rencana.baris = baru
    lama = {
        (p.item.kode_lengkap, p.bulan): p
        for p in ProgresAnggaran.objects.filter(
            item__satker=satker, item__tahun=tahun
        ).select_related("item")
    }
    berubah: list[tuple[int, str, int]] = []  # (row, label, month) of every change
    for b in baru:
        kunci = (b["kode"], b["bulan"])
        label = f"{b['kode']} s.d. bulan {b['bulan']}"
        p = lama.get(kunci)
        if p is None:
            berubah.append((b["baris"], label, b["bulan"]))
            rencana.perubahan.append(
                Perubahan(
                    "baru",
                    label,
                    tuple((f, None, b[f]) for f in _FIELD_REALISASI if b[f] is not None),
                )
            )
            continue
        beda = tuple((f, getattr(p, f), b[f]) for f in _FIELD_REALISASI if getattr(p, f) != b[f])
        if beda:
            berubah.append((b["baris"], label, b["bulan"]))
            rencana.perubahan.append(Perubahan("ubah", label, beda))
    for kode, bulan in sorted(set(lama) - {(b["kode"], b["bulan"]) for b in baru}):
        label = f"{kode} s.d. bulan {bulan}"
        berubah.append((0, label, bulan))
        rencana.perubahan.append(Perubahan("hapus", label))
    _tolak_triwulan_terkunci(rencana, berubah, satker, tahun, "realisasinya tidak dapat diubah")
    return rencana


def _tolak_struktur_terkunci(
    rencana: RencanaImpor, baris: dict[str, int], satker: Satker, tahun: int
) -> None:
    """Refuse every change of the tree (a node added, changed or removed: its pagu, its
    place) while a quarter of the year is submitted or verified: each quarter's report rolls
    up the whole tree, so a changed pagu would change what was verified (a pagu of
    48.488.000 becoming 49.488.000 behind a verified Triwulan II)."""
    terkunci = triwulan_terkunci(satker, tahun)
    if not terkunci:
        return
    tw = min(terkunci)
    keadaan = "diverifikasi" if terkunci[tw] == StatusPelaporan.DIVERIFIKASI else "diajukan"
    for p in rencana.perubahan:
        rincian = "; ".join(
            f"{_JUDUL_FIELD.get(f, f)} {_tampil(f, lama)} → {_tampil(f, baru)}"
            for f, lama, baru in p.nilai
            if p.jenis == "ubah"
        )
        rencana.kesalahan.append(
            (
                baris.get(p.kunci, 0),
                f"{p.kunci} ({p.label_jenis.lower()}{': ' + rincian if rincian else ''}): "
                f"Triwulan {romawi(tw)} {tahun} sudah {keadaan}; struktur dan pagu anggaran "
                "yang dilaporkannya tidak dapat diubah sampai reviewer membukanya kembali",
            )
        )
    rencana.kesalahan.sort(key=lambda x: x[0])


def _tolak_triwulan_terkunci(
    rencana: RencanaImpor,
    berubah: list[tuple[int, str, int]],
    satker: Satker,
    tahun: int,
    akibat: str,
) -> None:
    """Refuse, by row, each change (row, label, month) that touches a month of a quarter
    submitted or verified: its figures are those the secretariat reviews or has verified."""
    terkunci = triwulan_terkunci(satker, tahun)
    for baris, label, bulan in berubah:
        tw = triwulan_bulan(bulan)
        if tw in terkunci:
            keadaan = "diverifikasi" if terkunci[tw] == StatusPelaporan.DIVERIFIKASI else "diajukan"
            rencana.kesalahan.append(
                (baris, f"{label}: Triwulan {romawi(tw)} {tahun} sudah {keadaan}; {akibat}")
            )
    rencana.kesalahan.sort(key=lambda x: x[0])


def _bulan(v: Any) -> int:
    try:
        d = Decimal(_angka_teks(v))
        bulan = int(d)
    except (InvalidOperation, ValueError, OverflowError):
        raise ValueError(f"bulan bukan angka 1-12: {_teks(v)!r}") from None
    if not 1 <= bulan <= 12 or d != bulan:
        raise ValueError(f"bulan harus 1-12, bukan {_seperti_diketik(v)}")
    return bulan
