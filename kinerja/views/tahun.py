"""The secretariat's year page: open a performance year for every satker (in the
background, with a progress bar), the result of each run (the satker opened and those that
could not be, with the reason), and the year's quarters ready for the reviewer to open."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja.models import PembukaanTahun
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.services import tahun as layanan
from kinerja.views.akses import data_induk

RUN_TERAKHIR = 10


class BukaTahunForm(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun kinerja",
        min_value=TAHUN_MIN,
        max_value=TAHUN_MAX,
        error_messages={
            "required": "Isi tahun yang dibuka.",
            "invalid": "Tahun harus berupa angka, mis. 2024.",
            "min_value": f"Tahun paling awal {TAHUN_MIN}.",
            "max_value": f"Tahun paling akhir {TAHUN_MAX}.",
        },
    )


def _tahun_dipilih(request: HttpRequest, dikirim: str | None = None) -> int:
    """The year shown: the one sent (a refused form), else asked for, when it is a year the
    plans may hold; else this year."""
    teks = dikirim if dikirim is not None else request.GET.get("tahun", "")
    if teks.isdigit() and TAHUN_MIN <= int(teks) <= TAHUN_MAX:
        return int(teks)
    return datetime.date.today().year


@data_induk
def tahun(request: HttpRequest, form: BukaTahunForm | None = None) -> HttpResponse:
    """The year's page: the open action, the latest runs and the result of the newest, and
    the quarters of the year with their state."""
    dipilih = _tahun_dipilih(request, form.data.get("tahun", "") if form is not None else None)
    runs = list(PembukaanTahun.objects.select_related("diminta_oleh")[:RUN_TERAKHIR])
    terakhir = next((r for r in runs if r.tahun == dipilih), None)
    return render(
        request,
        "kinerja/sekretariat/tahun.html",
        {
            "form": form or BukaTahunForm(initial={"tahun": dipilih}),
            "dipilih": dipilih,
            "runs": runs,
            "terakhir": terakhir,
            "sedang": any(r.berjalan for r in runs),
            "dilewati": [
                h for h in (terakhir.hasil if terakhir else []) if h["status"] == "dilewati"
            ],
            "dibuka": [h for h in (terakhir.hasil if terakhir else []) if h["status"] == "dibuka"],
            "periode": layanan.periode_tahun(dipilih),
        },
        status=400 if form is not None else 200,
    )


@data_induk
@require_POST
def buka(request: HttpRequest) -> HttpResponse:
    """Queue the opening of a year for every satker."""
    form = BukaTahunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Tahun belum dibuka; periksa isian yang ditandai.")
        return tahun(request, form)
    t = form.cleaned_data["tahun"]
    try:
        run = layanan.minta_buka_tahun(user=request.user, tahun=t)
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
        return redirect(f"{reverse('sekretariat-tahun')}?tahun={t}")
    run.refresh_from_db()
    if run.berjalan:
        messages.info(request, f"Pembukaan tahun {t} sedang berjalan untuk setiap satker.")
    elif run.status == "selesai":
        messages.success(
            request,
            f"Tahun {t} dibuka: {run.jumlah_dibuka} draf PK dibuat, {run.jumlah_sudah_ada} "
            f"satker sudah memiliki PK, {run.jumlah_dilewati} satker tidak dapat dibuka.",
        )
    else:
        messages.error(request, run.pesan or f"Pembukaan tahun {t} gagal.")
    return redirect(f"{reverse('sekretariat-tahun')}?tahun={t}")


@data_induk
@require_GET
def status(request: HttpRequest, pk: int) -> JsonResponse:
    """How far a run is, for the page's progress bar."""
    run = get_object_or_404(PembukaanTahun, pk=pk)
    return JsonResponse(
        {
            "tahun": run.tahun,
            "status": run.status,
            "status_label": run.get_status_display(),
            "kemajuan": run.kemajuan,
            "langkah": run.langkah,
            "jumlah_dibuka": run.jumlah_dibuka,
            "jumlah_sudah_ada": run.jumlah_sudah_ada,
            "jumlah_dilewati": run.jumlah_dilewati,
            "pesan": run.pesan,
        }
    )
