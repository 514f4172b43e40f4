"""The budget: DIPA and revisions, the code tree, progress, e-Monev recap, ALKI."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kinerja.admin.dasar import AdminHasil, kolom_rupiah
from kinerja.models import (
    Dipa,
    ItemAnggaran,
    KegiatanAlki,
    ProgresAnggaran,
    RealisasiDipa,
    RekapKomponen,
    RevisiDipa,
    TargetPnbp,
)

# --- budget (anggaran) ------------------------------------------------------------------


class RevisiDipaInline(admin.TabularInline):
    model = RevisiDipa
    fields = ["nomor", "tanggal", "kewenangan", "uraian", "pagu", "blokir", "target_pnbp"]
    extra = 0


@admin.register(Dipa)
class DipaAdmin(AdminHasil):
    list_display = ["nomor", "satker", "tahun", "tanggal", "pagu_awal_rupiah"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker"]
    search_fields = ["nomor", "satker__singkatan", "satker__nama"]
    inlines = [RevisiDipaInline]

    pagu_awal_rupiah = kolom_rupiah("pagu_awal", _("pagu awal"))


@admin.register(RevisiDipa)
class RevisiDipaAdmin(AdminHasil):
    list_display = ["dipa", "nomor", "tanggal", "kewenangan", "pagu_rupiah"]
    list_select_related = ["dipa", "dipa__satker"]
    list_filter = ["kewenangan", "dipa__tahun", "dipa__satker"]
    search_fields = ["uraian", "dipa__nomor"]

    pagu_rupiah = kolom_rupiah("pagu", _("pagu sesudah revisi"))


@admin.register(TargetPnbp)
class TargetPnbpAdmin(AdminHasil):
    list_display = ["satker", "tahun", "target_rupiah"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker"]
    search_fields = ["satker__singkatan"]

    target_rupiah = kolom_rupiah("target", _("target"))


@admin.register(RealisasiDipa)
class RealisasiDipaAdmin(AdminHasil):
    list_display = ["satker", "tahun", "bulan", "jumlah_rupiah", "sumber", "tanggal_data"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "sumber", "satker"]
    search_fields = ["satker__singkatan"]

    jumlah_rupiah = kolom_rupiah("jumlah", _("realisasi"))


@admin.register(ItemAnggaran)
class ItemAnggaranAdmin(AdminHasil):
    """The code tree. Totals above the leaves are computed, so only leaves carry a pagu."""

    list_display = ["kode_lengkap", "uraian", "tingkat", "satker", "tahun", "pagu_rupiah"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker", "tingkat", "sumber_dana"]
    search_fields = ["kode_lengkap", "uraian", "indikator_keluaran"]
    readonly_fields = ["kode_lengkap"]
    autocomplete_fields = ["induk"]

    pagu_rupiah = kolom_rupiah("pagu", _("pagu (rincian)"))

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        # A node's code is part of its children's full codes: fixed once it has children.
        if obj is not None and obj.anak.exists():
            return [*self.readonly_fields, "kode", "induk"]
        return list(self.readonly_fields)


ITEM_SELECT = ["item", "item__satker"]
ITEM_FILTER = ["item__tahun", "item__satker"]


@admin.register(ProgresAnggaran)
class ProgresAnggaranAdmin(AdminHasil):
    list_display = [
        "item", "bulan", "rencana_keuangan", "realisasi_keuangan", "realisasi_keuangan_rp",
        "rencana_fisik", "realisasi_fisik",
    ]  # fmt: skip
    list_select_related = ITEM_SELECT
    list_filter = ["bulan", *ITEM_FILTER]
    search_fields = ["item__kode_lengkap", "item__uraian"]
    autocomplete_fields = ["item"]


@admin.register(RekapKomponen)
class RekapKomponenAdmin(AdminHasil):
    list_display = ["item", "bulan", "status", "progres", "realisasi_rp", "status_kemanfaatan"]
    list_select_related = ITEM_SELECT
    list_filter = ["bulan", "status", *ITEM_FILTER]
    search_fields = ["item__kode_lengkap", "item__uraian", "keterangan_masalah"]
    autocomplete_fields = ["item"]


@admin.register(KegiatanAlki)
class KegiatanAlkiAdmin(AdminHasil):
    list_display = [
        "nomor", "uraian", "satker", "tanggal_posisi", "pagu", "realisasi_keuangan",
        "realisasi_fisik",
    ]  # fmt: skip
    list_select_related = ["satker"]
    list_filter = ["tahun", "satker"]
    search_fields = ["uraian"]
    autocomplete_fields = ["item"]
