"""Staff actions leave an audit trail; a learner downloads their data; an admin erases it."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.privacy import erase_personal_data
from courses.roles import TRAINERS, ensure_authoring_roles
from library import services as library
from library.factories import CentreFactory, CentreStaffFactory, CopyFactory, PatronFactory
from lms import cohorts, reports, services
from lms.models import (
    Certificate,
    Cohort,
    District,
    Enrolment,
    LearnerProfile,
    LearningLogEntry,
    LessonProgress,
    Role,
    Verb,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(catalogue):
    ensure_authoring_roles(catalogue)
    user = UserFactory(username="trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


@pytest.fixture
def desk():
    centre = CentreFactory(name="Guba resource centre", code="gub", district="guba")
    staff = CentreStaffFactory(centre=centre, user=UserFactory(username="desk")).user
    return centre, staff


def actions(log=ModelLogEntry):
    return list(log.objects.order_by("pk").values_list("action", flat=True))


def test_manual_completion_and_revocation_are_logged_with_who_and_why(trainer, learner, course):
    certificate = services.complete_for_learner(
        learner, course, decided_by=trainer, reason="Attended the face-to-face course"
    )
    services.revoke_certificate(certificate, revoked_by=trainer, reason="Issued in error")
    entries = {entry.action: entry for entry in LearningLogEntry.objects.all()}
    assert {"lms.enrol", "lms.complete_for_learner", "lms.revoke_certificate"} <= set(entries)
    completion = entries["lms.complete_for_learner"]
    assert completion.user == trainer
    assert completion.data["reason"] == "Attended the face-to-face course"
    assert entries["lms.revoke_certificate"].data["reason"] == "Issued in error"
    assert learner.get_full_name() not in completion.label


def test_a_learner_enrolling_themselves_is_not_a_staff_action(learner, course):
    services.enrol(learner, course)
    assert actions() == actions(LearningLogEntry) == []


def test_cohort_enrolments_are_logged_once_per_change(learner, other_learner, course):
    cohort = Cohort.objects.create(name="Shaki pre-service")
    cohorts.add_courses(cohort, [course])
    cohorts.add_members(cohort, [learner, other_learner])
    entries = LearningLogEntry.objects.filter(action="lms.cohort_enrol")
    assert entries.count() == 1
    assert entries.get().data["enrolments"] == 2


def test_loans_renewals_and_returns_are_logged(desk, learner):
    centre, staff = desk
    patron = PatronFactory(user=learner, name="Aysel Mammadova", home_centre=centre)
    CopyFactory(home_centre=centre, barcode="GUB-0001")
    loan = library.checkout(staff, centre, patron, "GUB-0001")
    library.renew(loan, by=staff)
    library.checkin(staff, centre, "GUB-0001")
    assert actions() == ["library.checkout", "library.renew", "library.checkin"]
    assert all(entry.user == staff for entry in ModelLogEntry.objects.all())
    assert "Aysel" not in "".join(ModelLogEntry.objects.values_list("label", flat=True))


def test_the_site_history_report_shows_the_trail(admin_client, trainer, learner, course):
    services.complete_for_learner(learner, course, decided_by=trainer, reason="Met by RPL")
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Marked a learner&#x27;s course complete" in response.content.decode()


@pytest.fixture
def finished_learner(learner, enrolled, lessons, django_capture_on_commit_callbacks):
    learner.first_name, learner.last_name = "Aysel", "Məmmədova"
    learner.save()
    LearnerProfile.objects.create(
        user=learner, role=Role.TEACHER, district=District.objects.get(slug="guba")
    )
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    return learner


def test_a_learner_downloads_all_their_data_and_only_theirs(
    client, finished_learner, other_learner, course
):
    services.enrol(other_learner, course)
    client.force_login(finished_learner)
    response = client.get(reverse("my_data"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["username"] == finished_learner.username
    records = data["records"]
    assert records["lms.LearnerProfile"][0]["district__name"] == "Quba"
    assert [e["course__title"] for e in records["lms.Enrolment"]] == [course.title]
    assert len(records["lms.LessonProgress"]) == 4
    assert records["lms.Certificate"][0]["learner_name"] == "Aysel Məmmədova"
    assert records["lms.Certificate"][0]["linked_as"] == ["learner"]
    assert other_learner.username not in response.content.decode()


def test_the_dashboard_links_the_data_download(client, finished_learner):
    client.force_login(finished_learner)
    assert reverse("my_data") in client.get(reverse("lms:dashboard")).content.decode()


def test_anonymous_visitors_get_no_data(client):
    response = client.get(reverse("my_data"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_erasing_keeps_programme_totals_and_removes_the_person(
    finished_learner, other_learner, course, admin_user, desk
):
    centre, _staff = desk
    PatronFactory(
        user=finished_learner, name="Aysel Məmmədova", email="a@example.org", home_centre=centre
    )
    services.enrol(other_learner, course)
    before = (
        reports.rows_by_course(admin_user),
        reports.rows_by_district(admin_user),
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
    )

    erase_personal_data(finished_learner, by=admin_user)

    after = (
        reports.rows_by_course(admin_user),
        reports.rows_by_district(admin_user),
        Enrolment.objects.count(),
        LessonProgress.objects.count(),
        Certificate.objects.count(),
    )
    assert after == before
    person = get_user_model().objects.get(pk=finished_learner.pk)
    assert (person.username, person.first_name, person.last_name, person.email) == (
        f"erased-{person.pk}",
        "",
        "",
        "",
    )
    assert not person.is_active and not person.has_usable_password()
    assert Certificate.objects.get().learner_name != "Aysel Məmmədova"
    patron = centre.patrons.get()
    assert (patron.name, patron.email, patron.user) == ("Erased patron", "", None)
    assert ModelLogEntry.objects.filter(action="accounts.erase_personal_data").exists()


def test_an_erased_person_cannot_sign_in(client, finished_learner, admin_user):
    username = finished_learner.username
    erase_personal_data(finished_learner, by=admin_user)
    response = client.post(reverse("login"), {"username": username, "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_admin_erases_from_the_admin_and_others_cannot(
    client, admin_client, admin_user, finished_learner, trainer
):
    url = reverse("accounts_erase_user", args=[finished_learner.pk])
    client.force_login(trainer)
    refused = client.post(url, {"confirm": "on"})  # Wagtail sends the refused back to the dashboard
    assert (refused.status_code, refused.get("Location")) in ((403, None), (302, "/admin/"))
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert get_user_model().objects.get(pk=finished_learner.pk).is_active
    assert admin_client.post(url, {"confirm": "on"}).status_code == 302
    assert not get_user_model().objects.get(pk=finished_learner.pk).is_active
    own = reverse("accounts_erase_user", args=[admin_user.pk])
    admin_client.post(own, {"confirm": "on"})
    assert get_user_model().objects.get(pk=admin_user.pk).is_active
