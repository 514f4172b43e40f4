"""The secretariat's master data: the page that leads to each part (the manual, the cascade
and the performance tree, Renstra, DIPA, links, external scores, accounts, the year)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.models import RiwayatPerubahan
from kinerja.views.akses import data_induk

RIWAYAT_TERAKHIR = 20


@data_induk
def beranda(request: HttpRequest) -> HttpResponse:
    """The parts of the master data, and the latest changes to it."""
    riwayat = RiwayatPerubahan.objects.filter(satker__isnull=True).select_related("oleh")[
        :RIWAYAT_TERAKHIR
    ]
    return render(request, "kinerja/sekretariat/beranda.html", {"riwayat": riwayat})
