"""Where sign-in lands: centre staff at their desk, everyone else on "My learning"."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from library.factories import CentreFactory, CentreStaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_staff():
    return CentreStaffFactory(centre=CentreFactory(code="bak1"), user=UserFactory()).user


def sign_in(client, user, **query):
    url = reverse("login")
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(url, {"username": user.username, "password": DEFAULT_PASSWORD})


def test_centre_staff_land_on_their_desk(client, desk_staff):
    response = sign_in(client, desk_staff)
    assert response.status_code == 302 and response.url == reverse("library:desk")


def test_a_learner_lands_on_my_learning(client, learner):
    response = sign_in(client, learner)
    assert response.status_code == 302 and response.url == reverse("lms:dashboard")


def test_a_safe_next_is_followed_by_staff_too(client, desk_staff):
    response = sign_in(client, desk_staff, next="/library/")
    assert response.url == "/library/"


def test_an_unsafe_next_is_refused_for_the_landing_page(client, desk_staff, learner):
    assert sign_in(client, desk_staff, next="https://evil.example/").url == reverse("library:desk")
    client.logout()
    assert sign_in(client, learner, next="//evil.example/").url == reverse("lms:dashboard")


def test_a_signed_in_staff_member_opening_sign_in_goes_to_the_desk(client, desk_staff):
    client.force_login(desk_staff)
    assert client.get(reverse("login")).url == reverse("library:desk")


def render_header_links(client, user):
    client.force_login(user)
    request = RequestFactory().get("/")
    request.user, request.session = user, client.session
    template = Template('{% include "library/includes/header_links.html" %}')
    return template.render(Context({"request": request})), request.session


def test_the_header_links_staff_to_the_desk_and_nobody_else(client, desk_staff, learner):
    html, _session = render_header_links(client, desk_staff)
    assert f'href="{reverse("library:desk")}"' in html and "Library desk" in html
    html, _session = render_header_links(client, learner)
    assert html.strip() == ""


def test_the_header_decides_once_per_session(client, learner, django_assert_num_queries, settings):
    html, session = render_header_links(client, learner)
    request = RequestFactory().get("/")
    request.user, request.session = learner, session
    with django_assert_num_queries(0):
        Template('{% include "library/includes/header_links.html" %}').render(
            Context({"request": request})
        )


def test_the_site_header_shows_staff_the_desk(client, desk_staff, learner):
    desk = f'href="{reverse("library:desk")}"'
    client.force_login(desk_staff)
    header = client.get(reverse("lms:dashboard")).content.decode().split("</header>")[0]
    assert desk in header
    client.force_login(learner)
    header = client.get(reverse("lms:dashboard")).content.decode().split("</header>")[0]
    assert desk not in header
