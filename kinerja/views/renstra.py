"""The secretariat's Renstra of each satker: the list of satker with their Renstra periods and
the years that hold targets, and one satker's matrix of Renstra indicators × years (targets
and indicative budget) saved as a whole; a Renstra made for a satker without one, its period
extended. Goals and indicators are added on the cascade's pages (kinerja/views/kaskade.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import riwayat
from kinerja.models import (
    IndikatorRenstra,
    PaguIndikatifRenstra,
    Renstra,
    RiwayatPerubahan,
    SasaranRenstra,
    TargetRenstra,
)
from kinerja.models.renstra import TAHUN_MAX, TAHUN_MIN
from kinerja.services import renstra as layanan
from kinerja.views.akses import data_induk, satker_terlihat
from satker.models import Satker

PER_HALAMAN = 50
RIWAYAT_DITAMPILKAN = 30

# --- the list ------------------------------------------------------------------------------------


@data_induk
def daftar(request: HttpRequest) -> HttpResponse:
    """Every satker (50 a page, `?q=` finds by name, short name or code) with its Renstra
    periods and the years whose targets are filled: a fixed number of queries a page."""
    q = request.GET.get("q", "").strip()
    satker = Satker.objects.restrict(request.user).order_by("nama")
    if q:
        satker = satker.filter(
            Q(nama__icontains=q) | Q(singkatan__icontains=q) | Q(kode__icontains=q)
        )
    halaman = Paginator(satker.only("pk", "nama", "singkatan", "kode"), PER_HALAMAN).get_page(
        request.GET.get("halaman")
    )
    ids = [s.pk for s in halaman]
    periode = defaultdict(list)
    for r in Renstra.objects.filter(satker_id__in=ids).order_by("tahun_awal"):
        periode[r.satker_id].append(r)
    bertarget = defaultdict(set)
    for satker_id, tahun in (
        TargetRenstra.objects.filter(
            indikator__sasaran__renstra__satker_id__in=ids, target__isnull=False
        )
        .values_list("indikator__sasaran__renstra__satker_id", "tahun")
        .distinct()
    ):
        bertarget[satker_id].add(tahun)
    baris = [
        {"satker": s, "renstra": periode[s.pk], "tahun": sorted(bertarget[s.pk])} for s in halaman
    ]
    return render(
        request,
        "kinerja/sekretariat/renstra_daftar.html",
        {"halaman": halaman, "baris": baris, "q": q},
    )


# --- one satker's Renstra ------------------------------------------------------------------------


class RenstraForm(forms.Form):
    """A Renstra's name and period (a new one, or a period extended)."""

    nama = forms.CharField(label="Nama", max_length=200)
    tahun_awal = forms.IntegerField(label="Tahun awal", min_value=TAHUN_MIN, max_value=TAHUN_MAX)
    tahun_akhir = forms.IntegerField(label="Tahun akhir", min_value=TAHUN_MIN, max_value=TAHUN_MAX)

    def clean(self):
        data = super().clean()
        awal, akhir = data.get("tahun_awal"), data.get("tahun_akhir")
        if awal and akhir and not awal <= akhir <= awal + 4:
            raise ValidationError("Periode Renstra 1 sampai 5 tahun, tahun akhir tidak sebelum "
                                  "tahun awal.")  # fmt: skip
        return data


