"""The secretariat's side of the cycle: opening, extending and closing periods; following
every satker's quarter; returning a submission with notes per item, verifying it, and
reopening a verified one (recorded)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinerja import siklus
from kinerja.formatting import romawi
from kinerja.forms import BukaPeriodeForm, PerpanjangForm
from kinerja.models import (
    BuktiDukung,
    PelaporanTriwulan,
    PeriodePelaporan,
    PerjanjianKinerja,
    StatusPelaporan,
)
from kinerja.selectors.narasi import temuan_triwulan
from kinerja.services.tahun import periode_siap_dibuka
from satker.models import Satker


def _reviewer(request: HttpRequest) -> None:
    if not siklus.boleh_mereviu(request.user):
        raise PermissionDenied("Halaman ini untuk reviewer Sekretariat BSKJI.")


def _pesan_galat(request: HttpRequest, exc: Exception) -> None:
    if isinstance(exc, ValidationError):
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        messages.error(request, str(exc))


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    """The periods and, for the selected one, every satker's quarter."""
    _reviewer(request)
    periode_list = list(PeriodePelaporan.objects.all())
    dipilih = None
    if request.GET.get("periode"):
        dipilih = next((p for p in periode_list if str(p.pk) == request.GET["periode"]), None)
    dipilih = dipilih or (periode_list[0] if periode_list else None)
    baris = []
    if dipilih:
        pelaporan = {
            p.satker_id: p
            for p in PelaporanTriwulan.objects.filter(
                tahun=dipilih.tahun, triwulan=dipilih.triwulan
            ).prefetch_related("peristiwa")
        }
        perpanjangan = {p.satker_id: p for p in dipilih.perpanjangan.all()}
        satker_ids = PerjanjianKinerja.objects.filter(tahun=dipilih.tahun).values("satker_id")
        for s in Satker.objects.filter(pk__in=satker_ids).order_by("nama"):
            p = pelaporan.get(s.pk)
            peristiwa = list(p.peristiwa.all()) if p else []
            baris.append(
                {
                    "satker": s,
                    "lap": p,
                    "terakhir": peristiwa[-1] if peristiwa else None,
                    "batas": siklus.batas_dengan(dipilih, perpanjangan.get(s.pk)),
                    "diperpanjang": s.pk in perpanjangan,
                }
            )
    return render(
        request,
        "kinerja/reviu/daftar.html",
        {
            "periode_list": periode_list,
            "dipilih": dipilih,
            "baris": baris,
            "buka_form": BukaPeriodeForm(),
            # The quarters of a year the secretariat opened (kinerja.services.tahun).
            "siap_dibuka": periode_siap_dibuka(periode_list),
        },
    )


