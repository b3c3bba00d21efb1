"""A password-reset request does not tell by its timing whether an account exists.

The request only enqueues a task with the address as typed; the look-up, the
token and the email happen in the task. Requests for a known and an unknown
address therefore do the same work and answer the same page.
"""

import re
from unittest import mock

import pytest
from django.contrib.auth.forms import PasswordResetForm
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_tasks import task_backends

from accounts.factories import UserFactory
from accounts.tasks import send_password_reset

pytestmark = pytest.mark.django_db

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def request_reset(client, email):
    """POST the reset form with tasks queued, not run; the answer, the tasks and the mail calls."""
    with (
        override_settings(TASKS=QUEUED),
        mock.patch.object(PasswordResetForm, "send_mail", autospec=True) as send_mail,
        mock.patch("django.core.mail.get_connection", wraps=mail.get_connection) as connect,
    ):
        response = client.post(reverse("password_reset"), {"email": email})
        queued = list(task_backends["default"].results)
    return response, queued, send_mail, connect


def run(result):
    return result.task.call(*result.args, **result.kwargs)


def test_a_known_address_is_answered_without_sending_mail_and_the_task_sends_it(client):
    UserFactory(email="teacher@example.org")
    response, queued, send_mail, connect = request_reset(client, "teacher@example.org")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert not send_mail.called
    assert not connect.called
    assert mail.outbox == []
    assert [result.task.name for result in queued] == [send_password_reset.name]

    run(queued[0])
    assert [message.to for message in mail.outbox] == [["teacher@example.org"]]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.startswith("http://testserver/accounts/reset/")
    assert client.get(link, follow=True).context["validlink"]


def test_an_unknown_address_gets_the_same_answer_and_the_task_sends_nothing(client):
    UserFactory(email="teacher@example.org")
    response, queued, send_mail, connect = request_reset(client, "nobody@example.org")
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert not send_mail.called
    assert not connect.called
    run(queued[0])
    assert mail.outbox == []


def test_known_and_unknown_addresses_enqueue_the_same_shape_of_work(client):
    UserFactory(email="teacher@example.org")
    known = request_reset(client, "teacher@example.org")
    unknown = request_reset(client, "nobody@example.org")
    assert known[0].url == unknown[0].url
    (known_task,), (unknown_task,) = known[1], unknown[1]
    assert known_task.task.name == unknown_task.task.name
    assert known_task.args == ["teacher@example.org"]
    assert unknown_task.args == ["nobody@example.org"]
    assert known_task.kwargs == unknown_task.kwargs


def test_the_request_does_not_look_the_address_up(client):
    """No query about the address runs inside the request: the task makes it."""
    UserFactory(email="teacher@example.org")
    with override_settings(TASKS=QUEUED), mock.patch.object(PasswordResetForm, "get_users") as look:
        client.post(reverse("password_reset"), {"email": "teacher@example.org"})
    assert not look.called


def test_the_email_is_in_the_language_the_reset_was_asked_in(client):
    UserFactory(email="teacher@example.org")
    client.cookies["django_language"] = "ru"
    _response, queued, *_calls = request_reset(client, "teacher@example.org")
    assert queued[0].kwargs["language"] == "ru"
