"""Benchmark settings: production's shape (no debug, persistent connections,
compiled templates, manifest-free static files) on whatever database
``DATABASE_URL`` names, SQLite by default, with the benchmark floor views.

Used by ``manage.py bench_http`` (``make bench``); never for a real site.
"""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-key-not-secret")  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "demo.bench_urls"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The demo content and benchmark commands (seed_demo, seed_library, bench_*);
# production's INSTALLED_APPS leaves them out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

if "DATABASE_URL" not in os.environ:
    DATABASES["default"]["NAME"] = BASE_DIR / "var" / "bench.sqlite3"
# Production keeps connections open; so do the benchmarks.
DATABASES["default"]["CONN_MAX_AGE"] = 600

# Sign-in lockout would lock the load tool out; the benchmarks sign in once.
AXES_ENABLED = False
# No throttling: the benchmark measures the server, not the rate limit.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
# Sessions as production keeps them: read from the cache, written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
