"""The stored figures: read, never edited."""

from django.contrib import admin

from kinerja.admin.dasar import AdminHasil
from kinerja.models import (
    HasilPerhitungan,
    RingkasanAnggaran,
)


@admin.register(HasilPerhitungan)
class HasilPerhitunganAdmin(AdminHasil):
    """Computed from the inputs and refreshed with them (manage.py hitung_ulang recomputes
    them all); read here, never edited."""

    list_display = ["indikator", "satker", "tahun", "triwulan", "capaian", "status", "dihitung"]
    list_select_related = ["indikator__sasaran", "satker"]
    list_filter = ["tahun", "triwulan", "status", "satker"]
    search_fields = ["kode_pedoman", "satker__singkatan"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RingkasanAnggaran)
class RingkasanAnggaranAdmin(HasilPerhitunganAdmin):
    list_display = ["satker", "tahun", "triwulan", "pagu", "realisasi_rp", "persen_realisasi"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "triwulan", "satker"]
    search_fields = ["satker__singkatan"]
