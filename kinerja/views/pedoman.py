"""The secretariat's manual pages (/sekretariat/pedoman/): the list of indicators with
filters, a new indicator, an indicator's page (its identity, its versions with the years
each applies to, its history), and a version of its definition, new or changed. Writes go
through kinerja.services.pedoman."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kinerja import riwayat
from kinerja.forms_pedoman import (
    IdentitasForm,
    IndikatorBaruForm,
    SaringPedomanForm,
    VersiForm,
    tempelkan_galat,
)
from kinerja.models import IndikatorKinerja, RiwayatPerubahan, VersiIndikator
from kinerja.selectors.pedoman import daftar_pedoman, versi_dengan_rentang
from kinerja.services import pedoman as layanan
from kinerja.views.akses import data_induk

FIELD_VERSI_FORM = [f for f in VersiForm._meta.fields if f != "berlaku_mulai"]


def _riwayat(indikator: IndikatorKinerja) -> list[RiwayatPerubahan]:
    """The indicator's changes and those of its versions, newest first."""
    jenis = ContentType.objects.get_for_models(IndikatorKinerja, VersiIndikator)
    versi_ids = list(indikator.versi.values_list("pk", flat=True))
    return list(
        RiwayatPerubahan.objects.filter(
            Q(content_type=jenis[IndikatorKinerja], object_id=indikator.pk)
            | Q(content_type=jenis[VersiIndikator], object_id__in=versi_ids)
        ).select_related("oleh")
    )


@data_induk
def daftar(request: HttpRequest) -> HttpResponse:
    """The manual: every indicator with its latest version, filtered."""
    saring = SaringPedomanForm(request.GET or None)
    kriteria = saring.cleaned_data if saring.is_valid() else {}
    indikator = list(daftar_pedoman(**{k: v or "" for k, v in kriteria.items()}))
    terakhir = {}
    for v in VersiIndikator.objects.filter(indikator__in=indikator).order_by("berlaku_mulai"):
        terakhir[v.indikator_id] = v
    baris = [(i, terakhir.get(i.pk)) for i in indikator]
    return render(
        request,
        "kinerja/sekretariat/pedoman_daftar.html",
        {"saring": saring, "baris": baris, "bagian": "sekretariat"},
    )


@data_induk
def baru(request: HttpRequest) -> HttpResponse:
    """A new indicator with its first version; what was typed stays when it is refused."""
    if request.method == "POST":
        form = IndikatorBaruForm(request.POST)
        versi = VersiForm(request.POST)
        if form.is_valid() and versi.is_valid():
            try:
                indikator = layanan.indikator_buat(
                    user=request.user,
                    identitas=form.cleaned_data,
                    berlaku_mulai=versi.cleaned_data["berlaku_mulai"],
                    definisi=versi.cleaned_data,
                )
            except ValidationError as exc:
                tempelkan_galat(versi, exc)
            else:
                messages.success(request, f"Indikator {indikator.kode} ditambahkan ke pedoman.")
                return redirect("sekretariat-pedoman-detail", pk=indikator.pk)
        status = 400
    else:
        form = IndikatorBaruForm()
        versi = VersiForm(initial={"berlaku_mulai": datetime.date.today().year})
        status = 200
    return render(
        request,
        "kinerja/sekretariat/pedoman_baru.html",
        {"form": form, "versi": versi, "bagian": "sekretariat"},
        status=status,
    )


