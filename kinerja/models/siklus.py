"""The quarterly reporting cycle: periods the secretariat opens and closes, each satker's
report of a quarter with its state (draft → submitted → verified, or returned with notes),
the log of who did what, the immutable snapshot of what was submitted, the history of every
change of an entered value, evidence files, and the reminders sent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Triwulan
from satker.querysets import RestrictedQuerySet

PENGGUNA = settings.AUTH_USER_MODEL


class StatusPelaporan(models.TextChoices):
    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk diperbaiki")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")


class AksiPelaporan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan oleh kepala satker")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan oleh reviewer")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi oleh reviewer")
    DIBUKA_KEMBALI = "dibuka_kembali", _("Dibuka kembali oleh reviewer")


class PeriodePelaporan(models.Model):
    """A quarter the secretariat has opened for every satker, with its deadline."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    batas = models.DateField(_("batas waktu pengisian"))
    dibuka = models.DateTimeField(_("dibuka"), default=timezone.now)
    dibuka_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("dibuka oleh"),
    )  # fmt: skip
    ditutup = models.DateTimeField(_("ditutup"), null=True, blank=True)
    ditutup_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ditutup oleh"),
    )  # fmt: skip

    class Meta:
        ordering = ["-tahun", "-triwulan"]
        verbose_name = _("periode pelaporan")
        verbose_name_plural = _("periode pelaporan")
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "triwulan"],
                name="periode_pelaporan_unik",
                violation_error_message=_("Periode triwulan ini sudah pernah dibuka."),
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4), name="periode_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_triwulan_display()} {self.tahun}"

    @property
    def terbuka(self) -> bool:
        return self.ditutup is None


class PerpanjanganPeriode(models.Model):
    """A later deadline for one satker in an open period."""

    satker_lookup = "satker"

    periode = models.ForeignKey(
        PeriodePelaporan, on_delete=models.CASCADE, related_name="perpanjangan",
        verbose_name=_("periode"),
    )  # fmt: skip
    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="+", verbose_name=_("satker")
    )
    batas = models.DateField(_("batas waktu baru"))
    alasan = models.TextField(_("alasan"))
    oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["periode", "satker"]
        verbose_name = _("perpanjangan periode")
        verbose_name_plural = _("perpanjangan periode")
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "satker"],
                name="perpanjangan_unik",
                violation_error_message=_("Satker ini sudah mendapat perpanjangan; ubah saja."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.periode} {self.satker} s.d. {self.batas}"


class PelaporanTriwulan(models.Model):
    """A satker's report of a quarter: the measurement of its PK lines and the budget
    realisation, moving through draft, submission, review and verification."""

    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="pelaporan",
        verbose_name=_("satker"),
    )  # fmt: skip
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=StatusPelaporan.choices, default=StatusPelaporan.DRAF
    )
    diperbarui = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-tahun", "-triwulan", "satker"]
        verbose_name = _("pelaporan triwulan")
        verbose_name_plural = _("pelaporan triwulan")
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "tahun", "triwulan"], name="pelaporan_unik_per_triwulan"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4), name="pelaporan_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker} {self.get_triwulan_display()} {self.tahun}"

    @property
    def terkunci(self) -> bool:
        """Verified, or submitted and waiting for review: the satker cannot change it."""
        return self.status in (StatusPelaporan.DIAJUKAN, StatusPelaporan.DIVERIFIKASI)


class PeristiwaPelaporan(models.Model):
    """The log of a report's cycle: who submitted, returned, verified or reopened it."""

    satker_lookup = "pelaporan__satker"

    pelaporan = models.ForeignKey(
        PelaporanTriwulan, on_delete=models.CASCADE, related_name="peristiwa",
        verbose_name=_("pelaporan"),
    )  # fmt: skip
    aksi = models.CharField(_("aksi"), max_length=20, choices=AksiPelaporan.choices)
    oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pelaporan", "waktu"]
        verbose_name = _("peristiwa pelaporan")
        verbose_name_plural = _("peristiwa pelaporan")

    def __str__(self) -> str:
        return f"{self.pelaporan}: {self.get_aksi_display()}"


