"""Supporting data (data dukung) from which realisasi are computed."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kinerja.admin.dasar import LINE_FILTER, LINE_SELECT, AdminHasil, kolom_rupiah
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    ButirCapaian,
    HasilLayanan,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PenerimaanPnbp,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    RekomendasiAudit,
    SurveiKepuasan,
    UnsurSurvei,
)

# --- supporting data (data dukung) ------------------------------------------------------


@admin.register(PenerimaanPnbp)
class PenerimaanPnbpAdmin(AdminHasil):
    list_display = ["satker", "tanggal_posisi", "jenis", "jumlah_rupiah", "layanan"]
    list_select_related = ["satker"]
    list_filter = ["satker", "jenis", "tanggal_posisi"]
    search_fields = ["satker__singkatan", "catatan"]
    date_hierarchy = "tanggal_posisi"

    jumlah_rupiah = kolom_rupiah("jumlah", _("jumlah"))

    @admin.display(description=_("layanan jasa"), boolean=True)
    def layanan(self, obj: PenerimaanPnbp) -> bool:
        return obj.layanan


@admin.register(HasilLayanan)
class HasilLayananAdmin(AdminHasil):
    list_display = ["satker", "tanggal_posisi", "satuan", "jenis", "jumlah"]
    list_select_related = ["satker"]
    list_filter = ["satker", "satuan", "jenis"]
    search_fields = ["satker__singkatan"]


@admin.register(PengukuranPerusahaan)
class PengukuranPerusahaanAdmin(AdminHasil):
    list_display = [
        "perusahaan",
        "indikator",
        "besaran",
        "nilai_sebelum",
        "nilai_sesudah",
        "arah",
        "tanggal",
    ]
    list_select_related = LINE_SELECT
    list_filter = ["arah", *LINE_FILTER]
    search_fields = ["perusahaan", "besaran", "kegiatan"]


@admin.register(ButirCapaian)
class ButirCapaianAdmin(AdminHasil):
    list_display = ["uraian", "indikator", "tanggal", "jumlah"]
    list_select_related = LINE_SELECT
    list_filter = LINE_FILTER
    search_fields = ["uraian", "bukti"]


@admin.register(BelanjaPdn)
class BelanjaPdnAdmin(AdminHasil):
    list_display = [
        "satker",
        "tanggal_posisi",
        "akun",
        "pagu",
        "realisasi_pdn",
        "realisasi_tkdn",
        "realisasi_impor",
    ]
    list_select_related = ["satker"]
    list_filter = ["satker", "tanggal_posisi"]
    search_fields = ["akun", "satker__singkatan"]


class UnsurSurveiInline(admin.TabularInline):
    model = UnsurSurvei
    extra = 0


@admin.register(SurveiKepuasan)
class SurveiKepuasanAdmin(AdminHasil):
    list_display = ["satker", "tahun", "tanggal_posisi", "jumlah_responden", "jumlah_pelanggan"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun"]
    search_fields = ["satker__singkatan"]
    inlines = [UnsurSurveiInline]


@admin.register(UnsurSurvei)
class UnsurSurveiAdmin(AdminHasil):
    list_display = ["nama", "nilai", "survei"]
    list_select_related = ["survei", "survei__satker"]
    list_filter = ["survei__satker", "survei__tahun"]
    search_fields = ["nama"]


@admin.register(NilaiProfesionalitas)
class NilaiProfesionalitasAdmin(AdminHasil):
    list_display = [
        "pegawai",
        "satker",
        "tanggal_posisi",
        "kualifikasi",
        "kompetensi",
        "kinerja",
        "disiplin",
    ]
    list_select_related = ["satker"]
    list_filter = ["satker", "tanggal_posisi"]
    search_fields = ["pegawai"]


class AspekLayananPublikInline(admin.TabularInline):
    model = AspekLayananPublik
    extra = 0


@admin.register(PenilaianLayananPublik)
class PenilaianLayananPublikAdmin(AdminHasil):
    list_display = ["satker", "tahun", "tanggal", "penilai"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun"]
    search_fields = ["satker__singkatan", "penilai"]
    inlines = [AspekLayananPublikInline]


@admin.register(AspekLayananPublik)
class AspekLayananPublikAdmin(AdminHasil):
    list_display = ["nama", "indeks", "bobot", "penilaian"]
    list_select_related = ["penilaian", "penilaian__satker"]
    list_filter = ["penilaian__satker"]
    search_fields = ["nama"]


@admin.register(RekomendasiAudit)
class RekomendasiAuditAdmin(AdminHasil):
    list_display = ["satker", "tahun_audit", "nomor", "status", "tanggal_selesai"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun_audit", "status"]
    search_fields = ["uraian", "satker__singkatan"]


@admin.register(NilaiSakip)
class NilaiSakipAdmin(AdminHasil):
    list_display = [
        "satker", "tahun", "perencanaan", "pengukuran", "pelaporan", "evaluasi_internal",
        "total", "total_dilaporkan", "predikat",
    ]  # fmt: skip
    list_select_related = ["satker"]
    list_filter = ["tahun", "predikat", "satker__jenis"]
    search_fields = ["satker__singkatan", "satker__nama"]

    @admin.display(description=_("total (jumlah komponen)"))
    def total(self, obj: NilaiSakip):
        return obj.total().nilai


@admin.register(NilaiLaporanKeuangan)
class NilaiLaporanKeuanganAdmin(AdminHasil):
    list_display = ["satker", "tahun", "nilai", "tanggal"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker__jenis"]
    search_fields = ["satker__singkatan", "satker__nama"]