@login_required
@require_POST
def buka_periode(request: HttpRequest) -> HttpResponse:
    _reviewer(request)
    form = BukaPeriodeForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for e in errors:
                messages.error(request, f"{form.fields[field].label}: {e}")
        return redirect("reviu")
    try:
        p = siklus.buka_periode(user=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        _pesan_galat(request, exc)
        return redirect("reviu")
    messages.success(request, f"Periode {p} dibuka.")
    return redirect(f"{reverse('reviu')}?periode={p.pk}")


@login_required
@require_POST
def tutup_periode(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    p = get_object_or_404(PeriodePelaporan, pk=pk)
    try:
        siklus.tutup_periode(user=request.user, periode_=p)
    except (ValidationError, PermissionDenied) as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(request, f"Periode {p} ditutup.")
    return redirect(f"{reverse('reviu')}?periode={p.pk}")


@login_required
@require_POST
def perpanjang(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer(request)
    p = get_object_or_404(PeriodePelaporan, pk=pk)
    form = PerpanjangForm(request.POST)
    if form.is_valid():
        satker = get_object_or_404(Satker, pk=form.cleaned_data["satker"])
        try:
            siklus.perpanjang(
                user=request.user,
                periode_=p,
                satker=satker,
                batas=form.cleaned_data["batas"],
                alasan=form.cleaned_data["alasan"],
            )
        except (ValidationError, PermissionDenied) as exc:
            _pesan_galat(request, exc)
        else:
            messages.success(request, f"Batas waktu {satker.singkatan} diperpanjang.")
    else:
        for field, errors in form.errors.items():
            for e in errors:
                messages.error(request, f"{form.fields[field].label or field}: {e}")
    return redirect(f"{reverse('reviu')}?periode={p.pk}")


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A satker's quarter as the reviewer sees it: every line's figures, entries, evidence and
    history of the cycle, with a note field per line."""
    _reviewer(request)
    lap = get_object_or_404(PelaporanTriwulan.objects.select_related("satker"), pk=pk)
    lines = siklus.lines_satker(lap.satker, lap.tahun)
    snapshot = lap.snapshot.order_by("-versi").first()
    hasil = siklus.hasil_triwulan(
        lines, lap.satker, lap.tahun, lap.triwulan,
        dari_snapshot=(StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI),
    )  # fmt: skip
    realisasi = siklus.realisasi_triwulan(lines, lap.triwulan)
    bukti = {}
    for b in BuktiDukung.objects.filter(realisasi__in=realisasi.values()):
        bukti.setdefault(b.realisasi_id, []).append(b)
    catatan = {}
    for c in lap.catatan_reviu.select_related("oleh"):
        catatan.setdefault(c.indikator_id, []).append(c)
    # What the quarter's texts state that the report cannot print (a figure the computation
    # contradicts, a typed table number, a colon with nothing after it), per line and section.
    temuan = temuan_triwulan(
        lap.satker_id, lap.tahun, lap.triwulan, lines,
        {line.pk: h for line, h in zip(lines, hasil, strict=True)},
    )  # fmt: skip
    temuan_baris: dict[str, list] = {}
    for t in temuan:
        temuan_baris.setdefault(t.kode, []).append(t)
    baris = [
        {
            "line": line,
            "temuan": temuan_baris.get(line.kode, []),
            "hasil": h,
            "r": realisasi.get(line.pk),
            "bukti": bukti.get(realisasi[line.pk].pk, []) if line.pk in realisasi else [],
            "catatan": catatan.get(line.pk, []),
        }
        for line, h in zip(lines, hasil, strict=True)
    ]
    return render(
        request,
        "kinerja/reviu/detail.html",
        {
            "lap": lap,
            "satker": lap.satker,
            "triwulan_romawi": romawi(lap.triwulan),
            "baris": baris,
            "catatan_umum": catatan.get(None, []),
            "temuan_bagian": temuan_baris.get("", []),
            "peristiwa": list(lap.peristiwa.select_related("oleh")),
            "snapshot": snapshot,
        },
    )


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int) -> HttpResponse:
    """Return (with notes), verify or reopen a satker's quarter."""
    _reviewer(request)
    lap = get_object_or_404(PelaporanTriwulan.objects.select_related("satker"), pk=pk)
    tindakan = request.POST.get("aksi")
    try:
        if tindakan == "kembalikan":
            lines = {line.pk: line for line in siklus.lines_satker(lap.satker, lap.tahun)}
            catatan = [(None, request.POST.get("catatan_umum", ""))]
            for line_pk, line in lines.items():
                catatan.append((line, request.POST.get(f"catatan_{line_pk}", "")))
            siklus.kembalikan(user=request.user, lap=lap, catatan=catatan)
            messages.success(request, f"Laporan {lap} dikembalikan dengan catatan.")
        elif tindakan == "verifikasi":
            siklus.verifikasi(user=request.user, lap=lap)
            messages.success(request, f"Laporan {lap} diverifikasi dan dikunci.")
        elif tindakan == "buka_kembali":
            siklus.buka_kembali(user=request.user, lap=lap, alasan=request.POST.get("alasan", ""))
            messages.success(request, f"Laporan {lap} dibuka kembali untuk diperbaiki.")
        else:
            messages.error(request, "Tindakan tidak dikenal.")
    except (ValidationError, PermissionDenied) as exc:
        _pesan_galat(request, exc)
    return redirect("reviu-detail", pk=lap.pk)
