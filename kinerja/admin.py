from collections.abc import Callable

from django.contrib import admin
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from kinerja import hasil
from kinerja.formatting import format_desimal_ringkas, format_rupiah
from kinerja.models import (
    AspekLayananPublik,
    BelanjaPdn,
    BuktiDukung,
    ButirCapaian,
    CatatanReviu,
    Dipa,
    HasilLayanan,
    HasilPerhitungan,
    IndikatorKinerja,
    IndikatorPerjanjian,
    IndikatorRenstra,
    ItemAnggaran,
    KegiatanAlki,
    NarasiIndikator,
    NilaiLaporanKeuangan,
    NilaiProfesionalitas,
    NilaiSakip,
    PaguIndikatifRenstra,
    PelaporanTriwulan,
    PenerimaanPnbp,
    PengingatTerkirim,
    PengukuranPerusahaan,
    PenilaianLayananPublik,
    PeriodePelaporan,
    PeristiwaPelaporan,
    PerjanjianKinerja,
    PerpanjanganPeriode,
    ProgresAnggaran,
    RealisasiTriwulan,
    RekapKomponen,
    RekomendasiAudit,
    RencanaAksi,
    Renstra,
    RevisiDipa,
    RingkasanAnggaran,
    RiwayatPerubahan,
    SasaranKegiatan,
    SasaranRenstra,
    SnapshotPelaporan,
    SurveiKepuasan,
    TargetPnbp,
    TargetRenstra,
    UnsurSurvei,
)


class AdminHasil(admin.ModelAdmin):
    """A model admin whose writes (a change, an inline, a delete, a bulk action) refresh the
    stored figures they change before they commit, like every page does."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with hasil.menyegarkan():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        with hasil.menyegarkan():
            return super().delete_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        with hasil.menyegarkan():
            return super().changelist_view(request, extra_context)


def kolom_rupiah(field: str, description: str) -> Callable[[admin.ModelAdmin, Model], str]:
    """A list column showing a rupiah field as the ministry prints it (Rp 12.207.073.000),
    sortable by the field."""

    @admin.display(description=description, ordering=field)
    def tampil(_model_admin: admin.ModelAdmin, obj: Model) -> str:
        nilai = getattr(obj, field)
        return "–" if nilai is None else format_rupiah(nilai)

    return tampil


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(AdminHasil):
    list_display = ["kode", "nama", "satuan", "klasifikasi", "metode", "data_dukung", "iku"]
    list_filter = ["satuan", "klasifikasi", "metode", "data_dukung", "iku", "agregasi_tahunan"]
    search_fields = ["kode", "nama", "definisi"]


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


LINE_SELECT = [
    "indikator",
    "indikator__sasaran",
    "indikator__sasaran__perjanjian",
    "indikator__sasaran__perjanjian__satker",
]
LINE_FILTER = ["indikator__sasaran__perjanjian__tahun", "indikator__sasaran__perjanjian__satker"]


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
