"""Settings shared by every environment; every value that differs between machines comes from
the environment (see `.env.example`). Production differs from this only through the environment
and the hardening in `production.py`."""

import datetime
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env(
    "DJANGO_SECRET_KEY",
    default="dev-only-insecure-key-change-me-in-production-0123456789abcdef",
)
DEBUG = env.bool("DJANGO_DEBUG", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "satker",
    "kinerja",
    "laporan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A request whose declared body is larger than any upload allows is refused before it
    # is read (satker.middleware).
    "satker.middleware.BatasUkuranPermintaan",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The secretariat and admin roles (and anyone who set it up) give a one-time code after
    # the password before any page; pages of a logged-in user are never cached.
    "satker.middleware.WajibDuaFaktor",
    "satker.middleware.TanpaCacheUntukPengguna",
    # Who writes and from where, for the record of every write (kinerja.jejak).
    "kinerja.jejak.KonteksMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinerja.middleware.BasisDataSibuk",
    # Last: counts failed logins and answers a locked-out login (satker.autentikasi).
    "axes.middleware.AxesMiddleware",
]

# Login guessing (django-axes): after AXES_FAILURE_LIMIT failures for one account, or from
# one address, further logins of that account / from that address are refused with 429 for
# the cool-off time (every attempt during it starts the time again); the secretariat lifts a
# lock under Reviu → Kunci masuk, in the admin or with `manage.py axes_reset_username`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("KINERJA_GAGAL_MASUK_MAKS", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("KINERJA_KUNCI_MASUK_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "satker.autentikasi.tanggapan_terkunci"
AXES_HTTP_RESPONSE_CODE = 429
# Lockouts are logged by satker.autentikasi (kinerja.keamanan), not by axes at every start.
AXES_VERBOSE = False
# The client's address: the connection's, or behind KINERJA_JUMLAH_PROKSI trusted proxies
# (production: 1) the address the nearest of them forwards in X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "satker.autentikasi.alamat_klien"
KINERJA_JUMLAH_PROKSI = env.int("KINERJA_JUMLAH_PROKSI", default=0)

# Two-factor authentication (django-otp): TOTP apps and one-use recovery codes.
OTP_TOTP_ISSUER = "Kinerja BSKJI"
KINERJA_KODE_PEMULIHAN = 10  # recovery codes given when a TOTP app is set up

# Content-Security-Policy (django-csp): scripts and everything else from this site only, no
# inline script; the inline style attributes of a few tables (indentation, widths) are allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded default is a SQLite file under var/, so a first run needs no server.
# Production and CI set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several users saving at once: readers do not wait for a writer (WAL), a write takes
    # the database's write lock when its transaction begins (IMMEDIATE; a deferred one that
    # read first fails at once with "database is locked" when another wrote meanwhile), and
    # waits for it up to SQLITE_TIMEOUT seconds. A save still waiting then answers 409
    # (kinerja.middleware.BasisDataSibuk), as a conflicting save on PostgreSQL does.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.float("SQLITE_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_USER_MODEL = "satker.Pengguna"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# No automatic thousands separator: it would print years as "2.023". Money and large
# figures are formatted explicitly (kinerja.formatting: Rp 12.207.073.000).
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_URL = "/media/"
# A table page (supporting data, Form A, staff monitoring) is saved as a whole: up to Django's
# 1000 formset rows of at most 9 columns, each with its id and delete box, and the page's own
# fields. Django's default of 1000 fields refused a table of about 100 rows; the bound still
# stops a request made of millions of fields (tests/kinerja/test_tabel_besar.py holds the
# widest table against it).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 12_000
# Evidence files of the quarterly measurement: PDF, images, Office documents up to this size.
BUKTI_UKURAN_MAKS = env.int("BUKTI_UKURAN_MAKS_MB", default=10) * 1024 * 1024
# Pictures of the reports (organisation chart, photos, screenshots): PNG or JPEG up to this size.
GAMBAR_UKURAN_MAKS = env.int("GAMBAR_UKURAN_MAKS_MB", default=5) * 1024 * 1024
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="kinerja@localhost")
# The address of the application, for links in mails sent outside a request (reminders).
KINERJA_URL_SITUS = env("KINERJA_URL_SITUS", default="http://127.0.0.1:8000")

# The API's budgets (satker.api.throttling), in DRF's notation (count/second|minute|hour|day).
API_BATAS = {
    "user": env("KINERJA_API_BATAS_PENGGUNA", default="600/minute"),
    "alamat": env("KINERJA_API_BATAS_ALAMAT", default="1200/minute"),
    "token": env("KINERJA_API_BATAS_TOKEN", default="10/hour"),
}

