"""The one settings module. Everything that differs between machines comes from the environment
(see README, "Configuration"); the defaults are for development on one laptop."""

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sistercity.config.env import (
    email_settings,
    env_bool,
    env_int,
    env_int_list,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(PROJECT_DIR / "var")))

# As in healthchecks: development is the default; production sets DEBUG=0 and SECRET_KEY.
DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key" if DEBUG else None)
if not DEBUG and len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters outside debug.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "parler",
    "rest_framework",
    # API tokens that expire, stored hashed (our model accounts.ApiToken; see REST_KNOX).
    "knox",
    # The Content-Security-Policy header (CONTENT_SECURITY_POLICY below).
    "csp",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    # RQ's queues and `rqworker` for TASKS_BACKEND=django_tasks_rq.RQBackend.
    "django_rq",
    "auditlog",
    "axes",
    # Two-factor authentication: TOTP authenticator apps and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "sistercity.core",
    "sistercity.accounts",
    "sistercity.glossary",
    "sistercity.partnerships",
    "sistercity.programs",
    "sistercity.exchange",
    "sistercity.environment",
    "sistercity.trade",
    "sistercity.investment",
    "sistercity.emergency",
    "sistercity.irrigation",
    "sistercity.culture",
    "sistercity.reports",
    "sistercity.portal",
    "sistercity.api",
    "sistercity.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then the gate that sends a person who must (or chose to) give
    # a code to the set-up or verify page before anything else.
    "django_otp.middleware.OTPMiddleware",
    "sistercity.accounts.middleware.TwoFactorMiddleware",
    "sistercity.core.middleware.UserTimezoneMiddleware",
    "sistercity.core.middleware.AccessCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "sistercity.core.middleware.RefuseNulMiddleware",
    "sistercity.core.middleware.PdfFailedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Last, so that it sees the lockout flag the authentication backend set.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sistercity.config.urls"
WSGI_APPLICATION = "sistercity.config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "sistercity.core.context_processors.site",
            ],
        },
    },
]

