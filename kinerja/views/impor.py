"""Pages of every Excel round-trip (kinerja.impor): the pre-filled template to download, and
the upload → preview → apply flow. The preview names every bad row; applying re-reads the
kept file and applies only when its plan is still the one previewed, all of it or nothing."""

from __future__ import annotations

import base64
import copy
import secrets
from dataclasses import dataclass, replace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinerja.formatting import romawi
from kinerja.impor import anggaran as impor_anggaran
from kinerja.impor import dasar as impor
from kinerja.impor import data_dukung as impor_data
from kinerja.impor import perjanjian as impor_perjanjian
from kinerja.impor import realisasi as impor_realisasi
from kinerja.impor import rencana_aksi as impor_rencana_aksi
from kinerja.impor import renstra as impor_renstra
from kinerja.models import Renstra
from kinerja.views.akses import (
    data_induk,
    pastikan_boleh_mengisi,
    satker_terlihat,
    satu_per_satker,
)
from satker.models import Satker

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Tautan:
    """Where the import page sits: its breadcrumb (label, url) pairs, the page it returns to
    once applied, and the template's URL."""

    remah: tuple[tuple[str, str], ...]
    kembali: str
    templat: str


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"),
        error_messages={"required": _("Pilih berkas Excel yang akan diunggah.")},
    )

    def __init__(self, *args, spec: impor.Spec, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for nama, f in spec.field_tambahan.items():
            self.fields[nama] = copy.deepcopy(f)

    def tambahan(self) -> list[forms.BoundField]:
        return [self[n] for n in self.fields if n != "berkas"]


def unduh(spec: impor.Spec, lingkup: impor.Lingkup) -> HttpResponse:
    """The workbook of `spec`, pre-filled with the current data, as a download."""
    response = HttpResponse(impor.templat(spec, lingkup), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{spec.nama_berkas(lingkup)}.xlsx"'
    return response


def _kunci_sesi(spec: impor.Spec, lingkup: impor.Lingkup) -> str:
    return f"impor-{spec.jenis}-{lingkup.satker.pk}-{lingkup.tahun}-{lingkup.triwulan or 0}"


def _simpan_pratinjau(
    request: HttpRequest,
    kunci: str,
    isi: bytes,
    rencana: impor.RencanaImpor,
    tambahan: dict[str, str],
) -> None:
    """Keep the uploaded file, what the form asked with it, and the fingerprint of its
    preview until the user applies it."""
    request.session.pop(kunci, None)
    if rencana.sah and rencana.perubahan:
        request.session[kunci] = {
            "token": secrets.token_urlsafe(16),
            "isi": base64.b64encode(isi).decode(),
            "sidik": rencana.sidik(),
            "tambahan": tambahan,
        }


def halaman(
    request: HttpRequest, spec: impor.Spec, lingkup: impor.Lingkup, tautan: Tautan
) -> HttpResponse:
    """Upload a workbook, see what it would change, then apply it (all or nothing). The
    caller has checked that the user may see and change these data, and holds the satker's
    lock for a POST (views.akses.satu_per_satker)."""
    if not spec.boleh(request.user, lingkup):
        raise PermissionDenied("Anda tidak berwenang mengubah data ini.")
    kunci_sesi = _kunci_sesi(spec, lingkup)
    rencana = None
    form = UnggahForm(spec=spec)
    if request.method == "POST" and "terapkan" in request.POST:
        simpanan = request.session.get(kunci_sesi)
        if not simpanan or simpanan["token"] != request.POST.get("token"):
            messages.error(request, _("Pratinjau kedaluwarsa; unggah berkasnya lagi."))
            return redirect(request.path)
        isi = base64.b64decode(simpanan["isi"])
        tambahan = simpanan.get("tambahan", {})
        lingkup = replace(lingkup, tambahan=tambahan)
        rencana = impor.baca(spec, isi, lingkup)
        if rencana.sah and rencana.sidik() == simpanan["sidik"]:
            try:
                hasil = impor.terapkan(spec, rencana, lingkup, request.user)
            except ValidationError as exc:
                # A rule the reader did not foresee (or a quarter closed meanwhile): nothing
                # was saved.
                messages.error(
                    request,
                    _("Tidak ada yang disimpan: %(pesan)s") % {"pesan": "; ".join(exc.messages)},
                )
                return redirect(request.path)
            del request.session[kunci_sesi]
            if hasil.tanpa_perubahan:
                messages.info(request, _("Tidak ada perubahan: data sudah sama dengan berkas."))
            else:
                messages.success(
                    request,
                    _("Impor selesai: %(baru)d baru, %(ubah)d berubah, %(hapus)d dihapus.")
                    % {"baru": hasil.baru, "ubah": hasil.ubah, "hapus": hasil.hapus},
                )
            return redirect(tautan.kembali)
        # The data changed since the preview: show what the file would change now, or why
        # it no longer can (a quarter submitted meanwhile).
        if not rencana.sah:
            messages.error(
                request,
                _("Tidak ada yang disimpan: berkas ini tidak dapat diterapkan lagi."),
            )
        else:
            messages.warning(
                request,
                _("Data %(data)s berubah sejak pratinjau dibuat. Periksa pratinjau terbaru ini.")
                % {"data": spec.nama_data},
            )
        _simpan_pratinjau(request, kunci_sesi, isi, rencana, tambahan)
    elif request.method == "POST":
        form = UnggahForm(request.POST, request.FILES, spec=spec)
        if form.is_valid():
            isi = form.cleaned_data["berkas"].read()
            tambahan = {f.name: form.cleaned_data[f.name] for f in form.tambahan()}
            lingkup = replace(lingkup, tambahan=tambahan)
            try:
                rencana = impor.baca(spec, isi, lingkup)
            except impor.BerkasTidakSah as exc:
                form.add_error("berkas", str(exc))
        if rencana is not None:
            _simpan_pratinjau(request, kunci_sesi, isi, rencana, tambahan)
    return render(
        request,
        "kinerja/impor.html",
        {
            "satker": lingkup.satker,
            "tahun": lingkup.tahun,
            "lingkup": lingkup,
            "judul": spec.judul_lingkup(lingkup),
            "spec": spec,
            "nama_jenis": spec.nama,
            "tautan": tautan,
            "form": form,
            "rencana": rencana,
            "jumlah": {j: rencana.hitung(j) for j in ("baru", "ubah", "hapus")} if rencana else {},
            "token": request.session.get(kunci_sesi, {}).get("token") if rencana else None,
        },
    )


def _remah_satker(lingkup: impor.Lingkup) -> tuple[str, str]:
    s = lingkup.satker
    return (s.singkatan, f"{reverse('satker-detail', args=[s.pk])}?tahun={lingkup.tahun}")


# --- the budget ---------------------------------------------------------------------------


def _lingkup_anggaran(request: HttpRequest, pk: int, tahun: int, jenis: str) -> impor.Lingkup:
    if jenis not in impor_anggaran.SPEC:
        raise Http404
    return impor.Lingkup(satker_terlihat(request, pk), tahun, user=request.user)


@login_required
def anggaran_templat(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """The budget workbook of `jenis`, pre-filled with the satker's current data."""
    lingkup = _lingkup_anggaran(request, pk, tahun, jenis)
    return unduh(impor_anggaran.SPEC[jenis], lingkup)


@login_required
@satu_per_satker
def anggaran_impor(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """Upload a budget workbook, see what it would change, then apply it (all or nothing)."""
    lingkup = _lingkup_anggaran(request, pk, tahun, jenis)
    satker = lingkup.satker
    pastikan_boleh_mengisi(request, satker)
    kembali = f"{reverse('anggaran', args=[satker.pk])}?tahun={tahun}"
    return halaman(
        request,
        impor_anggaran.SPEC[jenis],
        lingkup,
        Tautan(
            remah=(_remah_satker(lingkup), (_("Anggaran"), kembali)),
            kembali=kembali,
            templat=reverse("anggaran-templat", args=[satker.pk, tahun, jenis]),
        ),
    )


# --- the quarter's measurements -------------------------------------------------------------


def _lingkup_triwulan(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> impor.Lingkup:
    return impor.Lingkup(satker_terlihat(request, pk), tahun, triwulan, user=request.user)


@login_required
def realisasi_templat(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """The quarter's measurements of every PK line, as the quarter page holds them."""
    return unduh(impor_realisasi.SPEC, _lingkup_triwulan(request, pk, tahun, triwulan))


@login_required
@satu_per_satker
def realisasi_impor(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """Upload the quarter's measurements; each row is checked and saved as on the page."""
    lingkup = _lingkup_triwulan(request, pk, tahun, triwulan)
    pastikan_boleh_mengisi(request, lingkup.satker)
    kembali = reverse("entri-triwulan", args=[pk, tahun, triwulan])
    return halaman(
        request,
        impor_realisasi.SPEC,
        lingkup,
        Tautan(
            remah=(_remah_satker(lingkup), (f"Triwulan {romawi(triwulan)}", kembali)),
            kembali=kembali,
            templat=reverse("entri-triwulan-templat", args=[pk, tahun, triwulan]),
        ),
    )


# --- the Rencana Aksi -------------------------------------------------------------------------


def _lingkup_tahun(request: HttpRequest, pk: int, tahun: int) -> impor.Lingkup:
    return impor.Lingkup(satker_terlihat(request, pk), tahun, user=request.user)


@login_required
def rencana_aksi_templat(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The year's Rencana Aksi, one row per PK line and quarter."""
    return unduh(impor_rencana_aksi.SPEC, _lingkup_tahun(request, pk, tahun))


@login_required
@satu_per_satker
def rencana_aksi_impor(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """Upload the year's Rencana Aksi; the page's rules apply to every row."""
    lingkup = _lingkup_tahun(request, pk, tahun)
    pastikan_boleh_mengisi(request, lingkup.satker)
    kembali = reverse("entri-rencana-aksi", args=[pk, tahun])
    return halaman(
        request,
        impor_rencana_aksi.SPEC,
        lingkup,
        Tautan(
            remah=(_remah_satker(lingkup), (_("Rencana aksi"), kembali)),
            kembali=kembali,
            templat=reverse("entri-rencana-aksi-templat", args=[pk, tahun]),
        ),
    )


# --- the PK's targets ---------------------------------------------------------------------------


@login_required
def pk_templat(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The targets of the year's PK, one row per line."""
    return unduh(impor_perjanjian.SPEC, _lingkup_tahun(request, pk, tahun))


@login_required
@satu_per_satker
def pk_impor(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """Upload revised targets with the revision's reason; one revision for the whole file."""
    lingkup = _lingkup_tahun(request, pk, tahun)
    pastikan_boleh_mengisi(request, lingkup.satker)
    kembali = reverse("entri-pk", args=[pk, tahun])
    return halaman(
        request,
        impor_perjanjian.SPEC,
        lingkup,
        Tautan(
            remah=(_remah_satker(lingkup), (_("Perjanjian Kinerja"), kembali)),
            kembali=kembali,
            templat=reverse("entri-pk-templat", args=[pk, tahun]),
        ),
    )


# --- supporting data and the LAKIP's tables ----------------------------------------------------


def _spec_data(jenis: str) -> impor.Spec:
    spec = impor_data.spec_untuk(jenis)
    if spec is None:
        raise Http404
    return spec


@login_required
def data_templat(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """The rows of a table page's kind, one per record, with their IDs."""
    spec = _spec_data(jenis)
    return unduh(spec, _lingkup_tahun(request, pk, tahun))


@login_required
@satu_per_satker
def data_impor(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """Upload a table page's rows; each is checked and saved as the page saves a row."""
    spec = _spec_data(jenis)
    lingkup = _lingkup_tahun(request, pk, tahun)
    pastikan_boleh_mengisi(request, lingkup.satker)
    kembali = reverse("entri-data", args=[pk, tahun, jenis])
    return halaman(
        request,
        spec,
        lingkup,
        Tautan(
            remah=(_remah_satker(lingkup), (spec.uraian_riwayat, kembali)),
            kembali=kembali,
            templat=reverse("entri-data-templat", args=[pk, tahun, jenis]),
        ),
    )


# --- a satker's Renstra matrix (the secretariat) ----------------------------------------------


def _renstra_dipilih(request: HttpRequest, satker: Satker) -> Renstra | None:
    """The Renstra the matrix page shows: `?renstra=<id>` among the satker's, else the
    latest; None when the satker has none yet."""
    semua = list(Renstra.objects.filter(satker=satker).order_by("-tahun_awal"))
    dipilih = request.GET.get("renstra")
    return next((r for r in semua if str(r.pk) == dipilih), semua[0] if semua else None)


def _tanpa_renstra(request: HttpRequest, satker: Satker) -> HttpResponse:
    """A satker without a Renstra has no matrix to download or upload: say so, and where one
    is made."""
    return render(request, "kinerja/sekretariat/renstra_excel_kosong.html", {"satker": satker})


@data_induk
def renstra_templat(request: HttpRequest, pk: int) -> HttpResponse:
    """The satker's Renstra matrix (targets and allocations per indicator and year, the
    indicative budget per year), pre-filled with the current values."""
    satker = satker_terlihat(request, pk)
    renstra = _renstra_dipilih(request, satker)
    if renstra is None:
        return _tanpa_renstra(request, satker)
    return unduh(impor_renstra.SPEC, impor.Lingkup(satker, renstra.tahun_awal, user=request.user))


@data_induk
@satu_per_satker
def renstra_impor(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload the Renstra matrix; every cell is checked and saved as the matrix page does."""
    satker = satker_terlihat(request, pk)
    renstra = _renstra_dipilih(request, satker)
    if renstra is None:
        return _tanpa_renstra(request, satker)
    kembali = f"{reverse('sekretariat-renstra-satker', args=[pk])}?renstra={renstra.pk}"
    return halaman(
        request,
        impor_renstra.SPEC,
        impor.Lingkup(satker, renstra.tahun_awal, user=request.user),
        Tautan(
            remah=(
                (_("Data induk"), reverse("sekretariat")),
                (_("Renstra satker"), reverse("sekretariat-renstra")),
                (f"{satker.singkatan} {renstra.tahun_awal}–{renstra.tahun_akhir}", kembali),
            ),
            kembali=kembali,
            templat=(f"{reverse('sekretariat-renstra-templat', args=[pk])}?renstra={renstra.pk}"),
        ),
    )
