"""Figures and cross-references in the narrative, and the check of what a narrative states.

A narrative names a figure instead of typing it: `{III.2.realisasi}` prints the line's
computed realisasi ("363,80"), `{III.2.capaian}` its capaian, `{anggaran.realisasi}` the
satker's budget realisation, `{tabel:renstra}` the number of the table named "renstra"
("Tabel 46"), `{gambar:pnbp}` a figure's. The report model resolves them when it numbers its
tables (laporan.dokumen.Laporan.nomori), in every format alike.

`periksa_narasi` reads what a narrative states in plain text and lists what disagrees with
the computed figures or cannot be placed: a stated realisasi or capaian that is not the
computed one, an unknown reference, a table or figure cited by a typed number, a sentence
that ends in a colon with nothing after it. The list is shown to the operator while editing,
to the head as missing before submission and to the reviewer; never printed in a report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kinerja.formatting import format_angka, format_rupiah
from kinerja.models import IndikatorPerjanjian
from kinerja.perhitungan import HasilBaris
from kinerja.perhitungan.dasar import ringkas
from laporan.dokumen import RUJUKAN

# The figures of a PK line a narrative may name, after the line's code: {III.2.realisasi}.
UKURAN_BARIS = (
    "target", "satuan", "realisasi", "capaian", "status", "target_antara",
    "realisasi_antara", "capaian_antara",
)  # fmt: skip


def nilai_baris(lines: Iterable[IndikatorPerjanjian], hasil: Mapping[int, HasilBaris]) -> dict:
    """{kode}.{ukuran} → the figure as the report prints it, for every line."""
    nilai: dict[str, str] = {}
    for line in lines:
        h, kode = hasil[line.pk], line.kode
        nilai[f"{kode}.target"] = format_angka(ringkas(line.target))
        nilai[f"{kode}.satuan"] = line.get_satuan_display()
        nilai[f"{kode}.realisasi"] = h.realisasi.tampil
        nilai[f"{kode}.capaian"] = h.capaian.tampil
        nilai[f"{kode}.status"] = h.status.label.lower()
        if h.target_antara is not None:
            nilai[f"{kode}.target_antara"] = format_angka(ringkas(h.target_antara))
        if h.realisasi_antara is not None:
            nilai[f"{kode}.realisasi_antara"] = format_angka(ringkas(h.realisasi_antara))
        if h.capaian_antara is not None:
            nilai[f"{kode}.capaian_antara"] = h.capaian_antara.tampil
    return nilai


def nilai_anggaran(pagu: int | None, realisasi: int | None, persen: str | None) -> dict:
    """The satker's budget of the period: {anggaran.pagu}, {anggaran.realisasi},
    {anggaran.persen}."""
    nilai = {}
    if pagu is not None:
        nilai["anggaran.pagu"] = format_rupiah(pagu)
    if realisasi is not None:
        nilai["anggaran.realisasi"] = format_rupiah(realisasi)
    if persen is not None:
        nilai["anggaran.persen"] = persen
    return nilai


def nilai_laporan(k, nodes: Mapping, bulan: int) -> dict[str, str]:
    """Every figure a narrative of this report may name: each line's, and the satker's
    budget at the end of `bulan` (from the code tree `nodes`)."""
    from kinerja.perhitungan.ringkasan import persen_rupiah
    from kinerja.selectors import anggaran as sel_anggaran

    pagu, _, realisasi = sel_anggaran.total_satker(nodes, bulan) if nodes else (None, None, None)
    persen = persen_rupiah(realisasi, pagu)
    return nilai_baris(k.lines, k.hasil) | nilai_anggaran(
        pagu or None, realisasi, persen.tampil if persen.dapat_dihitung else None
    )


# --- the check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Temuan:
    """Something a narrative states that the report cannot print as it is."""

    pesan: str


# A number as written in Indonesian text: 363; 363,80; 7.276,00; also the English slips
# the source reports contain (7,260 for 7.260).
_ANGKA = r"(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
# "realisasi (indikator ini) (sebesar|mencapai|adalah|yaitu) 363 persen"
_REALISASI = re.compile(
    r"(?<!capaian )\brealisasi(?:\s+(?:indikator|kinerja)(?:\s+ini)?)?\s+"
    r"(?:sebesar|mencapai|adalah|yaitu)?"
    r"\s*" + _ANGKA,
    re.IGNORECASE,
)
# "capaian (realisasi|kinerja|indikator ini) (sebesar|mencapai|adalah) 7,260 persen"
_CAPAIAN = re.compile(
    r"\bcapaian(?:\s+(?:realisasi|kinerja|indikator)(?:\s+ini)?)?\s+(?:sebesar|mencapai|adalah|"
    r"yaitu)?\s*" + _ANGKA + r"\s*(?:persen|%)",
    re.IGNORECASE,
)
_TABEL_DIKETIK = re.compile(r"\b(Tabel|Gambar)\s+(\d+)\b")


def _nilai_teks(teks: str) -> Decimal | None:
    """A number as the text wrote it, read the Indonesian way (7.276,00 → 7276.00; 363,80 →
    363.80; an English 7,260 is read as 7,260 and so differs, as it should)."""
    try:
        return Decimal(teks.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _sama(tertulis: Decimal, tampil: str) -> bool:
    """A stated number agrees with a computed figure when it is that figure as printed."""
    dihitung = _nilai_teks(tampil)
    return dihitung is not None and tertulis == dihitung


def periksa_narasi(teks: str, *, nilai: Mapping[str, str], kode: str | None = None) -> list[Temuan]:
    """What a narrative (of the PK line `kode`, if it is a line's) states that disagrees
    with the figures in `nilai` or cannot be placed; empty when it can be printed as it
    is."""
    if not teks or not teks.strip():
        return []
    temuan: list[Temuan] = []
    for m in RUJUKAN.finditer(teks):
        nama = m.group(1)
        if nama not in nilai and not nama.startswith(("tabel:", "gambar:")):
            temuan.append(Temuan(f"Rujukan {{{nama}}} tidak dikenal."))
    polos = RUJUKAN.sub(" ", teks)
    for m in _TABEL_DIKETIK.finditer(polos):
        temuan.append(
            Temuan(
                f"“{m.group(0)}” diketik sebagai nomor; tulis {{{m.group(1).lower()}:nama}} "
                "agar nomornya selalu nomor di laporan ini."
            )
        )
    if kode is not None:
        for pola, ukuran in ((_REALISASI, "realisasi"), (_CAPAIAN, "capaian")):
            dihitung = nilai.get(f"{kode}.{ukuran}")
            if dihitung is None or dihitung == "–":
                continue
            for m in pola.finditer(polos):
                tertulis = _nilai_teks(m.group(1))
                if tertulis is not None and not _sama(tertulis, dihitung):
                    temuan.append(
                        Temuan(
                            f"{kode}: {ukuran} ditulis {m.group(1)}, hasil hitung {dihitung}; "
                            f"tulis {{{kode}.{ukuran}}}."
                        )
                    )
    temuan.extend(_titik_dua_kosong(teks))
    return temuan


_BUTIR = re.compile(r"^\s*(?:[-•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


def _titik_dua_kosong(teks: str) -> list[Temuan]:
    """A line that ends with a colon and is followed by no list (the end of the text, or a
    paragraph of prose): what it announced is missing."""
    potongan = [
        [b for b in p.splitlines() if b.strip()] for p in re.split(r"\n\s*\n", teks.strip())
    ]
    potongan = [p for p in potongan if p]
    temuan = []
    for i, baris in enumerate(potongan):
        for j, b in enumerate(baris):
            if not b.rstrip().endswith(":"):
                continue
            berikut = (
                baris[j + 1]
                if j + 1 < len(baris)
                else (potongan[i + 1][0] if i + 1 < len(potongan) else None)
            )
            if berikut is None or not _BUTIR.match(berikut):
                kalimat = b.strip()[-60:]
                temuan.append(Temuan(f"Kalimat “…{kalimat}” diakhiri titik dua tanpa rincian."))
    return temuan
