from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from satker.models import Kementerian, Pengguna, Satker, UnitEselonI


@admin.register(Kementerian)
class KementerianAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "singkatan"]
    search_fields = ["kode", "nama", "singkatan"]


@admin.register(UnitEselonI)
class UnitEselonIAdmin(admin.ModelAdmin):
    list_display = ["kode", "singkatan", "nama", "kementerian", "kepala_nama"]
    list_select_related = ["kementerian"]
    list_filter = ["kementerian"]
    search_fields = ["kode", "nama", "singkatan"]


@admin.register(Satker)
class SatkerAdmin(admin.ModelAdmin):
    list_display = ["singkatan", "nama", "kode", "jenis", "kota", "provinsi", "kepala_nama"]
    list_select_related = ["unit_eselon_i"]
    list_filter = ["jenis", "provinsi", "unit_eselon_i", "simulasi"]
    search_fields = ["kode", "nama", "singkatan", "kota", "kepala_nama"]


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "peran", "satker", "is_active"]
    list_select_related = ["satker"]
    list_filter = ["peran", "satker", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "email", "satker__singkatan"]
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Peran dan satker"), {"fields": ("peran", "satker")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Peran dan satker"), {"fields": ("peran", "satker")}),
    )
