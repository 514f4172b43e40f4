from rest_framework.routers import DefaultRouter

from kinerja.api.anggaran import AnggaranViewSet
from kinerja.api.views import CapaianViewSet

router = DefaultRouter()
router.register("capaian", CapaianViewSet, basename="capaian")
router.register("anggaran", AnggaranViewSet, basename="anggaran")

urlpatterns = router.urls
