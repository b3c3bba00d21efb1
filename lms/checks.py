"""System checks of the platform's own settings (``manage.py check``).

The content origin (:mod:`lms.content`) is what keeps uploaded packages away
from the site's cookies and pages; these checks catch the settings that
would quietly undo it.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.http.request import split_domain_port, validate_host

from .conf import lms_settings
from .content import normalise_origin

HINT = (
    'Set LMS["CONTENT_ORIGIN"] (LMS_CONTENT_ORIGIN in production) to an origin of its '
    "own, such as https://content.example.org, that reaches this application. "
    "See docs/security.md."
)


@register(Tags.security)
def check_content_origin(app_configs=None, **kwargs):
    value = lms_settings.CONTENT_ORIGIN
    if not value:
        return []
    origin = normalise_origin(value)
    if origin is None or origin != str(value).strip().rstrip("/").lower():
        return [
            Error(
                f'LMS["CONTENT_ORIGIN"] must be an origin such as https://content.example.org '
                f"(a scheme and a host, with no path), not {value!r}.",
                id="lms.E001",
            )
        ]
    errors = []
    site = normalise_origin(getattr(settings, "WAGTAILADMIN_BASE_URL", None))
    if site == origin:
        errors.append(
            Error(
                'LMS["CONTENT_ORIGIN"] is the site\'s own origin (WAGTAILADMIN_BASE_URL): '
                "packaged content would run with the site's cookies.",
                hint=HINT,
                id="lms.E002",
            )
        )
    host = origin.split("://", 1)[1]
    domain, _port = split_domain_port(host)
    if not validate_host(domain, settings.ALLOWED_HOSTS):
        errors.append(
            Error(
                f"The content host {domain!r} is not in ALLOWED_HOSTS: every package would fail.",
                id="lms.E003",
            )
        )
    for name in ("SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN", "LANGUAGE_COOKIE_DOMAIN"):
        cookie_domain = (getattr(settings, name, None) or "").lstrip(".").lower()
        if cookie_domain and (domain == cookie_domain or domain.endswith("." + cookie_domain)):
            errors.append(
                Warning(
                    f"{name} ({cookie_domain!r}) covers the content host {domain!r}: "
                    "packaged content could read the site's cookies.",
                    hint="Leave the cookie domain unset, or use a content host outside it.",
                    id="lms.W002",
                )
            )
    trusted = [o.lower().rstrip("/") for o in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])]
    if any(
        entry == origin or ("://*." in entry and host.endswith(entry.split("://*", 1)[1]))
        for entry in trusted
    ):
        errors.append(
            Warning(
                "CSRF_TRUSTED_ORIGINS trusts the content origin: packaged content could "
                "post forms to the site.",
                id="lms.W003",
            )
        )
    return errors


@register(Tags.security, deploy=True)
def check_content_origin_is_set(app_configs=None, **kwargs):
    if lms_settings.CONTENT_ORIGIN or settings.DEBUG:
        return []
    return [
        Warning(
            "No content origin is configured: H5P activities run in sandboxed frames on "
            "the site's own host, and SCORM packages do not play.",
            hint=HINT,
            id="lms.W001",
        )
    ]


# The apps lms builds on without a model of theirs to make Django say so.
REQUIRED_APPS = {
    "modeltranslation": "districts, institutions and programmes are named in every language",
    "pagecache": "its cached outlines and lesson items are forgotten on every page change",
    "ui": "its templates use the ui template tags (dates, scroll regions)",
    "accounts": "its privacy declarations and sign-in pages",
    "operations": "its report exports and background tasks",
}


@register()
def check_required_apps(app_configs=None, **kwargs):
    from django.apps import apps

    return [
        Error(
            f"lms needs {app!r} in INSTALLED_APPS: {why}.",
            hint="See docs/installing.md.",
            id="lms.E010",
        )
        for app, why in REQUIRED_APPS.items()
        if not apps.is_installed(app)
    ]


# The languages the apps' migrations give reference data a column in.
REFERENCE_LANGUAGES = ("az", "ru", "en")


@register()
def check_reference_languages(app_configs=None, **kwargs):
    """django-modeltranslation must add the columns the migrations made, no more and no fewer."""
    languages = tuple(getattr(settings, "MODELTRANSLATION_LANGUAGES", ()))
    if languages and sorted(languages) == sorted(REFERENCE_LANGUAGES):
        return []
    return [
        Error(
            "MODELTRANSLATION_LANGUAGES must be ('az', 'ru', 'en'): the apps' migrations "
            "name reference data in these languages.",
            hint="See docs/installing.md.",
            id="lms.E011",
        )
    ]
