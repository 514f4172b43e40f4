"""The plan of a year: the Perjanjian Kinerja (entered with the targets the Renstra set for
the year proposed, then revised with a reason) and the Rencana Aksi per quarter. Every change
of a target is kept in the history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import batas, riwayat, siklus
from kinerja.formatting import romawi
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    PerjanjianKinerja,
    RencanaAksi,
    SasaranKegiatan,
)
from kinerja.selectors.renstra import renstra_satker
from kinerja.services import perjanjian as services_pk
from kinerja.services import rencana_aksi as services_ra
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from satker.models import Satker

# --- Perjanjian Kinerja -----------------------------------------------------------------------


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


_target = services_pk.target


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
    satker = satker_terlihat(request, pk)
    pk_ada = (
        PerjanjianKinerja.objects.filter(satker=satker, tahun=tahun)
        .prefetch_related("sasaran__indikator__indikator")
        .first()
    )
    if pk_ada is not None:
        return _revisi(request, satker, pk_ada)
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
                pk_baru = _buat_pk(satker, tahun, form.cleaned_data, dipilih)
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


@transaction.atomic
def _buat_pk(satker: Satker, tahun: int, data: dict, dipilih: list[dict]) -> PerjanjianKinerja:
    pk = PerjanjianKinerja(satker=satker, tahun=tahun, **data)
    pk.full_clean()
    pk.save()
    per_sasaran: dict[int, list[dict]] = {}
    urutan = []
    for p in dipilih:
        if p["sasaran"].pk not in per_sasaran:
            urutan.append(p["sasaran"])
        per_sasaran.setdefault(p["sasaran"].pk, []).append(p)
    for nomor, sr in enumerate(urutan, start=1):
        sasaran = SasaranKegiatan(perjanjian=pk, nomor=nomor, uraian=sr.nama, sasaran_renstra=sr)
        sasaran.full_clean()
        sasaran.save()
        for n, p in enumerate(per_sasaran[sr.pk], start=1):
            ind = p["indikator"]
            line = IndikatorPerjanjian(
                sasaran=sasaran,
                nomor=n,
                uraian=ind.nama,
                indikator=p["manual_obj"],
                indikator_renstra=ind,
                target=p["target_nilai"],
                satuan=ind.satuan or p["manual_obj"].satuan,
            )
            line.full_clean()
            line.save()
    return pk


class RevisiForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan revisi",
        max_length=500,
        error_messages={"required": "Tuliskan alasan revisi target."},
    )


def _revisi(request: HttpRequest, satker: Satker, pk: PerjanjianKinerja) -> HttpResponse:
    """Revise the targets of an existing PK: the revision number goes up, each changed target
    is kept in the history with the reason."""
    lines = [line for s in pk.sasaran.all() for line in s.indikator.all()]
    form = RevisiForm(request.POST or None)
    nilai = {
        line.pk: request.POST.get(f"t{line.pk}", "")
        if request.method == "POST"
        else riwayat.teks(line.target)
        for line in lines
    }
    galat: dict[int, str] = {}
    sekarang = {str(line.pk): riwayat.teks(line.target) for line in lines}
    label = {str(line.pk): f"target {line.kode}" for line in lines}
    tanda, bentrok = riwayat.tandai(sekarang), ""
    terkunci = _revisi_terkunci(satker, pk.tahun)
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci:
            bentrok = terkunci  # refused like a stale save: nothing changes, the page stays
        if bentrok:
            messages.error(request, bentrok)
        baru = {}
        for line in lines:
            try:
                v = _target(nilai[line.pk])
                if v is None:
                    raise ValidationError("Target harus lebih dari 0.")
                baru[line.pk] = v
            except ValidationError as exc:
                galat[line.pk] = exc.messages[0]
        if not bentrok and form.is_valid() and not galat:
            berubah = [line for line in lines if baru[line.pk] != line.target]
            if not berubah:
                messages.info(request, "Tidak ada target yang berubah.")
                return redirect(reverse("entri-pk", args=[satker.pk, pk.tahun]))
            pk_baru = services_pk.revisi_target(
                user=request.user,
                pk=pk,
                baru={line: baru[line.pk] for line in berubah},
                alasan=form.cleaned_data["alasan"],
            )
            messages.success(
                request, f"Revisi ke-{pk_baru.revisi} disimpan: {len(berubah)} target berubah."
            )
            return redirect(reverse("entri-pk", args=[satker.pk, pk.tahun]))
        if not bentrok:
            messages.error(request, "Revisi belum disimpan; periksa isian yang ditandai.")
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
                    "galat": galat.get(line.pk),
                    "riwayat": riwayat_target.get(line.pk, []),
                }
                for line in lines
            ],
            "tanda": tanda,
            "terkunci": terkunci,
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if request.method == "POST" else 200,
    )


_revisi_terkunci = services_pk.revisi_terkunci


def _nilai_rencana_aksi(lines: list[IndikatorPerjanjian]) -> tuple[dict, dict]:
    """The plan as it is now, as comparable text, and the label of each value."""
    nilai, label = {}, {}
    for line in lines:
        ra = {r.triwulan: r for r in line.rencana_aksi.all()}
        for tw in (1, 2, 3, 4):
            r = ra.get(tw)
            k = f"{line.pk}-{tw}"
            nilai[f"{k}-t"] = riwayat.teks(r.target_antara) if r else ""
            nilai[f"{k}-k"] = r.rencana_kegiatan if r else ""
            label[f"{k}-t"] = f"{line.kode} TW {romawi(tw)} target antara"
            label[f"{k}-k"] = f"{line.kode} TW {romawi(tw)} rencana kegiatan"
    return nilai, label


# --- Rencana Aksi ------------------------------------------------------------------------------


@login_required
@satu_per_satker
def rencana_aksi(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """Target antara (cumulative %) and planned activities of every line per quarter; a
    quarter already submitted or verified keeps its plan."""
    satker = satker_terlihat(request, pk)
    lines = siklus.lines_satker(satker, tahun)
    terkunci = set(siklus.triwulan_terkunci(satker, tahun))
    sekarang, label = _nilai_rencana_aksi(lines)
    tanda, bentrok = riwayat.tandai(sekarang), ""
    baris = []
    galat_ada = False
    for line in lines:
        ra = {r.triwulan: r for r in line.rencana_aksi.all()}
        sel = []
        for tw in (1, 2, 3, 4):
            r = ra.get(tw)
            galat_kegiatan = ""
            if request.method == "POST" and tw not in terkunci:
                target_teks = request.POST.get(f"t{line.pk}-{tw}", "")
                kegiatan = riwayat.baris_baru(request.POST.get(f"k{line.pk}-{tw}", "").strip())
                try:
                    batas.periksa(RencanaAksi, "rencana_kegiatan", kegiatan)
                except ValidationError as exc:
                    galat_kegiatan, galat_ada = exc.messages[0], True
            else:
                target_teks = riwayat.teks(r.target_antara) if r else ""
                kegiatan = r.rencana_kegiatan if r else ""
            sel.append(
                {
                    "tw": tw,
                    "r": r,
                    "target_teks": target_teks,
                    "kegiatan": kegiatan,
                    "galat": galat_kegiatan,
                    "terkunci": tw in terkunci,
                }
            )
        if request.method == "POST":
            for s in sel:
                try:
                    s["nilai"] = services_ra.TARGET_ANTARA.clean(s["target_teks"])
                except ValidationError as exc:
                    s["galat"] = exc.messages[0]
                    galat_ada = True
            kumulatif = services_ra.galat_kumulatif(
                {s["tw"]: s["nilai"] for s in sel if "nilai" in s}
            )
            for s in sel:
                if s["tw"] in kumulatif:
                    s["galat"], galat_ada = kumulatif[s["tw"]], True
        baris.append({"line": line, "sel": sel})
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if bentrok:
            messages.error(request, bentrok)
        elif galat_ada:
            messages.error(request, "Rencana aksi belum disimpan; periksa isian yang ditandai.")
        else:
            jumlah = 0
            with transaction.atomic():
                for b in baris:
                    for s in b["sel"]:
                        if s["terkunci"]:
                            continue
                        r = s["r"] or RencanaAksi(indikator=b["line"], triwulan=s["tw"])
                        if r.pk is None and s["nilai"] is None and not s["kegiatan"]:
                            continue
                        jumlah += len(
                            riwayat.simpan(
                                r,
                                {"target_antara": s["nilai"], "rencana_kegiatan": s["kegiatan"]},
                                user=request.user,
                                satker=satker,
                                uraian=f"Rencana aksi {b['line'].kode} TW {romawi(s['tw'])}",
                                awal=None,
                            )
                        )
            messages.success(request, f"Rencana aksi {tahun} disimpan ({jumlah} perubahan).")
            return redirect(reverse("entri-rencana-aksi", args=[satker.pk, tahun]))
    return render(
        request,
        "kinerja/entri/rencana_aksi.html",
        {
            "satker": satker,
            "tahun": tahun,
            "baris": baris,
            "terkunci": sorted(terkunci),
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=409 if bentrok else 400 if galat_ada else 200,
    )
