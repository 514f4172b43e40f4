"""The REST API, version 1: one router over the apps' viewsets."""

from rest_framework.routers import DefaultRouter

from kinerja.api.anggaran import AnggaranViewSet
from kinerja.api.data_dukung import VIEWSETS as DATA_DUKUNG
from kinerja.api.pelaporan import PelaporanViewSet
from kinerja.api.realisasi import RealisasiViewSet
from kinerja.api.ringkasan import RingkasanViewSet
from kinerja.api.views import CapaianViewSet
from laporan.api import LaporanViewSet

router = DefaultRouter()
router.register("capaian", CapaianViewSet, basename="capaian")
router.register("anggaran", AnggaranViewSet, basename="anggaran")
router.register("laporan", LaporanViewSet, basename="laporan")
router.register("ringkasan", RingkasanViewSet, basename="ringkasan")
# Quarterly measurements, reporting status, supporting data (read and write).
router.register("realisasi", RealisasiViewSet, basename="realisasi")
router.register("pelaporan", PelaporanViewSet, basename="pelaporan")
for jenis, viewset in DATA_DUKUNG.items():
    router.register(f"data-dukung/{jenis}", viewset, basename=f"data-dukung-{jenis}")

urlpatterns = router.urls
