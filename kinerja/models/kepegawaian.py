"""The staff-monitoring form annexed to the PP-39 (Form Monitoring Kepegawaian): per satker and
quarter, thirteen tables of three shapes. Events of one employee (training, promotion,
discipline, transfer, retirement), counts of staff (functional positions, education) and the
unit's records (complaints, gratification, whistleblowing, awards, regulations, certification
activities). A table's columns are named in `KOLOM`, which the entry page, the checks and the
report read. Employee names are pseudonymised in the demo data."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import TABEL_CATATAN, TABEL_PEGAWAI, TABEL_REKAP, TabelKepegawaian
from kinerja.models.dasar import DataDukungSatker
from kinerja.models.rencana_aksi import triwulan_1_4
from satker.querysets import RestrictedQuerySet

T = TabelKepegawaian


@dataclass(frozen=True)
class Kolom:
    """A column of a table of the form: the field it shows and its printed title."""

    field: str
    judul: str
    wajib: bool = False


# The columns of each table, as the form prints them (after its "No" column). A training's
# date is a range: `tanggal` to `tanggal_selesai`, printed as one column.
KOLOM: dict[str, tuple[Kolom, ...]] = {
    T.PELATIHAN: (
        Kolom("pegawai", "Nama pegawai", True),
        Kolom("uraian", "Pelatihan/sosialisasi/webinar/bimtek", True),
        Kolom("penyelenggara", "Penyelenggara", True),
        Kolom("tanggal", "Tanggal pelaksanaan", True),
    ),
    T.KENAIKAN_PANGKAT: (
        Kolom("pegawai", "Nama", True),
        Kolom("semula", "Pangkat awal", True),
        Kolom("menjadi", "Pangkat yang diusulkan", True),
    ),
    T.HUKUMAN_DISIPLIN: (
        Kolom("pegawai", "Nama", True),
        Kolom("uraian", "Pelanggaran", True),
        Kolom("menjadi", "Jenis hukuman disiplin", True),
    ),
    T.MUTASI: (
        Kolom("pegawai", "Nama", True),
        Kolom("semula", "Penempatan/jabatan lama", True),
        Kolom("menjadi", "Penempatan/jabatan baru", True),
    ),
    T.PENSIUN: (Kolom("pegawai", "Nama", True), Kolom("tanggal", "TMT pensiun", True)),
    T.JABATAN_FUNGSIONAL: (
        Kolom("kelompok", "Jabatan fungsional tertentu", True),
        Kolom("kategori", "Jenjang jabatan", True),
        Kolom("jumlah", "Jumlah pegawai", True),
    ),
    T.PENDIDIKAN: (
        Kolom("kategori", "Jenjang pendidikan", True),
        Kolom("jumlah", "Jumlah pegawai", True),
    ),
    T.PENGADUAN: (
        Kolom("pihak", "Nama instansi"),
        Kolom("uraian", "Uraian", True),
        Kolom("keterangan", "Tindak lanjut"),
    ),
    T.GRATIFIKASI: (
        Kolom("pihak", "Nama instansi"),
        Kolom("uraian", "Uraian", True),
        Kolom("keterangan", "Tindak lanjut"),
    ),
    T.WHISTLEBLOWING: (Kolom("uraian", "Uraian", True), Kolom("keterangan", "Tindak lanjut")),
    T.PRESTASI: (
        Kolom("pihak", "Instansi pemberi penghargaan", True),
        Kolom("uraian", "Uraian penghargaan", True),
    ),
    T.PERUNDANGAN: (
        Kolom("uraian", "Nama peraturan", True),
        Kolom("nomor_dokumen", "No peraturan"),
        Kolom("keterangan", "Ruang lingkup"),
    ),
    T.LSPRO: (
        Kolom("pihak", "Nama perusahaan", True),
        Kolom("uraian", "Jenis kegiatan", True),
        Kolom("keterangan", "Keterangan"),
    ),
}


class MonitoringKepegawaian(DataDukungSatker):
    """A satker's staff-monitoring form of a quarter. Its existence says the form was filled
    in: a table without rows then reports nothing happened (printed "–"), not missing data."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))

    class Meta:
        ordering = ["satker", "tahun", "triwulan"]
        verbose_name = _("monitoring kepegawaian")
        verbose_name_plural = _("monitoring kepegawaian")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "triwulan"],
                name="monitoring_kepegawaian_unik",
                violation_error_message=_("Monitoring kepegawaian triwulan ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=triwulan_1_4(), name="monitoring_kepegawaian_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} TW {self.triwulan} {self.tahun}"


class BarisMonitoring(models.Model):
    """A row of one of the form's tables; `nomor` keeps the form's order."""

    satker_lookup = "monitoring__satker"
    TABEL: tuple[str, ...] = ()

    monitoring = models.ForeignKey(
        MonitoringKepegawaian,
        on_delete=models.CASCADE,
        related_name="%(class)s",
        verbose_name=_("monitoring kepegawaian"),
    )
    jenis = models.CharField(_("tabel"), max_length=30, choices=TabelKepegawaian.choices)
    nomor = models.PositiveSmallIntegerField(_("urutan"))
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self) -> None:
        """The row belongs to a table of its shape and fills that table's required columns."""
        if self.jenis and self.jenis not in self.TABEL:
            raise ValidationError({"jenis": _("Tabel ini tidak memakai bentuk baris ini.")})
        galat = {}
        for k in KOLOM.get(self.jenis, ()):
            nilai = getattr(self, k.field)
            if k.wajib and (nilai is None or (isinstance(nilai, str) and not nilai.strip())):
                galat[k.field] = _("%(kolom)s wajib diisi.") % {"kolom": k.judul}
        if galat:
            raise ValidationError(galat)


