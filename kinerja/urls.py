from django.urls import path, register_converter

from kinerja.converters import TahunConverter, TriwulanConverter
from kinerja.views import (
    akun,
    anggaran,
    beranda,
    dasbor,
    dasbor_satker,
    data_dukung,
    dipa,
    gambar,
    impor,
    isian,
    kaskade,
    lampiran,
    narasi,
    nilai_eksternal,
    pedoman,
    pengguna,
    perjanjian,
    rencana,
    renstra,
    reviu,
    sekretariat,
    siklus,
    tahun,
    tautan_anggaran,
)

register_converter(TahunConverter, "tahun")
register_converter(TriwulanConverter, "triwulan")

ENTRI = "entri/satker/<int:pk>/<tahun:tahun>/tw<triwulan:triwulan>/"

urlpatterns = [
    path("", dasbor.beranda, name="beranda"),
    path("dasbor/", dasbor.dasbor, name="dasbor"),
    path("satker/<int:pk>/", beranda.SatkerDetailView.as_view(), name="satker-detail"),
    path("satker/<int:pk>/dasbor/", dasbor_satker.satker_dasbor, name="satker-dasbor"),
    path("satker/<int:pk>/anggaran/", anggaran.anggaran, name="anggaran"),
    path(
        "satker/<int:pk>/anggaran/<tahun:tahun>/templat/<str:jenis>.xlsx",
        impor.anggaran_templat,
        name="anggaran-templat",
    ),
    path(
        "satker/<int:pk>/anggaran/<tahun:tahun>/impor/<str:jenis>/",
        impor.anggaran_impor,
        name="anggaran-impor",
    ),
    # what a satker fills in for a year
    path("entri/satker/<int:pk>/<tahun:tahun>/", isian.isian, name="entri-isian"),
    path("entri/satker/<int:pk>/<tahun:tahun>/pk/", perjanjian.perjanjian, name="entri-pk"),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/pk/revisi/<int:nomor>/cetak/",
        perjanjian.cetak_revisi,
        name="entri-pk-cetak",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/pk/revisi/<int:nomor>/pindaian/",
        perjanjian.pindaian,
        name="entri-pk-pindaian",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/pk/revisi/<int:nomor>/pindaian/unggah/",
        perjanjian.unggah_pindaian,
        name="entri-pk-pindaian-unggah",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/pk/excel/templat.xlsx",
        impor.pk_templat,
        name="entri-pk-templat",
    ),
    path("entri/satker/<int:pk>/<tahun:tahun>/pk/excel/", impor.pk_impor, name="entri-pk-impor"),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/rencana-aksi/",
        rencana.rencana_aksi,
        name="entri-rencana-aksi",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/rencana-aksi/excel/templat.xlsx",
        impor.rencana_aksi_templat,
        name="entri-rencana-aksi-templat",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/rencana-aksi/excel/",
        impor.rencana_aksi_impor,
        name="entri-rencana-aksi-impor",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/data-dukung/<str:jenis>/",
        data_dukung.data_dukung,
        name="entri-data",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/data-dukung/<str:jenis>/excel/templat.xlsx",
        impor.data_templat,
        name="entri-data-templat",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/data-dukung/<str:jenis>/excel/",
        impor.data_impor,
        name="entri-data-impor",
    ),
    path("entri/satker/<int:pk>/<tahun:tahun>/narasi/", narasi.narasi, name="entri-narasi"),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/lakip/",
        narasi.narasi_laporan,
        {"jenis": "lakip"},
        name="entri-narasi-lakip",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/pp39/tw<triwulan:triwulan>/",
        narasi.narasi_laporan,
        {"jenis": "pp39"},
        name="entri-narasi-pp39",
    ),
    # the pictures of a report's sections
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/lakip/gambar/",
        gambar.unggah,
        {"jenis": "lakip"},
        name="entri-gambar-lakip",
    ),
    path(
        "entri/satker/<int:pk>/<tahun:tahun>/narasi-laporan/pp39/tw<triwulan:triwulan>/gambar/",
        gambar.unggah,
        {"jenis": "pp39"},
        name="entri-gambar-pp39",
    ),
    path("gambar/<int:pk>/", gambar.lihat, name="gambar-lihat"),
    path("gambar/<int:pk>/hapus/", gambar.hapus, name="gambar-hapus"),
    path(f"{ENTRI}anggaran/", isian.realisasi_anggaran, name="entri-realisasi-anggaran"),
    path(f"{ENTRI}form-a/", lampiran.form_a, name="entri-form-a"),
    path(f"{ENTRI}kepegawaian/", lampiran.kepegawaian, name="entri-kepegawaian"),
    # the satker's quarter
    path(ENTRI, siklus.triwulan, name="entri-triwulan"),
    path(f"{ENTRI}excel/templat.xlsx", impor.realisasi_templat, name="entri-triwulan-templat"),
    path(f"{ENTRI}excel/", impor.realisasi_impor, name="entri-triwulan-impor"),
    path(f"{ENTRI}ajukan/", siklus.ajukan, name="entri-ajukan"),
    path(f"{ENTRI}indikator/<int:line_pk>/", siklus.simpan_realisasi, name="entri-realisasi"),
    path(
        f"{ENTRI}indikator/<int:line_pk>/pratinjau/",
        siklus.pratinjau,
        name="entri-pratinjau",
    ),
    path(f"{ENTRI}indikator/<int:line_pk>/bukti/", siklus.unggah_bukti, name="entri-bukti"),
    path("bukti/<int:pk>/", siklus.unduh_bukti, name="bukti-unduh"),
    path("bukti/<int:pk>/hapus/", siklus.hapus_bukti, name="bukti-hapus"),
    # the secretariat's review
    path("sekretariat/", sekretariat.beranda, name="sekretariat"),
    # the year's lifecycle (kinerja/views/tahun.py)
    path("sekretariat/tahun/", tahun.tahun, name="sekretariat-tahun"),
    path("sekretariat/tahun/buka/", tahun.buka, name="sekretariat-tahun-buka"),
    path(
        "sekretariat/tahun/pembukaan/<int:pk>/status/",
        tahun.status,
        name="sekretariat-tahun-status",
    ),
    path("reviu/", reviu.daftar, name="reviu"),
    path("reviu/kunci-masuk/", akun.kunci_masuk, name="kunci-masuk"),
    path("reviu/periode/buka/", reviu.buka_periode, name="reviu-buka"),
    path("reviu/periode/<int:pk>/tutup/", reviu.tutup_periode, name="reviu-tutup"),
    path("reviu/periode/<int:pk>/perpanjang/", reviu.perpanjang, name="reviu-perpanjang"),
    path("reviu/pelaporan/<int:pk>/", reviu.detail, name="reviu-detail"),
    path("reviu/pelaporan/<int:pk>/aksi/", reviu.aksi, name="reviu-aksi"),
    # the secretariat's manual with its versions (kinerja.views.pedoman)
    path("sekretariat/pedoman/", pedoman.daftar, name="sekretariat-pedoman"),
    path("sekretariat/pedoman/baru/", pedoman.baru, name="sekretariat-pedoman-baru"),
    path("sekretariat/pedoman/<int:pk>/", pedoman.detail, name="sekretariat-pedoman-detail"),
    path(
        "sekretariat/pedoman/<int:pk>/versi/", pedoman.versi_baru, name="sekretariat-pedoman-versi"
    ),
    path(
        "sekretariat/pedoman/versi/<int:pk>/",
        pedoman.versi_ubah,
        name="sekretariat-pedoman-versi-ubah",
    ),
    # the secretariat's accounts, DIPA, indicator ↔ budget links and external scores
    path("sekretariat/pengguna/", pengguna.daftar, name="sekretariat-pengguna"),
    path("sekretariat/pengguna/baru/", pengguna.baru, name="sekretariat-pengguna-baru"),
    path("sekretariat/pengguna/<int:pk>/", pengguna.detail, name="sekretariat-pengguna-detail"),
    path(
        "sekretariat/pengguna/<int:pk>/nonaktifkan/",
        pengguna.nonaktifkan,
        name="sekretariat-pengguna-nonaktifkan",
    ),
    path(
        "sekretariat/pengguna/<int:pk>/aktifkan/",
        pengguna.aktifkan,
        name="sekretariat-pengguna-aktifkan",
    ),
    path(
        "sekretariat/pengguna/<int:pk>/kirim-tautan/",
        pengguna.kirim_tautan,
        name="sekretariat-pengguna-kirim-tautan",
    ),
    path("sekretariat/dipa/<tahun:tahun>/", dipa.daftar, name="sekretariat-dipa"),
    path("sekretariat/dipa/<tahun:tahun>/<int:pk>/", dipa.satker, name="sekretariat-dipa-satker"),
    path(
        "sekretariat/tautan-anggaran/<tahun:tahun>/<int:pk>/",
        tautan_anggaran.tautan,
        name="sekretariat-tautan-anggaran",
    ),
    path("sekretariat/nilai/<tahun:tahun>/", nilai_eksternal.nilai, name="sekretariat-nilai"),
    # the cascade, the performance tree and the Renstra of each satker (issue 13, kaskade)
    path("sekretariat/kaskade/", kaskade.kaskade, name="sekretariat-kaskade"),
    path(
        "sekretariat/kaskade/renstra/<int:pk>/sasaran-baru/",
        kaskade.sasaran_baru,
        name="sekretariat-kaskade-sasaran-baru",
    ),
    path(
        "sekretariat/kaskade/sasaran/<int:pk>/", kaskade.sasaran, name="sekretariat-kaskade-sasaran"
    ),
    path("sekretariat/pohon-kinerja/", kaskade.pohon_terbaru, name="sekretariat-pohon-terbaru"),
    path("sekretariat/pohon-kinerja/<int:tahun>/", kaskade.pohon, name="sekretariat-pohon"),
    path("sekretariat/renstra/", renstra.daftar, name="sekretariat-renstra"),
    path("sekretariat/renstra/<int:pk>/", renstra.satker, name="sekretariat-renstra-satker"),
    path(
        "sekretariat/renstra/<int:pk>/excel/templat.xlsx",
        impor.renstra_templat,
        name="sekretariat-renstra-templat",
    ),
    path(
        "sekretariat/renstra/<int:pk>/excel/", impor.renstra_impor, name="sekretariat-renstra-impor"
    ),
]
