"""What a satker writes for a report beyond its measured data: the identity of the report
(memo number and date, place, signatory) and the narrative of its sections."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from laporan.choices import BagianNarasi, JenisLaporan
from satker.querysets import RestrictedQuerySet


def _periode_unik(
    nama: str, fields: list[str], pesan: str | None = None
) -> list[models.UniqueConstraint]:
    """One row per satker, report, year and quarter (the quarter is empty for yearly
    reports; NULLs are distinct in a plain unique constraint, hence the two)."""
    pesan = pesan or _("Data ini sudah ada untuk periode tersebut.")
    return [
        models.UniqueConstraint(
            fields=[*fields, "triwulan"],
            condition=Q(triwulan__isnull=False),
            name=f"{nama}_unik_triwulan",
            violation_error_message=pesan,
        ),
        models.UniqueConstraint(
            fields=fields,
            condition=Q(triwulan__isnull=True),
            name=f"{nama}_unik_tahunan",
            violation_error_message=pesan,
        ),
    ]


class PeriodeLaporan(models.Model):
    """A report of a satker for a year, and for a quarter where the report is quarterly."""

    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="+", verbose_name=_("satker")
    )
    jenis = models.CharField(_("jenis laporan"), max_length=10, choices=JenisLaporan.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), null=True, blank=True, help_text=_("Kosong untuk laporan tahunan.")
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True


class IdentitasLaporan(PeriodeLaporan):
    """The cover memo (nota dinas) and signature of a report."""

    nomor_surat = models.CharField(_("nomor nota dinas"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    kepada = models.CharField(_("kepada (Yth.)"), max_length=300, blank=True)
    perihal = models.CharField(_("hal"), max_length=300, blank=True)
    lampiran = models.CharField(_("lampiran"), max_length=100, blank=True)
    penandatangan_nama = models.CharField(
        _("nama penandatangan"), max_length=200, blank=True, help_text=_("Kosong: kepala satker.")
    )
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200, blank=True)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)

    class Meta:
        ordering = ["satker", "jenis", "-tahun", "-triwulan"]
        verbose_name = _("identitas laporan")
        verbose_name_plural = _("identitas laporan")
        constraints = _periode_unik("identitas_laporan", ["satker", "jenis", "tahun"])

    def __str__(self) -> str:
        periode = f" TW {self.triwulan}" if self.triwulan else ""
        return f"{self.get_jenis_display()} {self.satker} {self.tahun}{periode}"


class NarasiLaporan(PeriodeLaporan):
    """The text of one section of a report: paragraphs separated by a blank line, lines
    starting with "- " as a bulleted list, "1. " as a numbered list."""

    bagian = models.CharField(_("bagian"), max_length=40, choices=BagianNarasi.choices)
    teks = models.TextField(_("teks"), blank=True)
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        ordering = ["satker", "jenis", "-tahun", "-triwulan", "bagian"]
        verbose_name = _("narasi laporan")
        verbose_name_plural = _("narasi laporan")
        constraints = _periode_unik("narasi_laporan", ["satker", "jenis", "tahun", "bagian"])

    def __str__(self) -> str:
        return f"{self.get_bagian_display()} ({self.get_jenis_display()} {self.tahun})"
