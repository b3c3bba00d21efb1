"""Development settings: the only place with shortcuts (debug, console email)."""

from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo content and benchmark commands (seed_demo, seed_library, bench_*);
# production's INSTALLED_APPS leaves them out.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# Packaged content (H5P, SCORM) runs on its own origin. `make demo` serves the
# site on http://127.0.0.1:8000; "localhost" reaches the same server but is
# another origin and another cookie site, so packages never see the session.
LMS = {**LMS, "CONTENT_ORIGIN": "http://localhost:8000"}  # noqa: F405
