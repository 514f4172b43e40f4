"""PNBP receipts and service results, as cumulative year-to-date amounts at a position date
(posisi per tanggal), so a quarter compares with the previous year's same date."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import PNBP_BUKAN_LAYANAN, JenisPnbp, SatuanHasilLayanan
from kinerja.models.dasar import DataDukungSatker


class PenerimaanPnbp(DataDukungSatker):
    tanggal_posisi = models.DateField(
        _("posisi per tanggal"),
        help_text=_("Penerimaan kumulatif sejak 1 Januari sampai tanggal ini."),
    )
    jenis = models.CharField(_("jenis penerimaan"), max_length=30, choices=JenisPnbp.choices)
    jumlah = models.BigIntegerField(_("jumlah (Rp)"))

    class Meta:
        ordering = ["satker", "tanggal_posisi", "jenis"]
        verbose_name = _("penerimaan PNBP")
        verbose_name_plural = _("penerimaan PNBP")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "jenis"],
                name="pnbp_unik_per_posisi_jenis",
                violation_error_message=_("Penerimaan jenis ini pada posisi ini sudah ada."),
            ),
            models.CheckConstraint(condition=Q(jumlah__gte=0), name="pnbp_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tanggal_posisi} {self.get_jenis_display()}"

    @property
    def layanan(self) -> bool:
        """Service fees count for the indicator "PNBP layanan jasa industri"."""
        return self.jenis not in PNBP_BUKAN_LAYANAN


class HasilLayanan(DataDukungSatker):
    tanggal_posisi = models.DateField(
        _("posisi per tanggal"),
        help_text=_("Jumlah kumulatif sejak 1 Januari sampai tanggal ini."),
    )
    jenis = models.CharField(_("jenis layanan"), max_length=30, choices=JenisPnbp.choices)
    satuan = models.CharField(
        _("satuan hasil"),
        max_length=20,
        choices=SatuanHasilLayanan.choices,
        default=SatuanHasilLayanan.HASIL,
    )
    jumlah = models.PositiveIntegerField(_("jumlah"))

    class Meta:
        ordering = ["satker", "tanggal_posisi", "satuan", "jenis"]
        verbose_name = _("hasil layanan")
        verbose_name_plural = _("hasil layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tanggal_posisi", "satuan", "jenis"],
                name="hasil_layanan_unik_per_posisi_jenis",
                violation_error_message=_("Hasil layanan jenis ini pada posisi ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=~Q(jenis__in=sorted(PNBP_BUKAN_LAYANAN)),
                name="hasil_layanan_hanya_jenis_layanan",
                violation_error_message=_("Hasil layanan hanya untuk jenis layanan jasa."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.tanggal_posisi} {self.get_jenis_display()}"
