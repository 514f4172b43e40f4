"""The PP-39 annexes a satker fills in per quarter: Form A (data umum and kendala per
kegiatan) and the staff-monitoring form. Every save and deletion is kept in the history."""

from django.contrib import admin

from kinerja.admin.dasar import AdminHasil
from kinerja.models import (
    CatatanMonitoring,
    KendalaKegiatan,
    LaporanKegiatan,
    MonitoringKepegawaian,
    PeristiwaPegawai,
    RekapPegawai,
)


@admin.register(LaporanKegiatan)
class LaporanKegiatanAdmin(AdminHasil):
    list_display = ["kegiatan", "satker", "triwulan", "penanggung_jawab", "tanggal"]
    list_select_related = ["kegiatan", "satker"]
    list_filter = ["kegiatan__tahun", "triwulan", "satker"]
    search_fields = ["kegiatan__kode", "kegiatan__uraian", "satker__singkatan"]
    raw_id_fields = ["kegiatan"]


@admin.register(KendalaKegiatan)
class KendalaKegiatanAdmin(AdminHasil):
    list_display = ["laporan", "nomor", "output", "kendala"]
    list_select_related = ["laporan__kegiatan", "laporan__satker", "output"]
    list_filter = ["laporan__kegiatan__tahun", "laporan__triwulan", "laporan__satker"]
    search_fields = ["kendala", "tindak_lanjut", "pihak_membantu"]
    raw_id_fields = ["laporan", "output"]


@admin.register(MonitoringKepegawaian)
class MonitoringKepegawaianAdmin(AdminHasil):
    list_display = ["satker", "tahun", "triwulan"]
    list_select_related = ["satker"]
    list_filter = ["tahun", "triwulan", "satker"]
    search_fields = ["satker__singkatan", "satker__nama"]


class _BarisAdmin(AdminHasil):
    list_select_related = ["monitoring__satker"]
    list_filter = ["jenis", "monitoring__tahun", "monitoring__triwulan", "monitoring__satker"]
    raw_id_fields = ["monitoring"]


@admin.register(PeristiwaPegawai)
class PeristiwaPegawaiAdmin(_BarisAdmin):
    list_display = ["monitoring", "jenis", "nomor", "pegawai", "uraian", "tanggal"]
    search_fields = ["pegawai", "uraian", "penyelenggara"]


@admin.register(RekapPegawai)
class RekapPegawaiAdmin(_BarisAdmin):
    list_display = ["monitoring", "jenis", "nomor", "kelompok", "kategori", "jumlah"]
    search_fields = ["kelompok", "kategori"]


@admin.register(CatatanMonitoring)
class CatatanMonitoringAdmin(_BarisAdmin):
    list_display = ["monitoring", "jenis", "nomor", "pihak", "uraian"]
    search_fields = ["pihak", "uraian", "keterangan"]
