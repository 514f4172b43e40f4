"""The figures a narrative may name ({III.2.realisasi}, {anggaran.realisasi}, {pnbp.persen})
with the values a report prints for them, and what the check of a satker's narratives finds
(kinerja.perhitungan.narasi): for the entry pages, the quarter's completeness and the
reviewer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from kinerja.choices import JenisPnbp
from kinerja.formatting import format_angka, format_rupiah
from kinerja.models import IndikatorPerjanjian, RingkasanAnggaran
from kinerja.perhitungan import HasilBaris, Status, akhir_triwulan
from kinerja.perhitungan import anggaran as pa
from kinerja.perhitungan.dasar import Hasil, ringkas
from kinerja.perhitungan.narasi import periksa_narasi
from kinerja.perhitungan.serial import hasil_dari_dict
from kinerja.selectors.anggaran import (
    PnbpTahun,
    efisiensi_indikator,
    pnbp_per_tahun,
    rata_rata_efisiensi,
)
from kinerja.selectors.capaian import konfigurasi
from kinerja.selectors.tabel_sumber import anggaran_per_tahun

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
    the service fees among them, {pnbp.layanan}, and their {pnbp.layanan_persen} of the
    target (as the LAKIP's table of PNBP against its target prints them); and the receipts of
    each kind as the tables per kind print them, {pnbp.konsultansi}, {pnbp.penjualan_aset}
    (JenisPnbp). "–" where there is no figure."""
    nilai = {
        "pnbp.target": format_rupiah(pnbp.target) if pnbp.target else KOSONG,
        "pnbp.realisasi": format_rupiah(pnbp.total) if pnbp.total else KOSONG,
        "pnbp.persen": pnbp.persen_total.tampil if pnbp.total else KOSONG,
        "pnbp.layanan": format_rupiah(pnbp.layanan) if pnbp.layanan else KOSONG,
        "pnbp.layanan_persen": pnbp.persen_layanan.tampil if pnbp.layanan else KOSONG,
    }
    for jenis in JenisPnbp.values:
        jumlah = pnbp.per_jenis.get(jenis)
        nilai[f"pnbp.{jenis}"] = format_rupiah(jumlah) if jumlah else KOSONG
    return nilai


def nilai_status(hasil: Iterable[HasilBaris]) -> dict:
    """How the PK's lines stand in the period, as the report's closing summary counts them:
    {pk.indikator} lines, of which {pk.tercapai} reach their target (of the quarter, for a
    quarter), {pk.perlu_perhatian} need attention, {pk.tidak_tercapai} are below it and
    {pk.belum_dinilai} cannot be judged yet."""
    status = [h.status for h in hasil]
    return {
        "pk.indikator": str(len(status)),
        "pk.tercapai": str(status.count(Status.TERCAPAI)),
        "pk.perlu_perhatian": str(status.count(Status.PERLU_PERHATIAN)),
        "pk.tidak_tercapai": str(status.count(Status.TIDAK_TERCAPAI)),
        "pk.belum_dinilai": str(status.count(Status.TIDAK_DAPAT_DINILAI)),
    }


def nilai_efisiensi(
    lines: Sequence[IndikatorPerjanjian], hasil: Mapping[int, HasilBaris]
) -> dict[str, str]:
    """The year's efficiency as the LAKIP's efficiency table prints it: each line's
    {kode.ibt} and {kode.ibr} (rupiah per unit of the target and of the realisation, without
    "Rp") and {kode.efisiensi} (%), and the mean efficiency of all lines,
    {efisiensi.rata_rata}, and of the IKU lines, {efisiensi.rata_rata_iku}; "–" where it
    cannot be computed (a line no budget supports)."""
    lines = list(lines)
    prefetch_related_objects(lines, "anggaran")
    daftar = efisiensi_indikator(lines, {hasil[x.pk].kode: hasil[x.pk] for x in lines})
    nilai: dict[str, str] = {}
    for e in daftar:
        kode = e.baris.kode
        nilai[f"{kode}.ibt"] = e.efisiensi.ibt.tampil
        nilai[f"{kode}.ibr"] = e.efisiensi.ibr.tampil
        nilai[f"{kode}.efisiensi"] = e.efisiensi.efisiensi.tampil
    nilai["efisiensi.rata_rata"] = rata_rata_efisiensi(daftar).tampil
    nilai["efisiensi.rata_rata_iku"] = rata_rata_efisiensi(daftar, iku=True).tampil
    return nilai