REST_FRAMEWORK = {
    # A named API token first (Bearer; 401 with WWW-Authenticate for a request without
    # credentials), then the browser's session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "satker.api.autentikasi.AutentikasiTokenApi",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A read token may only read, on every view (satker.api.izin).
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "satker.api.izin.CakupanToken",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "satker.api.halaman.Halaman",
    "PAGE_SIZE": 50,
    "COERCE_DECIMAL_TO_STRING": True,
    "DEFAULT_SCHEMA_CLASS": "kinerja.api.skema.SkemaKinerja",
    "EXCEPTION_HANDLER": "kinerja.api.galat.tangani",
    # Every client is throttled (429 with Retry-After; satker.api.throttling): per token (per
    # user for a session); per address for every request, before authentication, on a wider
    # budget; the password endpoint per address on a tight one.
    "DEFAULT_THROTTLE_CLASSES": ["satker.api.throttling.BatasKlien"],
    "DEFAULT_THROTTLE_RATES": dict(API_BATAS),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "API Kinerja BSKJI",
    "DESCRIPTION": (
        "Target, realisasi dan capaian kinerja balai BSKJI. Semua angka dihitung di server "
        "dari data dukung; angka berupa string desimal. Pengguna satker hanya melihat "
        "satkernya.\n\n"
        "**Autentikasi.** Buat token di halaman Akun > Token API (nama, cakupan, masa berlaku "
        "1-365 hari atau tanpa batas; token tampil sekali saja), atau dengan "
        "`manage.py token_api`, lalu kirim `Authorization: Bearer <token>`. Cakupan `baca` "
        "hanya untuk GET (tulisan dijawab 403 `cakupan_baca`); `tulis` juga untuk POST, PUT, "
        "PATCH, DELETE. Token yang tidak dikenal, dicabut atau kedaluwarsa dijawab 401. "
        "`POST /api/v1/token/` (nama pengguna, kata sandi, dan `kode` dua faktor bila ada) "
        "memberi token baru berlaku 30 hari, cakupan `baca` kecuali diminta `tulis`. "
        "Peramban memakai sesinya (cookie).\n\n"
        f"**Batas.** Per token (per pengguna untuk sesi) `{API_BATAS['user']}`; per alamat "
        f"`{API_BATAS['alamat']}` untuk semua permintaan, juga yang ditolak; "
        f"`POST /api/v1/token/` `{API_BATAS['token']}` per alamat, dan akun atau alamat "
        "dikunci sementara setelah kata sandi salah berulang kali. Melewati batas dijawab 429 "
        "dengan header `Retry-After` dan `tunggu_detik` (detik)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set that shares a field name with another set or serves several
    # fields and components (satker, the manual, supporting data, reports).
    "ENUM_NAME_OVERRIDES": {
        "JenisSatkerEnum": "satker.choices.JenisSatker",
        "AgregasiEnum": "kinerja.choices.Agregasi",
        "JenisPnbpEnum": "kinerja.choices.JenisPnbp",
        "SatuanEnum": "kinerja.choices.Satuan",
        "SatuanHasilLayananEnum": "kinerja.choices.SatuanHasilLayanan",
        "StatusTindakLanjutEnum": "kinerja.choices.StatusTindakLanjut",
        "StatusPelaporanEnum": "kinerja.models.siklus.StatusPelaporan",
        "StatusBerkasEnum": "laporan.choices.StatusBerkas",
        "JenisLaporanEnum": "laporan.choices.JenisLaporan",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step at INFO and each CSS rule it does not support at
    # WARNING; only its errors are worth a line in the server log.
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "weasyprint.progress": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        # Each login's bookkeeping; lockouts are logged by kinerja.keamanan.
        "axes": {"level": "WARNING"},
    },
}

# Background work (rendering reports). With a broker, Celery workers run the tasks; without
# one (a first run on a laptop) they run in-process when requested.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True  # the state of a report is kept in the database
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
CELERY_TIMEZONE = TIME_ZONE

# The computation (kinerja.perhitungan): reported values are rounded half-up to 2 decimals
# (some agencies truncate: ROUND_DOWN); a quarter or year is "tercapai" from 100% capaian,
# "perlu perhatian" from 75%; a capaian above 150% flags a target that may not be challenging.
KINERJA = {
    "PEMBULATAN": env("KINERJA_PEMBULATAN", default="ROUND_HALF_UP"),
    "DESIMAL": env.int("KINERJA_DESIMAL", default=2),
    "AMBANG_TERCAPAI": env.int("KINERJA_AMBANG_TERCAPAI", default=100),
    "AMBANG_PERLU_PERHATIAN": env.int("KINERJA_AMBANG_PERLU_PERHATIAN", default=75),
    "BATAS_CAPAIAN_TINGGI": env.int("KINERJA_BATAS_CAPAIAN_TINGGI", default=150),
    # The budget absorption (percent of pagu) below which a year-end forecast is flagged.
    "BATAS_PENYERAPAN": env.int("KINERJA_BATAS_PENYERAPAN", default=95),
}

# Rendering the PDF reports (laporan.render.tata_letak): the processes laying parts out (0: one
# per core), and the cache of laid-out parts, bounded in bytes.
LAPORAN_TATA_LETAK_PROSES = env.int("LAPORAN_TATA_LETAK_PROSES", default=0)
LAPORAN_TATA_LETAK_CACHE = env.path(
    "LAPORAN_TATA_LETAK_CACHE", default=VAR_DIR / "cache" / "tata-letak"
)
LAPORAN_TATA_LETAK_CACHE_BATAS = env.int(
    "LAPORAN_TATA_LETAK_CACHE_BATAS", default=500 * 1024 * 1024
)
