"""A simulated Perjanjian Kinerja: the agreement signed by the satker's head with the head
of BSKJI, its sasaran I..VIII and lines from the indicator manual, the Rencana Aksi of the
four quarters, and the quarterly measurements of the quarters the satker has filled."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja.formatting import format_desimal_ringkas
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    SasaranKegiatan,
)
from kinerja.simulasi import teks
from kinerja.simulasi.acak import acak_desimal, batasi, tanggal_acak
from kinerja.simulasi.indikator import JUMLAH, SASARAN, ProfilBaris
from kinerja.simulasi.konteks import Keluaran, KonteksSatker
from kinerja.simulasi.siklus import DRAF, TERLAMBAT

D = Decimal
CATATAN_SIMULASI = "Data simulasi (manage.py buat_simulasi), bukan data nyata satker."


def buat_pk(
    ctx: KonteksSatker,
    *,
    pihak_pertama: tuple[str, str],
    pihak_kedua: tuple[str, str],
    total_anggaran: int,
) -> PerjanjianKinerja:
    """The PK signed in Jakarta in January or February; its total is the DIPA pagu."""
    tahun = ctx.tahun
    return ctx.bundel.tambah(
        PerjanjianKinerja(
            satker=ctx.satker,
            tahun=tahun,
            revisi=0,
            tempat="Jakarta",
            tanggal=tanggal_acak(ctx.rng, datetime.date(tahun, 1, 5), datetime.date(tahun, 2, 28)),
            pihak_pertama_nama=pihak_pertama[0],
            pihak_pertama_jabatan=pihak_pertama[1],
            pihak_kedua_nama=pihak_kedua[0],
            pihak_kedua_jabatan=pihak_kedua[1],
            total_anggaran=total_anggaran,
            catatan=CATATAN_SIMULASI,
        )
    )


def buat_baris(
    ctx: KonteksSatker,
    pk: PerjanjianKinerja,
    profil: list[ProfilBaris],
    manual: dict[str, IndikatorKinerja],
) -> list[IndikatorPerjanjian]:
    """Sasaran numbered I..VIII in the order of the real PKs, lines numbered within their
    sasaran (III.1, III.2 ...), named and measured as the manual says."""
    sasaran: dict[int, SasaranKegiatan] = {}
    lines = []
    for p in profil:
        nomor_sasaran = p.spek.sasaran
        if nomor_sasaran not in sasaran:
            sasaran[nomor_sasaran] = ctx.bundel.tambah(
                SasaranKegiatan(
                    perjanjian=pk, nomor=len(sasaran) + 1, uraian=SASARAN[nomor_sasaran]
                )
            )
        s = sasaran[nomor_sasaran]
        nomor = sum(1 for line in lines if line.sasaran is s) + 1
        manual_ = manual[p.kode]
        lines.append(
            ctx.bundel.tambah(
                IndikatorPerjanjian(
                    sasaran=s,
                    nomor=nomor,
                    uraian=manual_.nama,
                    indikator=manual_,
                    target=p.target,
                    satuan=manual_.satuan,
                )
            )
        )
    return lines


def buat_rencana_aksi(ctx: KonteksSatker, line: IndikatorPerjanjian, p: ProfilBaris) -> None:
    for q, target_antara in enumerate(p.target_antara, start=1):
        ctx.bundel.tambah(
            RencanaAksi(
                indikator=line,
                triwulan=q,
                target_antara=target_antara,
                rencana_kegiatan=teks.rencana_kegiatan(p.kode, q),
            )
        )


def buat_realisasi(
    ctx: KonteksSatker,
    line: IndikatorPerjanjian,
    p: ProfilBaris,
    data: Keluaran | None,
    keadaan: tuple[str, ...],
    kelengkapan_draf: float,
) -> None:
    """The measurement of every quarter the satker has filled: progress, the value reported
    (the one its supporting data give; a summed indicator's own quarter count), activities,
    and obstacles with follow-up where the line is behind. A draft is partly filled."""
    rng = ctx.rng
    for q in (1, 2, 3, 4):
        if keadaan[q - 1] == TERLAMBAT:
            continue
        draf = keadaan[q - 1] == DRAF
        if draf and rng.random() >= kelengkapan_draf:
            continue
        nilai, kumulatif = _nilai(ctx, p, data, q)
        target_antara = p.target_antara[q - 1]
        realisasi_antara = p.realisasi_antara[q - 1]
        tertinggal = realisasi_antara < target_antara or (
            q == 4 and kumulatif is not None and kumulatif < p.target
        )
        if tertinggal:
            kendala, tindak_lanjut = teks.kendala(rng, p.kode)
        else:
            kendala = teks.TANPA_KENDALA
            tindak_lanjut = teks.LANJUT_TAHUN_DEPAN if q == 4 else teks.LANJUT_SESUAI_RENCANA
        belum_lengkap = draf and rng.random() < 0.3
        uraian_data = data.uraian[q - 1] if data else ""
        mitra = ctx.rng.choice(sorted(ctx.nama_dipakai)) if ctx.nama_dipakai else None
        ctx.bundel.tambah(
            RealisasiTriwulan(
                indikator=line,
                triwulan=q,
                realisasi_antara=realisasi_antara,
                nilai_realisasi=None if belum_lengkap else nilai,
                kegiatan="" if belum_lengkap else teks.kegiatan(rng, p.kode, q, mitra, uraian_data),
                analisis=teks.analisis(
                    q,
                    ctx.tahun,
                    format_desimal_ringkas(target_antara),
                    format_desimal_ringkas(realisasi_antara),
                    tertinggal,
                ),
                kendala=kendala,
                tindak_lanjut=tindak_lanjut,
                rekomendasi=teks.rekomendasi(tertinggal),
            )
        )


def _nilai(
    ctx: KonteksSatker, p: ProfilBaris, data: Keluaran | None, q: int
) -> tuple[D | None, D | None]:
    """(the value reported for quarter q, the cumulative value it stands for)."""
    if data is None:
        # Entered directly (no supporting data): the latest value of the year to date.
        selisih = D(0) if q == 4 else acak_desimal(ctx.rng, "-0.10", "0.05")
        nilai = p.nilai_akhir + selisih
        if p.spek.maks is not None:
            nilai = batasi(nilai, 0, p.spek.maks)
        return nilai, nilai
    if p.spek.jenis == JUMLAH and data.laporan is not None:
        # The quarters are summed: each reports its own count; without any listed item the
        # realisasi is the sum of what was reported.
        kumulatif = data.nilai[q - 1]
        if kumulatif is None:
            kumulatif = sum((n for n in data.laporan[:q] if n is not None), D(0))
        return data.laporan[q - 1], kumulatif
    return data.nilai[q - 1], data.nilai[q - 1]
