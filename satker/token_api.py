"""API tokens: making one (shown once), revoking one, who may see and revoke which, and
checking a token a client sends (satker.api.autentikasi)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from satker.models import CakupanToken, Pengguna, TokenApi
from satker.models.token import PANJANG_AWALAN, sidik_token, token_acak

#: The last-used time is written at most this often per token, so that a client's requests
#: cost one query for authentication, not a write each.
SELANG_TERAKHIR_DIPAKAI = datetime.timedelta(hours=1)

PESAN_NAMA_TERPAKAI = "Sudah ada token dengan nama ini; pilih nama lain."

#: What the account page allows for an expiry, in days (the command allows more).
HARI_MAKS_HALAMAN = 365
HARI_MAKS_PERINTAH = 3650


def boleh_melihat_semua(user: Pengguna) -> bool:
    """The secretariat (reviewers, administrators, superusers) sees and revokes every token."""
    return user.is_active and user.melihat_semua_satker


def token_milik(user: Pengguna) -> QuerySet[TokenApi]:
    """The user's own tokens, newest first."""
    return TokenApi.objects.filter(pengguna=user)


def token_semua() -> QuerySet[TokenApi]:
    """Every token of every user with the user and the satker, for the secretariat's list."""
    return TokenApi.objects.select_related("pengguna", "pengguna__satker")


def token_boleh_dicabut(user: Pengguna) -> QuerySet[TokenApi]:
    """The tokens the user may revoke: their own; every token for the secretariat."""
    if boleh_melihat_semua(user):
        return TokenApi.objects.all()
    return token_milik(user)


def nama_bebas(pengguna: Pengguna, dasar: str) -> str:
    """`dasar`, or `dasar (2)`, `(3)` ... : the first name the user has no token with."""
    terpakai = set(
        TokenApi.objects.filter(pengguna=pengguna, nama__startswith=dasar).values_list(
            "nama", flat=True
        )
    )
    nama, n = dasar, 1
    while nama in terpakai:
        n += 1
        nama = f"{dasar} ({n})"
    return nama


@transaction.atomic
def token_buat(
    *,
    pengguna: Pengguna,
    nama: str,
    cakupan: str,
    berlaku_hari: int | None = None,
    sekarang: datetime.datetime | None = None,
) -> tuple[TokenApi, str]:
    """A new token of the user: the stored record and the token itself, which exists nowhere
    else (only its hash is stored), to be shown once. `berlaku_hari` None: no expiry.
    Raises ValidationError (by field) for a missing or taken name, an unknown scope, an
    expiry under one day, or an inactive user."""
    sekarang = sekarang or timezone.now()
    if not pengguna.is_active:
        raise ValidationError({"pengguna": "Pengguna tidak aktif tidak dapat diberi token."})
    if berlaku_hari is not None and berlaku_hari < 1:
        raise ValidationError({"berlaku_hari": "Masa berlaku paling sedikit 1 hari."})
    kunci = token_acak()
    token = TokenApi(
        pengguna=pengguna,
        nama=(nama or "").strip(),
        cakupan=cakupan,
        awalan=kunci[:PANJANG_AWALAN],
        sidik=sidik_token(kunci),
        dibuat=sekarang,
        berlaku_sampai=(
            sekarang + datetime.timedelta(days=berlaku_hari) if berlaku_hari is not None else None
        ),
    )
    if token.nama and TokenApi.objects.filter(pengguna=pengguna, nama=token.nama).exists():
        raise ValidationError({"nama": PESAN_NAMA_TERPAKAI})
    token.full_clean(validate_constraints=False)  # the name was checked above, by field
    try:
        with transaction.atomic():
            token.save()
    except IntegrityError:  # the same name saved at the same moment by another request
        raise ValidationError({"nama": PESAN_NAMA_TERPAKAI}) from None
    return token, kunci


def token_cabut(*, token: TokenApi, sekarang: datetime.datetime | None = None) -> TokenApi:
    """Revoke the token: from now on it is refused. Revoking it again changes nothing (the
    first revocation's time stays)."""
    if token.dicabut is None:
        token.dicabut = sekarang or timezone.now()
        token.save(update_fields=["dicabut"])
    return token


class TokenDitolak(Exception):
    """A token the API refuses: `kode` (machine code) and `pesan` (Indonesian) say why."""

    def __init__(self, kode: str, pesan: str) -> None:
        super().__init__(pesan)
        self.kode = kode
        self.pesan = pesan


def token_periksa(kunci: str, *, sekarang: datetime.datetime | None = None) -> TokenApi:
    """The token a client sent, with its user (one query), or TokenDitolak: unknown, revoked,
    expired, or its user inactive. Marks it used, writing at most once per
    SELANG_TERAKHIR_DIPAKAI."""
    sekarang = sekarang or timezone.now()
    try:
        token = TokenApi.objects.select_related("pengguna").get(sidik=sidik_token(kunci))
    except TokenApi.DoesNotExist:
        raise TokenDitolak("token_tidak_dikenal", "Token tidak dikenal.") from None
    if token.dicabut is not None:
        raise TokenDitolak("token_dicabut", "Token ini sudah dicabut.")
    if token.kedaluwarsa(sekarang):
        raise TokenDitolak(
            "token_kedaluwarsa", "Masa berlaku token ini sudah habis; buat token baru."
        )
    if not token.pengguna.is_active:
        raise TokenDitolak("pengguna_nonaktif", "Pengguna pemilik token ini tidak aktif.")
    tandai_dipakai(token, sekarang)
    return token


def tandai_dipakai(token: TokenApi, sekarang: datetime.datetime) -> None:
    """Record that the token was used now, unless that was recorded within the last
    SELANG_TERAKHIR_DIPAKAI. A plain column update: the token is no satker data, so it has
    no history (kinerja.jejak keeps none for it)."""
    batas = sekarang - SELANG_TERAKHIR_DIPAKAI
    if token.terakhir_dipakai is not None and token.terakhir_dipakai > batas:
        return
    TokenApi.objects.filter(pk=token.pk).filter(
        Q(terakhir_dipakai__isnull=True) | Q(terakhir_dipakai__lte=batas)
    ).update(terakhir_dipakai=sekarang)
    token.terakhir_dipakai = sekarang


__all__ = [
    "HARI_MAKS_HALAMAN",
    "HARI_MAKS_PERINTAH",
    "CakupanToken",
    "TokenDitolak",
    "boleh_melihat_semua",
    "nama_bebas",
    "token_boleh_dicabut",
    "token_buat",
    "token_cabut",
    "token_milik",
    "token_periksa",
    "token_semua",
]
