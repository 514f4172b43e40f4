"""Pages of the budget: the tree with its progress, DIPA, PNBP, efficiency and deviation;
and the Excel templates and imports."""

from __future__ import annotations

import base64
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinerja import impor_anggaran, services, siklus
from kinerja.choices import Triwulan
from kinerja.models import Dipa, IndikatorPerjanjian, KegiatanAlki
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel
from kinerja.selectors.capaian import konfigurasi
from kinerja.views.akses import pastikan_boleh_mengisi, satker_terlihat, satu_per_satker
from kinerja.views.parameter import TAHUN_VALID, int_param

JENIS = (impor_anggaran.STRUKTUR, impor_anggaran.REALISASI)


@login_required
def anggaran(request: HttpRequest, pk: int) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    dipa_list = list(
        Dipa.objects.filter(satker=satker).order_by("-tahun").values_list("tahun", flat=True)
    )
    tahun = int_param(request, "tahun", dipa_list[0] if dipa_list else 2023, TAHUN_VALID)
    triwulan = int_param(
        request, "triwulan", sel.triwulan_terakhir(satker, tahun) or 4, range(1, 5)
    )
    bulan_lalu, bulan_ini = sel.bulan_posisi(triwulan)
    nodes = sel.pohon(satker, tahun, bulan=sel.SETAHUN)
    baris = []
    for node in sorted(nodes.values(), key=lambda n: n.item.urutan):
        lalu = node.hasil.posisi.get(bulan_lalu) if bulan_lalu else None
        ini = node.hasil.posisi.get(bulan_ini)
        baris.append(
            {
                "node": node,
                "kedalaman": node.kode.count(".") + (0 if node.item.induk_id is None else 1),
                "lalu": lalu,
                "ini": ini,
                "keuangan": pa.kolom_triwulan(
                    lalu.realisasi_keuangan.nilai if lalu else None,
                    ini.realisasi_keuangan.nilai if ini else None,
                ),
                "fisik": pa.kolom_triwulan(
                    lalu.realisasi_fisik.nilai if lalu else None,
                    ini.realisasi_fisik.nilai if ini else None,
                ),
            }
        )
    pagu, _, realisasi = sel.total_satker(nodes, bulan_ini)
    tercatat = sel.realisasi_tercatat(nodes, bulan_ini)
    p = konfigurasi().pembulatan
    dipa = Dipa.objects.filter(satker=satker, tahun=tahun).prefetch_related("revisi").first()
    lines = (
        IndikatorPerjanjian.objects.restrict(request.user)
        .filter(sasaran__perjanjian__satker=satker, sasaran__perjanjian__tahun=tahun)
        .select_related("sasaran__perjanjian__satker", "indikator")
        .prefetch_related("anggaran")
        .order_by("sasaran__nomor", "nomor")
    )
    efisiensi = sel.efisiensi_indikator(lines)
    context = {
        "satker": satker,
        "tahun": tahun,
        "daftar_tahun": dipa_list,
        "triwulan": triwulan,
        "daftar_triwulan": Triwulan.choices,
        "baris": baris,
        "total": {
            "pagu": pagu,
            "realisasi": tercatat,
            "persen": pa.persen_terhadap(realisasi, pagu, pembulatan=p),
        },
        "dipa": dipa,
        "revisi": sel.revisi_dengan_semula(dipa),
        "pnbp": sel.pnbp_per_tahun(satker, range(tahun - 3, tahun + 1)),
        "efisiensi": efisiensi,
        "efisiensi_rata": pa.rata_rata([e.efisiensi.efisiensi for e in efisiensi], pembulatan=p),
        "deviasi": sel.deviasi_penarikan(nodes, bulan_ini),
        "deviasi_tercatat": sel.periode_tercatat(nodes, bulan_ini),
        "alki": KegiatanAlki.objects.filter(satker=satker, tahun=tahun).select_related("item"),
        "boleh_impor": siklus.boleh_mengisi(request.user, satker),
    }
    return render(request, "kinerja/anggaran.html", context)


@login_required
def templat(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """The workbook of `jenis`, pre-filled with the satker's current data."""
    if jenis not in JENIS:
        raise Http404
    satker = satker_terlihat(request, pk)
    isi = impor_anggaran.templat(jenis, satker, tahun)
    nama = f"anggaran-{jenis}-{satker.kode or satker.pk}-{tahun}.xlsx"
    response = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


def _simpan_pratinjau(
    request: HttpRequest, kunci: str, isi: bytes, rencana: impor_anggaran.RencanaImpor
) -> None:
    """Keep the uploaded file and the fingerprint of its preview until the user applies it."""
    request.session.pop(kunci, None)
    if rencana.sah and rencana.perubahan:
        request.session[kunci] = {
            "token": secrets.token_urlsafe(16),
            "isi": base64.b64encode(isi).decode(),
            "sidik": rencana.sidik(),
        }


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas Excel (.xlsx)"),
        error_messages={"required": _("Pilih berkas Excel yang akan diunggah.")},
    )


@login_required
@satu_per_satker
def impor(request: HttpRequest, pk: int, tahun: int, jenis: str) -> HttpResponse:
    """Upload a workbook, see what it would change, then apply it (all or nothing)."""
    if jenis not in JENIS:
        raise Http404
    satker = satker_terlihat(request, pk)
    pastikan_boleh_mengisi(request, satker)
    kunci_sesi = f"impor-anggaran-{satker.pk}-{tahun}-{jenis}"
    rencana = None
    form = UnggahForm()
    if request.method == "POST" and "terapkan" in request.POST:
        simpanan = request.session.get(kunci_sesi)
        if not simpanan or simpanan["token"] != request.POST.get("token"):
            messages.error(request, _("Pratinjau kedaluwarsa; unggah berkasnya lagi."))
            return redirect(request.path)
        isi = base64.b64decode(simpanan["isi"])
        rencana = impor_anggaran.baca(jenis, isi, satker, tahun)
        if rencana.sah and rencana.sidik() == simpanan["sidik"]:
            try:
                hasil = services.anggaran_impor(
                    user=request.user, satker=satker, tahun=tahun, rencana=rencana
                )
            except ValidationError as exc:
                # A rule of the database the reader did not foresee: nothing was saved.
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
            return redirect(f"{reverse('anggaran', args=[satker.pk])}?tahun={tahun}")
        # Someone changed the budget since the preview: show what the file would change now.
        messages.warning(
            request,
            _("Data anggaran berubah sejak pratinjau dibuat. Periksa pratinjau terbaru ini."),
        )
        _simpan_pratinjau(request, kunci_sesi, isi, rencana)
    elif request.method == "POST":
        form = UnggahForm(request.POST, request.FILES)
        if form.is_valid():
            isi = form.cleaned_data["berkas"].read()
            try:
                rencana = impor_anggaran.baca(jenis, isi, satker, tahun)
            except impor_anggaran.BerkasTidakSah as exc:
                form.add_error("berkas", str(exc))
            else:
                _simpan_pratinjau(request, kunci_sesi, isi, rencana)
    return render(
        request,
        "kinerja/anggaran_impor.html",
        {
            "satker": satker,
            "tahun": tahun,
            "jenis": jenis,
            "nama_jenis": impor_anggaran.NAMA_JENIS[jenis],
            "form": form,
            "rencana": rencana,
            "jumlah": {j: rencana.hitung(j) for j in ("baru", "ubah", "hapus")} if rencana else {},
            "token": request.session.get(kunci_sesi, {}).get("token") if rencana else None,
        },
    )
