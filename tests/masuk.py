"""Logging tests in as a user would, second factor included: `masuk(client, user)` logs the
client in and, for a user whose role requires two-factor authentication (or who has set it
up), gives a TOTP code computed here from the device's secret (RFC 6238, independent of the
library that checks it) on the code page."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from satker.autentikasi import wajib_dua_faktor
from satker.models import Pengguna


def totp(kunci_hex: str, *, waktu: float | None = None, langkah: int = 30, digit: int = 6) -> str:
    """The TOTP code of a hex secret at a moment (now by default): RFC 6238 with SHA-1."""
    hitung = int((time.time() if waktu is None else waktu) // langkah)
    mac = hmac.new(bytes.fromhex(kunci_hex), struct.pack(">Q", hitung), hashlib.sha1).digest()
    potong = mac[-1] & 0x0F
    angka = struct.unpack(">I", mac[potong : potong + 4])[0] & 0x7FFFFFFF
    return str(angka % 10**digit).zfill(digit)


def totp_dari_base32(rahasia: str, **kwargs) -> str:
    """The code of a secret as an authenticator app reads it (base32, spaces allowed)."""
    rahasia = rahasia.replace(" ", "").upper()
    rahasia += "=" * (-len(rahasia) % 8)
    return totp(base64.b32decode(rahasia).hex(), **kwargs)


def perangkat_totp(user: Pengguna) -> TOTPDevice:
    """The user's confirmed authenticator app, set up now if the user has none."""
    perangkat = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if perangkat is None:
        perangkat = TOTPDevice.objects.create(user=user, name="Aplikasi tes", confirmed=True)
    return perangkat


def kode_sekarang(user: Pengguna) -> str:
    """A code the user's app shows now, not used before (a used code of the same 30 s step is
    refused: the next step's code is accepted within the allowed drift)."""
    perangkat = perangkat_totp(user)
    perangkat.refresh_from_db()
    sekarang = time.time()
    langkah = int(sekarang // perangkat.step)
    if perangkat.last_t is not None and perangkat.last_t >= langkah:
        return totp(perangkat.key, waktu=(perangkat.last_t + 1) * perangkat.step)
    return totp(perangkat.key, waktu=sekarang)


def masuk(client: Client, user: Pengguna) -> Client:
    """Log the client in as the user, with the second factor where the user needs one."""
    client.force_login(user)
    if wajib_dua_faktor(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        response = client.post("/masuk/kode/", {"kode": kode_sekarang(user)})
        assert response.status_code == 302, "kode TOTP tes ditolak"
    return client
