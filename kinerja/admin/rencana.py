"""The manual, the Renstra and the PK with its Rencana Aksi and quarterly measurements."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kinerja.admin.dasar import LINE_FILTER, LINE_SELECT, AdminHasil, kolom_rupiah
from kinerja.formatting import format_desimal_ringkas
from kinerja.models import (
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    NarasiIndikator,
    PaguIndikatifRenstra,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
    SasaranKegiatan,
    SasaranRenstra,
    TargetRenstra,
    VersiIndikator,
)
from kinerja.models.indikator import FIELD_DEFINISI


class VersiIndikatorInline(admin.TabularInline):
    """The versions of the definition, read only: they are made and changed on the
    secretariat's pages (/sekretariat/pedoman/), which refuse a change that a submitted
    quarter was computed with and recompute exactly the years concerned."""

    model = VersiIndikator
    fields = [
        "berlaku_mulai",
        "klasifikasi",
        "metode",
        "data_dukung",
        "agregasi_triwulan",
        "agregasi_tahunan",
        "ambang_tercapai",
        "ambang_perlu_perhatian",
        "alasan",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(VersiIndikator)
class VersiIndikatorAdmin(AdminHasil):
    """The versions of the manual, read only (see VersiIndikatorInline)."""

    list_display = ["indikator", "berlaku_mulai", "klasifikasi", "metode", "agregasi_triwulan"]
    list_select_related = ["indikator"]
    list_filter = ["berlaku_mulai", "klasifikasi"]
    search_fields = ["indikator__kode", "indikator__nama"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(AdminHasil):
    """The manual's indicators. The definition fields show the latest version (read only):
    a definition changes through a version, on the secretariat's pages; an indicator is
    made there too, with its first version."""

    list_display = ["kode", "nama", "satuan", "klasifikasi", "metode", "data_dukung", "iku"]
    list_filter = ["satuan", "klasifikasi", "metode", "data_dukung", "iku", "agregasi_tahunan"]
    search_fields = ["kode", "nama", "definisi"]
    readonly_fields = FIELD_DEFINISI
    inlines = [VersiIndikatorInline]

    def has_add_permission(self, request) -> bool:
        return False


class PaguIndikatifInline(admin.TabularInline):
    model = PaguIndikatifRenstra
    extra = 0


class SasaranRenstraInline(admin.TabularInline):
    model = SasaranRenstra
    fields = ["kode", "nama", "urutan"]
    extra = 0
    show_change_link = True


@admin.register(Renstra)
class RenstraAdmin(AdminHasil):
    list_display = ["nama", "tingkat", "satker", "tahun_awal", "tahun_akhir"]
    list_select_related = ["satker"]
    list_filter = ["tingkat", "satker"]
    search_fields = ["nama", "satker__singkatan"]
    inlines = [SasaranRenstraInline, PaguIndikatifInline]


class IndikatorRenstraInline(admin.TabularInline):
    model = IndikatorRenstra
    fields = ["nomor", "nama", "satuan", "indikator", "iku", "indikator_induk"]
    autocomplete_fields = ["indikator", "indikator_induk"]
    extra = 0
    show_change_link = True


@admin.register(SasaranRenstra)
class SasaranRenstraAdmin(AdminHasil):
    list_display = ["kode", "nama", "renstra"]
    list_select_related = ["renstra", "renstra__satker"]
    list_filter = ["renstra__tingkat", "renstra"]
    search_fields = ["kode", "nama"]
    filter_horizontal = ["sasaran_induk"]
    inlines = [IndikatorRenstraInline]


class TargetRenstraInline(admin.TabularInline):
    model = TargetRenstra
    fields = ["tahun", "target", "realisasi", "alokasi_indikatif", "catatan"]
    extra = 0


@admin.register(IndikatorRenstra)
class IndikatorRenstraAdmin(AdminHasil):
    list_display = ["__str__", "satuan", "iku", "indikator", "renstra"]
    list_select_related = ["sasaran", "sasaran__renstra", "indikator"]
    list_filter = ["sasaran__renstra", "iku", "satuan"]
    search_fields = ["nama", "sasaran__kode"]
    autocomplete_fields = ["indikator", "indikator_induk"]
    inlines = [TargetRenstraInline]

    @admin.display(description=_("Renstra"), ordering="sasaran__renstra")
    def renstra(self, obj: IndikatorRenstra):
        return obj.sasaran.renstra


@admin.register(TargetRenstra)
class TargetRenstraAdmin(AdminHasil):
    list_display = ["indikator", "tahun", "target", "realisasi", "alokasi_indikatif"]
    list_select_related = ["indikator", "indikator__sasaran"]
    list_filter = ["tahun", "indikator__sasaran__renstra"]
    search_fields = ["indikator__nama", "indikator__sasaran__kode"]


@admin.register(PaguIndikatifRenstra)
class PaguIndikatifRenstraAdmin(AdminHasil):
    list_display = ["renstra", "tahun", "pagu"]
    list_select_related = ["renstra"]
    list_filter = ["renstra", "tahun"]
    search_fields = ["renstra__nama"]


class SasaranKegiatanInline(admin.TabularInline):
    model = SasaranKegiatan
    fields = ["nomor", "uraian", "sasaran_renstra"]
    extra = 0
    show_change_link = True


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AdminHasil):
    list_display = ["satker", "tahun", "revisi", "tanggal", "anggaran"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker"]
    search_fields = ["satker__singkatan", "satker__nama", "pihak_pertama_nama"]
    inlines = [SasaranKegiatanInline]

    anggaran = kolom_rupiah("total_anggaran", _("total anggaran"))


class IndikatorPerjanjianInline(admin.TabularInline):
    model = IndikatorPerjanjian
    fields = ["nomor", "uraian", "indikator", "target", "satuan"]
    autocomplete_fields = ["indikator"]
    extra = 0
    show_change_link = True


@admin.register(SasaranKegiatan)
class SasaranKegiatanAdmin(AdminHasil):
    list_display = ["__str__", "perjanjian"]
    list_select_related = ["perjanjian", "perjanjian__satker"]
    list_filter = ["perjanjian__tahun", "perjanjian__satker"]
    search_fields = ["uraian", "perjanjian__satker__singkatan"]
    inlines = [IndikatorPerjanjianInline]


class RencanaAksiInline(admin.TabularInline):
    model = RencanaAksi
    fields = ["triwulan", "target_antara", "rencana_kegiatan"]
    extra = 0


class RealisasiTriwulanInline(admin.StackedInline):
    model = RealisasiTriwulan
    extra = 0


@admin.register(IndikatorPerjanjian)
class IndikatorPerjanjianAdmin(AdminHasil):
    list_display = ["kode_baris", "uraian", "target_ringkas", "satuan", "satker", "tahun"]
    list_select_related = ["sasaran", "sasaran__perjanjian", "sasaran__perjanjian__satker"]
    list_filter = ["sasaran__perjanjian__tahun", "sasaran__perjanjian__satker", "satuan"]
    search_fields = ["uraian", "indikator__kode"]
    autocomplete_fields = ["indikator", "indikator_renstra"]
    inlines = [RencanaAksiInline, RealisasiTriwulanInline]

    @admin.display(description=_("target"), ordering="target")
    def target_ringkas(self, obj: IndikatorPerjanjian) -> str:
        return format_desimal_ringkas(obj.target)

    @admin.display(description=_("kode"), ordering="sasaran__nomor")
    def kode_baris(self, obj: IndikatorPerjanjian) -> str:
        return obj.kode

    @admin.display(description=_("satker"), ordering="sasaran__perjanjian__satker")
    def satker(self, obj: IndikatorPerjanjian):
        return obj.sasaran.perjanjian.satker

    @admin.display(description=_("tahun"), ordering="sasaran__perjanjian__tahun")
    def tahun(self, obj: IndikatorPerjanjian) -> int:
        return obj.sasaran.perjanjian.tahun


@admin.register(RencanaAksi)
class RencanaAksiAdmin(AdminHasil):
    list_display = ["indikator", "triwulan", "target_antara"]
    list_select_related = LINE_SELECT
    list_filter = ["triwulan", *LINE_FILTER]
    search_fields = ["indikator__uraian", "rencana_kegiatan"]


@admin.register(RealisasiTriwulan)
class RealisasiTriwulanAdmin(AdminHasil):
    list_display = ["indikator", "triwulan", "realisasi_antara", "nilai_realisasi"]
    list_select_related = LINE_SELECT
    list_filter = ["triwulan", *LINE_FILTER]
    search_fields = ["indikator__uraian", "kegiatan", "kendala"]


@admin.register(NarasiIndikator)
class NarasiIndikatorAdmin(AdminHasil):
    list_display = ["indikator"]
    list_select_related = LINE_SELECT
    list_filter = LINE_FILTER
    search_fields = ["indikator__uraian", "hasil", "analisis_capaian"]
