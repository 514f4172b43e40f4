"""Perjanjian Kinerja: the yearly agreement of a satker head with the head of BSKJI, with its
lines sasaran kegiatan (I..VIII) → indikator (III.2) → target and unit."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Satuan
from kinerja.formatting import romawi
from kinerja.models.renstra import tahun_valid
from satker.querysets import RestrictedQuerySet


class StatusPerjanjian(models.TextChoices):
    """A PK opened by the secretariat for the year is a draft until its signing is recorded
    (place, date, the signed scan); only a signed PK is revised with a reason."""

    DRAF = "draf", _("Draf (belum ditandatangani)")
    DITANDATANGANI = "ditandatangani", _("Ditandatangani")


class PerjanjianKinerja(models.Model):
    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker",
        on_delete=models.PROTECT,
        related_name="perjanjian_kinerja",
        verbose_name=_("satker"),
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    revisi = models.PositiveSmallIntegerField(
        _("revisi ke-"), default=0, help_text=_("0 untuk PK awal; naik setiap kali PK direvisi.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusPerjanjian.choices,
        default=StatusPerjanjian.DITANDATANGANI,
        help_text=_("Draf: dibuat saat Sekretariat membuka tahun, belum ditandatangani."),
    )
    tempat = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    pihak_pertama_nama = models.CharField(_("pihak pertama"), max_length=200)
    pihak_pertama_jabatan = models.CharField(_("jabatan pihak pertama"), max_length=200)
    pihak_kedua_nama = models.CharField(_("pihak kedua"), max_length=200)
    pihak_kedua_jabatan = models.CharField(_("jabatan pihak kedua"), max_length=200)
    total_anggaran = models.BigIntegerField(_("total anggaran (Rp)"), null=True, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-tahun", "satker__singkatan"]
        verbose_name = _("Perjanjian Kinerja")
        verbose_name_plural = _("Perjanjian Kinerja")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun"],
                name="pk_satu_per_satker_per_tahun",
                violation_error_message=_(
                    "Satker ini sudah memiliki Perjanjian Kinerja untuk tahun tersebut; "
                    "ubah atau revisi PK yang ada."
                ),
            ),
            models.CheckConstraint(condition=tahun_valid("tahun"), name="pk_tahun_wajar"),
            models.CheckConstraint(
                condition=Q(total_anggaran__isnull=True) | Q(total_anggaran__gte=0),
                name="pk_total_anggaran_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"PK {self.satker} {self.tahun}"

    @property
    def draf(self) -> bool:
        return self.status == StatusPerjanjian.DRAF


class SasaranKegiatan(models.Model):
    """A sasaran kegiatan of a PK, numbered I..VIII."""

    satker_lookup = "perjanjian__satker"

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="sasaran",
        verbose_name=_("Perjanjian Kinerja"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.CharField(_("sasaran kegiatan"), max_length=300)
    sasaran_renstra = models.ForeignKey(
        "kinerja.SasaranRenstra",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sasaran_pk",
        verbose_name=_("sasaran Renstra"),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["perjanjian", "nomor"]
        verbose_name = _("sasaran kegiatan PK")
        verbose_name_plural = _("sasaran kegiatan PK")
        constraints = [
            models.UniqueConstraint(
                fields=["perjanjian", "nomor"],
                name="sasaran_pk_nomor_unik",
                violation_error_message=_("Nomor sasaran sudah dipakai dalam PK ini."),
            ),
            models.CheckConstraint(
                condition=Q(nomor__gte=1) & Q(nomor__lte=39), name="sasaran_pk_nomor_1_39"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode}. {self.uraian}"

    @property
    def kode(self) -> str:
        return romawi(self.nomor)


class IndikatorPerjanjian(models.Model):
    """A line of a PK: an indicator of a sasaran kegiatan with its target and unit. Its code
    (`III.2`) is the sasaran's roman number and the indicator's number within it."""

    satker_lookup = "sasaran__perjanjian__satker"

    sasaran = models.ForeignKey(
        SasaranKegiatan,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran kegiatan"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.CharField(_("indikator kinerja"), max_length=300)
    indikator = models.ForeignKey(
        "kinerja.IndikatorKinerja",
        on_delete=models.PROTECT,
        related_name="indikator_perjanjian",
        verbose_name=_("indikator pedoman"),
    )
    indikator_renstra = models.ForeignKey(
        "kinerja.IndikatorRenstra",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator_perjanjian",
        verbose_name=_("indikator Renstra"),
    )
    target = models.DecimalField(_("target"), max_digits=15, decimal_places=4)
    satuan = models.CharField(_("satuan"), max_length=20, choices=Satuan.choices)
    anggaran = models.ManyToManyField(
        "kinerja.ItemAnggaran",
        blank=True,
        related_name="indikator_pk",
        verbose_name=_("anggaran pendukung"),
        help_text=_("Komponen/item anggaran yang mendukung indikator ini (LAKIP Tabel 30)."),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["sasaran__perjanjian", "sasaran__nomor", "nomor"]
        verbose_name = _("indikator kinerja PK")
        verbose_name_plural = _("indikator kinerja PK")
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran", "nomor"],
                name="indikator_pk_nomor_unik",
                violation_error_message=_("Nomor indikator sudah dipakai dalam sasaran ini."),
            ),
            models.CheckConstraint(
                condition=Q(nomor__gte=1) & Q(nomor__lte=99), name="indikator_pk_nomor_1_99"
            ),
            models.CheckConstraint(
                condition=Q(target__gte=0), name="indikator_pk_target_tidak_negatif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"

    @property
    def kode(self) -> str:
        return f"{self.sasaran.kode}.{self.nomor}"

    def clean(self) -> None:
        if self.sasaran_id is None or self.indikator_id is None:
            return
        duplikat = (
            IndikatorPerjanjian.objects.filter(
                sasaran__perjanjian_id=self.sasaran.perjanjian_id, indikator_id=self.indikator_id
            )
            .exclude(pk=self.pk)
            .select_related("sasaran")
            .first()
        )
        if duplikat is not None:
            raise ValidationError(
                {
                    "indikator": _(
                        "Indikator %(kode)s sudah tercantum dalam PK ini sebagai %(baris)s."
                    )
                    % {"kode": self.indikator.kode, "baris": duplikat.kode}
                }
            )


def _lokasi_pindaian(revisi: RevisiPerjanjian, nama: str) -> str:
    return f"pk/{revisi.perjanjian.satker_id}/{revisi.perjanjian.tahun}/{nama}"


class RevisiPerjanjian(models.Model):
    """One signed version of a PK: number 0 is the PK as first signed, each revision the next
    number. It keeps why, who, when, the signing place and date, the signed scan (PDF) and a
    snapshot of the sasaran, lines and targets as signed, from which it is printed again
    whatever the PK became since. Written once; only a missing scan may be added later."""

    satker_lookup = "perjanjian__satker"

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        on_delete=models.CASCADE,
        related_name="daftar_revisi",
        verbose_name=_("Perjanjian Kinerja"),
    )
    nomor = models.PositiveSmallIntegerField(_("revisi ke-"))
    alasan = models.TextField(_("alasan"), blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    waktu = models.DateTimeField(_("dicatat"), auto_now_add=True)
    tempat = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    pindaian = models.FileField(
        _("pindaian PK bertanda tangan"), upload_to=_lokasi_pindaian, blank=True, max_length=200
    )
    pindaian_nama = models.CharField(_("nama berkas pindaian"), max_length=200, blank=True)
    data = models.JSONField(_("isi PK saat ditandatangani"))

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["perjanjian", "nomor"]
        verbose_name = _("revisi Perjanjian Kinerja")
        verbose_name_plural = _("revisi Perjanjian Kinerja")
        constraints = [
            models.UniqueConstraint(
                fields=["perjanjian", "nomor"],
                name="revisi_pk_nomor_unik",
                violation_error_message=_("Revisi dengan nomor ini sudah dicatat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.perjanjian} revisi {self.nomor}"
