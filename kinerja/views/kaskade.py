"""The cascade of goals: the Renstra of Kemenperin (SS), of BSKJI (SP) and of a balai (SK) for
a year, each goal with its indicators and the goals above it; a goal made, edited and linked
to the level right above it, its indicators (linked to the manual) saved as a whole. The
drawn tree of the cascade is kinerja/views/pohon.py."""

from __future__ import annotations

import datetime
from functools import wraps
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from kinerja import riwayat, siklus
from kinerja.choices import TingkatRenstra
from kinerja.models import (
    IndikatorKinerja,
    IndikatorRenstra,
    Renstra,
    RiwayatPerubahan,
    SasaranRenstra,
)
from kinerja.selectors import pohon as pohon_selector
from kinerja.services import renstra as layanan
from kinerja.views.akses import data_induk
from kinerja.views.baris import TabelBaris
from kinerja.views.renstra import RenstraForm, galat_ke_form
from laporan.render import pohon as pohon_svg
from satker.models import Satker

T = TingkatRenstra
INDIKATOR_FIELDS = ("nomor", "nama", "satuan", "indikator", "iku", "indikator_induk")


def _sasaran(renstra: Renstra | None) -> list[SasaranRenstra]:
    """The goals of a Renstra with their indicators and the goals above (three queries)."""
    if renstra is None:
        return []
    indikator = IndikatorRenstra.objects.select_related(
        "indikator", "indikator_induk__sasaran"
    ).order_by("nomor")
    return list(
        renstra.sasaran.order_by("urutan", "kode").prefetch_related(
            Prefetch("indikator", queryset=indikator),
            Prefetch("sasaran_induk", queryset=SasaranRenstra.objects.order_by("kode")),
        )
    )


def _mencakup(qs, tahun: int):
    return qs.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun)


def tahun_baku() -> int:
    """The year a cascade page opens on: this year when a BSKJI Renstra covers it, else the
    last year the latest BSKJI Renstra covers."""
    ini = datetime.date.today().year
    r = Renstra.objects.filter(tingkat=T.ESELON_I).order_by("-tahun_akhir").first()
    if r is None or r.tahun_awal <= ini <= r.tahun_akhir:
        return ini
    return min(r.tahun_akhir, ini) if r.tahun_awal <= ini else r.tahun_awal


def _tahun(request: HttpRequest) -> int:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return tahun_baku()
    return tahun if 2000 <= tahun <= 2100 else tahun_baku()


@data_induk
def kaskade(request: HttpRequest) -> HttpResponse:
    """The cascade of a year (`?tahun=`): SS, SP and, for the satker chosen (`?satker=`),
    its SK; the form that makes a Renstra of Kemenperin or BSKJI for a new period."""
    tahun = _tahun(request)
    form = RenstraForm(request.POST or None, prefix="baru")
    form.fields["tingkat"] = forms.ChoiceField(
        label="Tingkat",
        choices=[(T.KEMENTERIAN, T.KEMENTERIAN.label), (T.ESELON_I, T.ESELON_I.label)],
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                baru = layanan.renstra_buat(user=request.user, satker=None, **data)
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, f"{baru} dibuat.")
                return redirect(f"{reverse('sekretariat-kaskade')}?tahun={baru.tahun_awal}")
        status = 400
    tingkat_atas = {
        r.tingkat: r
        for r in _mencakup(Renstra.objects.filter(satker__isnull=True), tahun).order_by(
            "-tahun_awal"
        )
    }
    satker = None
    if dipilih := request.GET.get("satker", "").strip():
        satker = (
            Satker.objects.restrict(request.user).filter(pk=dipilih).first()
            if dipilih.isdigit()
            else None
        )
    renstra_sk = _mencakup(Renstra.objects.filter(satker=satker), tahun).first() if satker else None
    tingkat = [
        {
            "judul": "Sasaran strategis (SS) Kemenperin",
            "renstra": tingkat_atas.get(T.KEMENTERIAN),
            "sasaran": _sasaran(tingkat_atas.get(T.KEMENTERIAN)),
        },
        {
            "judul": "Sasaran program (SP) BSKJI",
            "renstra": tingkat_atas.get(T.ESELON_I),
            "sasaran": _sasaran(tingkat_atas.get(T.ESELON_I)),
        },
    ]
    return render(
        request,
        "kinerja/sekretariat/kaskade.html",
        {
            "tahun": tahun,
            "tingkat": tingkat,
            "satker": satker,
            "renstra_sk": renstra_sk,
            "sasaran_sk": _sasaran(renstra_sk),
            "daftar_satker": Satker.objects.restrict(request.user)
            .filter(renstra__isnull=False)
            .distinct()
            .order_by("nama")
            .only("pk", "nama"),
            "form": form,
        },
        status=status,
    )


class SasaranForm(forms.Form):
    kode = forms.CharField(label="Kode", max_length=20, help_text="mis. SS1, SP3, SK3")
    nama = forms.CharField(label="Nama sasaran", max_length=300)
    urutan = forms.IntegerField(label="Urutan", min_value=0, max_value=32767, initial=0)


