"""Shared base of the supporting-data records (data dukung): each belongs to one satker."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from satker.querysets import RestrictedQuerySet


class DataDukungSatker(models.Model):
    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker",
        on_delete=models.PROTECT,
        related_name="%(class)s",
        verbose_name=_("satker"),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True


class DataDukungBaris(models.Model):
    """Supporting data claimed for one PK line (a measured company, a facilitated company):
    the manual forbids claiming the same item for two indicators."""

    satker_lookup = "indikator__sasaran__perjanjian__satker"

    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian",
        on_delete=models.CASCADE,
        related_name="%(class)s",
        verbose_name=_("indikator kinerja PK"),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
