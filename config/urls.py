"""URL configuration."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from kinerja.views import akun
from satker.api.token import token_view

admin.site.site_header = _("Administrasi Kinerja BSKJI")
admin.site.site_title = _("Kinerja BSKJI")
admin.site.index_title = _("Data master dan kinerja")

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("masuk/kode/", akun.verifikasi, name="dua-faktor-verifikasi"),
    path("akun/dua-faktor/", akun.atur, name="dua-faktor-atur"),
    path(
        "akun/dua-faktor/kode-pemulihan/",
        akun.kode_pemulihan,
        name="dua-faktor-kode-pemulihan",
    ),
    path("akun/token-api/", akun.token_api_daftar, name="token-api"),
    path("akun/token-api/<int:pk>/cabut/", akun.token_api_cabut, name="token-api-cabut"),
    path("reviu/token-api/", akun.token_api_semua, name="token-api-semua"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("akun/lupa-kata-sandi/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "akun/lupa-kata-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "akun/atur-ulang/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "akun/atur-ulang/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api")),
    path("api/v1/token/", token_view, name="api-token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's script as a file: no inline script (CSP).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("laporan/", include("laporan.urls")),
    path("", include("kinerja.urls")),
]
