"""Trainers revoke certificates and complete courses by hand in the Wagtail admin; others cannot."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import cohorts, services
from lms.models import Certificate, Cohort, ManualCompletion, Verb

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(catalogue, course, learner):
    """A trainer running the learner's cohort (their powers stop at the cohorts they run)."""
    ensure_authoring_roles(catalogue)
    user = UserFactory(username="trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    cohort = Cohort.objects.create(name="Guba 2026", programme="inclusive-education")
    cohorts.add_courses(cohort, [course])
    cohorts.add_members(cohort, [learner])
    cohort.trainers.add(user)
    return user


@pytest.fixture
def certificate(learner, enrolled, lessons):
    for lesson in lessons:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    return Certificate.objects.get()


def test_a_trainer_finds_and_revokes_a_certificate(client, trainer, certificate):
    client.force_login(trainer)
    listing = client.get(reverse("lms_admin:certificates"), {"q": certificate.code})
    assert certificate.code in listing.content.decode()
    url = reverse("lms_admin:revoke", args=[certificate.pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # reason required
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    client.post(url, {"reason": "Issued to the wrong person"})
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == trainer


def test_learners_cannot_revoke(client, learner, certificate):
    client.force_login(learner)
    response = client.post(reverse("lms_admin:revoke", args=[certificate.pk]), {"reason": "x"})
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_admin_users_without_the_permission_cannot_revoke(client, certificate):
    editor = UserFactory(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.post(reverse("lms_admin:revoke", args=[certificate.pk]), {"reason": "x"})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_a_trainer_completes_a_course_for_a_learner(client, trainer, learner, course):
    client.force_login(trainer)
    response = client.post(
        reverse("lms_admin:complete"),
        {"learner": learner.email, "course": course.pk, "reason": "Completed the workshop"},
    )
    assert response.status_code == 302
    assert ManualCompletion.objects.get().decided_by == trainer
    assert Certificate.objects.get().learner == learner


def test_an_unknown_learner_is_a_form_error(client, trainer, course):
    client.force_login(trainer)
    response = client.post(
        reverse("lms_admin:complete"), {"learner": "nobody", "course": course.pk, "reason": "x"}
    )
    assert response.status_code == 200 and response.context["form"].errors["learner"]
    assert not ManualCompletion.objects.exists()


def test_learners_cannot_complete_courses_by_hand(client, learner, course):
    client.force_login(learner)
    response = client.post(
        reverse("lms_admin:complete"),
        {"learner": learner.username, "course": course.pk, "reason": "x"},
    )
    assert response.status_code in (302, 403)
    assert not ManualCompletion.objects.exists()
