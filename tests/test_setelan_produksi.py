"""The production settings refuse to start unsafely (issue 11, item 10), and with a proper
environment `manage.py check --deploy` has nothing to say. Each case imports the settings in
a fresh interpreter, as a server start would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]
KUNCI_KUAT = "Zq8vN3kP-7tWm2Rx_Lc5Hy9Fb4Jd6Gs1Ke0Ua8Yo3Ti7Vn2Qw5Ep9Mz4Xr6Cs1Bh"
LINGKUNGAN = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": KUNCI_KUAT,
    "DATABASE_URL": "postgres://kinerja:rahasia@db.example:5432/kinerja",
    "DJANGO_ALLOWED_HOSTS": "kinerja.example.go.id",
    "KINERJA_URL_SITUS": "https://kinerja.example.go.id",
}


def _jalankan(*argumen: str, **ubah: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(LINGKUNGAN)
    for k, v in ubah.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return subprocess.run(
        [sys.executable, *argumen], cwd=AKAR, env=env, capture_output=True, text=True, timeout=120
    )


def _impor(**ubah: str | None) -> subprocess.CompletedProcess:
    return _jalankan("-c", "import django; django.setup()", **ubah)


def test_a_proper_environment_starts_and_check_deploy_is_silent():
    assert _impor().returncode == 0
    hasil = _jalankan("manage.py", "check", "--deploy")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in hasil.stderr and "?:" not in hasil.stderr


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"DATABASE_URL": None}, "DATABASE_URL tidak diisi"),
        ({"DATABASE_URL": "sqlite:////tmp/kinerja.sqlite3"}, "DATABASE_URL menunjuk SQLite"),
        ({"DJANGO_DEBUG": "True"}, "DJANGO_DEBUG harus mati"),
        ({"DJANGO_SECRET_KEY": "rahasia-pendek"}, "DJANGO_SECRET_KEY harus rahasia acak"),
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY harus rahasia acak"),
        (
            {"DJANGO_SECRET_KEY": "dev-only-insecure-key-change-me-in-production-0123456789abcdef"},
            "DJANGO_SECRET_KEY harus rahasia acak",
        ),
        ({"DJANGO_SECRET_KEY": "a" * 60}, "DJANGO_SECRET_KEY harus rahasia acak"),
    ],
)
def test_unsafe_production_settings_refuse_to_start(ubah, pesan):
    hasil = _impor(**ubah)
    assert hasil.returncode != 0
    assert "ImproperlyConfigured" in hasil.stderr and pesan in hasil.stderr


def test_sqlite_is_allowed_only_when_asked_for():
    hasil = _impor(DATABASE_URL=None, KINERJA_IZINKAN_SQLITE="1")
    assert hasil.returncode == 0, hasil.stderr
