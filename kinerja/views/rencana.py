"""The Rencana Aksi of a year: per PK line and quarter, the cumulative target progress and
the planned activities. A plan copied from last year's shape when the year was opened is
marked for the satker's review until the satker saves it. (The Perjanjian Kinerja itself is
kinerja/views/perjanjian.py.)"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import batas, riwayat, siklus
from kinerja.formatting import romawi
from kinerja.models import IndikatorPerjanjian, RencanaAksi
from kinerja.services import rencana_aksi as services_ra
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker


def _nilai_rencana_aksi(lines: list[IndikatorPerjanjian]) -> tuple[dict, dict]:
    """The plan as it is now, as comparable text, and the label of each value."""
    nilai, label = {}, {}
    for line in lines:
        ra = {r.triwulan: r for r in line.rencana_aksi.all()}
        for tw in (1, 2, 3, 4):
            r = ra.get(tw)
            k = f"{line.pk}-{tw}"
            nilai[f"{k}-t"] = riwayat.teks(r.target_antara) if r else ""
            nilai[f"{k}-k"] = r.rencana_kegiatan if r else ""
            label[f"{k}-t"] = f"{line.kode} TW {romawi(tw)} target antara"
            label[f"{k}-k"] = f"{line.kode} TW {romawi(tw)} rencana kegiatan"
    return nilai, label


# --- Rencana Aksi ------------------------------------------------------------------------------


@login_required
@satu_per_satker
def rencana_aksi(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """Target antara (cumulative %) and planned activities of every line per quarter; a
    quarter already submitted or verified keeps its plan."""
    satker = satker_terlihat(request, pk)
    lines = siklus.lines_satker(satker, tahun)
    terkunci = set(siklus.triwulan_terkunci(satker, tahun))
    sekarang, label = _nilai_rencana_aksi(lines)
    tanda, bentrok = riwayat.tandai(sekarang), ""
    baris = []
    galat_ada = False
    for line in lines:
        ra = {r.triwulan: r for r in line.rencana_aksi.all()}
        sel = []
        for tw in (1, 2, 3, 4):
            r = ra.get(tw)
            galat_kegiatan = ""
            if request.method == "POST" and tw not in terkunci:
                target_teks = request.POST.get(f"t{line.pk}-{tw}", "")
                kegiatan = riwayat.baris_baru(request.POST.get(f"k{line.pk}-{tw}", "").strip())
                try:
                    batas.periksa(RencanaAksi, "rencana_kegiatan", kegiatan)
                except ValidationError as exc:
                    galat_kegiatan, galat_ada = exc.messages[0], True
            else:
                target_teks = riwayat.teks(r.target_antara) if r else ""
                kegiatan = r.rencana_kegiatan if r else ""
            sel.append(
                {
                    "tw": tw,
                    "r": r,
                    "target_teks": target_teks,
                    "kegiatan": kegiatan,
                    "galat": galat_kegiatan,
                    "terkunci": tw in terkunci,
                }
            )
        if request.method == "POST":
            for s in sel:
                try:
                    s["nilai"] = services_ra.TARGET_ANTARA.clean(s["target_teks"])
                except ValidationError as exc:
                    s["galat"] = exc.messages[0]
                    galat_ada = True
            kumulatif = services_ra.galat_kumulatif(
                {s["tw"]: s["nilai"] for s in sel if "nilai" in s}
            )
            for s in sel:
                if s["tw"] in kumulatif:
                    s["galat"], galat_ada = kumulatif[s["tw"]], True
        baris.append({"line": line, "sel": sel})
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if bentrok:
            messages.error(request, bentrok)
        elif galat_ada:
            messages.error(request, "Rencana aksi belum disimpan; periksa isian yang ditandai.")
        else:
            jumlah = 0
            with transaction.atomic():
                for b in baris:
                    for s in b["sel"]:
                        if s["terkunci"]:
                            continue
                        r = s["r"] or RencanaAksi(indikator=b["line"], triwulan=s["tw"])
                        if r.pk is None and s["nilai"] is None and not s["kegiatan"]:
                            continue
                        jumlah += len(
                            riwayat.simpan(
                                r,
                                {
                                    "target_antara": s["nilai"],
                                    "rencana_kegiatan": s["kegiatan"],
                                    # Saved by the satker: reviewed.
                                    "perlu_ditinjau": False,
                                },
                                user=request.user,
                                satker=satker,
                                uraian=f"Rencana aksi {b['line'].kode} TW {romawi(s['tw'])}",
                                awal=None,
                            )
                        )
            messages.success(request, f"Rencana aksi {tahun} disimpan ({jumlah} perubahan).")
            return redirect(reverse("entri-rencana-aksi", args=[satker.pk, tahun]))
    return render(
        request,
        "kinerja/entri/rencana_aksi.html",
        {
            "satker": satker,
            "tahun": tahun,
            "baris": baris,
            "terkunci": sorted(terkunci),
            "perlu_ditinjau": any(
                s["r"] and s["r"].perlu_ditinjau for b in baris for s in b["sel"]
            ),
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if galat_ada else 200,
    )
