"""The computation's results, stored: every figure of every PK line per quarter and for the
year, and each satker's budget position per quarter, as kinerja.perhitungan computed them
from the stored inputs. kinerja/hasil.py refreshes them in the transaction that changes an
input, so that pages of all satker read them instead of recomputing every line."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.perhitungan import Status
from satker.querysets import RestrictedQuerySet

# `triwulan` of the year's figures (the quarters are 1..4).
SETAHUN = 0

STATUS_CHOICES = [(s.value, s.label) for s in Status]


class HasilPerhitungan(models.Model):
    """The figures of one PK line for one quarter (cumulative "s.d. triwulan") or for the year
    (`triwulan` 0). `data` holds every figure with its working, exactly as computed; the
    columns beside it repeat what the dashboards aggregate in SQL."""

    satker_lookup = "satker"

    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian",
        on_delete=models.CASCADE,
        related_name="hasil",
        verbose_name=_("indikator kinerja PK"),
    )
    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="+", verbose_name=_("satker")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), help_text=_("1-4 untuk s.d. triwulan; 0 untuk setahun.")
    )
    kode_pedoman = models.CharField(_("kode indikator pedoman"), max_length=30)
    realisasi = models.DecimalField(
        _("realisasi"), max_digits=28, decimal_places=6, null=True, blank=True
    )
    capaian = models.DecimalField(
        _("capaian (%)"), max_digits=28, decimal_places=6, null=True, blank=True
    )
    capaian_antara = models.DecimalField(
        _("capaian antara (%)"), max_digits=28, decimal_places=6, null=True, blank=True
    )
    status = models.CharField(_("status"), max_length=24, choices=STATUS_CHOICES)
    jumlah_catatan = models.PositiveSmallIntegerField(_("jumlah catatan"), default=0)
    prakiraan_capaian = models.DecimalField(
        _("prakiraan capaian akhir tahun (%)"),
        max_digits=28,
        decimal_places=6,
        null=True,
        blank=True,
    )
    prakiraan_meleset = models.BooleanField(_("diprakirakan tidak tercapai"), null=True, blank=True)
    data = models.JSONField(_("hasil lengkap"))
    konfigurasi = models.CharField(
        _("konfigurasi perhitungan"),
        max_length=120,
        help_text=_("Pembulatan dan ambang yang berlaku saat dihitung."),
    )
    dihitung = models.DateTimeField(_("dihitung"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hasil perhitungan")
        verbose_name_plural = _("hasil perhitungan")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "triwulan"], name="hasil_perhitungan_unik_per_triwulan"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=0) & Q(triwulan__lte=4),
                name="hasil_perhitungan_triwulan_0_4",
            ),
        ]
        indexes = [
            models.Index(fields=["tahun", "triwulan", "satker"], name="hasil_tahun_tw_satker"),
        ]

    def __str__(self) -> str:
        periode = "setahun" if self.triwulan == SETAHUN else f"TW {self.triwulan}"
        return f"{self.indikator_id} {periode}"


class RingkasanAnggaran(models.Model):
    """A satker's budget at the end of a quarter, computed from its code tree: pagu, the
    disbursement plan and the realisation so far, the deviation from the plan, physical
    progress and the year-end absorption forecast."""

    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="+", verbose_name=_("satker")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    pagu = models.BigIntegerField(_("pagu (Rp)"))
    rencana_rp = models.BigIntegerField(_("rencana penarikan s.d. triwulan (Rp)"), null=True)
    # The rupiah realised, also where it was rebuilt from reported percentages (to add up
    # across satker); `realisasi_tercatat` says whether it was reported as an amount.
    realisasi_rp = models.BigIntegerField(_("realisasi s.d. triwulan (Rp)"), null=True)
    realisasi_tercatat = models.BooleanField(
        _("realisasi dilaporkan dalam rupiah (SAKTI/OM SPAN)"), default=False
    )
    persen_rencana = models.DecimalField(
        _("rencana penarikan (%)"), max_digits=12, decimal_places=4, null=True
    )
    persen_realisasi = models.DecimalField(
        _("realisasi anggaran (%)"), max_digits=12, decimal_places=4, null=True
    )
    deviasi = models.DecimalField(
        _("deviasi dari rencana penarikan (%)"), max_digits=12, decimal_places=4, null=True
    )
    fisik = models.DecimalField(_("progres fisik (%)"), max_digits=12, decimal_places=4, null=True)
    prakiraan_penyerapan = models.DecimalField(
        _("prakiraan penyerapan akhir tahun (%)"), max_digits=12, decimal_places=4, null=True
    )
    prakiraan_meleset = models.BooleanField(_("diprakirakan di bawah batas"), null=True)
    data = models.JSONField(_("perhitungan"))
    dihitung = models.DateTimeField(_("dihitung"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("ringkasan anggaran")
        verbose_name_plural = _("ringkasan anggaran")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "triwulan"], name="ringkasan_anggaran_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker_id} {self.tahun} TW {self.triwulan}"

    @property
    def realisasi_dilaporkan(self) -> int | None:
        """The realisation to print: the amount as reported, never one rebuilt from
        rounded percentages."""
        return self.realisasi_rp if self.realisasi_tercatat else None
