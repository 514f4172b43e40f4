"""Production: base settings, hardened. Every value still comes from the environment; the
defaults here are the safe ones, so `manage.py check --deploy` passes."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, env

# Refuse to start rather than run unsafely: debug pages, a guessable key or the embedded
# SQLite file (unless the deployment says it means it) are errors here, not warnings.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG harus mati (False) di produksi.")
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("dev-only-insecure", "django-insecure"))
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY harus rahasia acak sepanjang paling sedikit 50 karakter di produksi "
        "(buat dengan: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if not env("DATABASE_URL", default="") and not env.bool("KINERJA_IZINKAN_SQLITE", default=False):
    raise ImproperlyConfigured(
        "DATABASE_URL tidak diisi: produksi memakai PostgreSQL. Untuk sengaja memakai SQLite, "
        "isi KINERJA_IZINKAN_SQLITE=1."
    )
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and not env.bool(
    "KINERJA_IZINKAN_SQLITE", default=False
):
    raise ImproperlyConfigured(
        "DATABASE_URL menunjuk SQLite: produksi memakai PostgreSQL. Untuk sengaja memakai "
        "SQLite, isi KINERJA_IZINKAN_SQLITE=1."
    )
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# The address reminder mails link to: a production run must not point at localhost.
KINERJA_URL_SITUS = env("KINERJA_URL_SITUS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 60 * 60)

# Behind the proxy, the client's address for the login lock is the one the proxy forwards
# (satker.autentikasi.alamat_klien), not the proxy's own.
KINERJA_JUMLAH_PROKSI = env.int("KINERJA_JUMLAH_PROKSI", default=1)

# Static files are served by the application server itself (WhiteNoise), compressed and with
# hashed names, right after the security middleware.
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
