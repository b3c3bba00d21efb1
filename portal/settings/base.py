"""Settings shared by every environment.

Environment-specific modules (``dev``, ``test``, ``production``) import from
here and override. The default database is SQLite in the project directory;
``DATABASE_URL`` switches to any database ``dj-database-url`` understands
(PostgreSQL in production, via psycopg 3).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from api import defaults as api_defaults

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # Reference data in three languages (name_az, name_ru, name_en); before the admin.
    "modeltranslation",
    "ui",
    "pagecache",
    "content_packages",
    "accounts",
    "lms",
    "courses",
    "quizzes",
    "h5p",
    "scorm",
    "pages",
    "library",
    "competencies",
    "surveys",
    "api",
    # Module packs: each may be removed from this list, the rest keeps working.
    "modules.inclusive_ed",
    "modules.vet",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    # Content translation: segments, PO export/import, translations kept in step
    # with their source (wagtail-localize, docs/translating.md).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "operations",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the session: content URLs (uploaded packages) never see a cookie,
    # and the content origin serves nothing else (lms.content, docs/security.md).
    "lms.content.ContentOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Site and page routing from the cache (the active language is known by now).
    "pagecache.middleware.PageRoutingCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # After CSPMiddleware, so that it marks admin responses before the policy is built.
    "operations.middleware.AdminContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A persistent connection is tested before each request reuses it, so a
        # restarted database server costs at most the requests already in flight.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite serves a trainer's laptop or a small centre: let writers queue for
    # the lock (BEGIN IMMEDIATE, a 20 s wait) instead of failing with "database
    # is locked" when two requests record progress at once, and let readers
    # read while one writes (write-ahead log).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes locks an account (per username and address) after repeated failures.
AUTHENTICATION_BACKENDS = [
    "operations.security.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "operations.security.client_ip"
# How many proxies (the front server, a load balancer) stand before the application.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "lms:dashboard"
LOGOUT_REDIRECT_URL = "/"

# Internationalisation: Azerbaijani first, then Russian and English.
LANGUAGE_CODE = "az"
LANGUAGES = [
    ("az", _("Azerbaijani")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Reference data (districts, institutions, programmes, frameworks, the library's
# centres, subjects, languages and formats) has a column per language
# (django-modeltranslation); a name missing in one language reads in Azerbaijani,
# then English. The lists stay the same whatever LANGUAGE_CODE a test runs under.
MODELTRANSLATION_DEFAULT_LANGUAGE = "az"
MODELTRANSLATION_LANGUAGES = ("az", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("az", "en")
TIME_ZONE = "Asia/Baku"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The H5P player (h5p-standalone from npm, installed by `make install`), never committed.
    ("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
    # The SCORM runtime (scorm-again, from npm: `make browser` / `make demo` install it).
    ("scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Extracted H5P packages: private, served only through h5p.views (never MEDIA_URL).
    "h5p": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("H5P_ROOT", BASE_DIR / "var" / "h5p"))},
    },
    # Report exports (operations.ReportExport): private, downloaded only by their requester.
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("EXPORTS_ROOT", BASE_DIR / "var" / "exports"))},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Upload limits: a request body other than files, files kept in memory before
# they spill to disk, and per kind of upload (the front server caps the whole
# request at the largest of these, see deploy/nginx.conf).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "learning@localhost")

# Wagtail
WAGTAIL_SITE_NAME = "Teacher Learning Platform"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",
    "xlsx",
    "mp4",
    "webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
# Content (pages, questions) can be translated into the three languages.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_WORKFLOW_ENABLED = True
# Nothing is loaded from another site: no Gravatar avatars, no update check in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The API's REST framework settings and OpenAPI schema (throttle rates from
# API_THROTTLE_ANON, _USER and _AUTH), as every site installing it starts.
REST_FRAMEWORK = api_defaults.REST_FRAMEWORK
SPECTACULAR_SETTINGS = api_defaults.SPECTACULAR_SETTINGS

# Background work (django-tasks). Development and tests run each task at once,
# in the process that enqueues it; production stores tasks in the database for
# ``manage.py db_worker`` processes on any number of hosts (django-tasks-db).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Content Security Policy (django-csp): strict everywhere; nothing inline, nothing
# from another origin. Views that need more say so with django-csp's decorators
# (see docs/deployment.md); the Wagtail admin gets ``CSP_ADMIN_UPDATE`` on top.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        # Packaged content (H5P, SCORM) is framed from the content origin, which
        # lms.content.ContentOriginMiddleware adds here when one is configured.
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
# Wagtail 8's admin still writes some inline styles and inline scripts (its date
# choosers call initDateChooser() from a <script> next to the field), so the admin
# allows inline code; it still loads nothing from any other origin.
CSP_ADMIN_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "media-src": ["blob:"],
}

# The platform's own options, read through ``lms.conf.lms_settings``.
LMS = {"CATALOGUE_URL": "/courses/"}
