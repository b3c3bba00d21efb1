"""The settings the API needs, for a site to import into its own settings.

The API's views take their authentication, permissions, pagination, filters,
parsers, error format and schema from Django REST framework's defaults. A site
that installs ``api`` starts from these (``from api.defaults import
REST_FRAMEWORK, SPECTACULAR_SETTINGS``) and may change the throttle rates,
the page size or the schema's title; :mod:`api.checks` refuses at start-up a
``REST_FRAMEWORK`` that would leave the API open (docs/installing.md).
"""

import os

REST_FRAMEWORK = {
    # Token first: a request without credentials is answered 401 with
    # ``WWW-Authenticate: Token``; the site's own scripts use their session (with CSRF).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    # JSON through lms.safejson: deep nesting, NUL and lone surrogates are a 400.
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
    # Throttling counts in the default cache (Redis in production, shared by every host).
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "60/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
        # POST /api/v1/auth/token/ (password guessing).
        "auth": os.environ.get("API_THROTTLE_AUTH", "10/minute"),
    },
}

# The OpenAPI schema at /api/v1/schema/; Swagger UI and Redoc from our own static files.
SPECTACULAR_SETTINGS = {
    "TITLE": "Teacher-training platform API",
    "DESCRIPTION": "REST API v1: courses, enrolments, progress, xAPI statements, "
    "certificates, cohorts and the resource-centre library. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
    "ENUM_NAME_OVERRIDES": {
        "CourseAudienceEnum": "courses.models.pages.Audience",
        "MaterialAudienceEnum": "library.models.catalogue.Material.Audience",
    },
}

# The apps the API needs beside itself and Wagtail's own (which include django_filters).
INSTALLED_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