@data_induk
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator: its identity (changed here), its versions with their years, history."""
    indikator = get_object_or_404(IndikatorKinerja.objects.select_related("sasaran_program"), pk=pk)
    fields = list(IdentitasForm._meta.fields)
    status = 200
    if request.method == "POST":
        form = IdentitasForm(request.POST, instance=IndikatorKinerja.objects.get(pk=pk))
        if form.is_valid():
            try:
                berubah = layanan.indikator_ubah(
                    user=request.user,
                    indikator=indikator,
                    data={f: form.cleaned_data[f] for f in fields},
                    awal=riwayat.awal_dari(form.cleaned_data.get("tanda")),
                )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                segar = IndikatorKinerja.objects.get(pk=pk)
                data = request.POST.copy()
                data["tanda"] = riwayat.tandai(riwayat.nilai(segar, fields))
                form = IdentitasForm(data, instance=segar)
                status = 409
            except ValidationError as exc:
                tempelkan_galat(form, exc)
                status = 400
            else:
                if berubah:
                    messages.success(request, "Identitas indikator disimpan.")
                return redirect("sekretariat-pedoman-detail", pk=pk)
        else:
            status = 400
    else:
        form = IdentitasForm(
            instance=indikator,
            initial={"tanda": riwayat.tandai(riwayat.nilai(indikator, fields))},
        )
    versi = [
        (v, rentang, bool(layanan.triwulan_terkunci(indikator, *layanan.rentang_tahun(
            indikator, v.berlaku_mulai, kecuali=v.pk))))
        for v, rentang in versi_dengan_rentang(indikator)
    ]  # fmt: skip
    return render(
        request,
        "kinerja/sekretariat/pedoman_detail.html",
        {
            "indikator": indikator,
            "form": form,
            "versi": versi,
            "riwayat": _riwayat(indikator),
            "bagian": "sekretariat",
        },
        status=status,
    )


def _halaman_versi(
    request: HttpRequest,
    indikator: IndikatorKinerja,
    form: VersiForm,
    *,
    versi: VersiIndikator | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "kinerja/sekretariat/pedoman_versi.html",
        {
            "indikator": indikator,
            "form": form,
            "versi": versi,
            "daftar_versi": versi_dengan_rentang(indikator),
            "bagian": "sekretariat",
        },
        status=status,
    )


@data_induk
def versi_baru(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Versi baru": the definition from a year onward, pre-filled from the latest version.
    A year that already has a version changes that version (when no submitted or verified
    quarter was computed with it)."""
    indikator = get_object_or_404(IndikatorKinerja, pk=pk)
    terakhir = indikator.versi.order_by("-berlaku_mulai").first()
    if request.method == "POST":
        form = VersiForm(request.POST)
        if form.is_valid():
            tahun = form.cleaned_data["berlaku_mulai"]
            try:
                layanan.versi_simpan(
                    user=request.user,
                    indikator=indikator,
                    berlaku_mulai=tahun,
                    data=form.cleaned_data,
                )
            except ValidationError as exc:
                tempelkan_galat(form, exc)
            else:
                messages.success(
                    request, f"Versi pedoman {indikator.kode} berlaku mulai {tahun} disimpan."
                )
                return redirect("sekretariat-pedoman-detail", pk=pk)
        return _halaman_versi(request, indikator, form, versi=None, status=400)
    awal = {f: getattr(terakhir, f) for f in FIELD_VERSI_FORM} if terakhir else {}
    awal["alasan"] = ""
    tahun_ini = datetime.date.today().year
    awal["berlaku_mulai"] = max(tahun_ini, terakhir.berlaku_mulai + 1) if terakhir else tahun_ini
    return _halaman_versi(request, indikator, VersiForm(initial=awal), versi=None)


@data_induk
def versi_ubah(request: HttpRequest, pk: int) -> HttpResponse:
    """A version changed in place (its year stays): refused when a submitted or verified
    quarter was computed with it, or when someone saved it since the page was opened."""
    versi = get_object_or_404(VersiIndikator.objects.select_related("indikator"), pk=pk)
    indikator = versi.indikator
    fields = [f for f in FIELD_VERSI_FORM if f != "tanda"]
    if request.method == "POST":
        form = VersiForm(request.POST, instance=versi, tahun_tetap=True)
        if form.is_valid():
            try:
                layanan.versi_simpan(
                    user=request.user,
                    indikator=indikator,
                    berlaku_mulai=versi.berlaku_mulai,
                    data=form.cleaned_data,
                    awal=riwayat.awal_dari(form.cleaned_data.get("tanda")),
                )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                segar = VersiIndikator.objects.get(pk=pk)
                data = request.POST.copy()
                data["tanda"] = riwayat.tandai(riwayat.nilai(segar, fields))
                form = VersiForm(data, instance=segar, tahun_tetap=True)
                return _halaman_versi(request, indikator, form, versi=segar, status=409)
            except ValidationError as exc:
                tempelkan_galat(form, exc)
            else:
                messages.success(
                    request,
                    f"Versi pedoman {indikator.kode} berlaku mulai {versi.berlaku_mulai} diubah.",
                )
                return redirect("sekretariat-pedoman-detail", pk=indikator.pk)
        return _halaman_versi(request, indikator, form, versi=versi, status=400)
    form = VersiForm(
        instance=versi,
        tahun_tetap=True,
        initial={"tanda": riwayat.tandai(riwayat.nilai(versi, fields))},
    )
    return _halaman_versi(request, indikator, form, versi=versi)
