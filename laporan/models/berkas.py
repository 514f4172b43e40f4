"""A rendered report file: who asked for it, when, its state while it is being rendered, and
the file. The last completed file of each report and format is kept; older ones are removed
when a newer one completes.

An archive (`arsip`) is the PP-39 of a verified quarter, rendered once for its verification
event in the formats of FORMAT_ARSIP: once written, its file and row are sealed with the
SHA-256 of the stored bytes, never replaced, never removed (laporan/arsip.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.formatting import romawi
from laporan import render
from laporan.choices import FormatBerkas, JenisLaporan, StatusBerkas
from laporan.models.narasi import PeriodeLaporan
from satker.querysets import RestrictedQuerySet

# A sealed archive: written, its hash recorded. Neither its row nor its file changes again.
TERSEGEL = Q(arsip=True) & ~Q(sha256="")


class ArsipTerkunci(ValidationError):
    """An archive was to be changed or removed; it never is."""


def _lokasi_berkas(berkas: BerkasLaporan, nama: str) -> str:
    if berkas.arsip:
        # One folder per verification event: no two archives share a path.
        return f"laporan/{berkas.satker_id}/{berkas.tahun}/arsip/{berkas.peristiwa_id}/{nama}"
    return f"laporan/{berkas.satker_id}/{berkas.tahun}/{nama}"


class BerkasQuerySet(RestrictedQuerySet):
    """Bulk writes refuse archives as the model does: no `.delete()` of a queryset holding an
    archive, no `.update()` of one holding a sealed archive."""

    def delete(self):
        if self.filter(arsip=True).exists():
            raise ArsipTerkunci(_("Arsip laporan terverifikasi tidak dapat dihapus."))
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True

    def update(self, **kwargs):
        if self.filter(TERSEGEL).exists():
            raise ArsipTerkunci(_("Arsip laporan terverifikasi tidak dapat diubah."))
        return super().update(**kwargs)

    update.alters_data = True


class BerkasLaporan(PeriodeLaporan):
    format = models.CharField(_("format"), max_length=10, choices=FormatBerkas.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusBerkas.choices, default=StatusBerkas.ANTRI
    )
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_berkas, blank=True, max_length=200)
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
    # While it is being rendered: how far (percent) and at which step, for the progress bar.
    kemajuan = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    langkah = models.CharField(_("langkah"), max_length=120, blank=True)
    arsip = models.BooleanField(
        _("arsip verifikasi"),
        default=False,
        help_text=_("Disusun sekali saat triwulan diverifikasi; tidak pernah diubah atau dihapus."),
    )
    # The verification the archive was made for (PROTECT: the quarter's log cannot lose it).
    peristiwa = models.ForeignKey(
        "kinerja.PeristiwaPelaporan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arsip",
        verbose_name=_("verifikasi"),
    )
    versi = models.PositiveSmallIntegerField(
        _("versi arsip"), null=True, blank=True, help_text=_("Verifikasi ke-berapa triwulan ini.")
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    objects = BerkasQuerySet.as_manager()

    class Meta:
        ordering = ["-diminta"]
        verbose_name = _("berkas laporan")
        verbose_name_plural = _("berkas laporan")
        indexes = [models.Index(fields=["satker", "jenis", "tahun", "triwulan", "format"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(arsip=False, peristiwa__isnull=True, versi__isnull=True, sha256="")
                    | Q(
                        arsip=True,
                        peristiwa__isnull=False,
                        versi__isnull=False,
                        jenis=JenisLaporan.PP39,
                    )
                ),
                name="berkas_arsip_lengkap",
            ),
            models.CheckConstraint(
                condition=Q(sha256="") | (Q(status=StatusBerkas.SELESAI) & ~Q(berkas="")),
                name="berkas_sha256_berkas_selesai",
            ),
            models.UniqueConstraint(
                fields=["peristiwa", "format"],
                condition=Q(arsip=True),
                name="arsip_satu_per_verifikasi_format",
            ),
            models.UniqueConstraint(
                fields=["berkas"], condition=Q(arsip=True) & ~Q(berkas=""), name="arsip_lokasi_unik"
            ),
        ]

    def __str__(self) -> str:
        periode = f" TW {self.triwulan}" if self.triwulan else ""
        arsip = f" arsip v{self.versi}" if self.arsip else ""
        return f"{self.get_jenis_display()} {self.tahun}{periode} ({self.format}){arsip}"

    def save(self, *args, **kwargs) -> None:
        """Refused for a sealed archive, as stored now (not as this instance last read it):
        a second worker that rendered the same archive cannot replace the first's file."""
        with transaction.atomic():
            if self.pk is not None and (
                BerkasLaporan.objects.select_for_update().filter(TERSEGEL, pk=self.pk).exists()
            ):
                raise ArsipTerkunci(_("Arsip laporan terverifikasi tidak dapat diubah."))
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.arsip:
            raise ArsipTerkunci(_("Arsip laporan terverifikasi tidak dapat dihapus."))
        return super().delete(*args, **kwargs)

    @property
    def tersegel(self) -> bool:
        """An archive written and hashed: what is downloaded for its quarter from then on."""
        return self.arsip and bool(self.sha256)

    @property
    def judul_singkat(self) -> str:
        """ "LAKIP 2023", "PP-39 TW II 2023", "PK 2023"."""
        jenis = {"pp39": "PP-39", "lakip": "LAKIP", "pk": "PK"}[self.jenis]
        periode = f" TW {romawi(self.triwulan)}" if self.triwulan else ""
        return f"{jenis}{periode} {self.tahun}"

    @property
    def nama_unduhan(self) -> str:
        """The file name a user downloads: lakip-417912-2023.pdf, pp39-247246-2023-tw2.xlsx,
        pp39-247246-2023-tw2-arsip-v1.pdf for the archive of a first verification."""
        periode = f"-tw{self.triwulan}" if self.triwulan else ""
        arsip = f"-arsip-v{self.versi}" if self.arsip else ""
        satker = self.satker.kode or self.satker_id
        return f"{self.jenis}-{satker}-{self.tahun}{periode}{arsip}.{self.renderer.extension}"

    @property
    def renderer(self) -> render.Renderer:
        """The registered renderer of the file's format (its extension, its content type)."""
        return render.get(self.format)