def _jenis_dalam(tabel: tuple[str, ...]) -> Q:
    return Q(jenis__in=list(tabel))


class PeristiwaPegawai(BarisMonitoring):
    """An event of one employee in the quarter: a training attended, a promotion proposed, a
    disciplinary sentence, a transfer, a retirement."""

    TABEL = tuple(TABEL_PEGAWAI)

    pegawai = models.CharField(_("nama pegawai"), max_length=200)
    uraian = models.TextField(_("uraian (pelatihan/pelanggaran)"), blank=True)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=300, blank=True)
    semula = models.CharField(_("pangkat/jabatan semula"), max_length=200, blank=True)
    menjadi = models.CharField(_("pangkat/jabatan/hukuman menjadi"), max_length=200, blank=True)
    tanggal = models.DateField(_("tanggal (mulai)"), null=True, blank=True)
    tanggal_selesai = models.DateField(
        _("s.d. tanggal"),
        null=True,
        blank=True,
        help_text=_("Hanya untuk kegiatan lebih dari sehari."),
    )

    class Meta:
        ordering = ["monitoring", "jenis", "nomor"]
        verbose_name = _("peristiwa pegawai")
        verbose_name_plural = _("peristiwa pegawai (monitoring kepegawaian)")
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring", "jenis", "nomor"],
                name="peristiwa_pegawai_urutan_unik",
                violation_error_message=_("Urutan ini sudah dipakai dalam tabel ini."),
            ),
            models.CheckConstraint(
                condition=_jenis_dalam(TABEL_PEGAWAI), name="peristiwa_pegawai_jenis"
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True)
                | (Q(tanggal__isnull=False) & Q(tanggal_selesai__gte=models.F("tanggal"))),
                name="peristiwa_pegawai_rentang_tanggal",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai}: {self.uraian or self.menjadi or self.get_jenis_display()}"


class RekapPegawai(BarisMonitoring):
    """A count of staff in a category: a functional position's level, an education level."""

    TABEL = tuple(TABEL_REKAP)

    kelompok = models.CharField(_("kelompok (jabatan fungsional)"), max_length=200, blank=True)
    kategori = models.CharField(_("jenjang"), max_length=200)
    jumlah = models.PositiveIntegerField(_("jumlah pegawai"))

    class Meta:
        ordering = ["monitoring", "jenis", "nomor"]
        verbose_name = _("rekap pegawai")
        verbose_name_plural = _("rekap pegawai (monitoring kepegawaian)")
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring", "jenis", "nomor"],
                name="rekap_pegawai_urutan_unik",
                violation_error_message=_("Urutan ini sudah dipakai dalam tabel ini."),
            ),
            models.UniqueConstraint(
                fields=["monitoring", "jenis", "kelompok", "kategori"],
                name="rekap_pegawai_kategori_unik",
                violation_error_message=_("Jenjang ini sudah tercatat dalam tabel ini."),
            ),
            models.CheckConstraint(condition=_jenis_dalam(TABEL_REKAP), name="rekap_pegawai_jenis"),
        ]

    def __str__(self) -> str:
        return f"{self.kelompok} {self.kategori}: {self.jumlah}".strip()


class CatatanMonitoring(BarisMonitoring):
    """A record of the unit in the quarter: a public complaint, a gratification or
    whistleblowing case, an award, a regulation drafted, an activity of the LSPro."""

    TABEL = tuple(TABEL_CATATAN)

    pihak = models.CharField(_("instansi/perusahaan"), max_length=300, blank=True)
    nomor_dokumen = models.CharField(_("nomor dokumen"), max_length=100, blank=True)
    uraian = models.TextField(_("uraian"))
    keterangan = models.TextField(_("tindak lanjut/keterangan"), blank=True)

    class Meta:
        ordering = ["monitoring", "jenis", "nomor"]
        verbose_name = _("catatan monitoring")
        verbose_name_plural = _("catatan monitoring (monitoring kepegawaian)")
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring", "jenis", "nomor"],
                name="catatan_monitoring_urutan_unik",
                violation_error_message=_("Urutan ini sudah dipakai dalam tabel ini."),
            ),
            models.CheckConstraint(
                condition=_jenis_dalam(TABEL_CATATAN), name="catatan_monitoring_jenis"
            ),
        ]

    def __str__(self) -> str:
        return (self.pihak or self.uraian)[:120]


# The row model of each table.
MODEL_TABEL: dict[str, type[BarisMonitoring]] = {
    **dict.fromkeys(TABEL_PEGAWAI, PeristiwaPegawai),
    **dict.fromkeys(TABEL_REKAP, RekapPegawai),
    **dict.fromkeys(TABEL_CATATAN, CatatanMonitoring),
}
