"""Start-up checks: the API runs only on REST framework settings that keep it closed.

The API's views rely on REST framework's defaults for who may call them. A
site whose ``REST_FRAMEWORK`` drops the authentication, the default
permission, the safe JSON parser or the error format of :mod:`api.defaults`
would serve the API open or unguarded; ``manage.py check`` (and every server
start) says so instead.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register

from . import defaults

# The entries that decide who may call the API and what it accepts: a site may
# add authentication or parser classes of its own, never drop the API's.
KEEP_ALL = ["DEFAULT_AUTHENTICATION_CLASSES", "DEFAULT_PARSER_CLASSES"]
SAME = ["DEFAULT_PERMISSION_CLASSES", "EXCEPTION_HANDLER"]
UNSAFE_PARSER = "rest_framework.parsers.JSONParser"


@register(Tags.security)
def check_rest_framework(app_configs, **kwargs):
    errors = []
    configured = getattr(settings, "REST_FRAMEWORK", {}) or {}
    differing = [name for name in SAME if configured.get(name) != defaults.REST_FRAMEWORK[name]]
    differing += [
        name
        for name in KEEP_ALL
        if not set(defaults.REST_FRAMEWORK[name]) <= set(configured.get(name) or [])
    ]
    if UNSAFE_PARSER in (configured.get("DEFAULT_PARSER_CLASSES") or []):
        differing.append("DEFAULT_PARSER_CLASSES")
    for name in dict.fromkeys(differing):
        errors.append(
            Error(
                f"REST_FRAMEWORK[{name!r}] differs from the API's.",
                hint="Start from api.defaults.REST_FRAMEWORK (docs/installing.md); "
                "the API's views rely on it to refuse unauthenticated calls.",
                id="api.E001",
            )
        )
    rates = configured.get("DEFAULT_THROTTLE_RATES") or {}
    missing = sorted(set(defaults.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]) - set(rates))
    if missing:
        errors.append(
            Error(
                f"REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'] has no rate for {', '.join(missing)}.",
                hint="Start from api.defaults.REST_FRAMEWORK (docs/installing.md).",
                id="api.E002",
            )
        )
    for app in defaults.INSTALLED_APPS:
        if not apps.is_installed(app):
            errors.append(
                Error(
                    f"The API needs {app!r} in INSTALLED_APPS.",
                    hint="Add api.defaults.INSTALLED_APPS (docs/installing.md).",
                    id="api.E003",
                )
            )
    return errors
