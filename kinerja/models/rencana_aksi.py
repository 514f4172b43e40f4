"""Rencana Aksi: for each PK line and quarter, the cumulative target progress (target antara,
% of the year) and the planned activities."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Triwulan
from satker.querysets import RestrictedQuerySet

PERSEN_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


def persen_0_100(nama: str) -> Q:
    return Q(**{f"{nama}__isnull": True}) | (Q(**{f"{nama}__gte": 0}) & Q(**{f"{nama}__lte": 100}))


def triwulan_1_4() -> Q:
    return Q(triwulan__gte=1) & Q(triwulan__lte=4)


class RencanaAksi(models.Model):
    satker_lookup = "indikator__sasaran__perjanjian__satker"

    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian",
        on_delete=models.CASCADE,
        related_name="rencana_aksi",
        verbose_name=_("indikator kinerja PK"),
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    target_antara = models.DecimalField(
        _("target antara (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERSEN_VALIDATORS,
        help_text=_("Kemajuan kumulatif yang direncanakan s.d. triwulan ini, 0-100."),
    )
    rencana_kegiatan = models.TextField(_("rencana kegiatan"), blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    perlu_ditinjau = models.BooleanField(
        _("perlu ditinjau satker"),
        default=False,
        help_text=_(
            "Disalin dari bentuk tahun lalu saat tahun dibuka; hilang setelah satker menyimpan."
        ),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["indikator", "triwulan"]
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "triwulan"],
                name="rencana_aksi_unik_per_triwulan",
                violation_error_message=_("Rencana aksi triwulan ini sudah ada."),
            ),
            models.CheckConstraint(condition=triwulan_1_4(), name="rencana_aksi_triwulan_1_4"),
            models.CheckConstraint(
                condition=persen_0_100("target_antara"),
                name="rencana_aksi_target_antara_0_100",
                violation_error_message=_("Target antara harus antara 0 dan 100 persen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} TW {self.triwulan}"
