"""One satker's simulated year, put together in order: its states per quarter (they decide
how far its data go), its PK lines and how each should end, the supporting data that
produce those figures, the measurements, the budget, and the reports of the cycle."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from kinerja.choices import DataDukung
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    NilaiLaporanKeuangan,
    NilaiSakip,
)
from kinerja.perhitungan.dasar import Pembulatan
from kinerja.simulasi import (
    anggaran,
    dukung_baris,
    dukung_indeks,
    dukung_layanan,
    dukung_skor,
    indikator,
    perjanjian,
    siklus,
)
from kinerja.simulasi.acak import acak_desimal, rng_satker
from kinerja.simulasi.identitas import nama_kepala
from kinerja.simulasi.konteks import Keluaran, KonteksSatker
from kinerja.simulasi.simpan import Bundel
from satker.choices import JenisSatker
from satker.models import Satker

# The supporting data each manual indicator is computed from, as the manual fixture says;
# the service refuses to run if the loaded manual says otherwise.
DATA_DUKUNG = {
    "T3/SP1/c": DataDukung.PENGUKURAN_PERUSAHAAN,
    "T1/SP2/b": DataDukung.BUTIR_CAPAIAN,
    "T1/SP2/c": DataDukung.TIDAK_ADA,
    "T1/SP2/d": DataDukung.BUTIR_CAPAIAN,
    "T1/SP2/e": DataDukung.TIDAK_ADA,
    "T1/SP3/c": DataDukung.PENGUKURAN_PERUSAHAAN,
    "T1/SP3/e": DataDukung.PNBP_LAYANAN,
    "T1/SP3/f": DataDukung.HASIL_LAYANAN,
    "T1/SP3/d": DataDukung.BELANJA_PDN,
    "T4/SP6/b": DataDukung.REKOMENDASI_AUDIT,
    "T2/SP5/b": DataDukung.SURVEI_KEPUASAN,
    "T4/SP7/a": DataDukung.PROFESIONALITAS_ASN,
    "T4/SP8/c": DataDukung.LAYANAN_PUBLIK,
    "T4/SP9/a": DataDukung.NILAI_SAKIP,
    "T4/SP9/b": DataDukung.NILAI_LAPORAN_KEUANGAN,
}


@dataclass(frozen=True)
class Bersama:
    """What every satker of a run shares, read once."""

    tahun: int
    seed: int
    manual: dict[str, IndikatorKinerja]
    pihak_kedua: tuple[str, str]
    kalender: siklus.Kalender
    pembulatan: Pembulatan
    sakip_ada: dict[int, NilaiSakip]
    lk_ada: dict[int, NilaiLaporanKeuangan]
    pnbp_lalu: dict[int, dict[datetime.date, int]]
    hasil_lalu: dict[int, dict[datetime.date, int]]


def susun_satker(b: Bersama, satker: Satker, urutan: int, bundel: Bundel) -> tuple[str, ...]:
    """Add one satker's simulated year to `bundel`; return its state per quarter. `urutan`
    is the satker's stable place (roster order, or its number) in the deal of quarter IV's
    states."""
    rng = rng_satker(b.seed, b.tahun, satker.nama)
    besar = satker.jenis == JenisSatker.BALAI_BESAR
    dek = siklus.dek_tw4(b.seed, b.tahun)
    keadaan = siklus.rancang_keadaan(rng, dek[urutan % len(dek)])
    terisi = [q for q, k in enumerate(keadaan, start=1) if k != siklus.TERLAMBAT]
    ctx = KonteksSatker(
        rng=rng,
        satker=satker,
        tahun=b.tahun,
        besar=besar,
        pembulatan=b.pembulatan,
        terisi=frozenset(terisi),
        bundel=bundel,
    )
    w = indikator.watak(rng)
    tetap = _skor_tercatat(b, ctx)
    profil = [
        indikator.profil(rng, s, besar, w, tetap.get(s.kode))
        for s in indikator.pilih_spek(rng, b.tahun, besar)
    ]
    pa = anggaran.profil_anggaran(rng, besar)

    kepala = (
        satker.kepala_nama or nama_kepala(rng),
        satker.kepala_jabatan or f"Kepala {satker.nama}",
    )
    pk = perjanjian.buat_pk(
        ctx, pihak_pertama=kepala, pihak_kedua=b.pihak_kedua, total_anggaran=pa.pagu
    )
    lines = perjanjian.buat_baris(ctx, pk, profil, b.manual)

    data = {}
    for p, line in zip(profil, lines, strict=True):
        data[p.kode] = _data_dukung(b, ctx, p, line, pa)
    target_pnbp = _target_pnbp(profil, data)

    kelengkapan_draf = float(acak_desimal(rng, "0.4", "0.9"))
    for p, line in zip(profil, lines, strict=True):
        perjanjian.buat_rencana_aksi(ctx, line, p)
        perjanjian.buat_realisasi(ctx, line, p, data[p.kode], keadaan, kelengkapan_draf)

    anggaran.buat_dipa(ctx, pa, target_pnbp)
    pohon = anggaran.buat_pohon(ctx, pa)
    triwulan_anggaran = [q for q in terisi if keadaan[q - 1] != siklus.DRAF or rng.random() < 0.5]
    anggaran.buat_progres(ctx, pohon, pa, triwulan_anggaran)
    anggaran.tautkan_indikator(
        ctx, pohon, [(p.kode, line) for p, line in zip(profil, lines, strict=True)]
    )

    for q, k in enumerate(keadaan, start=1):
        siklus.buat_pelaporan(ctx, b.kalender, q, k, lines)
    return keadaan


def _data_dukung(
    b: Bersama,
    ctx: KonteksSatker,
    p: indikator.ProfilBaris,
    line: IndikatorPerjanjian,
    pa: anggaran.ProfilAnggaran,
) -> Keluaran | None:
    """The supporting data of the line's manual indicator; None for one entered directly."""
    sumber = DATA_DUKUNG[p.kode]
    v = p.nilai_akhir
    sid = ctx.satker.pk
    if sumber == DataDukung.PENGUKURAN_PERUSAHAAN:
        return dukung_baris.pengukuran(ctx, line, p.kode, v)
    if sumber == DataDukung.BUTIR_CAPAIAN:
        return dukung_baris.butir_capaian(ctx, line, p.kode, int(v))
    if sumber == DataDukung.PNBP_LAYANAN:
        return dukung_layanan.pnbp(ctx, v, b.pnbp_lalu.get(sid, {}))
    if sumber == DataDukung.HASIL_LAYANAN:
        return dukung_layanan.hasil_layanan(ctx, v, b.hasil_lalu.get(sid, {}))
    if sumber == DataDukung.BELANJA_PDN:
        return dukung_layanan.belanja_pdn(ctx, v, pa.pagu, list(pa.serapan))
    if sumber == DataDukung.SURVEI_KEPUASAN:
        return dukung_indeks.survei(ctx, v)
    if sumber == DataDukung.PROFESIONALITAS_ASN:
        return dukung_indeks.profesionalitas(ctx, v)
    if sumber == DataDukung.LAYANAN_PUBLIK:
        return dukung_indeks.layanan_publik(ctx, v)
    if sumber == DataDukung.REKOMENDASI_AUDIT:
        return dukung_skor.rekomendasi_audit(ctx, v)
    if sumber == DataDukung.NILAI_SAKIP:
        return dukung_skor.nilai_sakip(ctx, v, b.sakip_ada.get(sid))
    if sumber == DataDukung.NILAI_LAPORAN_KEUANGAN:
        return dukung_skor.nilai_laporan_keuangan(ctx, v, b.lk_ada.get(sid))
    return None


def _skor_tercatat(b: Bersama, ctx: KonteksSatker) -> dict[str, Decimal]:
    """The year's external scores a satker already has (the roster's real 2023 SAKIP and
    financial-report scores): its lines end at them."""
    tetap = {}
    if (sakip := b.sakip_ada.get(ctx.satker.pk)) is not None:
        tetap["T4/SP9/a"] = dukung_skor.total_sakip(sakip, ctx.pembulatan)
    if (lk := b.lk_ada.get(ctx.satker.pk)) is not None:
        tetap["T4/SP9/b"] = dukung_skor.nilai_lk(lk, ctx.pembulatan)
    return tetap


def _target_pnbp(profil: list[indikator.ProfilBaris], data: dict) -> int:
    """The DIPA's PNBP target: last year's service receipts grown by the PK's target, in
    whole millions."""
    for p in profil:
        if p.kode == "T1/SP3/e" and data[p.kode] is not None:
            lalu = data[p.kode].info["tahun_lalu"]
            return int(Decimal(lalu) * (1 + p.target / 100)) // 1_000_000 * 1_000_000
    return 0
