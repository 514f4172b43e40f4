"""The figures a narrative may name ({III.2.realisasi}, {anggaran.realisasi}, {pnbp.persen})
with the values a report prints for them, and what the check of a satker's narratives finds
(kinerja.perhitungan.narasi): for the entry pages, the quarter's completeness and the
reviewer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kinerja.formatting import format_angka, format_rupiah
from kinerja.models import IndikatorPerjanjian, RingkasanAnggaran
from kinerja.perhitungan import HasilBaris, akhir_triwulan
from kinerja.perhitungan.dasar import ringkas
from kinerja.perhitungan.narasi import periksa_narasi
from kinerja.perhitungan.serial import hasil_dari_dict
from kinerja.selectors.anggaran import PnbpTahun, pnbp_per_tahun

# The figures of a PK line a narrative may name, after the line's code: {III.2.realisasi}.
UKURAN_BARIS = (
    "target", "satuan", "realisasi", "capaian", "status", "target_antara",
    "realisasi_antara", "capaian_antara",
)  # fmt: skip


# What a named figure prints when it cannot be computed (a part not entered): the name is
# still known, so the check does not call it unknown; the completeness check reports the gap.
KOSONG = "–"


def _angka(nilai) -> str:
    return KOSONG if nilai is None else format_angka(ringkas(nilai))


def nilai_baris(lines: Iterable[IndikatorPerjanjian], hasil: Mapping[int, HasilBaris]) -> dict:
    """{kode}.{ukuran} → the figure as the report prints it, for every line and every
    ukuran ("–" where it cannot be computed)."""
    nilai: dict[str, str] = {}
    for line in lines:
        h, kode = hasil[line.pk], line.kode
        nilai[f"{kode}.target"] = format_angka(ringkas(line.target))
        nilai[f"{kode}.satuan"] = line.get_satuan_display()
        nilai[f"{kode}.realisasi"] = h.realisasi.tampil
        nilai[f"{kode}.capaian"] = h.capaian.tampil
        nilai[f"{kode}.status"] = h.status.label.lower()
        nilai[f"{kode}.target_antara"] = _angka(h.target_antara)
        nilai[f"{kode}.realisasi_antara"] = _angka(h.realisasi_antara)
        nilai[f"{kode}.capaian_antara"] = (
            KOSONG if h.capaian_antara is None else h.capaian_antara.tampil
        )
    return nilai


def nilai_anggaran(
    pagu: int | None,
    realisasi: int | None,
    persen: str | None,
    fisik: str | None = None,
) -> dict:
    """The satker's budget of the period: {anggaran.pagu}, {anggaran.realisasi},
    {anggaran.persen} (of the pagu) and {anggaran.fisik} (physical progress, %); "–" where
    there is no figure."""
    return {
        "anggaran.pagu": KOSONG if pagu is None else format_rupiah(pagu),
        "anggaran.realisasi": KOSONG if realisasi is None else format_rupiah(realisasi),
        "anggaran.persen": KOSONG if persen is None else persen,
        "anggaran.fisik": KOSONG if fisik is None else fisik,
    }


def nilai_pnbp(pnbp: PnbpTahun) -> dict:
    """The PNBP of the period as Bab IV of the PP-39 prints it: {pnbp.target},
    {pnbp.realisasi} (all receipts up to the period's end) and {pnbp.persen} (of the target);
    "–" where there is no figure."""
    return {
        "pnbp.target": format_rupiah(pnbp.target) if pnbp.target else KOSONG,
        "pnbp.realisasi": format_rupiah(pnbp.total) if pnbp.total else KOSONG,
        "pnbp.persen": pnbp.persen_total.tampil if pnbp.total else KOSONG,
    }


def _tampil(data: dict | None) -> str | None:
    if data is None:
        return None
    h = hasil_dari_dict(data)
    return h.tampil if h.dapat_dihitung else None


def nilai_satker(
    satker_id: int,
    tahun: int,
    triwulan: int | None,
    lines: Iterable[IndikatorPerjanjian],
    hasil: Mapping[int, HasilBaris],
) -> dict[str, str]:
    """Every figure a narrative of the satker's period may name: each line's (`hasil`, the
    figures the report prints), the budget at the end of the quarter (the year: the fourth),
    as stored, and the PNBP received up to that end against the year's target, as the
    PP-39's conclusion computes it. Every name is there; a figure that cannot be computed is
    "–"."""
    nilai = nilai_baris(lines, hasil)
    r = RingkasanAnggaran.objects.filter(
        satker_id=satker_id, tahun=tahun, triwulan=triwulan or 4
    ).first()
    nilai |= (
        nilai_anggaran(None, None, None, None)
        if r is None
        else nilai_anggaran(
            r.pagu or None,
            r.realisasi_dilaporkan,
            _tampil(r.data.get("realisasi")),
            _tampil(r.data.get("fisik")),
        )
    )
    akhir = akhir_triwulan(tahun, triwulan) if triwulan else None
    nilai |= nilai_pnbp(pnbp_per_tahun(satker_id, [tahun], sampai=akhir)[0])
    return nilai


# --- what the check finds in a satker's narratives ------------------------------------------


@dataclass(frozen=True)
class TemuanNarasi:
    """A finding of the check (kinerja.perhitungan.narasi) in one text: where it is (the PK
    line's code, or "" for a report section), which text, and what."""

    kode: str
    tempat: str
    pesan: str


RUANG_REALISASI = (
    ("kegiatan", "realisasi kegiatan"),
    ("analisis", "hasil dan analisis capaian"),
    ("kendala", "kendala"),
    ("tindak_lanjut", "tindak lanjut"),
    ("rekomendasi", "rekomendasi"),
)


def temuan_triwulan(
    satker_id: int,
    tahun: int,
    triwulan: int,
    lines: Sequence[IndikatorPerjanjian],
    hasil: Mapping[int, HasilBaris],
) -> list[TemuanNarasi]:
    """What the quarter's texts state that the PP-39 cannot print: each line's measurement
    texts, then the report's narrative sections of the quarter."""
    from laporan.choices import BagianNarasi
    from laporan.models import NarasiLaporan

    nilai = nilai_satker(satker_id, tahun, triwulan, lines, hasil)
    temuan = []
    for line in lines:
        r = next((x for x in line.realisasi.all() if x.triwulan == triwulan), None)
        if r is None:
            continue
        for field, label in RUANG_REALISASI:
            for t in periksa_narasi(getattr(r, field), nilai=nilai, kode=line.kode):
                temuan.append(TemuanNarasi(line.kode, label, t.pesan))
    bagian = NarasiLaporan.objects.filter(
        satker_id=satker_id, jenis="pp39", tahun=tahun, triwulan=triwulan
    ).values_list("bagian", "teks")
    for kunci, teks in bagian:
        for t in periksa_narasi(teks, nilai=nilai):
            temuan.append(TemuanNarasi("", BagianNarasi(kunci).label, t.pesan))
    return temuan


def nilai_periode(satker_id: int, tahun: int, triwulan: int | None, lines) -> dict[str, str]:
    """The values a narrative of the satker's quarter (or year, `triwulan` None) may name,
    for lines read by `siklus.lines_satker` (their stored figures: one query more)."""
    from kinerja.selectors.capaian import hitung_capaian

    lines = list(lines)
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, triwulan), strict=True))
    return nilai_satker(satker_id, tahun, triwulan, lines, hasil)
