"""The satker's quarter: entering the measurement of every PK line (with the computed figures
shown while typing), evidence files, the history of every value, and submission by the
head; the reviewer's notes appear on the items they concern."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinerja import bukti, riwayat, siklus, unggahan
from kinerja.choices import DataDukung
from kinerja.formatting import romawi
from kinerja.forms import RealisasiForm, UnggahBuktiForm
from kinerja.models import BuktiDukung, IndikatorPerjanjian, PelaporanTriwulan, VersiIndikator
from kinerja.selectors.capaian import hitung_capaian, hitung_pratinjau
from kinerja.selectors.pedoman import definisi_baris
from kinerja.services import realisasi as services_realisasi
from kinerja.views.akses import satker_terlihat, satu_per_satker
from kinerja.views.data_dukung import halaman_sumber
from satker.models import Satker

FIELDS = siklus.ISIAN
ANGKA = ("nilai_realisasi", "realisasi_antara")


class Pesan(NamedTuple):
    """A message shown at a card: `tingkat` is "success", "info" or "error"."""

    tingkat: str
    teks: str


def _url(satker: Satker, tahun: int, triwulan: int) -> str:
    return reverse("entri-triwulan", args=[satker.pk, tahun, triwulan])


def _line(satker: Satker, tahun: int, pk: int) -> IndikatorPerjanjian:
    return get_object_or_404(
        IndikatorPerjanjian.objects.select_related("sasaran__perjanjian__satker", "indikator"),
        pk=pk,
        sasaran__perjanjian__satker=satker,
        sasaran__perjanjian__tahun=tahun,
    )


def _dihitung(line: IndikatorPerjanjian, versi: VersiIndikator | None = None) -> bool:
    """The line's realisasi is computed from supporting data (by the manual's version of its
    year): its form offers no value."""
    if versi is None:
        versi = definisi_baris([line]).get(line.pk)
    return bool(versi.data_dukung if versi is not None else line.indikator.data_dukung)


def _form_awal(
    line: IndikatorPerjanjian, triwulan: int, versi: VersiIndikator | None = None
) -> RealisasiForm:
    r = siklus.realisasi_triwulan([line], triwulan).get(line.pk)
    awal = riwayat.nilai(r, FIELDS)
    # Numbers shown the Indonesian way (45,12), as they will be typed back.
    data = {f: (awal[f] if f in ANGKA else getattr(r, f)) for f in FIELDS} if r else {}
    return RealisasiForm(
        initial={**data, "tanda": riwayat.tandai(awal)},
        prefix=f"l{line.pk}",
        dengan_nilai=not _dihitung(line, versi),
    )


def _form_kiriman(line: IndikatorPerjanjian, data: Mapping[str, Any]) -> RealisasiForm:
    return RealisasiForm(data, prefix=f"l{line.pk}", dengan_nilai=not _dihitung(line))


def _konteks(
    request: HttpRequest,
    satker: Satker,
    tahun: int,
    triwulan: int,
    *,
    form_terikat: tuple[int, RealisasiForm] | None = None,
    pesan: tuple[int, list[Pesan]] | None = None,
) -> dict[str, Any]:
    """Everything the quarter page shows; `form_terikat` is a line's form as it was posted
    (refused: what was typed, with the errors) and `pesan` the messages shown at a card."""
    lines = siklus.lines_satker(satker, tahun)
    hasil = dict(zip([x.pk for x in lines], hitung_capaian(lines, triwulan), strict=True))
    definisi = definisi_baris(lines)
    lap = PelaporanTriwulan.objects.filter(satker=satker, tahun=tahun, triwulan=triwulan).first()
    catatan = {}
    if lap:
        for c in lap.catatan_reviu.select_related("oleh").order_by("dibuat"):
            catatan.setdefault(c.indikator_id, []).append(c)
    realisasi = siklus.realisasi_triwulan(lines, triwulan)
    bukti_per = {}
    for b in BuktiDukung.objects.filter(realisasi__in=realisasi.values()).select_related(
        "diunggah_oleh"
    ):
        bukti_per.setdefault(b.realisasi_id, []).append(b)
    per_realisasi = riwayat.riwayat_per(realisasi.values())
    riwayat_per = {r.indikator_id: per_realisasi.get(r.pk, []) for r in realisasi.values()}
    kartu = []
    for line in lines:
        terikat = form_terikat is not None and form_terikat[0] == line.pk
        versi = definisi.get(line.pk)
        form = form_terikat[1] if terikat else _form_awal(line, triwulan, versi)
        ra = next((x for x in line.rencana_aksi.all() if x.triwulan == triwulan), None)
        r = realisasi.get(line.pk)
        sumber = versi.data_dukung if versi is not None else line.indikator.data_dukung
        kartu.append(
            {
                "line": line,
                "form": form,
                "belum_tersimpan": terikat,
                "pesan": pesan[1] if pesan and pesan[0] == line.pk else [],
                "hasil": hasil[line.pk],
                "versi": versi,
                "ra": ra,
                "bukti": bukti_per.get(r.pk, []) if r else [],
                "riwayat": riwayat_per.get(line.pk, []),
                "catatan": catatan.get(line.pk, []),
                "tertinggal": siklus.tertinggal(hasil[line.pk]),
                "dihitung": bool(sumber),
                "nama_sumber": DataDukung(sumber).label if sumber else "",
                "url_sumber": halaman_sumber(satker, tahun, sumber) if sumber else None,
            }
        )
    terkunci = siklus.alasan_terkunci(request.user, satker, tahun, triwulan)
    periode = siklus.periode(tahun, triwulan)
    return {
        "satker": satker,
        "tahun": tahun,
        "triwulan": triwulan,
        "triwulan_romawi": romawi(triwulan),
        "kartu": kartu,
        "lap": lap,
        "catatan_umum": catatan.get(None, []),
        "peristiwa": list(lap.peristiwa.select_related("oleh")) if lap else [],
        "terkunci": terkunci,
        "periode": periode,
        "batas": siklus.batas_untuk(periode, satker) if periode else None,
        "kekurangan": siklus.kelengkapan(
            satker, tahun, triwulan, lines=lines, hasil=hasil, definisi=definisi
        ),
        "boleh_mengajukan": siklus.boleh_mengajukan(request.user, satker),
        "unggah_form": UnggahBuktiForm(),
        "bagian": "pengisian",
    }


def _halaman(
    request: HttpRequest,
    satker: Satker,
    tahun: int,
    triwulan: int,
    *,
    form_terikat: tuple[int, RealisasiForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _konteks(request, satker, tahun, triwulan, form_terikat=form_terikat)
    return render(request, "kinerja/entri/triwulan.html", context, status=status)


def _dari_skrip(request: HttpRequest) -> bool:
    """The save was sent by the page's script (one card, no reload), not by the form."""
    return request.headers.get("X-Requested-With") == "fetch"


