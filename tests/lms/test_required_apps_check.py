"""A site that installs lms without an app it builds on hears so from ``manage.py check``."""

import pytest
from django.apps import apps

from lms.checks import REQUIRED_APPS, check_required_apps


def test_this_site_has_every_app_lms_needs():
    assert check_required_apps() == []


@pytest.mark.parametrize("app", sorted(REQUIRED_APPS))
def test_a_missing_app_is_reported(monkeypatch, app):
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != app and installed(name))
    [error] = check_required_apps()
    assert error.id == "lms.E010" and repr(app) in error.msg


def test_reference_data_is_named_in_the_languages_the_migrations_made(settings):
    from lms.checks import check_reference_languages

    assert check_reference_languages() == []
    for languages in [("en",), ("az", "ru", "en", "tr")]:
        settings.MODELTRANSLATION_LANGUAGES = languages
        [error] = check_reference_languages()
        assert error.id == "lms.E011"
    del settings.MODELTRANSLATION_LANGUAGES
    [error] = check_reference_languages()
    assert error.id == "lms.E011"
