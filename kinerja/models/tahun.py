"""The opening of a performance year for every satker: one run of the secretariat's action
(or of `manage.py buka_tahun`), its progress while it runs in the background, and what it
did: the satker opened, and those it could not open with the reason."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.models.renstra import tahun_valid


class StatusPembukaan(models.TextChoices):
    ANTRI = "antri", _("Menunggu giliran")
    PROSES = "proses", _("Sedang berjalan")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class PembukaanTahun(models.Model):
    """One run of opening `tahun`: PK drafts from the Renstra targets, the Rencana Aksi in
    last year's shape, the quarters ready to open. `hasil` lists every satker with what was
    done (`dibuka`, `sudah_ada`) or why it was not (`alasan`). Opening a year that is opened
    already creates nothing twice, so a run may be repeated after a Renstra is completed."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(
        _("status"), max_length=10, choices=StatusPembukaan.choices, default=StatusPembukaan.ANTRI
    )
    kemajuan = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    langkah = models.CharField(_("langkah"), max_length=120, blank=True)
    jumlah_satker = models.PositiveIntegerField(_("jumlah satker"), default=0)
    jumlah_dibuka = models.PositiveIntegerField(_("PK draf dibuat"), default=0)
    jumlah_sudah_ada = models.PositiveIntegerField(_("PK sudah ada"), default=0)
    jumlah_dilewati = models.PositiveIntegerField(_("tidak dapat dibuka"), default=0)
    hasil = models.JSONField(_("hasil per satker"), default=list, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("diminta oleh"),
    )  # fmt: skip
    diminta = models.DateTimeField(_("diminta"), auto_now_add=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-diminta", "-id"]
        verbose_name = _("pembukaan tahun kinerja")
        verbose_name_plural = _("pembukaan tahun kinerja")
        constraints = [
            models.CheckConstraint(condition=tahun_valid("tahun"), name="pembukaan_tahun_wajar"),
            models.CheckConstraint(
                condition=models.Q(kemajuan__lte=100), name="pembukaan_kemajuan_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"Pembukaan tahun {self.tahun} ({self.get_status_display()})"

    @property
    def berjalan(self) -> bool:
        return self.status in (StatusPembukaan.ANTRI, StatusPembukaan.PROSES)
