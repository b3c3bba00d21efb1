"""The site header on phones: a menu button that needs JavaScript, a menu that doesn't."""

import re

import pytest
from django.urls import reverse

from library.factories import CopyFactory
from tests.helpers import site_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_page(client):
    site_home()
    CopyFactory()

    def get(**params):
        return client.get(reverse("library:catalogue"), params).content.decode()

    return get


def test_the_menu_button_controls_the_menu_and_starts_hidden_for_browsers_without_javascript(
    library_page,
):
    html = library_page()
    assert re.search(
        r'<button type="button" class="menu-button" aria-expanded="false" '
        r'aria-controls="site-menu" hidden>',
        html,
    )
    assert '<div class="site-menu" id="site-menu">' in html


def test_the_header_script_is_a_static_file_not_an_inline_script(library_page):
    scripts = re.findall(r"<script([^>]*)>", library_page())
    assert any('src="/static/js/site.js"' in attributes for attributes in scripts)
    assert all("src=" in attributes for attributes in scripts)


def test_the_library_filters_are_folded_until_one_is_in_use(library_page):
    folded = re.compile(r'<details class="filters__more" data-open-when-wide>')
    opened = re.compile(r'<details class="filters__more" data-open-when-wide open>')
    assert folded.search(library_page())
    assert folded.search(library_page(q="guide"))
    assert opened.search(library_page(kind="guide"))
    assert opened.search(library_page(available="on"))


def test_a_hostile_filter_value_does_not_open_or_break_the_panel(library_page):
    html = library_page(kind='"><script>alert(1)</script>')
    assert "<script>alert(1)</script>" not in html
    assert '<details class="filters__more" data-open-when-wide open>' in html


def test_every_page_links_the_favicon_and_the_logo(library_page):
    html = library_page()
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="32x32">' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<img class="site-logo" src="/static/img/logo.svg" alt=""' in html


def test_favicon_ico_leads_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]


def test_favicon_ico_answers_only_reads(client):
    assert client.post("/favicon.ico").status_code == 405
