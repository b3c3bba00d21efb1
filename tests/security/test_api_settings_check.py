"""A site that installs the API with REST framework settings that would leave it open
does not start: ``manage.py check`` reports it (api.checks, docs/installing.md)."""

import pytest
from django.core import checks

from api import defaults


def api_errors():
    return [
        message.id
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.id.startswith("api.")
    ]


def test_the_sites_settings_start_from_the_apis_defaults_and_pass():
    assert api_errors() == []


@pytest.mark.parametrize(
    "change",
    [
        {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"]},
        {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.BasicAuthentication"]},
        {"DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"]},
        {
            "DEFAULT_PARSER_CLASSES": [
                *defaults.REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"],
                "rest_framework.parsers.JSONParser",
            ]
        },
        {"EXCEPTION_HANDLER": "rest_framework.views.exception_handler"},
    ],
)
def test_settings_that_would_open_the_api_are_refused(settings, change):
    settings.REST_FRAMEWORK = {**defaults.REST_FRAMEWORK, **change}
    assert api_errors() == ["api.E001"]


def test_rest_frameworks_own_defaults_are_refused(settings):
    del settings.REST_FRAMEWORK
    assert "api.E001" in api_errors()
    assert "api.E002" in api_errors()


def test_a_site_may_add_an_authentication_class_of_its_own(settings):
    authentication = defaults.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]
    settings.REST_FRAMEWORK = {
        **defaults.REST_FRAMEWORK,
        "DEFAULT_AUTHENTICATION_CLASSES": [
            *authentication,
            "rest_framework.authentication.BasicAuthentication",
        ],
    }
    assert api_errors() == []


def test_a_missing_throttle_rate_is_reported(settings):
    rates = dict(defaults.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"])
    del rates["auth"]
    settings.REST_FRAMEWORK = {**defaults.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    assert api_errors() == ["api.E002"]
