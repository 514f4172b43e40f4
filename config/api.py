"""The REST API, version 1: one router over the apps' viewsets."""

from rest_framework.routers import DefaultRouter

from kinerja.api.anggaran import AnggaranViewSet
from kinerja.api.data_dukung import VIEWSETS as DATA_DUKUNG
from kinerja.api.indikator import IndikatorViewSet
from kinerja.api.pelaporan import PelaporanViewSet
from kinerja.api.perjanjian import PerjanjianViewSet
from kinerja.api.realisasi import RealisasiViewSet
from kinerja.api.rencana_aksi import RencanaAksiViewSet
from kinerja.api.renstra import RenstraViewSet
from kinerja.api.ringkasan import RingkasanViewSet
from kinerja.api.views import CapaianViewSet
from laporan.api import LaporanViewSet
from satker.api.satker import SatkerViewSet

router = DefaultRouter()
# Master and plan data, and the computed figures (read-only).
# "satker-detail" is the satker page: the API's names are "api-satker-*".
router.register("satker", SatkerViewSet, basename="api-satker")
router.register("indikator", IndikatorViewSet, basename="indikator")
router.register("renstra", RenstraViewSet, basename="renstra")
router.register("perjanjian", PerjanjianViewSet, basename="perjanjian")
router.register("rencana-aksi", RencanaAksiViewSet, basename="rencana-aksi")
router.register("capaian", CapaianViewSet, basename="capaian")
router.register("anggaran", AnggaranViewSet, basename="anggaran")
router.register("ringkasan", RingkasanViewSet, basename="ringkasan")
router.register("laporan", LaporanViewSet, basename="laporan")
# Quarterly measurements, reporting status, supporting data (read and write).
router.register("realisasi", RealisasiViewSet, basename="realisasi")
router.register("pelaporan", PelaporanViewSet, basename="pelaporan")
for jenis, viewset in DATA_DUKUNG.items():
    router.register(f"data-dukung/{jenis}", viewset, basename=f"data-dukung-{jenis}")

urlpatterns = router.urls