def pilihan_induk(renstra: Renstra) -> list[SasaranRenstra]:
    """The goals a goal of `renstra` may serve: the level right above, periods meeting."""
    atas = layanan.TINGKAT_ATAS.get(renstra.tingkat)
    if atas is None:
        return []
    return list(
        SasaranRenstra.objects.filter(
            renstra__tingkat=atas,
            renstra__tahun_awal__lte=renstra.tahun_akhir,
            renstra__tahun_akhir__gte=renstra.tahun_awal,
        )
        .select_related("renstra")
        .order_by("renstra__tahun_awal", "urutan", "kode")
    )


def _induk_dikirim(request: HttpRequest) -> list[SasaranRenstra]:
    """The goals above as the form sent them (any goal: the service says which it refuses)."""
    ids = [i for i in request.POST.getlist("induk") if i.isdigit()]
    return list(SasaranRenstra.objects.filter(pk__in=ids).select_related("renstra"))


def _kembali(renstra: Renstra) -> str:
    if renstra.satker_id:
        alamat = reverse("sekretariat-renstra-satker", args=[renstra.satker_id])
        return f"{alamat}?renstra={renstra.pk}"
    return f"{reverse('sekretariat-kaskade')}?tahun={renstra.tahun_awal}"


@data_induk
def sasaran_baru(request: HttpRequest, pk: int) -> HttpResponse:
    """A new goal in the Renstra `pk`, with the goals above it; then its indicators."""
    renstra = get_object_or_404(Renstra.objects.select_related("satker"), pk=pk)
    form = SasaranForm(request.POST or None)
    induk = _induk_dikirim(request) if request.method == "POST" else []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                sasaran = layanan.sasaran_simpan(
                    user=request.user, sasaran=SasaranRenstra(renstra=renstra),
                    data=form.cleaned_data, induk=induk, awal=None,
                )  # fmt: skip
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, f"Sasaran {sasaran.kode} dibuat; tambahkan indikatornya.")
                return redirect("sekretariat-kaskade-sasaran", pk=sasaran.pk)
        status = 400
    return render(
        request,
        "kinerja/sekretariat/sasaran.html",
        {
            "renstra": renstra,
            "sasaran": None,
            "form": form,
            "pilihan_induk": pilihan_induk(renstra),
            "induk_dipilih": {s.pk for s in induk},
            "kembali": _kembali(renstra),
            "singkatan": layanan.SINGKATAN[renstra.tingkat],
        },
        status=status,
    )


def _tabel_indikator(sasaran: SasaranRenstra) -> TabelBaris:
    renstra = sasaran.renstra
    atas = layanan.TINGKAT_ATAS.get(renstra.tingkat)
    indikator_atas = (
        IndikatorRenstra.objects.filter(
            sasaran__renstra__tingkat=atas,
            sasaran__renstra__tahun_awal__lte=renstra.tahun_akhir,
            sasaran__renstra__tahun_akhir__gte=renstra.tahun_awal,
        )
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran__kode", "nomor")
        if atas
        else IndikatorRenstra.objects.none()
    )
    return TabelBaris(
        IndikatorRenstra,
        INDIKATOR_FIELDS,
        induk="sasaran",
        tetap={"sasaran": sasaran},
        uraian=f"{layanan.uraian_renstra(renstra)}: indikator",
        judul={
            "nomor": "No.",
            "indikator": "Indikator pedoman",
            "indikator_induk": "Indikator di atasnya",
        },
        pilihan={
            "indikator": IndikatorKinerja.objects.order_by("kode"),
            "indikator_induk": indikator_atas,
        },
        prefix="ind",
        extra=2,
    )


def _nilai_halaman(sasaran: SasaranRenstra, tabel: TabelBaris, qs) -> tuple[dict, dict]:
    """The goal's values, its links and its indicators as they are now, with labels."""
    nilai = {f"sasaran-{k}": v for k, v in riwayat.nilai(sasaran, layanan.SASARAN_FIELDS).items()}
    label = {
        f"sasaran-{f}": str(SasaranRenstra._meta.get_field(f).verbose_name)
        for f in layanan.SASARAN_FIELDS
    }
    nilai["sasaran-induk"] = ", ".join(sorted(s.kode for s in sasaran.sasaran_induk.all()))
    label["sasaran-induk"] = "sasaran di atasnya"
    baris, label_baris = tabel.nilai(qs)
    return nilai | baris, label | label_baris


class _Batal(Exception):
    """A row of the indicators was refused: the whole save is undone."""


