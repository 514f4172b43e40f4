from django.contrib import admin

from kinerja.admin.dasar import AdminHasil
from laporan.models import BerkasLaporan, GambarLaporan, IdentitasLaporan, NarasiLaporan

PERIODE = ["satker", "jenis", "tahun", "triwulan"]


@admin.register(IdentitasLaporan)
class IdentitasLaporanAdmin(AdminHasil):
    list_display = [*PERIODE, "nomor_surat", "tanggal", "penandatangan_nama"]
    list_select_related = ["satker"]
    list_filter = ["jenis", "tahun", "satker"]
    search_fields = ["nomor_surat", "perihal", "satker__singkatan"]


@admin.register(NarasiLaporan)
class NarasiLaporanAdmin(AdminHasil):
    list_display = [*PERIODE, "bagian", "diperbarui"]
    list_select_related = ["satker"]
    list_filter = ["jenis", "tahun", "bagian", "satker"]
    search_fields = ["teks", "satker__singkatan"]


@admin.register(BerkasLaporan)
class BerkasLaporanAdmin(admin.ModelAdmin):
    """Rendered files. An archive of a verified quarter is only read here: neither changed
    nor deleted, alone or in a bulk action (the model refuses it too)."""

    list_display = [
        *PERIODE, "format", "status", "arsip", "versi", "halaman", "diminta_oleh", "diminta",
        "selesai",
    ]  # fmt: skip
    list_select_related = ["satker", "diminta_oleh"]
    list_filter = ["arsip", "status", "jenis", "format", "tahun", "satker"]
    search_fields = ["satker__singkatan", "pesan", "sha256"]
    readonly_fields = [
        "diminta", "selesai", "halaman", "ukuran", "diminta_oleh", "arsip", "peristiwa", "versi",
        "sha256",
    ]  # fmt: skip

    def has_change_permission(self, request, obj: BerkasLaporan | None = None) -> bool:
        if obj is not None and obj.arsip:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj: BerkasLaporan | None = None) -> bool:
        if obj is not None and obj.arsip:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(GambarLaporan)
class GambarLaporanAdmin(AdminHasil):
    """Pictures are uploaded and removed on the report-narrative pages, which check the file's
    content and keep the history; here they are only read."""

    list_display = [*PERIODE, "bagian", "indikator", "kunci", "judul", "diunggah_oleh"]
    list_select_related = ["satker", "indikator", "diunggah_oleh"]
    list_filter = ["jenis", "tahun", "satker"]
    search_fields = ["judul", "kunci", "satker__singkatan"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
