"""Users: each belongs to one satker with a satker role, or to the secretariat."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from satker.choices import PERAN_DATA_INDUK, PERAN_SATKER, PERAN_SEKRETARIAT, Peran
from satker.models.organisasi import Satker


class PenggunaManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("peran", Peran.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class Pengguna(AbstractUser):
    # Accounts are the secretariat's master data: every change on the record (kinerja.jejak),
    # satker empty; the password hash and the last login are not history.
    riwayat_data_induk = True
    riwayat_tanpa_kolom = ("password", "last_login")

    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices)
    satker = models.ForeignKey(
        Satker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
        verbose_name=_("satker"),
        help_text=_("Wajib untuk operator dan kepala satker; kosong untuk Sekretariat."),
    )

    objects = PenggunaManager()

    class Meta:
        ordering = ["username"]
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=(Q(peran__in=PERAN_SATKER) & Q(satker__isnull=False))
                | (Q(peran__in=PERAN_SEKRETARIAT) & Q(satker__isnull=True)),
                name="pengguna_peran_sesuai_satker",
                violation_error_message=_(
                    "Operator dan kepala satker harus memiliki satker; "
                    "pengguna Sekretariat tidak terikat pada satker."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def melihat_semua_satker(self) -> bool:
        """The secretariat (and superusers) see every satker; satker staff only their own."""
        return self.is_superuser or self.peran in PERAN_SEKRETARIAT

    @property
    def boleh_kelola_data_induk(self) -> bool:
        """The secretariat's master-data role (and administrators) maintain the manual, the
        cascade, Renstra, DIPA, links, external scores, accounts and the year's opening."""
        return self.is_active and (self.is_superuser or self.peran in PERAN_DATA_INDUK)