@data_induk
def sasaran(request: HttpRequest, pk: int) -> HttpResponse:
    """A goal: its code, name and order, the goals above it, its indicators (each linked to
    the manual and to the indicator above), saved as a whole; its history."""
    obj = get_object_or_404(SasaranRenstra.objects.select_related("renstra__satker"), pk=pk)
    renstra = obj.renstra
    tabel = _tabel_indikator(obj)
    status = 200
    if request.method == "POST":
        form = SasaranForm(request.POST)
        induk = _induk_dikirim(request)
        formset = tabel.formset(tabel.queryset(), request.POST)
        with transaction.atomic():
            obj = (
                SasaranRenstra.objects.select_for_update(of=("self",))
                .select_related("renstra")
                .get(pk=pk)
            )
            qs = tabel.queryset()
            sekarang, label = _nilai_halaman(obj, tabel, qs)
            tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
            if bentrok:
                messages.error(request, bentrok)
                status = 409
            elif form.is_valid() and formset.is_valid():
                try:
                    with transaction.atomic():
                        layanan.sasaran_simpan(
                            user=request.user, sasaran=obj, data=form.cleaned_data,
                            induk=induk, awal=None,
                        )  # fmt: skip
                        tabel.tetap["sasaran"] = obj
                        if not tabel.periksa(formset):
                            raise _Batal
                        tabel.simpan(formset, {}, user=request.user, satker=renstra.satker)
                except ValidationError as exc:
                    galat_ke_form(form, exc)
                    status = 400
                except _Batal:
                    messages.error(
                        request, "Belum disimpan; periksa baris indikator yang ditandai."
                    )
                    status = 400
                else:
                    messages.success(request, f"Sasaran {obj.kode} dan indikatornya disimpan.")
                    return redirect("sekretariat-kaskade-sasaran", pk=obj.pk)
            else:
                status = 400
        dipilih = {s.pk for s in induk}
    else:
        qs = tabel.queryset()
        sekarang, _label = _nilai_halaman(obj, tabel, qs)
        tanda = riwayat.tandai(sekarang)
        form = SasaranForm(initial={f: getattr(obj, f) for f in layanan.SASARAN_FIELDS})
        formset = tabel.formset(qs)
        dipilih = {s.pk for s in obj.sasaran_induk.all()}
    if status == 400 and not messages.get_messages(request):
        messages.error(request, "Belum disimpan; periksa isian yang ditandai.")
    ids = [obj.pk]
    ind_ids = list(IndikatorRenstra.objects.filter(sasaran=obj).values_list("pk", flat=True))
    ct = ContentType.objects.get_for_models(SasaranRenstra, IndikatorRenstra)
    riwayat_ = (
        RiwayatPerubahan.objects.filter(
            Q(content_type=ct[SasaranRenstra], object_id__in=ids)
            | Q(content_type=ct[IndikatorRenstra], object_id__in=ind_ids)
        )
        .select_related("oleh")
        .order_by("-waktu", "-id")[:30]
    )
    return render(
        request,
        "kinerja/sekretariat/sasaran.html",
        {
            "renstra": renstra,
            "sasaran": obj,
            "form": form,
            "formset": formset,
            "tanda": tanda,
            "pilihan_induk": pilihan_induk(renstra),
            "induk_dipilih": dipilih,
            "kembali": _kembali(renstra),
            "singkatan": layanan.SINGKATAN[renstra.tingkat],
            "riwayat": riwayat_,
        },
        status=status,
    )


# --- the performance tree ------------------------------------------------------------------------


def data_induk_atau_reviu(view):
    """The tree is read by the secretariat's reviewers too (they compare the balai); it
    changes nothing. Everyone else: 403."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (siklus.boleh_kelola_data_induk(user) or siklus.boleh_mereviu(user)):
            raise PermissionDenied("Halaman ini untuk Sekretariat BSKJI.")
        return view(request, *args, **kwargs)

    return wrapper


@data_induk_atau_reviu
def pohon_terbaru(request: HttpRequest) -> HttpResponse:
    """The tree of the year the cascade opens on (this year, or the last year planned)."""
    return redirect("sekretariat-pohon", tahun=tahun_baku())


@data_induk_atau_reviu
def pohon(request: HttpRequest, tahun: int) -> HttpResponse:
    """The performance tree of `tahun`, drawn; `?simpul=` opens a goal: its indicators and,
    a page of satker at a time (`?halaman=`), the year's capaian of the PK lines serving it."""
    p = pohon_selector.pohon(tahun)
    kunci = request.GET.get("simpul", "")
    alamat = reverse("sekretariat-pohon", args=[tahun])
    rincian = (
        pohon_selector.rincian(p, kunci, user=request.user, halaman=request.GET.get("halaman"))
        if kunci
        else None
    )
    gambar = pohon_svg.svg(p, tautan=lambda k: f"{alamat}?simpul={quote(k)}#rincian", dipilih=kunci)
    return render(
        request,
        "kinerja/sekretariat/pohon.html",
        {
            "tahun": tahun,
            "pohon": p,
            "svg": mark_safe(gambar),
            "rincian": rincian,
            "kunci": kunci,
            "kunci_tidak_dikenal": bool(kunci) and rincian is None,
            "boleh_ubah": siklus.boleh_kelola_data_induk(request.user),
        },
    )
