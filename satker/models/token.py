"""API tokens a person manages: several per user, each named, with a scope (read, or read
and write), an optional expiry, the time it was last used and its revocation. Only the
SHA-256 of a token is stored (`sidik`) with its first characters (`awalan`) to recognise it
by; the token itself is shown once, when it is made (satker.token_api)."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: What every token starts with, so that a token found in a log or a repository is
#: recognised as ours (and secret scanners can look for it).
AWALAN_TOKEN = "kjb_"

#: How many characters of a token are kept and shown to recognise it.
PANJANG_AWALAN = 8


class CakupanToken(models.TextChoices):
    BACA = "baca", _("Baca")
    TULIS = "tulis", _("Baca dan tulis")


def token_acak() -> str:
    """A new token: the prefix and 40 random URL-safe characters (240 bits)."""
    return AWALAN_TOKEN + secrets.token_urlsafe(30)


def sidik_token(token: str) -> str:
    """The SHA-256 (hex) of a token, the only form in which it is stored. A token has 240
    random bits, so a plain hash is enough (no salt or slow hash is needed against guessing)."""
    return hashlib.sha256(token.encode()).hexdigest()


class TokenApi(models.Model):
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="token_api",
        verbose_name=_("pengguna"),
    )
    nama = models.CharField(
        _("nama"),
        max_length=100,
        help_text=_("Untuk apa token ini, mis. “sinkron SIMONEV”; unik per pengguna."),
    )
    cakupan = models.CharField(
        _("cakupan"), max_length=10, choices=CakupanToken.choices, default=CakupanToken.BACA
    )
    awalan = models.CharField(_("awalan"), max_length=PANJANG_AWALAN, editable=False)
    sidik = models.CharField(_("sidik SHA-256"), max_length=64, unique=True, editable=False)
    dibuat = models.DateTimeField(_("dibuat"), default=timezone.now, editable=False)
    berlaku_sampai = models.DateTimeField(
        _("berlaku sampai"), null=True, blank=True, help_text=_("Kosong: tanpa batas waktu.")
    )
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    dicabut = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        ordering = ["-dibuat", "-pk"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "nama"],
                name="token_api_nama_unik_per_pengguna",
                violation_error_message=_("Anda sudah memiliki token dengan nama ini."),
            ),
            models.CheckConstraint(
                condition=models.Q(cakupan__in=CakupanToken.values),
                name="token_api_cakupan_sah",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @property
    def boleh_menulis(self) -> bool:
        return self.cakupan == CakupanToken.TULIS

    def kedaluwarsa(self, pada: datetime.datetime | None = None) -> bool:
        """Whether the token's time has run out (at `pada`, now by default)."""
        return self.berlaku_sampai is not None and self.berlaku_sampai <= (pada or timezone.now())

    def berlaku(self, pada: datetime.datetime | None = None) -> bool:
        """Whether the token still opens the API: not revoked, not expired."""
        return self.dicabut is None and not self.kedaluwarsa(pada)

    @property
    def status(self) -> str:
        """aktif, dicabut or kedaluwarsa, as the lists show it."""
        if self.dicabut is not None:
            return "dicabut"
        if self.kedaluwarsa():
            return "kedaluwarsa"
        return "aktif"