class CatatanReviu(models.Model):
    """A reviewer's note on one item of a returned report (a PK line, or the report as a
    whole when `indikator` is empty); resolved when the report is submitted again."""

    satker_lookup = "pelaporan__satker"

    pelaporan = models.ForeignKey(
        PelaporanTriwulan, on_delete=models.CASCADE, related_name="catatan_reviu",
        verbose_name=_("pelaporan"),
    )  # fmt: skip
    indikator = models.ForeignKey(
        "kinerja.IndikatorPerjanjian", on_delete=models.CASCADE, null=True, blank=True,
        related_name="catatan_reviu", verbose_name=_("indikator"),
    )  # fmt: skip
    catatan = models.TextField(_("catatan"))
    oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    diselesaikan = models.DateTimeField(_("diselesaikan"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pelaporan", "dibuat"]
        verbose_name = _("catatan reviu")
        verbose_name_plural = _("catatan reviu")

    def __str__(self) -> str:
        return self.catatan[:60]


class SnapshotPelaporan(models.Model):
    """What was submitted, frozen: the entered values and the computed figures of every PK
    line at submission. Never changed once written. (The budget of a submitted or verified
    quarter is kept by refusing changes to its months instead.)"""

    satker_lookup = "pelaporan__satker"

    pelaporan = models.ForeignKey(
        PelaporanTriwulan, on_delete=models.CASCADE, related_name="snapshot",
        verbose_name=_("pelaporan"),
    )  # fmt: skip
    versi = models.PositiveSmallIntegerField(_("versi"))
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now)
    oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    data = models.JSONField(_("data"))

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["pelaporan", "versi"]
        verbose_name = _("snapshot pelaporan")
        verbose_name_plural = _("snapshot pelaporan")
        constraints = [
            models.UniqueConstraint(fields=["pelaporan", "versi"], name="snapshot_versi_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pelaporan} v{self.versi}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(_("Snapshot yang sudah dibuat tidak dapat diubah."))
        super().save(*args, **kwargs)


class SumberPerubahan(models.TextChoices):
    """Where a write came from (kinerja.jejak)."""

    HALAMAN = "halaman", _("halaman")
    API = "api", _("API")
    ADMIN = "admin", _("admin")
    IMPOR = "impor", _("impor")
    PERINTAH = "perintah", _("perintah")


class RiwayatPerubahanQuerySet(RestrictedQuerySet):
    """History is append-only: no update and no deletion through a queryset (a satker
    removed takes its history with it, by the database's cascade)."""

    def update(self, **kwargs):
        raise ValidationError(_("Riwayat perubahan tidak dapat diubah."))

    def delete(self):
        raise ValidationError(_("Riwayat perubahan tidak dapat dihapus."))


class RiwayatPerubahan(models.Model):
    """One changed field of a satker's record, or of the secretariat's master data (no
    satker; seen by the secretariat only): who, when, from where (kinerja.jejak.Sumber: a
    page, the API, the admin, an import, a command), the old and the new value. Written by
    kinerja.jejak for every write; never changed or removed."""

    satker_lookup = "satker"

    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("satker"),
        help_text=_("Kosong untuk data induk Sekretariat (pedoman, kaskade, akun)."),
    )  # fmt: skip
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    uraian_objek = models.CharField(_("data"), max_length=300)
    field = models.CharField(_("kolom"), max_length=60)
    label = models.CharField(_("label kolom"), max_length=120)
    lama = models.TextField(_("nilai lama"), blank=True)
    baru = models.TextField(_("nilai baru"), blank=True)
    oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now)
    sumber = models.CharField(
        _("melalui"), max_length=20, choices=SumberPerubahan.choices, blank=True
    )
    keterangan = models.CharField(
        _("keterangan sumber"), max_length=300, blank=True,
        help_text=_("Alamat halaman atau API, atau perintah yang menulis."),
    )  # fmt: skip

    objects = RiwayatPerubahanQuerySet.as_manager()

    class Meta:
        ordering = ["-waktu", "-id"]
        verbose_name = _("riwayat perubahan")
        verbose_name_plural = _("riwayat perubahan")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.uraian_objek} · {self.label}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(_("Riwayat perubahan tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Riwayat perubahan tidak dapat dihapus."))


class BuktiDukung(models.Model):
    """An evidence file of a quarterly measurement, checked by its content and size, stored
    through Django's storage, served only to users who may see the satker."""

    satker_lookup = "realisasi__indikator__sasaran__perjanjian__satker"

    realisasi = models.ForeignKey(
        "kinerja.RealisasiTriwulan", on_delete=models.CASCADE, related_name="bukti",
        verbose_name=_("realisasi triwulan"),
    )  # fmt: skip
    berkas = models.FileField(_("berkas"), upload_to="bukti/%Y/%m/")
    nama = models.CharField(_("nama berkas"), max_length=200)
    jenis_konten = models.CharField(_("jenis isi"), max_length=100)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"))
    diunggah_oleh = models.ForeignKey(
        PENGGUNA, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("diunggah oleh"),
    )  # fmt: skip
    diunggah = models.DateTimeField(_("diunggah"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["realisasi", "diunggah"]
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")

    def __str__(self) -> str:
        return self.nama


class PengingatTerkirim(models.Model):
    """A reminder mailed to a satker about a period, at most one per satker per day."""

    satker_lookup = "satker"

    periode = models.ForeignKey(
        PeriodePelaporan, on_delete=models.CASCADE, related_name="pengingat",
        verbose_name=_("periode"),
    )  # fmt: skip
    satker = models.ForeignKey(
        "satker.Satker", on_delete=models.CASCADE, related_name="+", verbose_name=_("satker")
    )
    tanggal = models.DateField(_("tanggal"))
    penerima = models.TextField(_("penerima"))

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "satker", "tanggal"], name="pengingat_sekali_sehari"
            )
        ]

    def __str__(self) -> str:
        return f"{self.periode} {self.satker} {self.tanggal}"
