"""The secretariat's page of a satker's PK lines against its budget items
(`/sekretariat/tautan-anggaran/<tahun>/<satker pk>/`): a check box per line and item, saved
as a whole; the LAKIP's budget per indicator and efficiency tables read the links."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kinerja import riwayat
from kinerja.services.tautan_anggaran import data_tautan, tautan_simpan
from kinerja.views.akses import data_induk, satu_per_satker
from kinerja.views.baris import riwayat_halaman
from satker.models import Satker


def _pilihan(request: HttpRequest, line_ids: list[int]) -> dict[int, set[int]]:
    """The posted check boxes: `t-<line id>` carries the ids of the items checked."""
    hasil = {}
    for pk in line_ids:
        ids = set()
        for v in request.POST.getlist(f"t-{pk}"):
            if v.isdigit():
                ids.add(int(v))
        hasil[pk] = ids
    return hasil


@data_induk
@satu_per_satker
def tautan(request: HttpRequest, tahun: int, pk: int) -> HttpResponse:
    """The links of the year's PK lines to the budget items; a POST saves them all."""
    satker = get_object_or_404(Satker, pk=pk)
    data = data_tautan(satker, tahun)
    sekarang, _ = data.sekarang()
    tanda = riwayat.tandai(sekarang)
    status = 200
    if request.method == "POST":
        pilihan = _pilihan(request, [line.pk for line in data.lines])
        try:
            tambah, buang = tautan_simpan(
                user=request.user, satker=satker, tahun=tahun, pilihan=pilihan,
                tanda=request.POST.get("tanda"),
            )  # fmt: skip
        except riwayat.Bentrok as exc:
            messages.error(request, exc.pesan)
            data.tautan = pilihan  # the boxes as they were ticked
            status = 409
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            data.tautan = pilihan
            status = 400
        else:
            messages.success(
                request, f"Tautan anggaran tersimpan: {tambah} ditambah, {buang} dihapus."
            )
            return redirect("sekretariat-tautan-anggaran", tahun, satker.pk)
    baris = [
        {"item": i, "sel": [(line, i.pk in data.tautan.get(line.pk, ())) for line in data.lines]}
        for i in data.items
    ]
    return render(
        request,
        "kinerja/sekretariat/tautan_anggaran.html",
        {
            "satker": satker,
            "tahun": tahun,
            "lines": data.lines,
            "baris": baris,
            "tanda": tanda,
            "riwayat": riwayat_halaman(satker, f"Tautan anggaran {tahun} "),
        },
        status=status,
    )
