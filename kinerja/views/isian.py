"""The year's entry hub, which lists everything a satker fills in for a year besides the
quarterly measurement, and the budget realisation per component at a quarter's end. Every
change is kept in the history; a quarter already submitted or verified refuses changes."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from kinerja import riwayat, siklus
from kinerja.formatting import romawi
from kinerja.forms import AngkaField
from kinerja.models import (
    ItemAnggaran,
    NarasiIndikator,
    PelaporanTriwulan,
    PerjanjianKinerja,
    ProgresAnggaran,
)
from kinerja.views.akses import satker_terlihat, satu_per_satker
from kinerja.views.data_dukung import JENIS_DATA
from kinerja.views.jenis_data import DATA_DUKUNG, TABEL_LAPORAN, jumlah_baris

# --- the hub --------------------------------------------------------------------------------


@login_required
def isian(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    pk_tahun = PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun).first()
    pelaporan = {
        p.triwulan: p for p in PelaporanTriwulan.objects.filter(satker=satker, tahun=tahun)
    }
    triwulan = []
    for tw in (1, 2, 3, 4):
        periode = siklus.periode(tahun, tw)
        triwulan.append(
            {
                "tw": tw,
                "romawi": romawi(tw),
                "lap": pelaporan.get(tw),
                "periode": periode,
                "batas": siklus.batas_untuk(periode, satker) if periode else None,
            }
        )
    jumlah = jumlah_baris(JENIS_DATA, satker, tahun)
    data = {DATA_DUKUNG: [], TABEL_LAPORAN: []}
    for kunci, j in JENIS_DATA.items():
        data[j.kelompok].append({"kunci": kunci, "jenis": j, "jumlah": jumlah[kunci]})
    return render(
        request,
        "kinerja/entri/isian.html",
        {
            "satker": satker,
            "tahun": tahun,
            "pk": pk_tahun,
            "triwulan_list": triwulan,
            "data": data[DATA_DUKUNG],
            "tabel_laporan": data[TABEL_LAPORAN],
            "narasi_terisi": NarasiIndikator.objects.filter(
                indikator__sasaran__perjanjian__satker=satker,
                indikator__sasaran__perjanjian__tahun=tahun,
            ).count(),
            "boleh": siklus.boleh_mengisi(request.user, satker),
            "bagian": "pengisian",
        },
    )


# --- budget realisation at a quarter's end -------------------------------------------------------

PROGRES_FIELDS = (
    "rencana_keuangan",
    "realisasi_keuangan",
    "realisasi_keuangan_rp",
    "rencana_fisik",
    "realisasi_fisik",
)
# Each within what its column holds, never negative (kinerja.batas).
_ANGKA_PROGRES = {
    f: AngkaField.untuk(ProgresAnggaran._meta.get_field(f), required=False) for f in PROGRES_FIELDS
}


@login_required
@satu_per_satker
def realisasi_anggaran(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """The cumulative financial and physical progress, at the quarter's last month, of each
    component the satker reports on (those with progress in the year, else every KRO)."""
    satker = satker_terlihat(request, pk)
    if triwulan not in (1, 2, 3, 4):
        raise Http404
    bulan = 3 * triwulan
    items = list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun, progres__isnull=False)
        .distinct()
        .order_by("urutan")
    ) or list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun, tingkat="kro").order_by("urutan")
    )
    progres = {p.item_id: p for p in ProgresAnggaran.objects.filter(item__in=items, bulan=bulan)}
    terkunci = siklus.alasan_terkunci(request.user, satker, tahun, triwulan)
    sekarang = {
        f"{item.pk}-{f}": riwayat.teks(getattr(progres[item.pk], f)) if item.pk in progres else ""
        for item in items
        for f in PROGRES_FIELDS
    }
    label = {
        f"{item.pk}-{f}": f"{item.kode_lengkap} {f.replace('_', ' ')}"
        for item in items
        for f in PROGRES_FIELDS
    }
    tanda, bentrok = riwayat.tandai(sekarang), ""
    baris, galat_ada = [], False
    for item in items:
        p = progres.get(item.pk)
        nilai = {}
        galat = {}
        for f in PROGRES_FIELDS:
            if request.method == "POST":
                teks = request.POST.get(f"{f}-{item.pk}", "").strip()
                try:
                    v = _ANGKA_PROGRES[f].clean(teks)
                    if v is not None and f != "realisasi_keuangan_rp" and v > 100:
                        raise forms.ValidationError("Persentase 0-100.")
                    if (
                        f == "realisasi_keuangan_rp"
                        and v is not None
                        and v != v.to_integral_value()
                    ):
                        raise forms.ValidationError("Rupiah bulat.")
                    nilai[f] = int(v) if f == "realisasi_keuangan_rp" and v is not None else v
                except forms.ValidationError as exc:
                    galat[f] = exc.messages[0]
                    galat_ada = True
                nilai[f"{f}_teks"] = teks
            else:
                nilai[f"{f}_teks"] = riwayat.teks(getattr(p, f)) if p else ""
        if (
            request.method == "POST"
            and not galat
            and (
                nilai.get("realisasi_keuangan") is not None
                and nilai.get("realisasi_keuangan_rp") is not None
            )
        ):
            galat["realisasi_keuangan_rp"] = "Isi rupiah atau persen, tidak keduanya."
            galat_ada = True
        baris.append({"item": item, "p": p, "nilai": nilai, "galat": galat})
    if request.method == "POST":
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci:
            messages.error(request, terkunci)
            galat_ada, bentrok = True, ""
        elif bentrok:
            messages.error(request, bentrok)
        elif galat_ada:
            messages.error(
                request, "Realisasi anggaran belum disimpan; periksa isian yang ditandai."
            )
        else:
            jumlah = 0
            with transaction.atomic():
                for b in baris:
                    data = {f: b["nilai"][f] for f in PROGRES_FIELDS}
                    if b["p"] is None and all(v is None for v in data.values()):
                        continue
                    obj = b["p"] or ProgresAnggaran(item=b["item"], bulan=bulan)
                    jumlah += len(
                        riwayat.simpan(
                            obj,
                            data,
                            user=request.user,
                            satker=satker,
                            uraian=f"Realisasi {b['item'].kode_lengkap} s.d. bulan {bulan}",
                            awal=None,
                        )
                    )
            messages.success(
                request, f"Realisasi anggaran s.d. bulan {bulan} tersimpan ({jumlah} perubahan)."
            )
            return redirect(request.path)
    return render(
        request,
        "kinerja/entri/realisasi_anggaran.html",
        {
            "satker": satker,
            "tahun": tahun,
            "triwulan": triwulan,
            "bulan": bulan,
            "baris": baris,
            "terkunci": terkunci,
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if galat_ada and request.method == "POST" else 200,
    )
