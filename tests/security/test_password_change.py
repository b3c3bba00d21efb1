"""Only a signed-in user changes a password, and only their own."""

import pytest
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for method in (client.get, client.post):
        response = method(reverse("password_change"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_the_change_applies_to_the_signed_in_user_only(client, learner, other_learner):
    client.force_login(learner)
    new = "a-longer-new-passphrase-2026"
    client.post(
        reverse("password_change"),
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": new,
            "new_password2": new,
            # Fields naming another user are not part of the form and change nothing.
            "user": other_learner.pk,
            "username": other_learner.username,
        },
    )
    learner.refresh_from_db()
    other_learner.refresh_from_db()
    assert learner.check_password(new)
    assert other_learner.check_password(DEFAULT_PASSWORD)
