"""A rendered report file: who asked for it, when, its state while it is being rendered, and
the file. The last completed file of each report and format is kept; older ones are removed
when a newer one completes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.formatting import romawi
from laporan import render
from laporan.choices import FormatBerkas, StatusBerkas
from laporan.models.narasi import PeriodeLaporan


def _lokasi_berkas(berkas: "BerkasLaporan", nama: str) -> str:
    return f"laporan/{berkas.satker_id}/{berkas.tahun}/{nama}"


class BerkasLaporan(PeriodeLaporan):
    format = models.CharField(_("format"), max_length=10, choices=FormatBerkas.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusBerkas.choices, default=StatusBerkas.ANTRI
    )
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_berkas, blank=True)
    halaman = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    diminta = models.DateTimeField(_("diminta"), auto_now_add=True)
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)

    class Meta:
        ordering = ["-diminta"]
        verbose_name = _("berkas laporan")
        verbose_name_plural = _("berkas laporan")
        indexes = [models.Index(fields=["satker", "jenis", "tahun", "triwulan", "format"])]

    def __str__(self) -> str:
        periode = f" TW {self.triwulan}" if self.triwulan else ""
        return f"{self.get_jenis_display()} {self.tahun}{periode} ({self.format})"

    @property
    def judul_singkat(self) -> str:
        """ "LAKIP 2023", "PP-39 TW II 2023", "PK 2023"."""
        jenis = {"pp39": "PP-39", "lakip": "LAKIP", "pk": "PK"}[self.jenis]
        periode = f" TW {romawi(self.triwulan)}" if self.triwulan else ""
        return f"{jenis}{periode} {self.tahun}"

    @property
    def nama_unduhan(self) -> str:
        """The file name a user downloads: lakip-417912-2023.pdf, pp39-247246-2023-tw2.xlsx."""
        periode = f"-tw{self.triwulan}" if self.triwulan else ""
        satker = self.satker.kode or self.satker_id
        return f"{self.jenis}-{satker}-{self.tahun}{periode}.{self.renderer.extension}"

    @property
    def renderer(self) -> render.Renderer:
        """The registered renderer of the file's format (its extension, its content type)."""
        return render.get(self.format)
