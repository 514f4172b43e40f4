"""The civil-servant professionalism index (IPASN, Peraturan BKN 8/2019): per employee,
scores of four dimensions; and the trainings the employees attended. Employee names are
pseudonymised in the demo data."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.dasar import DataDukungSatker

# Maximum score of each dimension (Peraturan BKN 8/2019).
MAKS_DIMENSI = {"kualifikasi": 25, "kompetensi": 40, "kinerja": 30, "disiplin": 5}


def _dimensi(nama: str, label: str) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(MAKS_DIMENSI[nama])],
    )


class NilaiProfesionalitas(DataDukungSatker):
    tanggal_posisi = models.DateField(_("posisi per tanggal"))
    pegawai = models.CharField(_("pegawai"), max_length=200)
    kualifikasi = _dimensi("kualifikasi", _("kualifikasi"))
    kompetensi = _dimensi("kompetensi", _("kompetensi"))
    kinerja = _dimensi("kinerja", _("kinerja"))
    disiplin = _dimensi("disiplin", _("disiplin"))

    class Meta:
        ordering = ["satker", "tanggal_posisi", "pegawai"]
        verbose_name = _("nilai profesionalitas ASN")
        verbose_name_plural = _("nilai profesionalitas ASN")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "pegawai"],
                name="profesionalitas_unik_per_pegawai",
                violation_error_message=_("Pegawai ini sudah dinilai pada posisi ini."),
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{nama}__gte": 0, f"{nama}__lte": maks}),
                    name=f"profesionalitas_{nama}_0_{maks}",
                )
                for nama, maks in MAKS_DIMENSI.items()
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} {self.tanggal_posisi}"


class PelatihanPegawai(DataDukungSatker):
    """A training, workshop or seminar an employee attended (LAKIP "Data Pelatihan
    Pegawai"). Names are pseudonymised in the demo data, as for the scores above."""

    pegawai = models.CharField(_("pegawai"), max_length=200)
    nama_pelatihan = models.CharField(_("pelatihan"), max_length=300)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(
        _("tanggal selesai"), null=True, blank=True, help_text=_("Kosong bila hanya sehari.")
    )

    class Meta:
        ordering = ["satker", "pegawai", "tanggal_mulai", "nama_pelatihan"]
        verbose_name = _("pelatihan pegawai")
        verbose_name_plural = _("pelatihan pegawai")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "pegawai", "nama_pelatihan", "tanggal_mulai"],
                name="pelatihan_pegawai_unik",
                violation_error_message=_("Pelatihan ini sudah dicatat untuk pegawai tersebut."),
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__isnull=True)
                | Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="pelatihan_pegawai_selesai_sesudah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai}: {self.nama_pelatihan}"
