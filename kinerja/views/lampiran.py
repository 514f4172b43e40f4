"""The PP-39 annexes a satker fills in per quarter: Form A of each kegiatan (its data umum and
the kendala of its outputs, with the follow-up and who is expected to help) and the staff-
monitoring form (thirteen tables). Each page saves as a whole, refuses a stale save, keeps
every change in the history, and refuses changes once the quarter is submitted or verified."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kinerja import jejak, riwayat, siklus
from kinerja.choices import TabelKepegawaian, TingkatAnggaran
from kinerja.formatting import romawi
from kinerja.models import (
    Dipa,
    ItemAnggaran,
    KendalaKegiatan,
    LaporanKegiatan,
    MonitoringKepegawaian,
)
from kinerja.models.kepegawaian import KOLOM, MODEL_TABEL
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from kinerja.views.baris import TabelBaris, riwayat_halaman
from satker.models import Satker

T = TingkatAnggaran

UMUM_FIELDS = (
    "kode_fungsi",
    "fungsi",
    "kode_sub_fungsi",
    "sub_fungsi",
    "indikator_hasil",
    "jangka_waktu",
    "tahun_ke",
    "penanggung_jawab",
    "tempat_kedudukan",
    "tanggal",
)
KENDALA_FIELDS = ("nomor", "output", "kendala", "tindak_lanjut", "pihak_membantu")
KENDALA_JUDUL = {
    "nomor": "No",
    "output": "Output",
    "kendala": "Kendala",
    "tindak_lanjut": "Tindak lanjut yang diperlukan",
    "pihak_membantu": "Pihak yang diharapkan dapat membantu penyelesaian masalah",
}


class _Batal(Exception):
    """A row failed its check after the parent record was written: undo both."""


def _laporan_baru(satker: Satker, kegiatan: ItemAnggaran, triwulan: int) -> LaporanKegiatan:
    """A new Form A, with the data umum of the kegiatan's latest earlier quarter, else the
    satker's head and address."""
    lalu = (
        LaporanKegiatan.objects.filter(kegiatan=kegiatan, triwulan__lt=triwulan)
        .order_by("-triwulan")
        .first()
    )
    baru = LaporanKegiatan(satker=satker, kegiatan=kegiatan, triwulan=triwulan)
    if lalu is not None:
        for f in UMUM_FIELDS:
            if f != "tanggal":
                setattr(baru, f, getattr(lalu, f))
    else:
        baru.penanggung_jawab = satker.kepala_nama
        baru.tempat_kedudukan = satker.alamat
    return baru


def _berawalan(nilai: dict[str, str], awalan: str) -> dict[str, str]:
    return {f"{awalan}-{k}": v for k, v in nilai.items()}


