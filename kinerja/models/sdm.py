"""The civil-servant professionalism index (IPASN, Peraturan BKN 8/2019): per employee,
scores of four dimensions. Employee names are pseudonymised in the demo data."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
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
