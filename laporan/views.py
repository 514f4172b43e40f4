"""Pages of the reports: a satker's reports with the last rendered file of each, the button
that requests one, its status while it renders, and the download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinerja import selectors, siklus
from kinerja.formatting import romawi
from kinerja.selectors.capaian import hitung_capaian
from kinerja.selectors.narasi import TemuanNarasi, temuan_tahun
from kinerja.views.parameter import TAHUN_VALID, int_param
from laporan import render as renderer
from laporan import services
from laporan.choices import JenisLaporan, StatusBerkas
from laporan.models import BerkasLaporan
from satker.models import Satker

SEDANG = (StatusBerkas.ANTRI, StatusBerkas.PROSES)


def _laporan_tersedia(tahun: int) -> list[dict]:
    """The reports of a year, in the order a satker produces them."""
    daftar = [
        {"jenis": JenisLaporan.PK, "triwulan": None, "judul": f"Perjanjian Kinerja {tahun}"},
    ]
    for tw in (1, 2, 3, 4):
        daftar.append(
            {
                "jenis": JenisLaporan.PP39,
                "triwulan": tw,
                "judul": f"Laporan PP-39 Triwulan {romawi(tw)} {tahun}",
            }
        )
    daftar.append({"jenis": JenisLaporan.LAKIP, "triwulan": None, "judul": f"LAKIP {tahun}"})
    return daftar


@login_required
def daftar(request: HttpRequest, pk: int) -> HttpResponse:
    satker = get_object_or_404(Satker.objects.restrict(request.user), pk=pk)
    daftar_tahun = selectors.tahun_pk_satker(satker)
    tahun = int_param(
        request,
        "tahun",
        daftar_tahun[0] if daftar_tahun else timezone.localdate().year,
        TAHUN_VALID,
    )
    if request.method == "POST":
        return _minta(request, satker)
    berkas = BerkasLaporan.objects.filter(satker=satker, tahun=tahun).select_related("diminta_oleh")
    terakhir: dict[tuple, BerkasLaporan] = {}
    for b in berkas.order_by("-diminta"):
        terakhir.setdefault((b.jenis, b.triwulan, b.format), b)
    punya_pk = tahun in daftar_tahun
    baris = [
        {
            **lap,
            "berkas": [
                (f, terakhir.get((lap["jenis"], lap["triwulan"], f)))
                for f in renderer.identifiers()
            ],
            # What the LAKIP's texts state that the report cannot print (the quarters' are
            # listed where each quarter is filled and submitted).
            "temuan": _temuan_lakip(satker, tahun)
            if lap["jenis"] == JenisLaporan.LAKIP and punya_pk
            else [],
        }
        for lap in _laporan_tersedia(tahun)
    ]
    return render(
        request,
        "laporan/daftar.html",
        {
            "satker": satker,
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "punya_pk": punya_pk,
            "baris": baris,
            "renderers": renderer.renderers(),
            "sedang": any(b.status in SEDANG for b in terakhir.values()),
        },
    )


def _temuan_lakip(satker: Satker, tahun: int) -> list[TemuanNarasi]:
    """What the year's texts (each line's narrative, the LAKIP's sections) state that the
    LAKIP cannot print as it is: a figure that is not the computed one, a table cited by a
    typed number, a colon with nothing after it."""
    lines = siklus.lines_satker(satker, tahun)
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, None), strict=True))
    return temuan_tahun(satker.pk, tahun, lines, hasil)


def _minta(request: HttpRequest, satker: Satker) -> HttpResponse:
    try:
        tahun = int(request.POST.get("tahun", ""))
        triwulan = int(request.POST["triwulan"]) if request.POST.get("triwulan") else None
    except ValueError:
        messages.error(request, "Tahun atau triwulan tidak sah.")
        return redirect(reverse("laporan-satker", args=[satker.pk]))
    try:
        berkas = services.minta(
            user=request.user,
            satker=satker,
            jenis=request.POST.get("jenis", ""),
            format_=request.POST.get("format", ""),
            tahun=tahun,
            triwulan=triwulan,
        )
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        berkas.refresh_from_db()
        if berkas.status == StatusBerkas.SELESAI:
            messages.success(
                request, f"{berkas} selesai disusun ({berkas.halaman or '–'} halaman)."
            )
        elif berkas.status == StatusBerkas.GAGAL:
            messages.error(request, f"{berkas} gagal disusun: {berkas.pesan}")
        else:
            messages.info(request, f"{berkas} sedang disusun; halaman ini diperbarui otomatis.")
    return redirect(f"{reverse('laporan-satker', args=[satker.pk])}?tahun={tahun}")


def _berkas(request: HttpRequest, pk: int) -> BerkasLaporan:
    return get_object_or_404(
        BerkasLaporan.objects.restrict(request.user).select_related("satker"), pk=pk
    )


@login_required
@require_GET
def unduh(request: HttpRequest, pk: int) -> FileResponse:
    berkas = _berkas(request, pk)
    if berkas.status != StatusBerkas.SELESAI or not berkas.berkas:
        raise Http404
    return FileResponse(
        berkas.berkas.open("rb"),
        as_attachment=True,
        filename=berkas.nama_unduhan,
        content_type=berkas.renderer.content_type,
    )


@login_required
@require_GET
def status(request: HttpRequest, pk: int) -> JsonResponse:
    berkas = _berkas(request, pk)
    return JsonResponse(
        {
            "status": berkas.status,
            "status_label": berkas.get_status_display(),
            "halaman": berkas.halaman,
            "pesan": berkas.pesan,
            "unduh": reverse("berkas-unduh", args=[berkas.pk])
            if berkas.status == StatusBerkas.SELESAI
            else None,
        }
    )
