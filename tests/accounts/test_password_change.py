"""A learner changes their password on a page of the site, not Django admin's."""

import pytest
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-longer-new-passphrase-2026"


def test_the_password_change_page_is_the_sites_own(learner_client):
    response = learner_client.get(reverse("password_change"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "base.html" in [template.name for template in response.templates]
    assert '<header class="site-header">' in page
    assert "/django-admin/" not in page
    assert "<title>Change your password · Teacher Learning Platform</title>" in page
    for name in ("old_password", "new_password1", "new_password2"):
        assert f'<label for="id_{name}">' in page, name


def test_the_dashboard_links_it(learner_client):
    page = learner_client.get(reverse("lms:dashboard")).content.decode()
    assert reverse("password_change") in page


def test_a_learner_changes_their_password(learner_client, learner):
    response = learner_client.post(
        reverse("password_change"),
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "<h1>Your password has been changed</h1>" in page
    assert "/django-admin/" not in page
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_a_wrong_old_password_or_mismatched_new_ones_change_nothing(learner_client, learner):
    for data in (
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        {"old_password": DEFAULT_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "other"},
    ):
        response = learner_client.post(reverse("password_change"), data)
        assert response.status_code == 200
        assert 'class="field field--error"' in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(DEFAULT_PASSWORD)
