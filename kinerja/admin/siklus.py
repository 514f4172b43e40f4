"""The reporting cycle: periods, reports and their read-only audit trail."""

from django.contrib import admin

from kinerja.admin.dasar import AdminHasil
from kinerja.models import (
    BuktiDukung,
    CatatanReviu,
    PelaporanTriwulan,
    PembukaanTahun,
    PengingatTerkirim,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerpanjanganPeriode,
    RevisiPerjanjian,
    RiwayatPerubahan,
    SnapshotPelaporan,
)

# --- the reporting cycle -----------------------------------------------------------------


class PerpanjanganInline(admin.TabularInline):
    model = PerpanjanganPeriode
    extra = 0
    fields = ["satker", "batas", "alasan", "oleh"]
    readonly_fields = ["oleh"]


@admin.register(PeriodePelaporan)
class PeriodePelaporanAdmin(AdminHasil):
    list_display = ["__str__", "batas", "dibuka", "dibuka_oleh", "ditutup"]
    list_filter = ["tahun", "triwulan"]
    inlines = [PerpanjanganInline]
    readonly_fields = ["dibuka_oleh", "ditutup_oleh"]


@admin.register(PerpanjanganPeriode)
class PerpanjanganPeriodeAdmin(AdminHasil):
    list_display = ["periode", "satker", "batas", "oleh", "dibuat"]
    list_select_related = ["periode", "satker", "oleh"]
    list_filter = ["periode", "satker"]
    search_fields = ["satker__singkatan", "alasan"]


class CatatanSiklusAdmin(AdminHasil):
    """A record of the cycle (an event, a snapshot, a note, a change, an evidence file): it is
    written by the cycle itself, which keeps who did what; here it is only read, so that the
    audit trail and what a satker submitted cannot be altered or removed."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class PeristiwaInline(admin.TabularInline):
    model = PeristiwaPelaporan
    extra = 0
    can_delete = False
    fields = ["waktu", "aksi", "oleh", "catatan"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PelaporanTriwulan)
class PelaporanTriwulanAdmin(AdminHasil):
    """The state is changed through the cycle (submit, return, verify, reopen), which records
    who did what; here it is read."""

    list_display = ["satker", "tahun", "triwulan", "status", "diperbarui"]
    list_select_related = ["satker"]
    list_filter = ["status", "tahun", "triwulan", "satker"]
    search_fields = ["satker__singkatan", "satker__nama"]
    readonly_fields = ["satker", "tahun", "triwulan", "status", "diperbarui"]
    inlines = [PeristiwaInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # removing it would unlock a verified quarter and lose its snapshots


@admin.register(PeristiwaPelaporan)
class PeristiwaPelaporanAdmin(CatatanSiklusAdmin):
    list_display = ["pelaporan", "aksi", "oleh", "waktu"]
    list_select_related = ["pelaporan__satker", "oleh"]
    list_filter = ["aksi"]
    search_fields = ["pelaporan__satker__singkatan", "catatan"]


@admin.register(CatatanReviu)
class CatatanReviuAdmin(CatatanSiklusAdmin):
    list_display = ["pelaporan", "indikator", "oleh", "dibuat", "diselesaikan"]
    list_select_related = ["pelaporan__satker", "indikator", "oleh"]
    search_fields = ["catatan", "pelaporan__satker__singkatan"]


@admin.register(SnapshotPelaporan)
class SnapshotPelaporanAdmin(CatatanSiklusAdmin):
    """Snapshots are what was submitted: never edited."""

    list_display = ["pelaporan", "versi", "dibuat", "oleh"]
    list_select_related = ["pelaporan__satker", "oleh"]


@admin.register(RiwayatPerubahan)
class RiwayatPerubahanAdmin(CatatanSiklusAdmin):
    list_display = ["waktu", "satker", "uraian_objek", "label", "lama", "baru", "oleh"]
    list_select_related = ["satker", "oleh"]
    list_filter = ["satker", "label"]
    search_fields = ["uraian_objek", "lama", "baru"]


@admin.register(BuktiDukung)
class BuktiDukungAdmin(CatatanSiklusAdmin):
    """Evidence is uploaded and removed on the quarter page, which checks the file's content
    and keeps the history."""

    list_display = ["nama", "realisasi", "jenis_konten", "ukuran", "diunggah_oleh", "diunggah"]
    list_select_related = ["realisasi__indikator", "diunggah_oleh"]
    search_fields = ["nama"]


@admin.register(PengingatTerkirim)
class PengingatTerkirimAdmin(AdminHasil):
    list_display = ["periode", "satker", "tanggal"]
    list_select_related = ["periode", "satker"]
    list_filter = ["periode", "tanggal"]


@admin.register(RevisiPerjanjian)
class RevisiPerjanjianAdmin(CatatanSiklusAdmin):
    """A signed version of a PK is kept by the PK page (its snapshot, scan and reason)."""

    list_display = ["perjanjian", "nomor", "alasan", "tempat", "tanggal", "oleh", "waktu"]
    list_select_related = ["perjanjian__satker", "oleh"]
    list_filter = ["perjanjian__tahun"]
    search_fields = ["perjanjian__satker__singkatan", "alasan"]


@admin.register(PembukaanTahun)
class PembukaanTahunAdmin(CatatanSiklusAdmin):
    """A run of the secretariat's year page or of `manage.py buka_tahun`, with its result."""

    list_display = [
        "tahun", "status", "jumlah_satker", "jumlah_dibuka", "jumlah_sudah_ada",
        "jumlah_dilewati", "diminta_oleh", "diminta", "selesai",
    ]  # fmt: skip
    list_select_related = ["diminta_oleh"]
    list_filter = ["tahun", "status"]
