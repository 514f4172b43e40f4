"""What the LAKIP tabulates beyond the figures of its indicators: the review-team decree, the
laboratories' scopes, promotion activities, staff trainings, the budget of earlier years,
customers and service volumes per year."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from kinerja.admin.dasar import AdminHasil, kolom_rupiah
from kinerja.models import (
    AnggotaTimReviu,
    ButirKeputusan,
    KegiatanPromosi,
    KeputusanTimReviu,
    PelangganLayanan,
    PelatihanPegawai,
    RiwayatAnggaran,
    RuangLingkupLaboratorium,
    VolumeLayanan,
)


class _MilikSatkerKeputusan(BaseInlineFormSet):
    """A row of a decree belongs to the decree's satker; the admin does not ask for it."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.satker_id = self.instance.satker_id
        return form


class ButirKeputusanInline(admin.TabularInline):
    model = ButirKeputusan
    formset = _MilikSatkerKeputusan
    fields = ["bagian", "nomor", "teks"]
    extra = 0


class AnggotaTimReviuInline(admin.TabularInline):
    model = AnggotaTimReviu
    formset = _MilikSatkerKeputusan
    fields = ["nomor", "nama", "nip", "jabatan", "uraian_tugas"]
    extra = 0


@admin.register(KeputusanTimReviu)
class KeputusanTimReviuAdmin(AdminHasil):
    list_display = ["nomor", "satker", "tahun", "tanggal", "penandatangan_nama"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun"]
    search_fields = ["nomor", "tentang", "satker__singkatan"]
    inlines = [ButirKeputusanInline, AnggotaTimReviuInline]


@admin.register(ButirKeputusan)
class ButirKeputusanAdmin(AdminHasil):
    list_display = ["keputusan", "bagian", "nomor", "satker"]
    list_select_related = ["keputusan", "satker"]
    list_filter = ["satker", "bagian"]
    search_fields = ["teks"]


@admin.register(AnggotaTimReviu)
class AnggotaTimReviuAdmin(AdminHasil):
    list_display = ["nama", "jabatan", "nomor", "keputusan", "satker"]
    list_select_related = ["keputusan", "satker"]
    list_filter = ["satker", "keputusan__tahun"]
    search_fields = ["nama", "nip"]


@admin.register(RuangLingkupLaboratorium)
class RuangLingkupLaboratoriumAdmin(AdminHasil):
    list_display = ["lingkup", "laboratorium", "nomor", "terakreditasi", "satker", "tahun"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun", "laboratorium", "terakreditasi"]
    search_fields = ["lingkup", "rincian"]


@admin.register(KegiatanPromosi)
class KegiatanPromosiAdmin(AdminHasil):
    list_display = ["satker", "tahun", "bulan", "nomor", "uraian"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun", "bulan"]
    search_fields = ["uraian"]


@admin.register(PelatihanPegawai)
class PelatihanPegawaiAdmin(AdminHasil):
    list_display = ["pegawai", "nama_pelatihan", "tanggal_mulai", "tanggal_selesai", "satker"]
    list_select_related = ["satker"]
    list_filter = ["satker"]
    search_fields = ["pegawai", "nama_pelatihan"]
    date_hierarchy = "tanggal_mulai"


@admin.register(RiwayatAnggaran)
class RiwayatAnggaranAdmin(AdminHasil):
    list_display = ["satker", "tahun", "pagu_rupiah", "realisasi_rupiah"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun"]
    search_fields = ["satker__singkatan"]

    pagu_rupiah = kolom_rupiah("pagu", "pagu (Rp)")
    realisasi_rupiah = kolom_rupiah("realisasi", "realisasi (Rp)")


@admin.register(PelangganLayanan)
class PelangganLayananAdmin(AdminHasil):
    list_display = ["satker", "tahun", "jenis", "industri", "non_industri"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun", "jenis"]
    search_fields = ["satker__singkatan"]


@admin.register(VolumeLayanan)
class VolumeLayananAdmin(AdminHasil):
    list_display = ["satker", "tahun", "jenis", "besaran", "jumlah"]
    list_select_related = ["satker"]
    list_filter = ["satker", "tahun", "jenis", "besaran"]
    search_fields = ["satker__singkatan"]