def _jawaban_kartu(
    request: HttpRequest,
    satker: Satker,
    tahun: int,
    line: IndikatorPerjanjian,
    triwulan: int,
    *,
    pesan: list[Pesan],
    form_terikat: RealisasiForm | None = None,
    status: int = 200,
) -> JsonResponse:
    """The answer to a save sent by the page's script: the card's new state (saved: the
    values as stored; refused: what was typed, the errors at their fields and the reason at
    the card) and the quarter's checklist, as HTML to put in place of the old ones."""
    context = _konteks(
        request,
        satker,
        tahun,
        triwulan,
        form_terikat=(line.pk, form_terikat) if form_terikat is not None else None,
        pesan=(line.pk, pesan),
    )
    k = next(x for x in context["kartu"] if x["line"].pk == line.pk)
    return JsonResponse(
        {
            "tersimpan": form_terikat is None,
            "kartu": render_to_string(
                "kinerja/entri/_kartu.html", {**context, "k": k}, request=request
            ),
            "kelengkapan": render_to_string(
                "kinerja/entri/_kelengkapan.html", context, request=request
            ),
        },
        status=status,
    )


@login_required
def triwulan(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    return _halaman(request, satker_terlihat(request, pk), tahun, triwulan)


@login_required
@require_POST
@satu_per_satker
def simpan_realisasi(
    request: HttpRequest, pk: int, tahun: int, triwulan: int, line_pk: int
) -> HttpResponse:
    """Save one line's measurement as a draft. Invalid input, a locked quarter or a change
    made by someone else since the form was opened: nothing is saved, the card comes back
    with what was typed and the reason. Sent by the page's script, the answer is the card
    alone (the rest of the page keeps what is typed there); sent by the form, the page."""
    satker = satker_terlihat(request, pk)
    line = _line(satker, tahun, line_pk)
    form = _form_kiriman(line, request.POST)
    pesan: list[Pesan] = []
    status = 200
    try:
        berubah = services_realisasi.realisasi_simpan(
            user=request.user,
            line=line,
            triwulan=triwulan,
            isian=request.POST,
            awalan=f"l{line.pk}",
            dengan_nilai=not _dihitung(line),
        ).berubah
    except services_realisasi.RealisasiTerkunci as exc:
        pesan, status = [Pesan("error", exc.pesan)], 403
    except services_realisasi.IsianTidakValid as exc:
        pesan = [
            Pesan("error", f"{line.kode}: periksa isian yang ditandai; belum ada yang disimpan.")
        ]
        form, status = exc.form, 400
    except riwayat.Bentrok as exc:
        segar = _form_awal(
            IndikatorPerjanjian.objects.select_related("indikator")
            .prefetch_related("realisasi")
            .get(pk=line.pk),
            triwulan,
        )
        # Keep what the user typed, with the new baseline, so a deliberate save can follow.
        form = _form_kiriman(
            line, {**request.POST.dict(), f"l{line.pk}-tanda": segar.initial["tanda"]}
        )
        pesan, status = [Pesan("error", exc.pesan)], 409
    except ValidationError as exc:
        pesan, status = [Pesan("error", f"{line.kode}: {p}") for p in exc.messages], 400
    if status != 200:
        if _dari_skrip(request):
            return _jawaban_kartu(
                request,
                satker,
                tahun,
                line,
                triwulan,
                pesan=pesan,
                form_terikat=form,
                status=status,
            )
        for p in pesan:
            messages.error(request, p.teks)
        return _halaman(
            request, satker, tahun, triwulan, form_terikat=(line.pk, form), status=status
        )
    if berubah:
        pesan = [
            Pesan("success", f"{line.kode} tersimpan sebagai draf ({len(berubah)} perubahan).")
        ]
    else:
        pesan = [Pesan("info", f"{line.kode}: tidak ada yang berubah.")]
    if _dari_skrip(request):
        return _jawaban_kartu(request, satker, tahun, line, triwulan, pesan=pesan)
    getattr(messages, pesan[0].tingkat)(request, pesan[0].teks)
    return redirect(f"{_url(satker, tahun, triwulan)}#l{line.pk}")


@login_required
@require_POST
def pratinjau(
    request: HttpRequest, pk: int, tahun: int, triwulan: int, line_pk: int
) -> HttpResponse:
    """The figures the line would have with the values being typed (nothing is saved)."""
    satker = satker_terlihat(request, pk)
    line = _line(satker, tahun, line_pk)
    form = _form_kiriman(line, request.POST)
    form.is_valid()
    data = form.cleaned_data
    galat = {f: form.errors[f] for f in ("nilai_realisasi", "realisasi_antara") if f in form.errors}
    hasil = hitung_pratinjau(
        line,
        triwulan,
        data.get("realisasi_antara"),
        data.get("nilai_realisasi"),
        ganti_nilai=not _dihitung(line),
    )
    return render(
        request,
        "kinerja/entri/_hasil.html",
        {
            "hasil": hasil,
            "galat": galat,
            "tertinggal": siklus.tertinggal(hasil),
            "line": line,
            "triwulan_romawi": romawi(triwulan),
        },
    )


@login_required
@require_POST
@satu_per_satker
def unggah_bukti(
    request: HttpRequest, pk: int, tahun: int, triwulan: int, line_pk: int
) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    line = _line(satker, tahun, line_pk)
    form = UnggahBuktiForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, f"{line.kode}: pilih berkas bukti dukung.")
    else:
        try:
            b = bukti.unggah(
                user=request.user, line=line, triwulan=triwulan, berkas=form.cleaned_data["berkas"]
            )
        except (ValidationError, PermissionDenied) as exc:
            pesan = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            for p in pesan:
                messages.error(request, f"{line.kode}: {p}")
        else:
            messages.success(request, f"{line.kode}: bukti “{b.nama}” diunggah.")
    return redirect(f"{_url(satker, tahun, triwulan)}#l{line.pk}")


