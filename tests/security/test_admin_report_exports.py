"""Wagtail's own admin reports download editors' text neutralised, like every export."""

import csv
import io

import pytest
from wagtail.log_actions import log

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def admin(client):
    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


def rows(response):
    text = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def test_the_site_history_download_neutralises_a_hostile_page_title(admin, home):
    home.title = HOSTILE
    home.save_revision().publish()
    log(home, "wagtail.edit", title=HOSTILE)
    response = admin.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    assert "'" + HOSTILE in cells
    assert HOSTILE not in cells


def test_the_locked_pages_download_neutralises_a_hostile_page_title(admin, home):
    home.title = "@SUM(A1:A9)"
    home.locked = True
    home.save()
    response = admin.get("/admin/reports/locked/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows(response)[1:] for cell in row]
    assert "'@SUM(A1:A9)" in cells
