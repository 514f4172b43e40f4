from django.urls import path

from kinerja import views, views_anggaran, views_reviu, views_siklus

ENTRI = "entri/satker/<int:pk>/<int:tahun>/tw<int:triwulan>/"

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
    # the satker's quarter
    path(ENTRI, views_siklus.triwulan, name="entri-triwulan"),
    path(f"{ENTRI}ajukan/", views_siklus.ajukan, name="entri-ajukan"),
    path(f"{ENTRI}indikator/<int:line_pk>/", views_siklus.simpan_realisasi, name="entri-realisasi"),
    path(
        f"{ENTRI}indikator/<int:line_pk>/pratinjau/",
        views_siklus.pratinjau,
        name="entri-pratinjau",
    ),
    path(f"{ENTRI}indikator/<int:line_pk>/bukti/", views_siklus.unggah_bukti, name="entri-bukti"),
    path("bukti/<int:pk>/", views_siklus.unduh_bukti, name="bukti-unduh"),
    path("bukti/<int:pk>/hapus/", views_siklus.hapus_bukti, name="bukti-hapus"),
    # the secretariat's review
    path("reviu/", views_reviu.daftar, name="reviu"),
    path("reviu/periode/buka/", views_reviu.buka_periode, name="reviu-buka"),
    path("reviu/periode/<int:pk>/tutup/", views_reviu.tutup_periode, name="reviu-tutup"),
    path("reviu/periode/<int:pk>/perpanjang/", views_reviu.perpanjang, name="reviu-perpanjang"),
    path("reviu/pelaporan/<int:pk>/", views_reviu.detail, name="reviu-detail"),
    path("reviu/pelaporan/<int:pk>/aksi/", views_reviu.aksi, name="reviu-aksi"),
]
