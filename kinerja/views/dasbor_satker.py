"""A satker's dashboard: what to do now (the open quarter, its deadline, what is missing, the
reviewer's notes), each indicator with its trend and year-end forecast, and the budget against
the disbursement plan. The landing page of the satker's staff; a reviewer sees the same."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from kinerja import selectors, siklus
from kinerja.formatting import romawi
from kinerja.models import CatatanReviu, PelaporanTriwulan, StatusPelaporan
from kinerja.perhitungan.serial import hasil_dari_dict
from kinerja.selectors import dasbor as sd
from kinerja.selectors import dasbor_satker as sds
from kinerja.selectors.capaian import hitung_capaian, konfigurasi
from kinerja.views.akses import satker_terlihat
from kinerja.views.parameter import TAHUN_VALID, int_param
from laporan.dokumen import Grafik, Seri
from laporan.render import grafik


@login_required
def satker_dasbor(request: HttpRequest, pk: int) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    daftar_tahun = selectors.tahun_pk_satker(satker)
    hari_ini = timezone.localdate()
    tahun = int_param(
        request, "tahun", daftar_tahun[0] if daftar_tahun else hari_ini.year, TAHUN_VALID
    )
    dibuka = sd.triwulan_dibuka(tahun)
    lines = siklus.lines_satker(satker, tahun)
    terakhir = max((r.triwulan for x in lines for r in x.realisasi.all()), default=1)
    triwulan = int_param(request, "triwulan", dibuka or terakhir, range(1, 5))
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, triwulan), strict=True))
    # The trend stops at the quarter shown: later quarters have not been reported yet.
    deret = {
        k: [h if tw <= triwulan else None for tw, h in enumerate(v, start=1)]
        for k, v in sds.deret_capaian(satker.pk, tahun).items()
    }
    prakiraan = sds.prakiraan_indikator(satker.pk, tahun, triwulan)
    ambang = konfigurasi().ambang.tercapai
    kartu = [
        {
            "line": x,
            "hasil": hasil[x.pk],
            "prakiraan": prakiraan.get(x.pk),
            "garis": mark_safe(
                grafik.garis_kecil(
                    [h.nilai if h else None for h in deret.get(x.pk, [None] * 4)],
                    judul=f"Capaian {x.kode} per triwulan",
                    lebar=120,
                    tinggi=30,
                    garis_acuan=ambang,
                )
            ),
            "deret": deret.get(x.pk, [None] * 4),
        }
        for x in lines
    ]
    anggaran = sds.anggaran_per_triwulan(satker.pk, tahun)
    context = {
        "satker": satker,
        "tahun": tahun,
        "daftar_tahun": daftar_tahun,
        "triwulan": triwulan,
        "bagian": "dasbor",
        "tugas": _tugas(
            satker, tahun, dibuka, lines, hasil if dibuka == triwulan else None, hari_ini
        ),
        "kartu": kartu,
        "meleset": sum(1 for k in kartu if k["prakiraan"] and k["prakiraan"]["meleset"]),
        "anggaran": anggaran,
        "anggaran_tw": anggaran[triwulan - 1],
        "angka_anggaran": _angka_anggaran(anggaran[triwulan - 1]),
        "grafik_anggaran": mark_safe(grafik.svg(_grafik_anggaran(anggaran), lebar=560, tinggi=260)),
        "boleh": siklus.boleh_mengisi(request.user, satker),
        "daftar_triwulan": [(t, f"TW {romawi(t)}") for t in (1, 2, 3, 4)],
    }
    return render(request, "kinerja/satker_dasbor.html", context)


def _tugas(satker, tahun, dibuka, lines, hasil, hari_ini) -> sds.TugasTriwulan | None:
    """The open quarter's to-do list, or None when no period is open."""
    if dibuka is None:
        return None
    [status] = [
        st for st in sd.papan_pelaporan([satker.pk], tahun, hari_ini)[satker.pk]
        if st.triwulan == dibuka
    ]  # fmt: skip
    kekurangan, catatan = [], []
    if status.status not in sd.MASUK and lines:
        kekurangan = siklus.kelengkapan(satker, tahun, dibuka, lines=lines, hasil=hasil)
    if status.status == StatusPelaporan.DIKEMBALIKAN:
        lap = PelaporanTriwulan.objects.get(satker=satker, tahun=tahun, triwulan=dibuka)
        catatan = list(
            CatatanReviu.objects.filter(pelaporan=lap, diselesaikan__isnull=True)
            .select_related("indikator__sasaran", "oleh")
            .order_by("dibuat")
        )
    return sds.TugasTriwulan(status=status, kekurangan=kekurangan, catatan=catatan)


def _angka_anggaran(r) -> dict | None:
    """The quarter's budget figures with the digits and working they were computed with."""
    if r is None:
        return None
    return {k: hasil_dari_dict(r.data[k]) for k in ("realisasi", "rencana", "deviasi", "prakiraan")}


def _grafik_anggaran(anggaran: list) -> Grafik:
    def nilai(r, nama):
        return None if r is None else hasil_dari_dict(r.data[nama]).nilai

    return Grafik(
        judul="Penyerapan anggaran terhadap rencana penarikan dana",
        kategori=[f"TW {romawi(tw)}" for tw in (1, 2, 3, 4)],
        seri=[
            Seri("Rencana penarikan (%)", [nilai(r, "rencana") for r in anggaran]),
            Seri("Realisasi anggaran (%)", [nilai(r, "realisasi") for r in anggaran]),
            Seri("Progres fisik (%)", [nilai(r, "fisik") for r in anggaran]),
        ],
        satuan="%",
        jenis="batang",
    )
