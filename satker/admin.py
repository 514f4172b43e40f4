from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from satker import token_api
from satker.models import Kementerian, Pengguna, Satker, TokenApi, UnitEselonI


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


@admin.register(TokenApi)
class TokenApiAdmin(admin.ModelAdmin):
    """API tokens, to read and revoke: a token is made on the account page or by
    `manage.py token_api` (it is shown once; the admin could not show it)."""

    list_display = ["nama", "pengguna", "awalan", "cakupan", "dibuat", "berlaku_sampai",
                    "terakhir_dipakai", "dicabut"]  # fmt: skip
    list_select_related = ["pengguna"]
    list_filter = ["cakupan"]
    search_fields = ["nama", "awalan", "pengguna__username"]
    actions = ["cabut"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_cabut_permission(self, request) -> bool:
        return token_api.boleh_melihat_semua(request.user)

    @admin.action(description=_("Cabut token terpilih"), permissions=["cabut"])
    def cabut(self, request, queryset) -> None:
        for token in queryset:
            token_api.token_cabut(token=token)
        self.message_user(request, _("Token terpilih dicabut."))
