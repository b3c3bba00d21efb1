"""Production settings: everything secret or host-specific comes from the environment.

Required: ``SECRET_KEY``, ``ALLOWED_HOSTS`` (comma-separated),
``DATABASE_URL`` (PostgreSQL) and ``REDIS_URL``. The process refuses to start
without them rather than fall back to an insecure default. Every application
process is stateless: sessions, cache and throttling counters live in Redis
(sessions written through to PostgreSQL), files in shared media storage
(a shared volume, or S3 when ``AWS_STORAGE_BUCKET_NAME`` is set), background
tasks in PostgreSQL for ``manage.py run_worker`` processes. See
docs/deployment.md and docs/configuration.md.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403


def require_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in require_env("ALLOWED_HOSTS").split(",") if host.strip()]
require_env("DATABASE_URL")

# Uploaded packages (H5P, SCORM) run on an origin of their own, such as
# https://content.example.org: a host name of this application that never
# gets the site's cookies (docs/security.md). Its host is allowed here.
CONTENT_ORIGIN = os.environ.get("LMS_CONTENT_ORIGIN", "").strip().rstrip("/")
if CONTENT_ORIGIN:
    ALLOWED_HOSTS.append(urlsplit(CONTENT_ORIGIN).hostname or CONTENT_ORIGIN)
LMS = {
    **LMS,  # noqa: F405
    "CONTENT_ORIGIN": CONTENT_ORIGIN or None,
    # "/_protected/" when nginx serves package files after the application's
    # checks (deploy/nginx.conf: its internal locations need the h5p and media volumes).
    "ACCEL_REDIRECT_PREFIX": os.environ.get("LMS_ACCEL_REDIRECT_PREFIX", "").strip() or None,
}
REDIS_URL = require_env("REDIS_URL")

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# One Redis for every host: the cache, the sessions' cache and throttling counters.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ttp"),
        "TIMEOUT": 300,
    }
}
# Sessions are read from Redis and written through to the database, so a
# Redis restart signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background tasks in the database, run by ``manage.py run_worker`` on any host.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# WhiteNoise serves the collected static files straight after the security middleware.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000  # hashed names never change

# Media on S3-compatible storage (django-storages) when a bucket is named;
# otherwise MEDIA_ROOT, which several hosts must then share (a volume).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

# Extracted H5P packages stay private: only h5p.views serves them, after its checks.
STORAGES["h5p"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(os.environ.get("H5P_ROOT", BASE_DIR / "var" / "h5p"))},  # noqa: F405
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["h5p"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "h5p-private",
            "custom_domain": None,
            "file_overwrite": True,
        },
    }

# Report exports: private too, downloaded only through operations.views after its checks.
STORAGES["exports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(os.environ.get("EXPORTS_ROOT", BASE_DIR / "var" / "exports"))},  # noqa: F405
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["exports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **STORAGES["default"]["OPTIONS"],
            "location": "exports-private",
            "custom_domain": None,
            "file_overwrite": True,
        },
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Only for a trial over plain HTTP may SECURE_COOKIES be "false" (the deploy check warns).
SECURE_COOKIES = os.environ.get("SECURE_COOKIES", "true").lower() == "true"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No framing, except views that allow it themselves (Wagtail's previews:
# ``xframe_options_sameorigin``; packaged content: CSP frame-ancestors, lms.content).
X_FRAME_OPTIONS = "DENY"

WAGTAILADMIN_BASE_URL = require_env("WAGTAILADMIN_BASE_URL")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")  # for the file backend (staging)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() == "true"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# A request may be forwarded by the front server and a load balancer.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
