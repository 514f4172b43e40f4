"""The secretariat's DIPA pages: every satker's DIPA of a year in one list (number, date,
initial pagu, the latest revision and its pagu), and one satker's DIPA with its revisions,
saved as a whole (kinerja/views/baris.py) with the stale-save guard and the history. The
satker's budget page, its PNBP against target and the LAKIP's revision table read the same
rows (kinerja.selectors.anggaran)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kinerja import jejak, riwayat
from kinerja.models import Dipa, RevisiDipa
from kinerja.selectors.anggaran import revisi_dengan_semula
from kinerja.services.data_dukung import field_angka
from kinerja.views.akses import data_induk, satu_per_satker
from kinerja.views.baris import TabelBaris, riwayat_halaman
from satker.models import Satker

DIPA_FIELDS = ("nomor", "tanggal", "pagu_awal", "blokir_awal", "target_pnbp")
REVISI_FIELDS = (
    "nomor", "tanggal", "kewenangan", "uraian", "pagu", "blokir", "target_pnbp", "catatan",
)  # fmt: skip
REVISI_JUDUL = {
    "nomor": "Revisi ke-",
    "pagu": "Pagu sesudah (Rp)",
    "blokir": "Blokir sesudah (Rp)",
    "target_pnbp": "Target PNBP sesudah (Rp)",
}


class _Batal(Exception):
    """A row failed its check after the DIPA was written: undo both."""


@data_induk
def daftar(request: HttpRequest, tahun: int) -> HttpResponse:
    """Every satker with its DIPA of the year: two queries for any number of satker."""
    terakhir = RevisiDipa.objects.filter(dipa=OuterRef("pk")).order_by("-nomor")
    dipa = {
        d.satker_id: d
        for d in Dipa.objects.filter(tahun=tahun).annotate(
            revisi_nomor=Subquery(terakhir.values("nomor")[:1]),
            revisi_pagu=Subquery(terakhir.values("pagu")[:1]),
        )
    }
    baris = [
        {"satker": s, "dipa": dipa.get(s.pk)}
        for s in Satker.objects.order_by("nama").only("pk", "nama", "singkatan", "kode")
    ]
    return render(
        request,
        "kinerja/sekretariat/dipa_daftar.html",
        {"tahun": tahun, "baris": baris, "jumlah_dipa": len(dipa)},
    )


def _berawalan(nilai: dict[str, str]) -> dict[str, str]:
    return {f"dipa-{k}": v for k, v in nilai.items()}


@data_induk
@satu_per_satker
def satker(request: HttpRequest, tahun: int, pk: int) -> HttpResponse:
    """One satker's DIPA of the year and its revisions; a POST saves both as a whole."""
    satker = get_object_or_404(Satker, pk=pk)
    dipa = Dipa.objects.filter(satker=satker, tahun=tahun).first() or Dipa(
        satker=satker, tahun=tahun
    )
    awalan = f"DIPA {tahun}"
    tabel = TabelBaris(
        RevisiDipa,
        REVISI_FIELDS,
        induk="dipa",
        tetap={"dipa": dipa},
        uraian=f"{awalan} revisi",
        judul=REVISI_JUDUL,
        prefix="r",
    )
    DipaForm = forms.modelform_factory(
        Dipa,
        fields=DIPA_FIELDS,
        widgets={"tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")},
        formfield_callback=field_angka,
    )
    qs = tabel.queryset()
    lama_dipa = riwayat.nilai(dipa, DIPA_FIELDS)
    nilai_baris, label = tabel.nilai(qs)
    sekarang = _berawalan(lama_dipa) | nilai_baris
    label |= {f"dipa-{f}": str(Dipa._meta.get_field(f).verbose_name) for f in DIPA_FIELDS}
    tanda = riwayat.tandai(sekarang)
    status = 200
    if request.method == "POST":
        lama = {o.pk: riwayat.nilai(o, tabel.fields) for o in qs}
        form = DipaForm(request.POST, instance=dipa, prefix="dipa")
        formset = tabel.formset(qs, request.POST)
        tanda, bentrok = riwayat.periksa_kiriman(request.POST.get("tanda"), sekarang, label)
        if bentrok:
            messages.error(request, bentrok)
            status = 409
        elif form.is_valid() and formset.is_valid():
            baru = dipa.pk is None
            try:
                with transaction.atomic():
                    if baru or form.has_changed():
                        dipa.full_clean()
                        with jejak.konteks(user=request.user, uraian=f"{awalan} {dipa.nomor}"):
                            dipa.save()
                    if not tabel.periksa(formset):
                        raise _Batal
                    jumlah = tabel.simpan(formset, lama, user=request.user, satker=satker)
            except _Batal:
                if baru:
                    dipa.pk = None
                messages.error(request, "DIPA belum disimpan; periksa baris yang ditandai.")
                status = 400
            except jejak.TriwulanTerkunci as exc:
                if baru:
                    dipa.pk = None
                messages.error(request, exc.pesan)
                status = 409
            except forms.ValidationError as exc:
                if baru:
                    dipa.pk = None
                for kolom, pesan in exc.message_dict.items():
                    form.add_error(kolom if kolom in form.fields else None, pesan)
                messages.error(request, "DIPA belum disimpan; periksa isian yang ditandai.")
                status = 400
            else:
                messages.success(
                    request,
                    f"DIPA {satker.singkatan} {tahun} tersimpan: {jumlah[0]} revisi baru, "
                    f"{jumlah[1]} berubah, {jumlah[2]} dihapus.",
                )
                return redirect("sekretariat-dipa-satker", tahun, satker.pk)
        else:
            messages.error(request, "DIPA belum disimpan; periksa isian yang ditandai.")
            status = 400
    else:
        form = DipaForm(instance=dipa, prefix="dipa")
        formset = tabel.formset(qs)
    tampil = Dipa.objects.prefetch_related("revisi").filter(pk=dipa.pk).first() if dipa.pk else None
    return render(
        request,
        "kinerja/sekretariat/dipa_satker.html",
        {
            "satker": satker,
            "tahun": tahun,
            "form": form,
            "formset": formset,
            "tanda": tanda,
            "revisi": revisi_dengan_semula(tampil),
            "riwayat": riwayat_halaman(satker, awalan),
        },
        status=status,
    )
