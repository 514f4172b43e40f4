"""The public-service index (Indeks Pelayanan Publik, PermenPAN-RB 29/2022): aspects with
their index and weight."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models.dasar import DataDukungSatker
from satker.querysets import RestrictedQuerySet


class PenilaianLayananPublik(DataDukungSatker):
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    tanggal = models.DateField(_("tanggal penilaian"))
    penilai = models.CharField(_("penilai/metode"), max_length=200, blank=True)

    class Meta:
        ordering = ["satker", "tanggal"]
        verbose_name = _("penilaian indeks layanan publik")
        verbose_name_plural = _("penilaian indeks layanan publik")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal"], name="penilaian_layanan_publik_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"ILP {self.satker} {self.tanggal}"


class AspekLayananPublik(models.Model):
    satker_lookup = "penilaian__satker"

    penilaian = models.ForeignKey(
        PenilaianLayananPublik,
        on_delete=models.CASCADE,
        related_name="aspek",
        verbose_name=_("penilaian"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("aspek"), max_length=200)
    indeks = models.DecimalField(_("indeks aspek"), max_digits=5, decimal_places=2)
    bobot = models.DecimalField(_("bobot (%)"), max_digits=5, decimal_places=2)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["penilaian", "nomor"]
        verbose_name = _("aspek layanan publik")
        verbose_name_plural = _("aspek layanan publik")
        constraints = [
            models.UniqueConstraint(fields=["penilaian", "nomor"], name="aspek_layanan_unik"),
            models.CheckConstraint(
                condition=Q(indeks__gte=0) & Q(indeks__lte=5), name="aspek_indeks_0_5"
            ),
            models.CheckConstraint(
                condition=Q(bobot__gt=0) & Q(bobot__lte=100), name="aspek_bobot_0_100"
            ),
        ]

    def __str__(self) -> str:
        return self.nama
