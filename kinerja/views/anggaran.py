"""Pages of the budget: the tree with its progress, DIPA, PNBP, efficiency and deviation
(its Excel round-trips: kinerja.views.impor)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja import siklus
from kinerja.choices import Triwulan
from kinerja.models import Dipa, IndikatorPerjanjian, KegiatanAlki
from kinerja.perhitungan import anggaran as pa
from kinerja.selectors import anggaran as sel
from kinerja.selectors.capaian import konfigurasi
from kinerja.views.akses import satker_terlihat
from kinerja.views.parameter import TAHUN_VALID, int_param


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