# SQLite is the embedded default (WAL, so the worker and the web process do not block each
# other); DATABASE_URL picks PostgreSQL in CI and production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "partnerships:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages: Bahasa Indonesia is the default; every page exists under /id/, /ja/ and /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"
# The zones a person can choose; WIB and JST are the ones the partnership lives in.
USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Tokyo", "UTC"]
PARLER_DEFAULT_LANGUAGE_CODE = "id"
PARLER_LANGUAGES = {
    None: ({"code": "id"}, {"code": "ja"}, {"code": "en"}),
    "default": {"fallbacks": ["id", "en", "ja"], "hide_untranslated": False},
}

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files: local disk by default; STORAGE_BACKEND=storages.backends.s3.S3Storage (with
# django-storages installed and its AWS_* settings below) puts them in an S3-compatible store.
STORAGES = {
    "default": {
        "BACKEND": env_str("STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded documents are private: they live outside any URL space and are served only by a
# permission-checked view (there is deliberately no MEDIA_URL route).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
if STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage":
    # Private bucket: files leave only through the permission-checked views, never by URL.
    AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME", "") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: development writes each message to a file under var/mail/.
globals().update(email_settings(env_str("EMAIL_URL", f"file://{VAR_DIR / 'mail'}")))
# The public address of the site, for absolute links in e-mails (e.g. https://sistercity.example.org).
# Without it, the local address on PORT (the port `make run` serves), so links work on any port.
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SisterCity <noreply@sistercity.localhost>")

# Background jobs: Django's Tasks API, stored in the database by default; on several machines
# TASKS_BACKEND=django_tasks_rq.RQBackend puts them on Redis (REDIS_URL) for RQ workers
# (`manage.py rqworker --job-class django_tasks_rq.Job default`). See docs/deploy.md.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
REDIS_URL = env_str("REDIS_URL", "")
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 900}}

# Cache: Redis when REDIS_URL is set, so every web process shares it (sessions, cached public
# pages, the scheduler's lock); this process's memory otherwise (one machine, development).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Sessions read from the cache and are written through to the database, so a Redis restart
# logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# How long anonymous visitors' copies of the public pages are kept (seconds; 0 turns it off).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 60)

# Partnership rules that deployments tune.
REMINDER_OFFSETS_DAYS = sorted(env_int_list("REMINDER_OFFSETS_DAYS", "180,90,30"), reverse=True)
REMINDER_CHECK_SECONDS = env_int("REMINDER_CHECK_SECONDS", 3600)
DORMANT_AFTER_MONTHS = env_int("DORMANT_AFTER_MONTHS", 6)

# Personal data retention, per kind (days; README "Personal data"). Applications: after the
# application settled (not selected, withdrawn, declined, completed) and its call closed.
# Event registrations: after the event ended.
EXCHANGE_APPLICATION_RETENTION_DAYS = env_int("EXCHANGE_APPLICATION_RETENTION_DAYS", 365)
CULTURE_REGISTRATION_RETENTION_DAYS = env_int("CULTURE_REGISTRATION_RETENTION_DAYS", 30)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a missing or ended token is answered 401 with "WWW-Authenticate".
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "sistercity.api.errors.exception_handler",
    # /api/auth/token/ (scope "auth"): a bound on password guessing per address, besides axes.
    "DEFAULT_THROTTLE_RATES": {"auth": env_str("API_AUTH_THROTTLE", "10/minute")},
}
# API tokens (django-rest-knox): hashed, each ends API_TOKEN_HOURS after it is issued, at log-out
# (the site's or the API's) and at a password change; a person holds at most API_TOKEN_LIMIT.
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model name, not a secret
# knox's own migrations create its stock token table even though our model replaces it; no one
# writes to that table, and on PostgreSQL it breaks every flush (it references accounts_user but
# is not a table of an installed model, so TRUNCATE refuses). Without migrations for knox, no
# table is made for its swapped-out model.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": dt.timedelta(hours=env_int("API_TOKEN_HOURS", 10)),
    "TOKEN_LIMIT_PER_USER": env_int("API_TOKEN_LIMIT", 20),
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SisterCity API",
    "DESCRIPTION": (
        "Partnerships, agreement lifecycle and documents. Same permissions as the UI. "
        "POST an e-mail address and password to /api/auth/token/ for a token and send it as "
        "'Authorization: Token <token>'; it expires (see 'expiry'), /api/auth/logout/ ends it, "
        "and /api/auth/tokens/ lists and revokes your tokens."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status"; name each choice set after its domain meaning.
    "ENUM_NAME_OVERRIDES": {
        "ActivityStatusEnum": "sistercity.programs.choices.ActivityStatus",
        "IndicatorUpdateStatusEnum": "sistercity.programs.choices.UpdateStatus",
        "ActionItemStatusEnum": "sistercity.programs.choices.ActionItemStatus",
        "ResultStatusEnum": "sistercity.programs.choices.ResultStatus",
        "LanguageLevelEnum": "sistercity.exchange.choices.LanguageLevel",
        "HostKindEnum": "sistercity.exchange.choices.HostKind",
        "CultureEventStatusEnum": "sistercity.culture.choices.EventStatus",
        "VisitorOriginEnum": "sistercity.culture.choices.VisitorOrigin",
        "IncidentKindEnum": "sistercity.emergency.choices.IncidentKind",
        "VehicleKindEnum": "sistercity.emergency.choices.VehicleKind",
        "VehicleOriginEnum": "sistercity.emergency.choices.VehicleOrigin",
        "FundingSourceEnum": "sistercity.programs.choices.FundingSource",
        "InvestmentStageEnum": "sistercity.investment.choices.Stage",
        "InvestmentLeadSourceEnum": "sistercity.investment.choices.LeadSource",
        "MsmePermitKindEnum": "sistercity.trade.choices.PermitKind",
        "MsmeLabParameterEnum": "sistercity.trade.choices.LabParameter",
        "MsmeOrderKindEnum": "sistercity.trade.choices.OrderKind",
        "MsmeLeadStageEnum": "sistercity.trade.choices.Stage",
        "MsmeMessageLanguageEnum": "sistercity.trade.choices.MessageLanguage",
        "DocumentLanguageEnum": "sistercity.partnerships.choices.DocumentLanguage",
    },
}

AUDITLOG_INCLUDE_ALL_MODELS = False

# Log-in protection (django-axes): after AXES_FAILURE_LIMIT failed attempts for one account, or
# from one address, both are locked out for AXES_COOLOFF_TIME; a successful log-in resets the
# count. The hooks live in accounts/security.py (lower-case e-mail, the address, the message).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Both the log-in form and the token view name the e-mail address "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "sistercity.accounts.security.axes_username"
AXES_CLIENT_IP_CALLABLE = "sistercity.accounts.security.client_ip"
AXES_LOCKOUT_CALLABLE = "sistercity.accounts.security.lockout_response"
# How many reverse proxies (load balancers) stand in front of the app and append to
# X-Forwarded-For; 0 reads the connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Two-factor authentication (django-otp): the secretariat, partner officers and platform admins
# (superusers) give a code from an authenticator app (TOTP) or a one-time recovery code after
# their password, on the site and for an API token; anyone else may turn it on. Off only for a
# deployment that has another second factor in front (e.g. single sign-on); the tests switch it
# on where they test it (conftest.py).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=True)
TWO_FACTOR_ROLES = ["secretariat", "partner_officer"]
OTP_TOTP_ISSUER = "SisterCity"
# A wrong code makes the device wait 1, 2, 4, 8 … seconds before it checks the next one.
OTP_TOTP_THROTTLE_FACTOR = OTP_STATIC_THROTTLE_FACTOR = 1

# Production hardening: on unless DEBUG; `manage.py check --deploy` stays silent.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The destination maps' tile server (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png); empty:
# the maps show their points alone and nothing loads from outside.
CULTURE_MAP_TILE_URL = env_str("CULTURE_MAP_TILE_URL", "")


def _origin(url: str) -> list[str]:
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


# Content-Security-Policy: scripts only from our own static files (no inline script, no eval:
# htmx runs with allowEval off, see base.html), no plugins, no framing, forms post only here.
# Styles allow inline attributes because the server-drawn SVG charts and Leaflet position
# their parts with style attributes; a style cannot run code. Images may come from the map's
# tile server and from an object store holding media (MEDIA_URL on another origin).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *_origin(CULTURE_MAP_TILE_URL), *_origin(MEDIA_URL)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every step of every PDF at INFO.
    "loggers": {"django.db.backends": {"level": "INFO"}, "weasyprint": {"level": "WARNING"}},
}

# IATI: the reporting organisation's identifier prefix (an IATI organisation identifier, e.g.
# the one Pemkab Batang registers); activities are "<prefix>-<partnership slug>-<code>".
IATI_REPORTING_ORG = env_str(
    "IATI_REPORTING_ORG", "XI-IATI-SISTERCITY"
)  # the stand-in: a warning shows
# IATI OrganisationType of the reporting organisation: 11 = local government.
IATI_REPORTING_ORG_TYPE = env_str("IATI_REPORTING_ORG_TYPE", "11")
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# A PDF not drawn in this time is given up (its child process is killed): core/pdf.py.
PDF_TIMEOUT_SECONDS = env_int("PDF_TIMEOUT_SECONDS", 120)
