from django.urls import path

from laporan import views

urlpatterns = [
    path("satker/<int:pk>/", views.daftar, name="laporan-satker"),
    path("berkas/<int:pk>/unduh/", views.unduh, name="berkas-unduh"),
    path("berkas/<int:pk>/status/", views.status, name="berkas-status"),
]
