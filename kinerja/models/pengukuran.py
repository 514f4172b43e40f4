"""Measurement: what a satker reports for a PK line each quarter, and the narrative of the
annual report per indicator."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Triwulan
from kinerja.models.rencana_aksi import PERSEN_VALIDATORS, persen_0_100, triwulan_1_4
from satker.querysets import RestrictedQuerySet


class RealisasiTriwulan(models.Model):
    """The quarterly measurement of a PK line. `nilai_realisasi` is the value the satker
    reports directly; for indicators computed from supporting data the computation module
    derives the realisasi and compares it with this reported value."""

    satker_lookup = "indikator__sasaran__perjanjian__satker"

    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian",
        on_delete=models.CASCADE,
        related_name="realisasi",
        verbose_name=_("indikator kinerja PK"),
    )
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    realisasi_antara = models.DecimalField(
        _("realisasi antara (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERSEN_VALIDATORS,
        help_text=_("Kemajuan kumulatif yang dicapai s.d. triwulan ini, 0-100."),
    )
    nilai_realisasi = models.DecimalField(
        _("nilai realisasi dilaporkan"),
        max_digits=15,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Nilai yang dicapai s.d. triwulan ini, dalam satuan indikator."),
    )
    kegiatan = models.TextField(_("realisasi kegiatan"), blank=True)
    analisis = models.TextField(_("hasil dan analisis capaian"), blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    rekomendasi = models.TextField(_("rekomendasi"), blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["indikator", "triwulan"]
        verbose_name = _("realisasi triwulan")
        verbose_name_plural = _("realisasi triwulan")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "triwulan"],
                name="realisasi_unik_per_triwulan",
                violation_error_message=_("Realisasi triwulan ini sudah ada."),
            ),
            models.CheckConstraint(condition=triwulan_1_4(), name="realisasi_triwulan_1_4"),
            models.CheckConstraint(
                condition=persen_0_100("realisasi_antara"),
                name="realisasi_antara_0_100",
                violation_error_message=_("Realisasi antara harus antara 0 dan 100 persen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} TW {self.triwulan}"


class NarasiIndikator(models.Model):
    """The annual report's narrative for one PK line (LAKIP Bab III, one section each)."""

    satker_lookup = "indikator__sasaran__perjanjian__satker"

    indikator = models.OneToOneField(
        "kinerja.IndikatorPerjanjian",
        on_delete=models.CASCADE,
        related_name="narasi",
        verbose_name=_("indikator kinerja PK"),
    )
    hasil = models.TextField(_("hasil yang telah dicapai"), blank=True)
    analisis_capaian = models.TextField(_("analisis capaian kinerja"), blank=True)
    perbandingan = models.TextField(_("perbandingan dengan tahun sebelumnya"), blank=True)
    analisis_penyebab = models.TextField(_("penyebab keberhasilan/kegagalan"), blank=True)
    analisis_efisiensi = models.TextField(_("efisiensi penggunaan sumber daya"), blank=True)
    kegiatan_penunjang = models.TextField(_("kegiatan yang menunjang"), blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    rekomendasi = models.TextField(_("rekomendasi"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("narasi indikator (laporan tahunan)")
        verbose_name_plural = _("narasi indikator (laporan tahunan)")

    def __str__(self) -> str:
        return f"Narasi {self.indikator}"
