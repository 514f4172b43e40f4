from django.urls import path

from kinerja import views, views_anggaran

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("satker/<int:pk>/", views.SatkerDetailView.as_view(), name="satker-detail"),
    path("satker/<int:pk>/anggaran/", views_anggaran.anggaran, name="anggaran"),
    path(
        "satker/<int:pk>/anggaran/<int:tahun>/templat/<str:jenis>.xlsx",
        views_anggaran.templat,
        name="anggaran-templat",
    ),
    path(
        "satker/<int:pk>/anggaran/<int:tahun>/impor/<str:jenis>/",
        views_anggaran.impor,
        name="anggaran-impor",
    ),
]
