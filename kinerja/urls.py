from django.urls import path, register_converter

from kinerja import views, views_anggaran, views_isian, views_rencana, views_reviu, views_siklus
from kinerja.converters import TahunConverter, TriwulanConverter

register_converter(TahunConverter, "tahun")
register_converter(TriwulanConverter, "triwulan")

ENTRI = "entri/satker/<int:pk>/<tahun:tahun>/tw<triwulan:triwulan>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("satker/<int:pk>/", views.SatkerDetailView.as_view(), name="satker-detail"),
    path("satker/<int:pk>/anggaran/", views_anggaran.anggaran, name="anggaran"),
    path(
        "satker/<int:pk>/anggaran/<tahun:tahun>/templat/<str:jenis>.xlsx",
        views_anggaran.templat,
        name="anggaran-templat",
    ),
    path(
        "satker/<int:pk>/anggaran/<tahun:tahun>/impor/<str:jenis>/",
        views_anggaran.impor,
        name="anggaran-impor",
    ),
    # what a satker fills in for a year
    path("entri/satker/<int:pk>/<tahun:tahun>/", views_isian.isian, name="entri-isian"),
    path("entri/satker/<int:pk>/<tahun:tahun>/pk/", views_rencana.perjanjian, name="entri-pk"),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/rencana-aksi/",
        views_rencana.rencana_aksi,
        name="entri-rencana-aksi",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/data-dukung/<str:jenis>/",
        views_isian.data_dukung,
        name="entri-data",
    ),
    path("entri/satker/<int:pk>/<tahun:tahun>/narasi/", views_isian.narasi, name="entri-narasi"),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/lakip/",
        views_isian.narasi_laporan,
        {"jenis": "lakip"},
        name="entri-narasi-lakip",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/pp39/tw<triwulan:triwulan>/",
        views_isian.narasi_laporan,
        {"jenis": "pp39"},
        name="entri-narasi-pp39",
    ),
    path(f"{ENTRI}anggaran/", views_isian.realisasi_anggaran, name="entri-realisasi-anggaran"),
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
