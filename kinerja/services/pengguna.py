"""The secretariat's writes of user accounts: create, change role and satker, deactivate and
reactivate, and mail a link that sets the password. Every change is on the record
(Pengguna is master data, kinerja.jejak); a refusal is a ValidationError in Indonesian and
changes nothing."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kinerja import jejak, riwayat
from kinerja.services.catat import Catatan, catat
from satker.choices import Peran
from satker.models import Pengguna, Satker, TokenApi

# The fields the secretariat edits on an account's page.
FIELDS_UBAH = ("first_name", "last_name", "email", "peran", "satker")


def adalah_administrator(user: Pengguna) -> bool:
    """An administrator: the admin role, or a superuser."""
    return user.is_superuser or user.peran == Peran.ADMIN


def _administrator_aktif() -> Q:
    return Q(is_active=True) & (Q(peran=Peran.ADMIN) | Q(is_superuser=True))


def _uraian(user: Pengguna) -> str:
    return f"Akun {user.username}"


def _boleh_peran(oleh: Pengguna, peran: str, target: Pengguna | None = None) -> None:
    """Only an administrator gives or takes the admin role, or changes an administrator's
    account: the secretariat's master-data role cannot raise anyone above itself."""
    menyangkut_admin = peran == Peran.ADMIN or (target is not None and adalah_administrator(target))
    if menyangkut_admin and not adalah_administrator(oleh):
        raise PermissionDenied(
            "Hanya Administrator yang dapat memberikan peran Administrator atau mengubah akun "
            "Administrator."
        )


def _bukan_admin_terakhir(target: Pengguna, pesan: str) -> None:
    """Refuse when `target` is the only active administrator (the rows locked, so that two
    secretariat users cannot each remove one of the last two)."""
    aktif = list(
        Pengguna.objects.select_for_update()
        .filter(_administrator_aktif())
        .values_list("pk", flat=True)
    )
    if aktif == [target.pk]:
        raise ValidationError(pesan)


def nama_dipisah(nama: str) -> tuple[str, str]:
    """A full name as Django keeps it: the first word, then the rest."""
    depan, _, belakang = " ".join(nama.split()).partition(" ")
    return depan, belakang


@transaction.atomic
def pengguna_buat(
    *, oleh: Pengguna, username: str, nama: str, email: str, peran: str, satker: Satker | None
) -> Pengguna:
    """A new account with no usable password: it gets its password through the mailed link
    (`pengguna_kirim_tautan`). The role ↔ satker rule is the model's."""
    _boleh_peran(oleh, peran)
    depan, belakang = nama_dipisah(nama)
    user = Pengguna(
        username=username.strip(), first_name=depan, last_name=belakang,
        email=email.strip(), peran=peran, satker=satker, is_active=True,
    )  # fmt: skip
    user.set_unusable_password()
    user.full_clean()
    with jejak.konteks(user=oleh, uraian=f"Akun {user.username}"):
        user.save()
    return user


@transaction.atomic
def pengguna_ubah(
    *, oleh: Pengguna, pengguna: Pengguna, data: dict, awal: dict[str, str] | None
) -> list:
    """Change an account's name, e-mail, role and satker, unless someone changed them since
    the page was opened (`awal`, kinerja.riwayat); returns the recorded changes."""
    user = Pengguna.objects.select_for_update().get(pk=pengguna.pk)
    peran_baru = data.get("peran", user.peran)
    _boleh_peran(oleh, peran_baru, user)
    if peran_baru != user.peran:
        if user.pk == oleh.pk:
            raise ValidationError("Anda tidak dapat mengubah peran akun Anda sendiri.")
        if adalah_administrator(user) and user.is_active and not user.is_superuser:
            _bukan_admin_terakhir(
                user, "Ini Administrator aktif terakhir; perannya tidak dapat diubah."
            )
    return riwayat.simpan(user, data, user=oleh, satker=None, uraian=_uraian(user), awal=awal)


@transaction.atomic
def pengguna_nonaktifkan(*, oleh: Pengguna, pengguna: Pengguna) -> int:
    """Deactivate an account (it can no longer log in; its sessions end at their next
    request) and revoke its API tokens; returns the number of tokens revoked. Never one's
    own account, never the last active administrator."""
    user = Pengguna.objects.select_for_update().get(pk=pengguna.pk)
    if user.pk == oleh.pk:
        raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    if not user.is_active:
        raise ValidationError(f"Akun {user.username} sudah nonaktif.")
    if adalah_administrator(user):
        _bukan_admin_terakhir(
            user, "Ini Administrator aktif terakhir; akunnya tidak dapat dinonaktifkan."
        )
    user.is_active = False
    with jejak.konteks(user=oleh, uraian=_uraian(user)):
        user.save(update_fields=["is_active"])
        token = list(TokenApi.objects.filter(pengguna=user, dicabut__isnull=True))
        if token:
            sekarang = timezone.now()
            TokenApi.objects.filter(pk__in=[t.pk for t in token]).update(dicabut=sekarang)
            catat(
                [
                    Catatan(
                        user, "token_api", "token API dicabut",
                        lama=", ".join(f"{t.nama} ({t.awalan}…)" for t in token),
                        uraian=_uraian(user),
                    )
                ],
                satker_id=None,
            )  # fmt: skip
    return len(token)


@transaction.atomic
def pengguna_aktifkan(*, oleh: Pengguna, pengguna: Pengguna) -> None:
    """Reactivate an account (its revoked tokens stay revoked)."""
    user = Pengguna.objects.select_for_update().get(pk=pengguna.pk)
    if user.is_active:
        raise ValidationError(f"Akun {user.username} sudah aktif.")
    user.is_active = True
    with jejak.konteks(user=oleh, uraian=_uraian(user)):
        user.save(update_fields=["is_active"])


def tautan_kata_sandi(user: Pengguna, *, alamat: str) -> str:
    """The address of the existing password-set page for this user: Django's token (valid
    PASSWORD_RESET_TIMEOUT, void once the password changes or the user logs in)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return alamat.rstrip("/") + reverse(
        "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )


def pengguna_kirim_tautan(*, oleh: Pengguna, pengguna: Pengguna, alamat: str) -> str:
    """Mail the account a link that sets its password (`alamat`: the site's scheme and
    host); recorded in the account's history. Returns the address it was sent to."""
    user = Pengguna.objects.get(pk=pengguna.pk)
    if not user.is_active:
        raise ValidationError(f"Akun {user.username} nonaktif; aktifkan dahulu.")
    if not user.email:
        raise ValidationError(
            f"Akun {user.username} belum memiliki alamat surel; isi dahulu, lalu kirim lagi."
        )
    baru = not user.has_usable_password()
    konteks = {
        "user": user,
        "tautan": tautan_kata_sandi(user, alamat=alamat),
        "baru": baru,
        "oleh": oleh,
    }
    send_mail(
        render_to_string("kinerja/sekretariat/pengguna_tautan_subjek.txt", konteks).strip(),
        render_to_string("kinerja/sekretariat/pengguna_tautan_surel.txt", konteks),
        None,
        [user.email],
    )
    with jejak.konteks(user=oleh):
        catat(
            [
                Catatan(
                    user, "__tautan_sandi__", "tautan kata sandi dikirim",
                    baru=user.email, uraian=_uraian(user),
                )
            ],
            satker_id=None,
        )  # fmt: skip
    return user.email
