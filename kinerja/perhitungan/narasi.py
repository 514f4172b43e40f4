"""What a narrative states, checked against the computed figures: a realisasi or capaian typed
in plain text that is not the computed one, an unknown reference, a table or figure cited by
a typed number, a sentence ending in a colon with nothing after it. Pure: the text and the
figures in, the findings out. A narrative names its figures and tables instead
({III.2.realisasi}, {tabel:capaian_renstra}); laporan.dokumen resolves the names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# {III.2.realisasi}, {anggaran.pagu}, {tabel:renstra}, {gambar:pnbp}
RUJUKAN = re.compile(r"\{([A-Za-z0-9_.:\-]+)\}")


@dataclass(frozen=True)
class Temuan:
    """Something a narrative states that the report cannot print as it is."""

    pesan: str


# A number as written in Indonesian text: 363; 363,80; 7.276,00; also the English slips
# the source reports contain (7,260 for 7.260).
_ANGKA = r"(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
# "realisasi indikator (ini) (sebesar|mencapai|adalah|yaitu) 363 persen": the line's own
# realisasi named as such (a bare "realisasi 50%" is the progress of a quarter, or another
# year's, and is not judged)
_REALISASI = re.compile(
    r"(?<!capaian )\brealisasi\s+(?:indikator|kinerja)(?:\s+ini)?\s+"
    r"(?:sebesar|mencapai|adalah|yaitu)?\s*" + _ANGKA,
    re.IGNORECASE,
)
# "capaian (realisasi|kinerja|indikator ini) (sebesar|mencapai|adalah) 7,260 persen"
_CAPAIAN = re.compile(
    r"\bcapaian(?:\s+(?:realisasi|kinerja|indikator)(?:\s+ini)?)?\s+"
    r"(?:sebesar|mencapai|adalah|yaitu)\s*" + _ANGKA + r"\s*(?:persen|%)",
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
    is. In a text that is not a line's (a report section), a sentence that names one PK line
    by its code ("Pada Indikator Kinerja III.2, realisasi indikator ...") is judged against
    that line."""
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
        temuan.extend(_angka_baris(polos, nilai, kode))
    else:
        baris = {k.rpartition(".")[0] for k in nilai}  # the lines the figures know
        for kalimat in _KALIMAT.split(polos):
            disebut = set(_KODE_BARIS.findall(kalimat)) & baris
            if len(disebut) == 1:
                temuan.extend(_angka_baris(kalimat, nilai, disebut.pop()))
    temuan.extend(_titik_dua_kosong(teks))
    return temuan


# A sentence ends at ".", "!" or "?" before a capital letter, or at the end of a line (a list
# item); "TA. 2023" and "Rp. 518.891.250" do not end one.
_KALIMAT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n")
# A PK line's code: III.2, VIII.1.
_KODE_BARIS = re.compile(r"\b([IVX]+\.\d+)\b")


def _angka_baris(teks: str, nilai: Mapping[str, str], kode: str) -> list[Temuan]:
    """The realisasi and capaian of the line `kode` that `teks` states and that are not the
    computed ones."""
    temuan = []
    # A number that is one of the line's figures (its progress, its target...) is right;
    # otherwise it is compared with the figure it names.
    angka_baris = [v for k, v in nilai.items() if k.startswith(f"{kode}.")]
    for pola, ukuran in ((_REALISASI, "realisasi"), (_CAPAIAN, "capaian")):
        dihitung = nilai.get(f"{kode}.{ukuran}")
        if dihitung is None or dihitung == "–":
            continue
        for m in pola.finditer(teks):
            tertulis = _nilai_teks(m.group(1))
            if tertulis is None or any(_sama(tertulis, v) for v in angka_baris):
                continue
            temuan.append(
                Temuan(
                    f"{kode}: {ukuran} ditulis {m.group(1)}, hasil hitung {dihitung}; "
                    f"tulis {{{kode}.{ukuran}}}."
                )
            )
    return temuan


# A table or a picture placed on its own line: "[[tabel:pelanggan]]", "[[gambar:smart_dja]]".
_TEMPAT = re.compile(r"\[\[(?:tabel|gambar):[a-z0-9_-]+\]\]")
_BUTIR = re.compile(r"^\s*(?:[-•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")


def _titik_dua_kosong(teks: str) -> list[Temuan]:
    """A line that ends with a colon and is followed by no list (the end of the text, or a
    paragraph of prose): what it announced is missing."""
    potongan = [
        [b for b in p.splitlines() if b.strip()] for p in re.split(r"\n\s*\n", teks.strip())
    ]
    potongan = [p for p in potongan if p]
    temuan = []
    semua = [b for p in potongan for b in p]
    for i, b in enumerate(semua):
        if not b.rstrip().endswith(":"):
            continue
        berikut = semua[i + 1] if i + 1 < len(semua) else None
        # A list follows; a sub-heading that itself announces what follows; or a table or a
        # picture placed there ("[[tabel:kunci]]", "[[gambar:kunci]]" on its own line).
        if berikut is not None and (
            _BUTIR.match(berikut)
            or berikut.rstrip().endswith(":")
            or _TEMPAT.fullmatch(berikut.strip())
        ):
            continue
        temuan.append(Temuan(f"Kalimat “…{b.strip()[-60:]}” diakhiri titik dua tanpa rincian."))
    return temuan
