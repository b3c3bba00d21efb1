"""Azerbaijani first: the site's default language, and the browser's where it is one of ours."""

import pytest
from django.test import override_settings

from portal.settings import base

pytestmark = pytest.mark.django_db


def test_azerbaijani_is_the_default_and_the_three_languages_are_offered():
    assert base.LANGUAGE_CODE == "az"
    assert [code for code, _name in base.LANGUAGES] == ["az", "ru", "en"]
    assert base.WAGTAIL_CONTENT_LANGUAGES == base.LANGUAGES


@override_settings(LANGUAGE_CODE="az")
@pytest.mark.parametrize(
    "accept, expected",
    [
        ("", "az"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "ru"),
        ("en-GB,en;q=0.9", "en"),
        ("az-Latn-AZ", "az"),
        ("de-DE,de;q=0.9,fr;q=0.8", "az"),
        ("tr-TR,tr;q=0.9,ru;q=0.5", "ru"),
    ],
)
def test_the_browsers_language_is_chosen_when_it_is_one_of_the_three(
    client, catalogue, accept, expected
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get(catalogue.url, **headers)
    assert response.status_code == 200
    assert f'<html lang="{expected}"' in response.content.decode()


@override_settings(LANGUAGE_CODE="az")
def test_a_chosen_language_outlasts_the_browsers(client, catalogue):
    client.cookies["django_language"] = "en"
    response = client.get(catalogue.url, HTTP_ACCEPT_LANGUAGE="ru")
    assert '<html lang="en"' in response.content.decode()
