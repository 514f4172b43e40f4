"""Spending on domestic products (P3DN) per budget account."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.dasar import DataDukungSatker


class BelanjaPdn(DataDukungSatker):
    tanggal_posisi = models.DateField(_("posisi per tanggal"))
    akun = models.CharField(_("akun"), max_length=6)
    pagu = models.BigIntegerField(_("pagu (Rp)"))
    realisasi_pdn = models.BigIntegerField(_("realisasi PDN (Rp)"), default=0)
    realisasi_tkdn = models.BigIntegerField(_("realisasi TKDN (Rp)"), default=0)
    realisasi_impor = models.BigIntegerField(_("realisasi impor (Rp)"), default=0)

    class Meta:
        ordering = ["satker", "tanggal_posisi", "akun"]
        verbose_name = _("belanja PDN per akun")
        verbose_name_plural = _("belanja PDN per akun")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "akun"],
                name="belanja_pdn_unik",
                violation_error_message=_("Akun ini sudah dicatat pada posisi ini."),
            ),
            models.CheckConstraint(
                condition=Q(akun__regex=r"^[0-9]{6}$"), name="belanja_pdn_akun_6_angka"
            ),
            models.CheckConstraint(
                condition=Q(pagu__gte=0)
                & Q(realisasi_pdn__gte=0)
                & Q(realisasi_tkdn__gte=0)
                & Q(realisasi_impor__gte=0),
                name="belanja_pdn_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tanggal_posisi} {self.akun}"
