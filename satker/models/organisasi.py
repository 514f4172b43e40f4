"""The organisation: Kementerian (K/L 019) → Eselon I unit (BSKJI, 07) → satker (the balai)."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from satker.choices import JenisSatker
from satker.querysets import RestrictedQuerySet

kode_kl_validator = RegexValidator(r"^[0-9]{3}$", _("Kode K/L terdiri atas 3 angka, mis. 019."))
kode_eselon_validator = RegexValidator(
    r"^[0-9]{2}$", _("Kode unit Eselon I terdiri atas 2 angka, mis. 07.")
)
kode_satker_validator = RegexValidator(
    r"^[0-9]{6}$", _("Kode satker terdiri atas 6 angka, mis. 247246.")
)


class Kementerian(models.Model):
    kode = models.CharField(
        _("kode K/L"), max_length=3, unique=True, validators=[kode_kl_validator]
    )
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=50, blank=True)

    class Meta:
        ordering = ["kode"]
        verbose_name = _("kementerian")
        verbose_name_plural = _("kementerian")
        constraints = [
            models.CheckConstraint(
                condition=Q(kode__regex=r"^[0-9]{3}$"), name="kementerian_kode_3_angka"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.singkatan or self.nama}"


class UnitEselonI(models.Model):
    kementerian = models.ForeignKey(
        Kementerian,
        on_delete=models.PROTECT,
        related_name="unit_eselon_i",
        verbose_name=_("kementerian"),
    )
    kode = models.CharField(_("kode"), max_length=2, validators=[kode_eselon_validator])
    nama = models.CharField(_("nama"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=50)
    kepala_nama = models.CharField(_("nama kepala"), max_length=200, blank=True)
    kepala_jabatan = models.CharField(_("jabatan kepala"), max_length=200, blank=True)

    class Meta:
        ordering = ["kementerian__kode", "kode"]
        verbose_name = _("unit Eselon I")
        verbose_name_plural = _("unit Eselon I")
        constraints = [
            models.UniqueConstraint(
                fields=["kementerian", "kode"], name="unit_eselon_i_kode_unik_per_kementerian"
            ),
            models.CheckConstraint(
                condition=Q(kode__regex=r"^[0-9]{2}$"), name="unit_eselon_i_kode_2_angka"
            ),
        ]

    def __str__(self) -> str:
        return self.singkatan


class Satker(models.Model):
    """A budget-holding work unit (UPT) of BSKJI: a Balai Besar or a Balai."""

    satker_lookup = "pk"

    unit_eselon_i = models.ForeignKey(
        UnitEselonI,
        on_delete=models.PROTECT,
        related_name="satker",
        verbose_name=_("unit Eselon I"),
    )
    kode = models.CharField(
        _("kode satker"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[kode_satker_validator],
        help_text=_("6 angka, sesuai DIPA (mis. 247246). Kosongkan bila belum diketahui."),
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisSatker.choices)
    nama = models.CharField(_("nama"), max_length=200, unique=True)
    singkatan = models.CharField(_("singkatan"), max_length=50, unique=True)
    kota = models.CharField(_("kota"), max_length=100, blank=True)
    provinsi = models.CharField(_("provinsi"), max_length=100, blank=True)
    alamat = models.CharField(_("alamat"), max_length=300, blank=True)
    kepala_nama = models.CharField(_("nama kepala"), max_length=200, blank=True)
    kepala_jabatan = models.CharField(_("jabatan kepala"), max_length=200, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    simulasi = models.BooleanField(
        _("data simulasi"),
        default=False,
        help_text=_(
            "Data kinerja dan anggaran satker ini dibuat oleh manage.py buat_simulasi untuk "
            "demo dan uji skala, bukan data nyata; setiap halaman dan laporan menandainya."
        ),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-jenis", "singkatan"]
        verbose_name = _("satker")
        verbose_name_plural = _("satker")
        constraints = [
            models.CheckConstraint(
                condition=Q(kode__isnull=True) | Q(kode__regex=r"^[0-9]{6}$"),
                name="satker_kode_6_angka",
            ),
        ]

    def __str__(self) -> str:
        return self.singkatan
