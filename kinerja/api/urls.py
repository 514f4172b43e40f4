from rest_framework.routers import DefaultRouter

from kinerja.api.views import CapaianViewSet

router = DefaultRouter()
router.register("capaian", CapaianViewSet, basename="capaian")

urlpatterns = router.urls
