"""Test settings: fast password hashing, in-memory mail, isolated media."""

import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
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
