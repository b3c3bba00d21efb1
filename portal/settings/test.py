"""Test settings: fast password hashing, in-memory mail, isolated media, a file database."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The site's default language is Azerbaijani (base.py); the tests read English
# unless they ask for a language (a cookie or Accept-Language), and
# tests/test_languages.py checks the default itself.
LANGUAGE_CODE = "en"
# The demo content and benchmark commands (seed_demo, seed_library, bench_*);
# production's INSTALLED_APPS leaves them out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="ttp-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Packaged content answers on its own host (ALLOWED_HOSTS is "*"); tests ask for
# it with HTTP_HOST="content.testserver" (tests/browser/conftest.py moves it to
# the live server's 127.0.0.1).
LMS = {**LMS, "CONTENT_ORIGIN": "http://content.testserver"}  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "h5p": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="ttp-test-h5p-")},
    },
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="ttp-test-exports-")},
    },
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The test database is a file, as a site's is, with base's options (BEGIN
    # IMMEDIATE, the busy timeout, WAL). In memory it would be one connection
    # that the live server shares between its request threads and the test:
    # two overlapping requests' transactions then interleave on it, and a
    # writer meets "database table is locked" at once instead of waiting
    # (issue 23, item 14a; tests/h5p/test_state_contention.py). One directory
    # per process: pytest-xdist adds the worker's suffix to the file's name.
    _TEST_DB_DIR = tempfile.mkdtemp(prefix="ttp-test-db-")
    atexit.register(shutil.rmtree, _TEST_DB_DIR, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": str(Path(_TEST_DB_DIR) / "test.sqlite3")}  # noqa: F405