def _bukti(request: HttpRequest, pk: int) -> BuktiDukung:
    return get_object_or_404(
        BuktiDukung.objects.restrict(request.user).select_related(
            "realisasi__indikator__sasaran__perjanjian__satker"
        ),
        pk=pk,
    )


@login_required
def unduh_bukti(request: HttpRequest, pk: int) -> FileResponse:
    b = _bukti(request, pk)
    return unggahan.tanggapan(b.berkas, nama=b.nama, jenis_konten=b.jenis_konten)


@login_required
@require_POST
def hapus_bukti(request: HttpRequest, pk: int) -> HttpResponse:
    b = _bukti(request, pk)
    r = b.realisasi
    line = r.indikator
    satker = line.sasaran.perjanjian.satker
    try:
        bukti.hapus(user=request.user, bukti=b)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{line.kode}: bukti “{b.nama}” dihapus.")
    return redirect(f"{_url(satker, line.sasaran.perjanjian.tahun, r.triwulan)}#l{line.pk}")


@login_required
@require_POST
@satu_per_satker
def ajukan(request: HttpRequest, pk: int, tahun: int, triwulan: int) -> HttpResponse:
    satker = satker_terlihat(request, pk)
    lap = siklus.pelaporan(satker, tahun, triwulan)
    try:
        siklus.ajukan(user=request.user, lap=lap)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "Laporan belum dapat diajukan:")
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        messages.success(
            request, f"Laporan Triwulan {romawi(triwulan)} {tahun} diajukan untuk direviu."
        )
    return redirect(_url(satker, tahun, triwulan))