@login_required
@satu_per_satker
def form_a(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """Form A of one kegiatan (`?kegiatan=6077`, else the first) for a quarter."""
    satker = satker_terlihat(request, pk)
    semua = list(
        ItemAnggaran.objects.filter(satker=satker, tahun=tahun, tingkat=T.KEGIATAN)
        .select_related("induk")
        .order_by("urutan")
    )
    if not semua:
        raise Http404("Belum ada struktur anggaran tahun ini.")
    kode = request.GET.get("kegiatan") or semua[0].kode
    kegiatan = next((k for k in semua if k.kode == kode), None)
    if kegiatan is None:
        raise Http404
    laporan = LaporanKegiatan.objects.filter(kegiatan=kegiatan, triwulan=triwulan).first()
    laporan = laporan or _laporan_baru(satker, kegiatan, triwulan)
    awalan = f"Form A {kegiatan.kode} TW {romawi(triwulan)} {tahun}"
    tabel = TabelBaris(
        KendalaKegiatan,
        KENDALA_FIELDS,
        induk="laporan",
        tetap={"laporan": laporan},
        uraian=awalan,
        judul=KENDALA_JUDUL,
        pilihan={
            "output": ItemAnggaran.objects.filter(induk=kegiatan, tingkat=T.KRO).order_by("urutan")
        },
        prefix="k",
    )
    UmumForm = forms.modelform_factory(
        LaporanKegiatan,
        fields=UMUM_FIELDS,
        widgets={
            "tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "indikator_hasil": forms.Textarea(attrs={"rows": 2}),
        },
    )
    qs = tabel.queryset()
    lama_umum = riwayat.nilai(laporan, UMUM_FIELDS)
    nilai_baris, label = tabel.nilai(qs)
    sekarang = _berawalan(lama_umum, "umum") | nilai_baris
    label |= {
        f"umum-{f}": str(LaporanKegiatan._meta.get_field(f).verbose_name) for f in UMUM_FIELDS
    }
    tanda, terkunci = (
        riwayat.tandai(sekarang),
        siklus.alasan_laporan_terkunci(satker, tahun, triwulan),
    )
    status = 200
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        lama = {o.pk: riwayat.nilai(o, tabel.fields) for o in qs}
        form = UmumForm(request.POST, instance=laporan, prefix="umum")
        formset = tabel.formset(qs, request.POST)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci or bentrok:
            messages.error(request, terkunci or bentrok)
            status = 400 if terkunci else 409
        elif form.is_valid() and formset.is_valid():
            baru = laporan.pk is None
            try:
                with transaction.atomic():
                    laporan.full_clean()
                    with jejak.konteks(uraian=f"{awalan} data umum"):
                        laporan.save()
                    if not tabel.periksa(formset):
                        raise _Batal
                    jumlah = tabel.simpan(formset, lama, user=request.user, satker=satker)
            except _Batal:
                if baru:
                    laporan.pk = None
                messages.error(request, "Form A belum disimpan; periksa baris yang ditandai.")
                status = 400
            else:
                messages.success(
                    request,
                    f"Form A kegiatan {kegiatan.kode} tersimpan: {jumlah[0]} kendala baru, "
                    f"{jumlah[1]} berubah, {jumlah[2]} dihapus.",
                )
                url = reverse("entri-form-a", args=[satker.pk, tahun, triwulan])
                return redirect(f"{url}?kegiatan={kegiatan.kode}")
        else:
            messages.error(request, "Form A belum disimpan; periksa isian yang ditandai.")
            status = 400
    else:
        form = UmumForm(instance=laporan, prefix="umum")
        formset = tabel.formset(qs)
    dipa = Dipa.objects.filter(satker=satker, tahun=tahun).only("nomor").first()
    program = kegiatan.induk
    return render(
        request,
        "kinerja/entri/form_a.html",
        {
            "satker": satker,
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": romawi(triwulan),
            "kegiatan": kegiatan,
            "semua_kegiatan": semua,
            "program": program,
            "nomor_dipa": dipa.nomor if dipa else "",
            "form": form,
            "formset": formset,
            "tanda": tanda,
            "terkunci": terkunci,
            "boleh": siklus.boleh_mengisi(request.user, satker) and not terkunci,
            "riwayat": riwayat_halaman(satker, awalan),
            "bagian": "pengisian",
        },
        status=status,
    )


# --- the staff-monitoring form ---------------------------------------------------------------


def kolom_isian(jenis: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The fields a table's page edits, and their titles: its order number, then its columns
    (a training's end date after its start date)."""
    fields, judul = ["nomor"], {"nomor": "No. urut"}
    for k in KOLOM[jenis]:
        fields.append(k.field)
        judul[k.field] = k.judul
        if k.field == "tanggal" and jenis == TabelKepegawaian.PELATIHAN:
            fields.append("tanggal_selesai")
            judul["tanggal_selesai"] = "s.d. tanggal"
    return tuple(fields), judul


@login_required
@satu_per_satker
def kepegawaian(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    """One table (`?tabel=pelatihan`, else the first) of the quarter's staff-monitoring form."""
    satker = satker_terlihat(request, pk)
    jenis = request.GET.get("tabel") or TabelKepegawaian.PELATIHAN
    if jenis not in TabelKepegawaian.values:
        raise Http404
    monitoring = MonitoringKepegawaian.objects.filter(
        satker=satker, tahun=tahun, triwulan=triwulan
    ).first() or MonitoringKepegawaian(satker=satker, tahun=tahun, triwulan=triwulan)
    awalan = f"Monitoring kepegawaian TW {romawi(triwulan)} {tahun}"
    judul_tabel = TabelKepegawaian(jenis).label
    fields, judul = kolom_isian(jenis)
    tabel = TabelBaris(
        MODEL_TABEL[jenis],
        fields,
        induk="monitoring",
        tetap={"monitoring": monitoring, "jenis": jenis},
        uraian=f"{awalan} · {judul_tabel}",
        judul=judul,
    )
    qs = tabel.queryset()
    sekarang, label = tabel.nilai(qs)
    tanda = riwayat.tandai(sekarang)
    terkunci = siklus.alasan_laporan_terkunci(satker, tahun, triwulan)
    status = 200
    if request.method == "POST":
        pastikan_boleh_mengisi(request, satker)
        lama = {o.pk: riwayat.nilai(o, tabel.fields) for o in qs}
        formset = tabel.formset(qs, request.POST)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if terkunci or bentrok:
            messages.error(request, terkunci or bentrok)
            status = 400 if terkunci else 409
        elif formset.is_valid() and tabel.periksa(formset):
            with transaction.atomic():
                if monitoring.pk is None:
                    monitoring.full_clean()
                    with jejak.konteks(uraian=awalan):
                        monitoring.save()
                jumlah = tabel.simpan(formset, lama, user=request.user, satker=satker)
            messages.success(
                request,
                f"{judul_tabel} tersimpan: {jumlah[0]} baru, {jumlah[1]} berubah, "
                f"{jumlah[2]} dihapus.",
            )
            url = reverse("entri-kepegawaian", args=[satker.pk, tahun, triwulan])
            return redirect(f"{url}?tabel={jenis}")
        else:
            messages.error(request, f"{judul_tabel} belum disimpan; periksa baris yang ditandai.")
            status = 400
    else:
        formset = tabel.formset(qs)
    jumlah_baris = {}
    if monitoring.pk:
        for model in set(MODEL_TABEL.values()):
            for j in model.objects.filter(monitoring=monitoring).values_list("jenis", flat=True):
                jumlah_baris[j] = jumlah_baris.get(j, 0) + 1
    return render(
        request,
        "kinerja/entri/kepegawaian.html",
        {
            "satker": satker,
            "tahun": tahun,
            "triwulan": triwulan,
            "romawi": romawi(triwulan),
            "kunci": jenis,
            "judul_tabel": judul_tabel,
            "semua_tabel": [
                {"kunci": t.value, "judul": t.label, "jumlah": jumlah_baris.get(t.value, 0)}
                for t in TabelKepegawaian
            ],
            "monitoring": monitoring,
            "formset": formset,
            "tanda": tanda,
            "terkunci": terkunci,
            "boleh": siklus.boleh_mengisi(request.user, satker) and not terkunci,
            "riwayat": riwayat_halaman(satker, awalan),
            "bagian": "pengisian",
        },
        status=status,
    )
