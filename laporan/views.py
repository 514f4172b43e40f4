"""Pages of the reports: a satker's reports with the last rendered file of each, the button
that requests one, its status while it renders, and the download. A verified quarter's PP-39
in an archived format shows its archive (SHA-256, when and by whom verified) instead of a
button; every archive of the year stays listed."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinerja import selectors as kinerja_selectors
from kinerja import siklus
from kinerja.formatting import romawi
from kinerja.selectors.capaian import hitung_capaian
from kinerja.selectors.narasi import TemuanNarasi, temuan_tahun
from kinerja.views.parameter import TAHUN_VALID, int_param
from laporan import arsip, selectors, services
from laporan import render as renderer
from laporan.choices import FORMAT_ARSIP, JenisLaporan, StatusBerkas
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
    daftar_tahun = kinerja_selectors.tahun_pk_satker(satker)
    tahun = int_param(
        request,
        "tahun",
        daftar_tahun[0] if daftar_tahun else timezone.localdate().year,
        TAHUN_VALID,
    )
    if request.method == "POST":
        return _minta(request, satker)
    berkas = selectors.berkas_tahun(satker, tahun)
    punya_pk = tahun in daftar_tahun
    baris = [
        {
            **lap,
            "verifikasi": berkas.verifikasi.get(lap["triwulan"])
            if lap["jenis"] == JenisLaporan.PP39
            else None,
            "sel": [berkas.sel(lap["jenis"], lap["triwulan"], f) for f in renderer.identifiers()],
            # What the LAKIP's texts state that the report cannot print (the quarters' are
            # listed where each quarter is filled and submitted).
            "temuan": _temuan_lakip(satker, tahun)
            if lap["jenis"] == JenisLaporan.LAKIP and punya_pk
            else [],
        }
        for lap in _laporan_tersedia(tahun)
    ]
    tampil = [s.berkas for lap in baris for s in lap["sel"] if s.berkas]
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
            "format_arsip": [
                r.verbose_name for r in renderer.renderers() if r.identifier in FORMAT_ARSIP
            ],
            "format_langsung": [
                r.verbose_name for r in renderer.renderers() if r.identifier not in FORMAT_ARSIP
            ],
            "arsip": [(b, berkas.berlaku(b)) for b in berkas.arsip],
            "sedang": any(b.status in SEDANG for b in tampil),
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
        if berkas.arsip:
            _pesan_arsip(request, berkas)
        elif berkas.status == StatusBerkas.SELESAI:
            messages.success(
                request, f"{berkas} selesai disusun ({berkas.halaman or '–'} halaman)."
            )
        elif berkas.status == StatusBerkas.GAGAL:
            messages.error(request, f"{berkas} gagal disusun: {berkas.pesan}")
        else:
            messages.info(request, f"{berkas} sedang disusun; halaman ini diperbarui otomatis.")
    return redirect(f"{reverse('laporan-satker', args=[satker.pk])}?tahun={tahun}")


def _pesan_arsip(request: HttpRequest, berkas: BerkasLaporan) -> None:
    """What a request of a verified quarter's PP-39 in an archived format gets: its archive."""
    judul = f"{berkas.judul_singkat} ({berkas.renderer.verbose_name})"
    if berkas.status == StatusBerkas.SELESAI:
        messages.info(
            request,
            f"{judul} sudah diverifikasi: berkasnya adalah arsip verifikasi versi {berkas.versi} "
            f"(SHA-256 {berkas.sha256[:12]}…) dan tidak disusun ulang.",
        )
    elif berkas.status == StatusBerkas.GAGAL:
        messages.error(request, f"Arsip {judul} gagal disusun: {berkas.pesan}")
    else:
        messages.info(request, f"Arsip verifikasi {judul} sedang disusun.")


def _berkas(request: HttpRequest, pk: int) -> BerkasLaporan:
    return get_object_or_404(
        BerkasLaporan.objects.restrict(request.user).select_related("satker"), pk=pk
    )


def respons_unduhan(berkas: BerkasLaporan) -> FileResponse:
    """A completed file as an attachment (the page and the API). An archive carries its
    SHA-256 in a Repr-Digest header (RFC 9530), for a client to check what it received;
    arsip.ArsipRusak when its stored bytes no longer match it."""
    response = FileResponse(
        services.isi_unduhan(berkas),
        as_attachment=True,
        filename=berkas.nama_unduhan,
        content_type=berkas.renderer.content_type,
    )
    if berkas.arsip:
        response["Repr-Digest"] = (
            f"sha-256=:{base64.b64encode(bytes.fromhex(berkas.sha256)).decode()}:"
        )
    return response


@login_required
@require_GET
def unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """The file; an archive only when its bytes still hash to the recorded SHA-256."""
    berkas = _berkas(request, pk)
    if berkas.status != StatusBerkas.SELESAI or not berkas.berkas:
        raise Http404
    try:
        return respons_unduhan(berkas)
    except arsip.ArsipRusak as exc:
        return render(
            request,
            "laporan/arsip_rusak.html",
            {"berkas": berkas, "pesan": str(exc)},
            status=500,
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
            "arsip": berkas.arsip,
            "sha256": berkas.sha256 or None,
            "unduh": reverse("berkas-unduh", args=[berkas.pk])
            if berkas.status == StatusBerkas.SELESAI
            else None,
        }
    )
