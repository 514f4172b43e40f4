"""The pictures of a report's sections, on the report-narrative pages: per section the
pictures with their caption, a thumbnail and the name to refer to them by; uploading one
(PNG/JPEG, checked by content), removing one, and the picture itself, served only to users
who may see the satker. A refused upload or removal shows the page again with the reason."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from kinerja import unggahan
from kinerja.forms import UnggahGambarForm
from kinerja.models import IndikatorPerjanjian
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from kinerja.views.baris import riwayat_halaman
from laporan import gambar as layanan
from laporan.choices import GAMBAR_DIHARAPKAN, JenisLaporan
from laporan.models import GambarLaporan
from laporan.models.gambar import BAGIAN_GAMBAR
from laporan.selectors import gambar_laporan
from satker.models import Satker

INDIKATOR = "indikator"  # the place of the LAKIP's pictures of a PK line (Bab III)


def _form(
    tempat: str, gagal: tuple[str, forms.Form] | None, awal: dict[str, str] | None = None
) -> forms.Form:
    """The upload form of a place: as refused, if it was this one's; else empty, or with
    the caption and name of the figure the source prints there (`awal`)."""
    if gagal and gagal[0] == tempat:
        return gagal[1]
    return UnggahGambarForm(auto_id=f"id_g-{tempat}-%s", initial={"tempat": tempat, **(awal or {})})


def konteks_gambar(
    satker: Satker,
    jenis: str,
    tahun: int,
    triwulan: int | None,
    bagian_list: tuple[str, ...],
    lines: list[IndikatorPerjanjian],
    gagal: tuple[str, forms.Form] | None = None,
) -> dict:
    """What the page shows of the report's pictures: per section its pictures, the figures
    the source prints there not uploaded yet, its upload form; in the LAKIP the pictures of
    each PK line with one form to upload them; and the history of the report's pictures."""
    semua = gambar_laporan(satker, jenis, tahun, triwulan)
    per_bagian = {}
    for b in bagian_list:
        if b not in BAGIAN_GAMBAR.get(jenis, ()):
            continue
        daftar = [g for g in semua if g.bagian == b]
        ada = {g.kunci for g in daftar}
        belum = [
            (k, judul) for k, judul in GAMBAR_DIHARAPKAN.get(jenis, {}).get(b, ()) if k not in ada
        ]
        awal = {"kunci": belum[0][0], "judul": belum[0][1]} if belum else None
        per_bagian[b] = {"daftar": daftar, "belum": belum, "form": _form(b, gagal, awal)}
    indikator = []
    if jenis == JenisLaporan.LAKIP:
        per_line: dict[int, list[GambarLaporan]] = {}
        for g in semua:
            if g.indikator_id:
                per_line.setdefault(g.indikator_id, []).append(g)
        indikator = [{"line": line, "daftar": per_line.get(line.pk, [])} for line in lines]
    form_indikator = _form(INDIKATOR, gagal)
    if "indikator" in form_indikator.fields:
        form_indikator.fields["indikator"].choices = [
            ("", "— pilih indikator —"),
            *((line.pk, f"{line.kode} {line.uraian}") for line in lines),
        ]
    return {
        "semua": semua,
        "per_bagian": per_bagian,
        "indikator": indikator,
        "form_indikator": form_indikator,
        "riwayat": riwayat_halaman(satker, layanan.awalan_riwayat(jenis, tahun, triwulan)),
    }


def _url_halaman(satker: Satker, jenis: str, tahun: int, tw: int | None) -> str:
    if jenis == JenisLaporan.PP39:
        return reverse("entri-narasi-pp39", args=[satker.pk, tahun, tw])
    return reverse("entri-narasi-lakip", args=[satker.pk, tahun])


@login_required
@require_POST
@satu_per_satker
def unggah(
    request: HttpRequest, pk: int, tahun: int, jenis: str, triwulan: int | None = None
) -> HttpResponse:
    """Upload a picture to a section of the report (or, in the LAKIP, to a PK line)."""
    from kinerja.views.narasi import bagian_laporan, halaman_laporan

    satker = satker_terlihat(request, pk)
    bagian_laporan(jenis, triwulan)  # 404 for a report without this period
    pastikan_boleh_mengisi(request, satker)
    tempat = request.POST.get("tempat", "")
    form = UnggahGambarForm(request.POST, request.FILES, auto_id=f"id_g-{tempat}-%s")
    if tempat not in (*BAGIAN_GAMBAR[jenis], *([INDIKATOR] if jenis == JenisLaporan.LAKIP else [])):
        messages.error(request, "Tempat gambar tidak dikenal; pilih bagian laporannya.")
        return halaman_laporan(request, satker, jenis, tahun, triwulan, status=400)
    if tempat != INDIKATOR:
        del form.fields["indikator"]
    else:
        form.fields["indikator"].choices = [
            (line.pk, line.kode)
            for line in IndikatorPerjanjian.objects.filter(
                sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun
            )
        ]
    if form.is_valid():
        data = form.cleaned_data
        line = None
        if tempat == INDIKATOR:
            line = IndikatorPerjanjian.objects.get(pk=data["indikator"])
        try:
            g = layanan.unggah(
                user=request.user, satker=satker, jenis=jenis, tahun=tahun, triwulan=triwulan,
                berkas=data["berkas"], judul=data["judul"], sumber=data["sumber"],
                kunci=data["kunci"], bagian="" if line else tempat, indikator=line,
            )  # fmt: skip
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for field, pesan in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, pesan)
        else:
            messages.success(
                request, f"Gambar “{g.judul}” diunggah; rujuk dengan {{gambar:{g.kunci}}}."
            )
            return redirect(f"{_url_halaman(satker, jenis, tahun, triwulan)}#g-{tempat}")
    if form.errors:
        messages.error(request, "Gambar belum diunggah; periksa isian yang ditandai.")
    return halaman_laporan(
        request, satker, jenis, tahun, triwulan, status=400, gambar_gagal=(tempat, form)
    )


def _gambar(request: HttpRequest, pk: int) -> GambarLaporan:
    """The picture, when the user may see its satker; else 404."""
    return get_object_or_404(
        GambarLaporan.objects.restrict(request.user).select_related("satker", "indikator"),
        pk=pk,
    )


@login_required
@require_GET
def lihat(request: HttpRequest, pk: int) -> HttpResponse:
    """The picture itself, shown in the page (`?ukuran=kecil`: its thumbnail)."""
    g = _gambar(request, pk)
    if request.GET.get("ukuran") == "kecil":
        isi, jenis_konten = layanan.miniatur(g)
        response = HttpResponse(isi, content_type=jenis_konten)
        response["X-Content-Type-Options"] = "nosniff"
        return response
    return unggahan.tanggapan(g.berkas, nama=g.nama, jenis_konten=g.jenis_konten, lampiran=False)


@login_required
@require_POST
def hapus(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove a picture from its report."""
    from kinerja.views.narasi import halaman_laporan

    g = _gambar(request, pk)
    pastikan_boleh_mengisi(request, g.satker)
    periode = (g.satker, g.jenis, g.tahun, g.triwulan)
    try:
        layanan.hapus(user=request.user, gambar=g)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return halaman_laporan(request, *periode, status=400)
    messages.success(request, f"Gambar “{g.judul}” dihapus.")
    tempat = INDIKATOR if g.indikator_id else g.bagian
    return redirect(f"{_url_halaman(*periode)}#g-{tempat}")