def galat_ke_form(form: forms.Form, exc: ValidationError) -> None:
    """A service's refusal shown where it belongs: at its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for nama, daftar_galat in exc.message_dict.items():
            for pesan in daftar_galat:
                form.add_error(nama if nama in form.fields else None, pesan)
    else:
        for pesan in exc.messages:
            form.add_error(None, pesan)


@dataclass
class Sel:
    tahun: int
    nama_target: str
    target: str
    nama_alokasi: str
    alokasi: str
    galat_target: str = ""
    galat_alokasi: str = ""


@dataclass
class BarisMatriks:
    indikator: IndikatorRenstra
    sel: list[Sel]
    sasaran_pertama: bool = False
    jumlah_baris_sasaran: int = 0


def _baca_isian(
    post, renstra: Renstra, indikator: list[IndikatorRenstra]
) -> tuple[layanan.IsianMatriks, dict[str, str]]:
    """The matrix as typed, and a message per input that cannot be read."""
    target, alokasi, pagu, galat = {}, {}, {}, {}
    for ind in indikator:
        for tahun in renstra.tahun:
            kt = layanan.kunci_target(ind.pk, tahun)
            try:
                target[(ind.pk, tahun)] = layanan.baca_target(post.get(kt, ""))
            except ValidationError as exc:
                galat[kt] = exc.messages[0]
            ka = layanan.kunci_alokasi(ind.pk, tahun)
            try:
                alokasi[(ind.pk, tahun)] = layanan.baca_alokasi(post.get(ka, ""))
            except ValidationError as exc:
                galat[ka] = exc.messages[0]
    for tahun in renstra.tahun:
        kp = layanan.kunci_pagu(tahun)
        try:
            pagu[tahun] = layanan.baca_pagu(post.get(kp, ""))
        except ValidationError as exc:
            galat[kp] = exc.messages[0]
    return layanan.IsianMatriks(target=target, alokasi=alokasi, pagu=pagu), galat


def _matriks(
    renstra: Renstra,
    indikator: list[IndikatorRenstra],
    nilai: dict[str, str],
    galat: dict[str, str],
) -> list[BarisMatriks]:
    """The matrix's rows for the template: each cell's input names and values (as typed
    after a refusal, else as stored) and its message."""
    baris = []
    for ind in indikator:
        sel = []
        for tahun in renstra.tahun:
            kt, ka = layanan.kunci_target(ind.pk, tahun), layanan.kunci_alokasi(ind.pk, tahun)
            sel.append(
                Sel(
                    tahun, kt, nilai.get(kt, ""), ka, nilai.get(ka, ""),
                    galat.get(kt, ""), galat.get(ka, ""),
                )
            )  # fmt: skip
        baris.append(BarisMatriks(ind, sel))
    for i, b in enumerate(baris):
        if i == 0 or baris[i - 1].indikator.sasaran_id != b.indikator.sasaran_id:
            b.sasaran_pertama = True
            b.jumlah_baris_sasaran = sum(
                1 for x in baris if x.indikator.sasaran_id == b.indikator.sasaran_id
            )
    return baris


def _riwayat(satker: Satker) -> list[RiwayatPerubahan]:
    """The latest changes of the satker's Renstra: the plan, its goals, indicators, targets
    and totals (removed rows too), newest first."""
    from django.contrib.contenttypes.models import ContentType

    jenis = ContentType.objects.get_for_models(
        Renstra, SasaranRenstra, IndikatorRenstra, TargetRenstra, PaguIndikatifRenstra
    ).values()
    return list(
        RiwayatPerubahan.objects.filter(satker=satker, content_type__in=jenis)
        .select_related("oleh")
        .order_by("-waktu", "-id")[:RIWAYAT_DITAMPILKAN]
    )


@data_induk
def satker(request: HttpRequest, pk: int) -> HttpResponse:
    """The satker's Renstra (`?renstra=<id>` among several periods, else the latest): its
    period, its matrix of targets and indicative budget per year, its history; or the form
    that makes one."""
    satker = satker_terlihat(request, pk)
    semua = list(Renstra.objects.filter(satker=satker).order_by("-tahun_awal"))
    dipilih = request.GET.get("renstra") or request.POST.get("renstra")
    renstra = next((r for r in semua if str(r.pk) == dipilih), semua[0] if semua else None)
    alamat = reverse("sekretariat-renstra-satker", args=[satker.pk])
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    status = 200
    nama_baku = f"Rencana Strategis {satker.nama}"
    form_baru = RenstraForm(
        request.POST if aksi == "buat" else None, initial={"nama": nama_baku}, prefix="baru"
    )
    if aksi == "buat":
        if form_baru.is_valid():
            try:
                baru = layanan.renstra_buat(
                    user=request.user, satker=satker, **form_baru.cleaned_data
                )
            except ValidationError as exc:
                galat_ke_form(form_baru, exc)
            else:
                messages.success(request, f"{baru} dibuat. Tambahkan sasaran dan indikatornya.")
                return redirect(f"{alamat}?renstra={baru.pk}")
        status = 400
    if renstra is None:
        return render(
            request,
            "kinerja/sekretariat/renstra_satker.html",
            {"satker": satker, "form_baru": form_baru, "riwayat": _riwayat(satker)},
            status=status,
        )

    awal_periode = riwayat.nilai(renstra, layanan.RENSTRA_FIELDS)
    form_periode = RenstraForm(
        request.POST if aksi == "periode" else None,
        initial={f: getattr(renstra, f) for f in layanan.RENSTRA_FIELDS},
        prefix="periode",
    )
    tanda_periode = riwayat.tandai(awal_periode)
    if aksi == "periode":
        if form_periode.is_valid():
            try:
                layanan.renstra_ubah(
                    user=request.user, renstra=renstra, data=form_periode.cleaned_data,
                    awal=riwayat.awal_dari(request.POST.get("tanda_periode")),
                )  # fmt: skip
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                status = 409
            except ValidationError as exc:
                galat_ke_form(form_periode, exc)
                status = 400
            else:
                messages.success(request, "Nama dan periode Renstra disimpan.")
                return redirect(f"{alamat}?renstra={renstra.pk}")
        else:
            status = 400

    indikator = layanan.indikator_matriks(renstra)
    sekarang, _label = layanan.nilai_matriks(renstra, indikator)
    nilai, galat, tanda = sekarang, {}, riwayat.tandai(sekarang)
    if aksi == "matriks":
        isian, galat = _baca_isian(request.POST, renstra, indikator)
        nilai = {k: request.POST.get(k, "") for k in sekarang}
        tanda = request.POST.get("tanda", "")
        if galat:
            messages.error(request, "Matriks belum disimpan; periksa isian yang ditandai.")
            status = 400
        else:
            try:
                jumlah = layanan.matriks_simpan(
                    user=request.user, renstra=renstra, isian=isian, tanda=tanda
                )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                indikator = layanan.indikator_matriks(renstra)
                tanda = riwayat.tandai(layanan.nilai_matriks(renstra, indikator)[0])
                status = 409
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                status = 400
            else:
                messages.success(
                    request,
                    f"Matriks Renstra disimpan ({jumlah} isian berubah)."
                    if jumlah
                    else "Tidak ada yang berubah.",
                )
                return redirect(f"{alamat}?renstra={renstra.pk}")
    elif aksi not in (None, "buat", "periode"):
        messages.error(request, "Aksi tidak dikenal.")
        status = 400

    pagu = [
        {
            "tahun": t,
            "nama": layanan.kunci_pagu(t),
            "nilai": nilai.get(layanan.kunci_pagu(t), ""),
            "galat": galat.get(layanan.kunci_pagu(t)),
        }
        for t in renstra.tahun
    ]
    return render(
        request,
        "kinerja/sekretariat/renstra_satker.html",
        {
            "satker": satker,
            "semua": semua,
            "renstra": renstra,
            "tahun": list(renstra.tahun),
            "baris": _matriks(renstra, indikator, nilai, galat),
            "pagu": pagu,
            "tanda": tanda,
            "form_periode": form_periode,
            "tanda_periode": tanda_periode,
            "form_baru": form_baru,
            "riwayat": _riwayat(satker),
        },
        status=status,
    )
