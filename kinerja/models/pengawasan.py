"""Recommendations of the internal audit (Inspektorat Jenderal) and their follow-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.choices import StatusTindakLanjut
from kinerja.models.dasar import DataDukungSatker


class RekomendasiAudit(DataDukungSatker):
    tahun_audit = models.PositiveSmallIntegerField(_("tahun pengawasan"))
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.TextField(_("rekomendasi"))
    status = models.CharField(
        _("status tindak lanjut"), max_length=20, choices=StatusTindakLanjut.choices
    )
    tanggal_selesai = models.DateField(
        _("tanggal selesai ditindaklanjuti"),
        null=True,
        blank=True,
        help_text=_("Kosong bila tanggalnya tidak tercatat; statusnya saja yang dipakai."),
    )

    class Meta:
        ordering = ["satker", "tahun_audit", "nomor"]
        verbose_name = _("rekomendasi hasil pengawasan")
        verbose_name_plural = _("rekomendasi hasil pengawasan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun_audit", "nomor"], name="rekomendasi_audit_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tahun_audit} #{self.nomor}"
