"""The admin's site history shows a trainer only the entries about the cohorts they run.

The attack: a trainer of the Guba cohort opened Reports → Site history and
read every entry about every cohort, certificate and manual completion,
because Wagtail shows all log entries about a model to anyone with a
permission on it: the Baku cohort's edits, the codes of the Baku certificates
revoked, the courses and learner ids of completions decided by hand, and who
at Baku did what, in the rows, the CSV download and the action and type
filters. Entries about cohorts and learners now go to ``lms.LearningLogEntry``
and are read within the reader's cohorts; programme managers read them all.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import cohorts, services
from lms.models import (
    Certificate,
    Cohort,
    District,
    Enrolment,
    LearningLogEntry,
    ManualCompletion,
)
from lms.roles import ensure_programme_managers

pytestmark = pytest.mark.django_db

SITE_HISTORY = "wagtailadmin_reports:site_history"


@pytest.fixture
def early_years(catalogue):
    """A course only the Baku cohort takes."""
    course = CoursePageFactory(parent=catalogue, title="Early years", slug="early-years")
    LessonPageFactory(parent=ModulePageFactory(parent=course, slug="early-years-module"))
    return course


@pytest.fixture
def guba_learner(db):
    return UserFactory(username="aysel", first_name="Aysel", last_name="Mammadova")


@pytest.fixture
def baku_learner(db):
    return UserFactory(username="murad", first_name="Murad", last_name="Aliyev")


def make_cohort(name, district, courses, members):
    cohort = Cohort.objects.create(
        name=name, programme="inclusive-education", district=District.objects.get(slug=district)
    )
    cohorts.add_courses(cohort, courses)
    cohorts.add_members(cohort, members)  # logged: lms.cohort_enrol
    return cohort


@pytest.fixture
def guba(course, guba_learner):
    return make_cohort("Guba 2026", "guba", [course], [guba_learner])


@pytest.fixture
def baku(course, early_years, baku_learner):
    return make_cohort("Baku 2026", "baku", [course, early_years], [baku_learner])


def make_trainer(catalogue, username, cohort):
    ensure_authoring_roles(catalogue)
    user = UserFactory(username=username, first_name=username.title())
    user.groups.add(Group.objects.get(name=TRAINERS))
    cohort.trainers.add(user)
    return user


@pytest.fixture
def trainer(catalogue, guba):
    return make_trainer(catalogue, "guba-trainer", guba)


@pytest.fixture
def baku_trainer(catalogue, baku):
    return make_trainer(catalogue, "baku-trainer", baku)


@pytest.fixture
def manager(db):
    user = UserFactory(username="manager")
    user.groups.add(ensure_programme_managers())
    return user


@pytest.fixture
def guba_history(client, trainer, guba, guba_learner, course):
    """The Guba trainer edits their cohort and revokes a certificate of their member."""
    client.force_login(trainer)
    response = client.post(
        reverse("cohort:edit", args=[guba.pk]),
        {
            "name": "Guba 2026 (spring)",
            "programme": "inclusive-education",
            "district": guba.district_id,
            "trainers": [trainer.pk],
            "courses": [course.pk],
        },
    )
    assert response.status_code == 302
    certificate = issue(guba_learner, course)
    services.revoke_certificate(certificate, revoked_by=trainer, reason="Guba: wrong name")
    client.logout()
    return certificate


@pytest.fixture
def baku_history(manager, baku_trainer, baku, baku_learner, early_years):
    """At Baku, the manager completes a course by hand and the Baku trainer revokes it."""
    certificate = services.complete_for_learner(
        baku_learner, early_years, decided_by=manager, reason="Baku: attended in person"
    )
    services.revoke_certificate(certificate, revoked_by=baku_trainer, reason="Baku: secret")
    log(baku, "wagtail.edit", user=baku_trainer)
    return certificate


def issue(learner, course):
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at="2026-05-01T10:00Z")
    enrolment.refresh_from_db()
    return services.issue_certificate(enrolment)


def content_type(model):
    return ContentType.objects.get_for_model(model)


def open_history(client, reader, **params):
    client.force_login(reader)
    response = client.get(reverse(SITE_HISTORY), params)
    assert response.status_code == 200
    return response


def lms_rows(response):
    """``(action, label)`` of each entry about lms objects the report lists."""
    return {
        (entry.action, entry.label)
        for entry in response.context["object_list"]
        if entry.content_type.app_label == "lms"
    }


def choices(response):
    form = response.context["filters"].form
    # Wagtail 8.0 offers the users of page entries only (SiteHistoryReportFilterSet
    # never calls its get_user_choices), and drops the filter when there are none.
    users = form.fields["user"].queryset if "user" in form.fields else []
    return {
        "users": {user.username for user in users},
        "actions": {value for value, _label in form.fields["action"].choices},
        "types": set(form.fields["object_type"].queryset),
    }


class TestSiteHistory:
    def test_a_trainer_sees_their_cohorts_entries_and_none_of_another_cohorts(
        self, client, trainer, guba_history, baku_history
    ):
        response = open_history(client, trainer)
        assert lms_rows(response) == {
            ("lms.cohort_enrol", "Guba 2026"),
            ("wagtail.edit", "Guba 2026 (spring)"),
            ("lms.revoke_certificate", guba_history.code),
        }
        page = response.content.decode()
        assert guba_history.code in page
        for secret in ("Baku 2026", baku_history.code, "Baku:"):
            assert secret not in page

    def test_a_trainer_does_not_see_their_member_on_a_course_outside_their_cohort(
        self, client, trainer, manager, guba_learner, early_years
    ):
        services.complete_for_learner(
            guba_learner, early_years, decided_by=manager, reason="Taken with another cohort"
        )
        rows = lms_rows(open_history(client, trainer))
        assert not [label for _action, label in rows if label.startswith("Early years")]

    def test_the_download_holds_only_their_cohorts_entries(
        self, client, trainer, guba_history, baku_history
    ):
        response = open_history(client, trainer, export="csv")
        content = response.getvalue().decode()
        assert guba_history.code in content
        assert "Baku 2026" not in content and baku_history.code not in content

    def test_the_filters_offer_only_the_users_actions_and_types_of_those_entries(
        self, client, trainer, guba_history, baku_history
    ):
        offered = choices(open_history(client, trainer))
        assert not {"baku-trainer", "manager"} & offered["users"]
        assert {"wagtail.edit", "lms.revoke_certificate", "lms.cohort_enrol"} <= offered["actions"]
        assert "lms.complete_for_learner" not in offered["actions"]
        assert content_type(ManualCompletion) not in offered["types"]
        assert {content_type(Cohort), content_type(Certificate)} <= offered["types"]

    @pytest.mark.parametrize("model", [Certificate, Cohort, ManualCompletion, Enrolment])
    def test_filtering_by_a_type_shows_nothing_of_another_cohort(
        self, client, trainer, guba_history, baku_history, model
    ):
        response = open_history(client, trainer, object_type=content_type(model).pk)
        labels = {label for _action, label in lms_rows(response)}
        assert not labels & {"Baku 2026", baku_history.code}
        assert not any("Early years" in label for label in labels)
        assert baku_history.code not in response.content.decode()

    def test_filtering_by_another_cohorts_trainer_shows_nothing_of_theirs(
        self, client, trainer, baku_trainer, guba_history, baku_history
    ):
        response = open_history(client, trainer, user=baku_trainer.pk)
        assert {label for _action, label in lms_rows(response)} <= {
            "Guba 2026",
            "Guba 2026 (spring)",
            guba_history.code,
        }

    def test_a_programme_manager_sees_every_cohorts_entries(
        self, client, manager, guba_history, baku_history
    ):
        response = open_history(client, manager)
        rows = lms_rows(response)
        assert ("lms.revoke_certificate", guba_history.code) in rows
        assert ("lms.revoke_certificate", baku_history.code) in rows
        assert ("wagtail.edit", "Baku 2026") in rows
        assert ("lms.complete_for_learner", f"Early years (#{baku_history.learner_id})") in rows
        offered = choices(response)
        assert "lms.complete_for_learner" in offered["actions"]
        assert content_type(ManualCompletion) in offered["types"]

    def test_a_superuser_sees_every_cohorts_entries(self, admin_client, guba_history, baku_history):
        response = admin_client.get(reverse(SITE_HISTORY))
        rows = lms_rows(response)
        assert ("lms.revoke_certificate", baku_history.code) in rows
        assert ("lms.revoke_certificate", guba_history.code) in rows

    def test_running_a_cohort_without_the_cohort_permission_shows_none_of_it(
        self, client, guba, guba_history, baku_history
    ):
        bystander = UserFactory(username="bystander")
        bystander.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        guba.trainers.add(bystander)
        assert lms_rows(open_history(client, bystander)) == set()

    def test_the_report_costs_the_same_number_of_queries_for_many_entries(
        self,
        client,
        trainer,
        guba,
        guba_learner,
        course,
        baku_history,
        django_assert_max_num_queries,
    ):
        # One entry of each kind first: each kind of object is looked up once.
        certificate = issue(guba_learner, course)
        log(certificate, "lms.revoke_certificate", user=trainer, title=certificate.code)
        url = reverse(SITE_HISTORY)
        client.force_login(trainer)
        client.get(url)  # warm the per-process caches (content types, locales)
        assert len(lms_rows(client.get(url))) == 2
        # A request empties the query log the counters slice (Django's reset_queries),
        # so each count starts from an empty log and is taken before the next request.
        reset_queries()
        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        limit = len(few)
        for n in range(10):
            log(guba, "wagtail.edit", user=UserFactory(username=f"editor-{n}"))
            log(certificate, "lms.revoke_certificate", user=trainer, title=certificate.code)
        reset_queries()
        with django_assert_max_num_queries(limit):
            response = client.get(url)
        assert len(response.context["object_list"]) >= 20


class TestHistoryOfOneCohort:
    def test_a_trainer_reads_their_cohorts_history_from_the_scoped_log(
        self, client, trainer, guba, guba_history
    ):
        client.force_login(trainer)
        response = client.get(reverse("cohort:history", args=[guba.pk]))
        assert response.status_code == 200
        assert {entry.action for entry in response.context["object_list"]} >= {
            "wagtail.edit",
            "lms.cohort_enrol",
        }


class TestLogging:
    def test_each_entry_says_which_cohort_or_learner_and_course_it_is_about(
        self, guba, guba_history, baku_history, guba_learner, baku_learner, course, early_years
    ):
        entries = LearningLogEntry.objects.all()
        assert {
            (e.content_type.model, e.action, e.cohort_id, e.learner_id, e.course_id)
            for e in entries
        } >= {
            ("cohort", "wagtail.edit", guba.pk, None, None),
            ("certificate", "lms.revoke_certificate", None, guba_learner.pk, course.pk),
            ("manualcompletion", "lms.complete_for_learner", None, baku_learner.pk, early_years.pk),
            ("certificate", "lms.revoke_certificate", None, baku_learner.pk, early_years.pk),
        }
        assert not ModelLogEntry.objects.filter(
            content_type__app_label="lms", content_type__model__in=["cohort", "certificate"]
        ).exists()

    def test_an_enrolment_by_staff_is_about_its_learner_and_course(self, learner, course):
        enrolment, _created = services.enrol(learner, course, method=Enrolment.Method.TRAINER)
        entry = LearningLogEntry.objects.get(action="lms.enrol")
        assert (entry.object_id, entry.learner_id, entry.course_id) == (
            str(enrolment.pk),
            learner.pk,
            course.pk,
        )


class TestOldEntries:
    """Entries Wagtail wrote to its own table before lms had a log move, with their scope."""

    def test_the_migration_moves_them_with_their_scope_and_the_trainer_sees_only_theirs(
        self, client, trainer, guba, baku, guba_learner, baku_learner, course, early_years, manager
    ):
        certificate = services.complete_for_learner(
            baku_learner, early_years, decided_by=manager, reason="Baku: attended in person"
        )
        decision = ManualCompletion.objects.create(
            learner=guba_learner, course=course, decided_by=manager, reason="Guba: by RPL"
        )
        LearningLogEntry.objects.all().delete()
        old = ModelLogEntry.objects
        old.log_action(guba, "wagtail.edit", user=trainer)
        old.log_action(baku, "wagtail.edit", user=manager)
        old.log_action(
            certificate,
            "lms.revoke_certificate",
            user=manager,
            title=certificate.code,
            data={"learner": baku_learner.pk, "reason": "Baku: secret"},
        )
        # An entry whose object is gone: its learner and course come from its data.
        guba_decision = f"{course.title} (#{guba_learner.pk})"
        old.log_action(
            decision,
            "lms.complete_for_learner",
            user=manager,
            title=guba_decision,
            data={"learner": guba_learner.pk, "course": course.pk, "reason": "Guba: by RPL"},
        )
        decision.delete()
        migration = importlib.import_module("lms.migrations.0009_move_learning_log_entries")

        migration.move_to_learning_log(apps, None)

        assert not ModelLogEntry.objects.filter(content_type__app_label="lms").exists()
        moved = {
            (e.action, e.cohort_id, e.learner_id, e.course_id)
            for e in LearningLogEntry.objects.all()
        }
        assert moved == {
            ("wagtail.edit", guba.pk, None, None),
            ("wagtail.edit", baku.pk, None, None),
            ("lms.revoke_certificate", None, baku_learner.pk, early_years.pk),
            ("lms.complete_for_learner", None, guba_learner.pk, course.pk),
        }
        assert lms_rows(open_history(client, trainer)) == {
            ("wagtail.edit", "Guba 2026"),
            ("lms.complete_for_learner", guba_decision),
        }

    def test_the_migration_moves_them_back(self, guba, trainer):
        log(guba, "wagtail.edit", user=trainer)
        migration = importlib.import_module("lms.migrations.0009_move_learning_log_entries")
        migration.move_back_to_wagtail_log(apps, None)
        assert not LearningLogEntry.objects.exists()
        assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(guba.pk)).exists()
