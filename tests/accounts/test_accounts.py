"""Sign up, sign in, sign out and password reset."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "nigar",
    "first_name": "Nigar",
    "last_name": "Karimova",
    "email": "nigar@example.org",
    "password1": "a-long-and-unusual-passphrase",
    "password2": "a-long-and-unusual-passphrase",
    "role": "teacher",
}


@pytest.fixture(autouse=True)
def district(db):
    from lms.models import District

    district = District.objects.get(slug="guba")
    SIGNUP["district"] = district.pk
    return district


def test_a_new_teacher_signs_up_and_is_signed_in(client):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="nigar")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert (user.learner_profile.role, user.learner_profile.district.name) == ("teacher", "Quba")


def test_sign_up_refuses_an_institution_in_another_district(client, district):
    from lms.models import District, Institution

    ganja = Institution.objects.create(
        name="Ganja State University",
        kind="university",
        district=District.objects.get(slug="ganja"),
    )
    response = client.post(reverse("signup"), {**SIGNUP, "institution": ganja.pk})
    assert "institution" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="nigar").exists()


def test_sign_up_refuses_an_email_already_in_use_whatever_its_case(client):
    UserFactory(username="first", email="Nigar@Example.org")
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="nigar").exists()


def test_sign_up_refuses_a_weak_password(client):
    response = client.post(reverse("signup"), {**SIGNUP, "password1": "123", "password2": "123"})
    assert "password2" in response.context["form"].errors


def test_sign_up_ignores_an_offsite_next_url(client):
    response = client.post(reverse("signup"), {**SIGNUP, "next": "https://evil.example/"})
    assert response.url == reverse("lms:dashboard")


def test_sign_in_and_sign_out(client):
    user = UserFactory()
    response = client.post(
        reverse("login"), {"username": user.username, "password": DEFAULT_PASSWORD}
    )
    assert response.url == reverse("lms:dashboard")
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link_by_email(client):
    user = UserFactory(email="teacher@example.org")
    client.post(reverse("password_reset"), {"email": "teacher@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    response = client.get(link, follow=True)
    assert response.context["validlink"]
    new_password = "another-long-passphrase"
    client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
