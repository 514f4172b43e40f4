"""Supporting data claimed for a PK line: before/after measurements of assisted companies
and the list of achievements counted by a "jumlah" indicator."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import ArahPengukuran
from kinerja.models.dasar import DataDukungBaris


class PengukuranPerusahaan(DataDukungBaris):
    """A company's performance measured before (A) and after (B) an assistance."""

    perusahaan = models.CharField(_("perusahaan/IKM"), max_length=200)
    kegiatan = models.CharField(_("kegiatan"), max_length=300, blank=True)
    besaran = models.CharField(
        _("ukuran kinerja"), max_length=100, help_text=_("mis. produksi jahe merah kristal")
    )
    satuan_ukur = models.CharField(_("satuan ukur"), max_length=50, help_text=_("mis. kg/bulan"))
    arah = models.CharField(
        _("dihitung sebagai"),
        max_length=20,
        choices=ArahPengukuran.choices,
        default=ArahPengukuran.PRODUKTIVITAS,
    )
    nilai_sebelum = models.DecimalField(_("sebelum (A)"), max_digits=15, decimal_places=4)
    nilai_sesudah = models.DecimalField(_("sesudah (B)"), max_digits=15, decimal_places=4)
    tanggal = models.DateField(_("tanggal pengukuran sesudah"))

    class Meta:
        ordering = ["indikator", "tanggal", "perusahaan"]
        verbose_name = _("pengukuran perusahaan")
        verbose_name_plural = _("pengukuran perusahaan")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "perusahaan", "besaran"],
                name="pengukuran_perusahaan_unik",
                violation_error_message=_("Perusahaan ini sudah diukur untuk indikator ini."),
            ),
            models.CheckConstraint(
                condition=Q(nilai_sebelum__gt=0) & Q(nilai_sesudah__gte=0),
                name="pengukuran_nilai_positif",
                violation_error_message=_("Nilai sebelum harus lebih dari nol."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perusahaan} ({self.indikator})"


class ButirCapaian(DataDukungBaris):
    """An item counted by a "jumlah" indicator: a company facilitated, a scope accredited."""

    tanggal = models.DateField(_("tanggal"))
    uraian = models.CharField(_("uraian"), max_length=300)
    jumlah = models.PositiveIntegerField(_("jumlah"), default=1)
    bukti = models.CharField(_("bukti"), max_length=300, blank=True)

    class Meta:
        ordering = ["indikator", "tanggal", "uraian"]
        verbose_name = _("butir capaian")
        verbose_name_plural = _("butir capaian")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "uraian"],
                name="butir_capaian_unik",
                violation_error_message=_("Butir ini sudah dicatat untuk indikator ini."),
            ),
        ]

    def __str__(self) -> str:
        return self.uraian
