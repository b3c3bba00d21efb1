"""Hostile input meets the layout helpers: a region's label is escaped, the
catalogue's folding filters take any query string, /favicon.ico only reads."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from tests.helpers import site_home


def test_a_scroll_region_label_from_content_cannot_add_markup():
    html = Template(
        "{% load layout_tags %}{% scroll_region label %}<table></table>{% endscroll_region %}"
    ).render(Context({"label": '"><img src=x onerror=alert(1)>'}))
    assert "<img" not in html
    assert 'aria-labelledby="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"kind": "<svg onload=alert(1)>"},
        {"available": "x" * 5000},
        {"q": "\x00", "centre": "-1"},
        {"page": "999999"},
    ],
)
def test_the_catalogue_with_folding_filters_answers_any_query(client, params):
    site_home()
    response = client.get(reverse("library:catalogue"), params)
    assert response.status_code in (200, 404)
    assert b"<svg onload" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_favicon_ico_refuses_writes(client, method):
    assert getattr(client, method)("/favicon.ico").status_code == 405
