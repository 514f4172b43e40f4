"""The public-satisfaction survey (IKM, PermenPAN-RB 14/2017): mean score per service
element and the respondent counts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.dasar import DataDukungSatker
from satker.querysets import RestrictedQuerySet


class SurveiKepuasan(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal_posisi = models.DateField(_("posisi per tanggal"))
    jumlah_pelanggan = models.PositiveIntegerField(_("jumlah pelanggan"), null=True, blank=True)
    jumlah_responden = models.PositiveIntegerField(_("jumlah responden"))
    responden_nilai_1 = models.PositiveIntegerField(_("responden nilai 1"), default=0)
    responden_nilai_2 = models.PositiveIntegerField(_("responden nilai 2"), default=0)
    responden_nilai_3 = models.PositiveIntegerField(_("responden nilai 3"), default=0)
    responden_nilai_4 = models.PositiveIntegerField(_("responden nilai 4"), default=0)

    class Meta:
        ordering = ["satker", "tanggal_posisi"]
        verbose_name = _("survei kepuasan masyarakat")
        verbose_name_plural = _("survei kepuasan masyarakat")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi"],
                name="survei_unik_per_posisi",
                violation_error_message=_("Survei pada posisi ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return f"IKM {self.satker} {self.tanggal_posisi}"


class UnsurSurvei(models.Model):
    satker_lookup = "survei__satker"

    survei = models.ForeignKey(
        SurveiKepuasan, on_delete=models.CASCADE, related_name="unsur", verbose_name=_("survei")
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("unsur pelayanan"), max_length=200)
    nilai = models.DecimalField(
        _("nilai rata-rata"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["survei", "nomor"]
        verbose_name = _("unsur survei")
        verbose_name_plural = _("unsur survei")
        constraints = [
            models.UniqueConstraint(fields=["survei", "nomor"], name="unsur_survei_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=1) & Q(nilai__lte=4),
                name="unsur_survei_nilai_1_4",
                violation_error_message=_("Nilai unsur survei antara 1 dan 4."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"
