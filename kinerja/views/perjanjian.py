"""The Perjanjian Kinerja of a year: entered with the targets the Renstra set for the year
proposed; a draft (made when the secretariat opened the year) changed freely and then
signed; a signed PK revised with a reason (targets changed, lines added and removed, the
signing place and date, the signed scan). Every signed version is listed with its scan and
can be printed from its snapshot."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinerja import batas, riwayat, siklus, unggahan
from kinerja.choices import Satuan
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RevisiPerjanjian,
)
from kinerja.selectors.renstra import renstra_satker
from kinerja.services import perjanjian as layanan
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from satker.models import Satker

# How many empty rows the page offers for lines a save adds.
BARIS_BARU = 3


class PerjanjianForm(forms.Form):
    pihak_pertama_nama = forms.CharField(label="Pihak pertama", max_length=200)
    pihak_pertama_jabatan = forms.CharField(label="Jabatan pihak pertama", max_length=200)
    pihak_kedua_nama = forms.CharField(label="Pihak kedua", max_length=200)
    pihak_kedua_jabatan = forms.CharField(label="Jabatan pihak kedua", max_length=200)
    tempat = forms.CharField(label="Tempat penandatanganan", max_length=100, required=False)
    tanggal = forms.DateField(
        label="Tanggal penandatanganan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Masukkan tanggal yang sah."},
    )
    total_anggaran = forms.IntegerField(
        label="Total anggaran (Rp)",
        required=False,
        validators=[batas.validator(PerjanjianKinerja._meta.get_field("total_anggaran"))],
        error_messages={"invalid": "Masukkan rupiah bulat tanpa titik."},
    )


_target = layanan.target
HANYA_BACA = "PK ini hanya dapat dibaca di sini: operator dan kepala satker yang mengubahnya."


def _usulan(satker: Satker, tahun: int) -> list[dict]:
    """The Renstra indicators of the year, grouped by goal, with their target proposed."""
    renstra = renstra_satker(satker, tahun)
    if renstra is None:
        return []
    usulan = []
    for s in renstra.sasaran.all():
        for ind in s.indikator.all():
            target = next((t.target for t in ind.target.all() if t.tahun == tahun), None)
            usulan.append({"sasaran": s, "indikator": ind, "target": target})
    return usulan


@login_required
@satu_per_satker
def perjanjian(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The year's PK: a new one from the Renstra proposal, else the page that changes a
    draft or revises a signed one."""
    satker = satker_terlihat(request, pk)
    pk_ada = PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun).first()
    if pk_ada is not None:
        return _ubah(request, satker, pk_ada)
    usulan = _usulan(satker, tahun)
    manual = list(IndikatorKinerja.objects.order_by("kode"))
    eselon = satker.unit_eselon_i
    form = PerjanjianForm(
        request.POST or None,
        initial={
            "pihak_pertama_nama": satker.kepala_nama,
            "pihak_pertama_jabatan": satker.kepala_jabatan or f"Kepala {satker.nama}",
            "pihak_kedua_nama": eselon.kepala_nama if eselon else "",
            "pihak_kedua_jabatan": eselon.kepala_jabatan if eselon else "",
            "tempat": "Jakarta",
        },
    )
    galat: dict[str, str] = {}
    pilihan: list[dict] = []
    for i, u in enumerate(usulan):
        ada = request.POST.get(f"u{i}-pilih") if request.method == "POST" else "1"
        target_teks = (
            request.POST.get(f"u{i}-target", "")
            if request.method == "POST"
            else riwayat.teks(u["target"])
        )
        manual_id = (
            request.POST.get(f"u{i}-manual", "")
            if request.method == "POST"
            else str(u["indikator"].indikator_id or "")
        )
        pilihan.append(
            {**u, "i": i, "pilih": bool(ada), "target_teks": target_teks, "manual_id": manual_id}
        )
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        dipilih = [p for p in pilihan if p["pilih"]]
        if not dipilih:
            galat["umum"] = "Pilih setidaknya satu indikator."
        dipakai: dict[int, str] = {}  # manual indicator id → the Renstra indicator using it
        for p in dipilih:
            try:
                p["target_nilai"] = _target(p["target_teks"])
                if p["target_nilai"] is None:
                    raise ValidationError("Isi target.")
            except ValidationError as exc:
                galat[f"u{p['i']}-target"] = exc.messages[0]
            p["manual_obj"] = next((m for m in manual if str(m.pk) == p["manual_id"]), None)
            if p["manual_obj"] is None:
                galat[f"u{p['i']}-manual"] = "Pilih indikator dari pedoman."
            elif p["manual_obj"].pk in dipakai:
                galat[f"u{p['i']}-manual"] = (
                    f"Indikator {p['manual_obj'].kode} sudah dipilih untuk "
                    f"“{dipakai[p['manual_obj'].pk]}”; satu indikator pedoman satu baris PK."
                )
            else:
                dipakai[p["manual_obj"].pk] = p["indikator"].nama
        for p in pilihan:
            p["galat_target"] = galat.get(f"u{p['i']}-target")
            p["galat_manual"] = galat.get(f"u{p['i']}-manual")
        if form.is_valid() and not galat:
            try:
                pk_baru = layanan.buat_pk(satker, tahun, form.cleaned_data, dipilih)
            except ValidationError as exc:
                # A rule of the model the checks above did not foresee; nothing was saved.
                galat["umum"] = " ".join(exc.messages)
            else:
                messages.success(
                    request, f"Perjanjian Kinerja {tahun} dibuat dengan {len(dipilih)} indikator."
                )
                return redirect(reverse("entri-pk", args=[satker.pk, pk_baru.tahun]))
        messages.error(request, "Perjanjian Kinerja belum disimpan; periksa isian yang ditandai.")
    return render(
        request,
        "kinerja/entri/pk_baru.html",
        {
            "satker": satker,
            "tahun": tahun,
            "form": form,
            "pilihan": pilihan,
            "manual": manual,
            "galat": galat,
            "bagian": "pengisian",
        },
        status=400 if request.method == "POST" else 200,
    )


