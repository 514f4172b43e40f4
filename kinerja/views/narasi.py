"""The narrative a satker writes: per indicator for the LAKIP (Bab III), and the memo and
narrative sections of a report (the PP-39 of a quarter, the LAKIP)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import batas, jejak, riwayat, siklus
from kinerja.forms import teks_untuk
from kinerja.models import (
    NarasiIndikator,
)
from kinerja.perhitungan.narasi import periksa_narasi
from kinerja.selectors.narasi import nilai_periode
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from kinerja.views.gambar import konteks_gambar
from laporan.choices import (
    LAKIP_BAGIAN,
    PP39_BAGIAN,
    TEMPAT_TABEL,
    BagianNarasi,
    JenisLaporan,
)
from laporan.models import IdentitasLaporan, NarasiLaporan
from satker.models import Satker

# --- narrative per indicator ------------------------------------------------------------------

NARASI_FIELDS = (
    "hasil",
    "analisis_capaian",
    "perbandingan",
    "analisis_penyebab",
    "analisis_efisiensi",
    "kegiatan_penunjang",
    "kendala",
    "rekomendasi",
)


class NarasiForm(forms.Form):
    tanda = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for f in NARASI_FIELDS:
            self.fields[f] = teks_untuk(NarasiIndikator._meta.get_field(f))


@login_required
@satu_per_satker
def narasi(request: HttpRequest, pk: int, tahun: int) -> HttpResponse:
    """The annual narrative of each indicator (LAKIP Bab III), saved per indicator."""
    satker = satker_terlihat(request, pk)
    lines = siklus.lines_satker(satker, tahun)
    narasi_ada = {n.indikator_id: n for n in NarasiIndikator.objects.filter(indikator__in=lines)}
    terikat = None
    status = 200
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        line = next((x for x in lines if str(x.pk) == request.POST.get("indikator")), None)
        if line is None:
            raise Http404
        form = NarasiForm(request.POST, prefix=f"n{line.pk}")
        if form.is_valid():
            try:
                with transaction.atomic():
                    obj = NarasiIndikator.objects.select_for_update().filter(
                        indikator=line
                    ).first() or NarasiIndikator(indikator=line)
                    riwayat.simpan(
                        obj,
                        {f: form.cleaned_data[f].strip() for f in NARASI_FIELDS},
                        user=request.user,
                        satker=satker,
                        uraian=f"Narasi {line.kode} {tahun}",
                        awal=riwayat.awal_dari(form.cleaned_data["tanda"]),
                    )
            except riwayat.Bentrok as exc:
                messages.error(request, exc.pesan)
                # Keep what the user typed, with today's values as the new baseline, so a
                # deliberate save can follow.
                segar = NarasiIndikator.objects.filter(indikator=line).first()
                data = request.POST.copy()
                data[f"n{line.pk}-tanda"] = riwayat.tandai(riwayat.nilai(segar, NARASI_FIELDS))
                form = NarasiForm(data, prefix=f"n{line.pk}")
                terikat, status = (line.pk, form), 409
            else:
                messages.success(request, f"Narasi {line.kode} tersimpan.")
                return redirect(f"{reverse('entri-narasi', args=[satker.pk, tahun])}#n{line.pk}")
        else:
            terikat, status = (line.pk, form), 400
    kartu = []
    riwayat_narasi = riwayat.riwayat_per(narasi_ada.values())
    # What each text states is checked against the year's computed figures.
    nilai = nilai_periode(satker.pk, tahun, None, lines)
    for line in lines:
        n = narasi_ada.get(line.pk)
        if terikat and terikat[0] == line.pk:
            form = terikat[1]
        else:
            awal = riwayat.nilai(n, NARASI_FIELDS)
            form = NarasiForm(
                initial={**{f: getattr(n, f) for f in NARASI_FIELDS}, "tanda": riwayat.tandai(awal)}
                if n
                else {"tanda": riwayat.tandai(awal)},
                prefix=f"n{line.pk}",
            )
        riwayat_n = riwayat_narasi.get(n.pk, []) if n else []
        temuan = {
            f: [t.pesan for t in periksa_narasi(_isi(form, f), nilai=nilai, kode=line.kode)]
            for f in NARASI_FIELDS
        }
        kartu.append(
            {
                "line": line,
                "form": form,
                "riwayat": riwayat_n,
                "isian": [(form[f], temuan[f]) for f in NARASI_FIELDS],
                "rujukan": {k: v for k, v in nilai.items() if k.startswith(f"{line.kode}.")},
            }
        )
    return render(
        request,
        "kinerja/entri/narasi.html",
        {
            "satker": satker,
            "tahun": tahun,
            "kartu": kartu,
            "bagian": "pengisian",
            "boleh": siklus.boleh_mengisi(request.user, satker),
        },
        status=status,
    )


def _isi(form: forms.Form, nama: str) -> str:
    """What a field of the form holds now: as typed when the form is bound, else initial."""
    if form.is_bound:
        return form.data.get(form.add_prefix(nama), "") or ""
    return form.initial.get(nama) or ""


# --- narrative of a report ----------------------------------------------------------------------

IDENTITAS_FIELDS = (
    "nomor_surat",
    "tanggal",
    "tempat",
    "kepada",
    "perihal",
    "lampiran",
    "penandatangan_nama",
    "penandatangan_jabatan",
    "penandatangan_nip",
)


def bagian_laporan(jenis: str, triwulan: int | None) -> tuple[BagianNarasi, ...]:
    """The narrative sections of the report, in its order; 404 for a report that has no
    such period (a PP-39 without its quarter, a LAKIP with one)."""
    if jenis == JenisLaporan.PP39 and triwulan in (1, 2, 3, 4):
        return PP39_BAGIAN
    if jenis == JenisLaporan.LAKIP and triwulan is None:
        return LAKIP_BAGIAN
    raise Http404


def _form_identitas() -> type[forms.ModelForm]:
    return forms.modelform_factory(
        IdentitasLaporan,
        fields=IDENTITAS_FIELDS,
        widgets={"tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")},
    )


@login_required
@satu_per_satker
def narasi_laporan(
    request: HttpRequest, pk: int, tahun: int, jenis: str, triwulan: int | None = None
) -> HttpResponse:
    """The memo and the narrative sections of a report (PP-39 of a quarter, or the LAKIP),
    with the pictures of each section."""
    satker = satker_terlihat(request, pk)
    bagian_list = bagian_laporan(jenis, triwulan)
    if request.method != "POST":
        return halaman_laporan(request, satker, jenis, tahun, triwulan)
    pastikan_boleh_mengisi(request, satker)
    periode = {"satker": satker, "jenis": jenis, "tahun": tahun, "triwulan": triwulan}
    identitas = IdentitasLaporan.objects.filter(**periode).first() or IdentitasLaporan(**periode)
    teks = dict(NarasiLaporan.objects.filter(**periode).values_list("bagian", "teks"))
    lama_identitas = riwayat.nilai(identitas, IDENTITAS_FIELDS)
    sekarang = lama_identitas | {f"b-{b}": teks.get(b, "") for b in bagian_list}
    label = {f: str(IdentitasLaporan._meta.get_field(f).verbose_name) for f in IDENTITAS_FIELDS}
    label |= {f"b-{b}": BagianNarasi(b).label for b in bagian_list}
    # A quarter's memo and narrative are part of what was submitted: fixed under review.
    terkunci = siklus.alasan_laporan_terkunci(satker, tahun, triwulan) if triwulan else None
    form = _form_identitas()(request.POST, instance=identitas)
    baru = {b: riwayat.baris_baru(request.POST.get(f"b-{b}", "").strip()) for b in bagian_list}
    tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
    ulang = {"form": form, "teks": baru, "tanda": tanda, "status": 400}
    if terkunci:
        messages.error(request, terkunci)
        return halaman_laporan(request, satker, jenis, tahun, triwulan, **ulang)
    terlalu_panjang = False
    for b, isi in baru.items():
        try:
            batas.periksa(NarasiLaporan, "teks", isi)
        except ValidationError as exc:
            messages.error(request, f"{BagianNarasi(b).label}: {exc.messages[0]}")
            terlalu_panjang = True
    if terlalu_panjang:
        return halaman_laporan(request, satker, jenis, tahun, triwulan, **ulang)
    if bentrok:
        messages.error(request, bentrok)
        return halaman_laporan(request, satker, jenis, tahun, triwulan, **(ulang | {"status": 409}))
    if not form.is_valid():
        messages.error(request, "Narasi laporan belum disimpan; periksa isian yang ditandai.")
        return halaman_laporan(request, satker, jenis, tahun, triwulan, **ulang)
    with transaction.atomic():
        with jejak.konteks(uraian=str):
            form.save()
        berubah = 0
        for b, isi in baru.items():
            if isi == teks.get(b, ""):
                continue
            n = NarasiLaporan.objects.filter(**periode, bagian=b).first() or NarasiLaporan(
                **periode, bagian=b
            )
            berubah += len(
                riwayat.simpan(
                    n,
                    {"teks": isi},
                    user=request.user,
                    satker=satker,
                    uraian=f"{BagianNarasi(b).label} ({jenis} {tahun})",
                    awal=None,
                )
            )
    messages.success(request, f"Narasi laporan tersimpan ({berubah} bagian berubah).")
    return redirect(request.path)


def halaman_laporan(
    request: HttpRequest,
    satker: Satker,
    jenis: str,
    tahun: int,
    triwulan: int | None,
    *,
    form: forms.ModelForm | None = None,
    teks: dict[str, str] | None = None,
    tanda: str | None = None,
    status: int = 200,
    gambar_gagal: tuple[str, forms.Form] | None = None,
) -> HttpResponse:
    """The report-narrative page: as stored, or with what a refused request sent (`form`
    and `teks` for the narrative, `gambar_gagal` for a picture's upload form, by its
    place) and its status."""
    bagian_list = bagian_laporan(jenis, triwulan)
    periode = {"satker": satker, "jenis": jenis, "tahun": tahun, "triwulan": triwulan}
    identitas = IdentitasLaporan.objects.filter(**periode).first() or IdentitasLaporan(**periode)
    tersimpan = dict(NarasiLaporan.objects.filter(**periode).values_list("bagian", "teks"))
    if tanda is None:
        sekarang = riwayat.nilai(identitas, IDENTITAS_FIELDS)
        sekarang |= {f"b-{b}": tersimpan.get(b, "") for b in bagian_list}
        tanda = riwayat.tandai(sekarang)
    teks = tersimpan if teks is None else teks
    form = form or _form_identitas()(instance=identitas)
    terkunci = siklus.alasan_laporan_terkunci(satker, tahun, triwulan) if triwulan else None
    lines = siklus.lines_satker(satker, tahun)
    nilai = nilai_periode(satker.pk, tahun, triwulan, lines)
    boleh = siklus.boleh_mengisi(request.user, satker) and not terkunci
    gambar = konteks_gambar(satker, jenis, tahun, triwulan, bagian_list, lines, gambar_gagal)
    return render(
        request,
        "kinerja/entri/narasi_laporan.html",
        {
            "satker": satker,
            "tahun": tahun,
            "jenis": JenisLaporan(jenis),
            "triwulan": triwulan,
            "form": form,
            "bagian_list": [
                {
                    "kunci": b,
                    "label": BagianNarasi(b).label,
                    "teks": teks.get(b, ""),
                    "temuan": [t.pesan for t in periksa_narasi(teks.get(b, ""), nilai=nilai)],
                    "tempat_tabel": [f"[[tabel:{k}]]" for k in TEMPAT_TABEL.get(b, ())]
                    if jenis == JenisLaporan.LAKIP
                    else [],
                    "gambar": gambar["per_bagian"].get(b),
                }
                for b in bagian_list
            ],
            "gambar": gambar,
            "rujukan": nilai,
            "boleh": boleh,
            "terkunci": terkunci,
            "tanda": tanda,
            "bagian": "pengisian",
        },
        status=status,
    )