def nilai_anggaran_tahunan(satker_id: int, tahun: int) -> dict[str, str]:
    """The budget of the year and the four before as the LAKIP's table of its development
    prints it: {anggaran.2022.pagu}, {anggaran.2022.realisasi}, {anggaran.2022.persen} (of
    the pagu) for every year the application holds; and {anggaran.kenaikan}, the change of
    the year's percentage against the year before's, in points, as the two printed
    percentages give it (negative for a fall). "–" where there is no figure."""
    p = konfigurasi().pembulatan
    nilai: dict[str, str] = {}
    persen: dict[int, Hasil] = {}
    for a in anggaran_per_tahun(satker_id, tahun):
        persen[a.tahun] = pa.persen_terhadap(a.realisasi, a.pagu, pembulatan=p)
        nilai[f"anggaran.{a.tahun}.pagu"] = format_rupiah(a.pagu) if a.pagu else KOSONG
        nilai[f"anggaran.{a.tahun}.realisasi"] = (
            KOSONG if a.realisasi is None else format_rupiah(a.realisasi)
        )
        nilai[f"anggaran.{a.tahun}.persen"] = persen[a.tahun].tampil
    ini, lalu = persen.get(tahun), persen.get(tahun - 1)
    nilai["anggaran.kenaikan"] = (
        format_angka(ini.nilai - lalu.nilai, max(ini.desimal or 0, lalu.desimal or 0))
        if ini is not None and lalu is not None and ini.dapat_dihitung and lalu.dapat_dihitung
        else KOSONG
    )
    return nilai


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
    as stored, the PNBP received up to that end against the year's target, as the PP-39's
    conclusion computes it, and how many lines reach their target; for the year (`triwulan`
    None) also the efficiency and the earlier years' budget the LAKIP tabulates. Every name
    is there; a figure that cannot be computed is "–"."""
    lines = list(lines)
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
    nilai |= nilai_status(hasil[x.pk] for x in lines)
    if triwulan is None:
        # What only the LAKIP tabulates: the year's efficiency and the earlier years' budget.
        nilai |= nilai_efisiensi(lines, hasil)
        nilai |= nilai_anggaran_tahunan(satker_id, tahun)
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


RUANG_NARASI_TAHUN = (
    ("hasil", "hasil yang telah dicapai"),
    ("analisis_capaian", "analisis capaian kinerja"),
    ("perbandingan", "perbandingan dengan tahun sebelumnya"),
    ("analisis_penyebab", "penyebab keberhasilan/kegagalan"),
    ("analisis_efisiensi", "efisiensi penggunaan sumber daya"),
    ("kegiatan_penunjang", "kegiatan yang menunjang"),
    ("kendala", "kendala"),
    ("rekomendasi", "rekomendasi"),
)


def temuan_tahun(
    satker_id: int,
    tahun: int,
    lines: Sequence[IndikatorPerjanjian],
    hasil: Mapping[int, HasilBaris],
) -> list[TemuanNarasi]:
    """What the year's texts state that the LAKIP cannot print: each line's narrative of Bab
    III (NarasiIndikator), in PK order, then the LAKIP's narrative sections in the report's
    order, each checked against the year's figures as the LAKIP names them."""
    from kinerja.models import NarasiIndikator
    from laporan.choices import LAKIP_BAGIAN, BagianNarasi
    from laporan.models import NarasiLaporan

    nilai = nilai_satker(satker_id, tahun, None, lines, hasil)
    narasi = {n.indikator_id: n for n in NarasiIndikator.objects.filter(indikator__in=lines)}
    temuan = []
    for line in lines:
        n = narasi.get(line.pk)
        if n is None:
            continue
        for field, label in RUANG_NARASI_TAHUN:
            for t in periksa_narasi(getattr(n, field), nilai=nilai, kode=line.kode):
                temuan.append(TemuanNarasi(line.kode, label, t.pesan))
    bagian = dict(
        NarasiLaporan.objects.filter(
            satker_id=satker_id, jenis="lakip", tahun=tahun, triwulan__isnull=True
        ).values_list("bagian", "teks")
    )
    for kunci in LAKIP_BAGIAN:
        for t in periksa_narasi(bagian.get(kunci, ""), nilai=nilai):
            temuan.append(TemuanNarasi("", BagianNarasi(kunci).label, t.pesan))
    return temuan


def nilai_periode(satker_id: int, tahun: int, triwulan: int | None, lines) -> dict[str, str]:
    """The values a narrative of the satker's quarter (or year, `triwulan` None) may name,
    for lines read by `siklus.lines_satker` (their stored figures: one query more)."""
    from kinerja.selectors.capaian import hitung_capaian

    lines = list(lines)
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, triwulan), strict=True))
    return nilai_satker(satker_id, tahun, triwulan, lines, hasil)
