"""Settings for the test suite: fast password hashing, in-memory cache and mail."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The suite runs on every core already (pytest-xdist): parts are laid out in the test's own
# process (tests/laporan/test_pdf_paralel.py asks for two processes where it needs them).
LAPORAN_TATA_LETAK_PROSES = 1
LAPORAN_TATA_LETAK_CACHE = VAR_DIR / "cache" / "tata-letak-tes"  # noqa: F405