class UbahForm(forms.Form):
    alasan = forms.CharField(label="Alasan revisi", max_length=500, required=False)
    tempat = forms.CharField(label="Tempat penandatanganan", max_length=100, required=False)
    tanggal = forms.DateField(
        label="Tanggal penandatanganan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Masukkan tanggal yang sah."},
    )
    pindaian = forms.FileField(
        label="Pindaian PK bertanda tangan (PDF)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    tandatangani = forms.BooleanField(label="PK ini sudah ditandatangani", required=False)


def _baris_baru(request: HttpRequest, manual: list[IndikatorKinerja], galat: dict) -> tuple:
    """The lines typed in the empty rows (a row with nothing typed is ignored), as typed and
    as BarisBaru where they are sound."""
    ketik, baru = [], []
    for i in range(BARIS_BARU):
        d = {
            k: (request.POST.get(f"baru{i}-{k}", "") if request.method == "POST" else "").strip()
            for k in ("sasaran", "sasaran_baru", "manual", "uraian", "target", "satuan")
        }
        d["i"] = i
        ketik.append(d)
        if request.method != "POST" or not (d["manual"] or d["target"] or d["uraian"]):
            continue
        m = next((x for x in manual if str(x.pk) == d["manual"]), None)
        if m is None:
            galat[f"baru{i}-manual"] = "Pilih indikator dari pedoman."
        target = None
        try:
            target = _target(d["target"])
            if target is None:
                raise ValidationError("Isi target.")
        except ValidationError as exc:
            galat[f"baru{i}-target"] = exc.messages[0]
        satuan = d["satuan"] or (m.satuan if m else "")
        if satuan not in Satuan.values:
            galat[f"baru{i}-satuan"] = "Pilih satuan."
        uraian = d["uraian"] or (m.nama if m else "")
        try:
            batas.periksa(IndikatorPerjanjian, "uraian", uraian)
        except ValidationError as exc:
            galat[f"baru{i}-uraian"] = exc.messages[0]
        sasaran_id = int(d["sasaran"]) if d["sasaran"].isdigit() else None
        if (
            m is not None
            and target is not None
            and not any(k.startswith(f"baru{i}-") for k in galat)
        ):
            baru.append(
                (
                    i,
                    layanan.BarisBaru(
                        manual=m,
                        uraian=uraian,
                        target=target,
                        satuan=satuan,
                        sasaran_id=sasaran_id,
                        sasaran_uraian=d["sasaran_baru"],
                    ),
                )
            )
    return ketik, baru


def _ubah(request: HttpRequest, satker: Satker, pk: PerjanjianKinerja) -> HttpResponse:
    """Change a draft (and sign it), or revise a signed PK: targets, lines removed (a line
    with measurements is refused) and added, with a reason; the place, date and scan of the
    signing. Nothing is saved while anything is refused; what was typed stays."""
    lines = list(
        IndikatorPerjanjian.objects.filter(sasaran__perjanjian=pk)
        .select_related("sasaran", "indikator")
        .order_by("sasaran__nomor", "nomor")
    )
    sasaran = sorted({line.sasaran for line in lines}, key=lambda s: s.nomor)
    manual = list(IndikatorKinerja.objects.order_by("kode"))
    post = request.method == "POST"
    form = UbahForm(
        request.POST if post else None,
        request.FILES if post else None,
        initial={"tempat": pk.tempat or "Jakarta", "tanggal": pk.tanggal},
    )
    nilai = {
        line.pk: request.POST.get(f"t{line.pk}", "") if post else riwayat.teks(line.target)
        for line in lines
    }
    hapus = {line.pk for line in lines if post and request.POST.get(f"hapus-{line.pk}")}
    galat: dict[str, str] = {}
    sekarang = {str(line.pk): riwayat.teks(line.target) for line in lines}
    label = {str(line.pk): f"target {line.kode}" for line in lines}
    tanda, bentrok = riwayat.tandai(sekarang), ""
    terkunci = layanan.revisi_terkunci(satker, pk.tahun)
    ketik, baru = _baris_baru(request, manual, galat)
    if post:
        pastikan_boleh_mengisi(request, satker)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci:
            bentrok = terkunci  # refused like a stale save: nothing changes, the page stays
        if bentrok:
            messages.error(request, bentrok)
        target = {}
        for line in lines:
            if line.pk in hapus:
                continue
            try:
                v = _target(nilai[line.pk])
                if v is None:
                    raise ValidationError("Target harus lebih dari 0.")
                target[line.pk] = v
            except ValidationError as exc:
                galat[f"t{line.pk}"] = exc.messages[0]
        form_sah = form.is_valid()
        if form_sah and not pk.draf and not form.cleaned_data["alasan"].strip():
            form.add_error("alasan", "Tuliskan alasan revisi target.")
            form_sah = False
        if not bentrok and form_sah and not galat:
            c = form.cleaned_data
            perubahan = layanan.Perubahan(
                target=target,
                hapus=hapus,
                tambah=[b for _i, b in baru],
                alasan=c["alasan"],
                tempat=c["tempat"],
                tanggal=c["tanggal"],
                pindaian=c["pindaian"],
                tandatangani=pk.draf and c["tandatangani"],
            )
            try:
                hasil = layanan.ubah_pk(user=request.user, pk=pk, perubahan=perubahan)
            except ValidationError as exc:
                _galat_layanan(exc, form, galat, [i for i, _b in baru])
            else:
                return _selesai(request, satker, pk, hasil)
        if not bentrok:
            messages.error(
                request, "Perjanjian Kinerja belum disimpan; periksa isian yang ditandai."
            )
    riwayat_target = riwayat.riwayat_per(lines)
    return render(
        request,
        "kinerja/entri/pk_revisi.html",
        {
            "satker": satker,
            "tahun": pk.tahun,
            "pk": pk,
            "form": form,
            "baris": [
                {
                    "line": line,
                    "nilai": nilai[line.pk],
                    "galat": galat.get(f"t{line.pk}"),
                    "hapus": line.pk in hapus,
                    "galat_hapus": galat.get(f"hapus-{line.pk}"),
                    "riwayat": riwayat_target.get(line.pk, []),
                }
                for line in lines
            ],
            "baru": [
                {
                    **d,
                    "galat": {
                        k.split("-", 1)[1]: v
                        for k, v in galat.items()
                        if k.startswith(f"baru{d['i']}-")
                    },
                }
                for d in ketik
            ],
            "galat_umum": galat.get("umum"),
            "sasaran": sasaran,
            "manual": manual,
            "satuan": Satuan.choices,
            "daftar_revisi": list(pk.daftar_revisi.select_related("oleh").order_by("-nomor")),
            "tanda": tanda,
            # A reader (the secretariat, a reviewer) sees the form disabled, with why.
            "terkunci": terkunci
            or (None if siklus.boleh_mengisi(request.user, satker) else HANYA_BACA),
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if post else 200,
    )


def _galat_layanan(exc: ValidationError, form: UbahForm, galat: dict, baru_i: list[int]) -> None:
    """The service's refusals put where the page shows them."""
    if not hasattr(exc, "error_dict"):
        galat["umum"] = " ".join(exc.messages)
        return
    for kunci, daftar in exc.message_dict.items():
        pesan = daftar[0]
        if kunci in ("alasan", "tempat", "tanggal", "pindaian"):
            form.add_error(kunci, pesan)
        elif kunci.startswith("baru"):
            # The service numbers the added rows among those sent; the page by its row.
            urut, _sep, nama = kunci[4:].partition("-")
            galat[f"baru{baru_i[int(urut)]}-{nama}"] = pesan
        elif kunci.startswith(("hapus-", "umum")):
            galat[kunci] = pesan
        else:
            galat["umum"] = " ".join(x for x in (galat.get("umum"), pesan) if x)


def _selesai(request: HttpRequest, satker: Satker, pk: PerjanjianKinerja, hasil: dict):
    revisi = hasil["revisi"]
    bagian = []
    if hasil["target"]:
        bagian.append(f"{hasil['target']} target berubah")
    if hasil["tambah"]:
        bagian.append(f"{hasil['tambah']} baris ditambahkan")
    if hasil["hapus"]:
        bagian.append(f"{hasil['hapus']} baris dihapus")
    rincian = ", ".join(bagian)
    if revisi is None and not bagian:
        messages.info(request, "Tidak ada target yang berubah.")
    elif revisi is None:
        messages.success(request, f"Draf Perjanjian Kinerja disimpan: {rincian}.")
    elif revisi.nomor == 0:
        messages.success(request, "Perjanjian Kinerja ditandatangani dan dicatat (revisi 0).")
    else:
        messages.success(request, f"Revisi ke-{revisi.nomor} disimpan: {rincian}.")
    return redirect(reverse("entri-pk", args=[satker.pk, pk.tahun]))


def _revisi_satker(request: HttpRequest, pk: int, tahun: int, nomor: int) -> RevisiPerjanjian:
    satker = satker_terlihat(request, pk)
    return get_object_or_404(
        RevisiPerjanjian.objects.select_related("perjanjian__satker"),
        perjanjian__satker=satker,
        perjanjian__tahun=tahun,
        nomor=nomor,
    )


@login_required
def cetak_revisi(request: HttpRequest, pk: int, tahun: int, nomor: int) -> HttpResponse:
    """A kept version of the PK as a PDF, printed from its snapshot."""
    from laporan import services as laporan

    revisi = _revisi_satker(request, pk, tahun, nomor)
    dokumen = laporan.susun("pk", revisi.perjanjian.satker, tahun, revisi=nomor)
    isi = laporan.render(dokumen, "pdf").isi
    response = HttpResponse(isi, content_type="application/pdf")
    nama = f"PK-{revisi.perjanjian.satker.singkatan}-{tahun}-revisi-{nomor}.pdf"
    response["Content-Disposition"] = f'inline; filename="{unggahan.nama_aman(nama)}"'
    return response


@login_required
def pindaian(request: HttpRequest, pk: int, tahun: int, nomor: int) -> HttpResponse:
    """The signed scan of a kept version."""
    revisi = _revisi_satker(request, pk, tahun, nomor)
    if not revisi.pindaian:
        raise Http404("Revisi ini belum memiliki pindaian.")
    return unggahan.tanggapan(
        revisi.pindaian, nama=revisi.pindaian_nama or "pindaian.pdf", jenis_konten="application/pdf"
    )


@login_required
@require_POST
@satu_per_satker
def unggah_pindaian(request: HttpRequest, pk: int, tahun: int, nomor: int) -> HttpResponse:
    """Attach the signed scan to a kept version that has none yet."""
    revisi = _revisi_satker(request, pk, tahun, nomor)
    berkas = request.FILES.get("pindaian")
    if berkas is None:
        messages.error(request, "Pilih berkas PDF pindaian.")
    else:
        try:
            layanan.unggah_pindaian(user=request.user, revisi=revisi, berkas=berkas)
        except PermissionDenied:
            raise
        except ValidationError as exc:
            for pesan in exc.messages:
                messages.error(request, pesan)
        else:
            messages.success(request, f"Pindaian revisi {nomor} disimpan.")
    return redirect(reverse("entri-pk", args=[pk, tahun]) + "#revisi")
