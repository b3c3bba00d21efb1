"""A trainer's certificate and cohort powers stop at the cohorts they run.

The attack: a trainer of the Guba cohort issued a certificate to a Baku
learner and to themself, listed every certificate with other cohorts' names,
revoked another cohort's certificate, and opened the history and usage views
of cohorts they do not run. Out-of-scope objects answer 404 and nothing
changes; programme managers act on everyone, but nobody on themself.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import connection, reset_queries
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import cohorts, services
from lms.models import Certificate, Cohort, CourseRules, District, ManualCompletion
from lms.roles import ensure_programme_managers
from lms.wagtail_hooks import CohortViewSet

pytestmark = pytest.mark.django_db

COHORT_VIEWS_OF_ONE = ["edit", "delete", "history", "history_results", "usage", "copy"]


def make_course(catalogue, title, slug):
    course = CoursePageFactory(parent=catalogue, title=title, slug=slug)
    LessonPageFactory(parent=ModulePageFactory(parent=course, slug=f"{slug}-module"))
    return course


@pytest.fixture
def early_years(catalogue):
    """A course only the Baku cohort takes."""
    return make_course(catalogue, "Early years", "early-years")


@pytest.fixture
def guba_learner(db):
    return UserFactory(username="aysel", first_name="Aysel", last_name="Mammadova")


@pytest.fixture
def baku_learner(db):
    return UserFactory(username="murad", first_name="Murad", last_name="Aliyev")


@pytest.fixture
def guba(course, guba_learner):
    cohort = Cohort.objects.create(
        name="Guba 2026",
        programme="inclusive-education",
        district=District.objects.get(slug="guba"),
    )
    cohorts.add_courses(cohort, [course])
    cohorts.add_members(cohort, [guba_learner])
    return cohort


@pytest.fixture
def baku(course, early_years, baku_learner):
    cohort = Cohort.objects.create(
        name="Baku 2026",
        programme="inclusive-education",
        district=District.objects.get(slug="baku"),
    )
    cohorts.add_courses(cohort, [course, early_years])
    cohorts.add_members(cohort, [baku_learner])
    return cohort


@pytest.fixture
def manager(db):
    user = UserFactory(username="manager")
    user.groups.add(ensure_programme_managers())
    return user


@pytest.fixture
def trainer(catalogue, guba, baku):
    """The Guba cohort's trainer, given every cohort permission so only scope stops them."""
    ensure_authoring_roles(catalogue)
    user = UserFactory(username="guba-trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="lms", codename__in=["add_cohort", "delete_cohort"]
        )
    )
    guba.trainers.add(user)
    return user


@pytest.fixture
def certify(manager):
    def certify(learner, course):
        return services.complete_for_learner(
            learner, course, decided_by=manager, reason="Attended the workshop"
        )

    return certify


@pytest.fixture
def guba_certificate(certify, guba_learner, course):
    return certify(guba_learner, course)


@pytest.fixture
def baku_certificate(certify, baku_learner, course):
    return certify(baku_learner, course)


def complete(client, learner, course, reason="Attended the face-to-face course"):
    return client.post(
        reverse("lms_admin:complete"),
        {"learner": learner.username, "course": course.pk, "reason": reason},
    )


class TestManualCompletion:
    def test_a_trainer_cannot_complete_a_course_for_a_learner_of_another_cohort(
        self, client, trainer, baku_learner, course
    ):
        client.force_login(trainer)
        response = complete(client, baku_learner, course)
        assert response.status_code == 200
        assert response.context["form"].errors["learner"] == [
            "No learner in your cohorts has this username or email."
        ]
        assert not ManualCompletion.objects.exists()
        assert not Certificate.objects.exists()

    def test_the_form_says_the_same_for_an_account_that_does_not_exist(
        self, client, trainer, course
    ):
        client.force_login(trainer)
        response = client.post(
            reverse("lms_admin:complete"),
            {"learner": "nobody@example.org", "course": course.pk, "reason": "x"},
        )
        assert response.context["form"].errors["learner"] == [
            "No learner in your cohorts has this username or email."
        ]

    def test_a_trainer_is_offered_only_their_cohorts_courses(
        self, client, trainer, course, early_years
    ):
        client.force_login(trainer)
        form = client.get(reverse("lms_admin:complete")).context["form"]
        assert list(form.fields["course"].queryset) == [CourseRules.objects.get(pk=course.pk)]

    def test_a_trainer_cannot_complete_another_cohorts_course(
        self, client, trainer, guba_learner, early_years
    ):
        client.force_login(trainer)
        response = complete(client, guba_learner, early_years)
        assert response.context["form"].errors["course"]
        assert not ManualCompletion.objects.exists()

    def test_a_trainer_cannot_complete_a_course_their_learner_does_not_take_with_them(
        self, client, trainer, guba_learner, early_years
    ):
        evening = Cohort.objects.create(name="Guba evening", programme="inclusive-education")
        cohorts.add_courses(evening, [early_years])
        evening.trainers.add(trainer)
        client.force_login(trainer)
        response = complete(client, guba_learner, early_years)
        assert response.context["form"].errors["course"] == [
            "This learner is not in a cohort of yours that takes this course."
        ]
        assert not ManualCompletion.objects.exists()

    def test_a_trainer_cannot_complete_a_course_for_themself(self, client, trainer, guba, course):
        cohorts.add_members(guba, [trainer])
        client.force_login(trainer)
        response = complete(client, trainer, course)
        assert response.context["form"].errors["learner"] == [
            "You cannot complete a course for yourself."
        ]
        assert not ManualCompletion.objects.exists()
        assert not Certificate.objects.exists()

    def test_a_trainer_completes_a_course_for_their_own_cohorts_learner(
        self, client, trainer, guba_learner, course
    ):
        client.force_login(trainer)
        response = complete(client, guba_learner, course)
        assert response.status_code == 302
        assert ManualCompletion.objects.get().decided_by == trainer
        assert Certificate.objects.get().learner == guba_learner

    def test_a_programme_manager_completes_a_course_for_any_learner(
        self, client, manager, baku_learner, early_years
    ):
        client.force_login(manager)
        assert complete(client, baku_learner, early_years).status_code == 302
        assert Certificate.objects.get().learner == baku_learner

    def test_a_programme_manager_cannot_complete_a_course_for_themself(
        self, client, manager, baku, course
    ):
        cohorts.add_members(baku, [manager])
        client.force_login(manager)
        response = complete(client, manager, course)
        assert response.context["form"].errors["learner"] == [
            "You cannot complete a course for yourself."
        ]
        assert not Certificate.objects.exists()

    def test_a_superuser_cannot_complete_a_course_for_themself(self, client, admin_user, course):
        client.force_login(admin_user)
        response = complete(client, admin_user, course)
        assert response.context["form"].errors["learner"]
        assert not Certificate.objects.exists()

    def test_the_service_refuses_a_decision_about_oneself_even_from_a_superuser(
        self, admin_user, course
    ):
        with pytest.raises(ValidationError):
            services.complete_for_learner(
                admin_user, course, decided_by=admin_user, reason="I did the work"
            )
        assert not ManualCompletion.objects.exists()
        assert not Certificate.objects.exists()


class TestCertificateList:
    def test_a_trainer_lists_only_their_cohorts_certificates(
        self, client, trainer, guba_certificate, baku_certificate
    ):
        client.force_login(trainer)
        page = client.get(reverse("lms_admin:certificates")).content.decode()
        assert guba_certificate.code in page and "Aysel Mammadova" in page
        assert baku_certificate.code not in page and "Murad Aliyev" not in page

    @pytest.mark.parametrize("query", ["code", "Murad", "Inclusive"])
    def test_a_trainer_cannot_find_another_cohorts_certificate_by_search(
        self, client, trainer, guba_certificate, baku_certificate, query
    ):
        client.force_login(trainer)
        query = baku_certificate.code if query == "code" else query
        response = client.get(reverse("lms_admin:certificates"), {"q": query})
        assert baku_certificate not in response.context["certificates"]
        assert "Murad Aliyev" not in response.content.decode()

    def test_a_certificate_for_a_course_outside_the_trainers_cohorts_is_not_listed(
        self, client, trainer, guba_learner, early_years, certify
    ):
        """The learner is the trainer's, but the course is not one the trainer runs."""
        certificate = certify(guba_learner, early_years)
        client.force_login(trainer)
        page = client.get(reverse("lms_admin:certificates")).content.decode()
        assert certificate.code not in page

    def test_a_programme_manager_lists_every_certificate(
        self, client, manager, guba_certificate, baku_certificate
    ):
        client.force_login(manager)
        page = client.get(reverse("lms_admin:certificates")).content.decode()
        assert guba_certificate.code in page and baku_certificate.code in page

    def test_the_list_costs_the_same_number_of_queries_for_many_certificates(
        self,
        client,
        trainer,
        guba,
        course,
        certify,
        guba_certificate,
        django_assert_max_num_queries,
    ):
        client.force_login(trainer)
        url = reverse("lms_admin:certificates")
        client.get(url)  # warm the per-process caches (content types, locales)
        # A test-client request empties the query log when it starts: empty it first,
        # so each count below is the whole request's.
        reset_queries()
        with CaptureQueriesContext(connection) as one:
            client.get(url)
        baseline = len(one.captured_queries)  # read now: the log is emptied again below
        learners = [UserFactory(username=f"guba{index}") for index in range(20)]
        cohorts.add_members(guba, learners)
        for learner in learners:
            certify(learner, course)
        reset_queries()
        with django_assert_max_num_queries(baseline):
            response = client.get(url)
        assert len(response.context["certificates"]) == 21


class TestRevoke:
    def test_a_trainer_cannot_revoke_another_cohorts_certificate(
        self, client, trainer, baku_certificate
    ):
        client.force_login(trainer)
        url = reverse("lms_admin:revoke", args=[baku_certificate.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "Issued in error"}).status_code == 404
        baku_certificate.refresh_from_db()
        assert not baku_certificate.is_revoked and baku_certificate.revoke_reason == ""

    def test_a_trainer_revokes_their_own_cohorts_certificate(
        self, client, trainer, guba_certificate
    ):
        client.force_login(trainer)
        url = reverse("lms_admin:revoke", args=[guba_certificate.pk])
        assert client.post(url, {"reason": "Issued in error"}).status_code == 302
        guba_certificate.refresh_from_db()
        assert guba_certificate.is_revoked and guba_certificate.revoked_by == trainer

    def test_a_programme_manager_revokes_any_certificate(self, client, manager, baku_certificate):
        client.force_login(manager)
        url = reverse("lms_admin:revoke", args=[baku_certificate.pk])
        assert client.post(url, {"reason": "Issued in error"}).status_code == 302
        baku_certificate.refresh_from_db()
        assert baku_certificate.is_revoked


class TestCohortViews:
    def test_every_view_of_one_cohort_is_tested_here(self):
        """A view the viewset gains later (inspect, reorder…) must join the lists below."""
        namespace = get_resolver().namespace_dict["cohort"][1]
        names = {
            pattern.name
            for pattern in namespace.url_patterns
            if "pk" in str(pattern.pattern) and pattern.name
        }
        assert names == set(COHORT_VIEWS_OF_ONE)

    @pytest.mark.parametrize("name", COHORT_VIEWS_OF_ONE)
    def test_a_trainer_cannot_open_another_cohorts_view(self, client, trainer, baku, name):
        client.force_login(trainer)
        assert client.get(reverse(f"cohort:{name}", args=[baku.pk])).status_code == 404

    @pytest.mark.parametrize("name", ["edit", "delete", "copy"])
    def test_a_trainer_cannot_change_another_cohort(self, client, trainer, baku, name):
        client.force_login(trainer)
        response = client.post(
            reverse(f"cohort:{name}", args=[baku.pk]),
            {"name": "Taken over", "programme": "vet", "trainers": [trainer.pk]},
        )
        assert response.status_code == 404
        baku.refresh_from_db()
        assert baku.name == "Baku 2026" and not baku.trainers.exists()
        assert Cohort.objects.count() == 2

    @pytest.mark.parametrize("name", COHORT_VIEWS_OF_ONE)
    def test_a_trainer_opens_their_own_cohorts_view(self, client, trainer, guba, name):
        client.force_login(trainer)
        assert client.get(reverse(f"cohort:{name}", args=[guba.pk])).status_code == 200

    @pytest.mark.parametrize("name", COHORT_VIEWS_OF_ONE)
    def test_a_programme_manager_opens_any_cohorts_view(self, client, manager, baku, name):
        client.force_login(manager)
        assert client.get(reverse(f"cohort:{name}", args=[baku.pk])).status_code == 200

    def test_the_inspect_view_is_scoped_too_if_it_is_turned_on(self, trainer, guba, baku):
        viewset = CohortViewSet(name="cohort", inspect_view_enabled=True)
        request = RequestFactory().get("/")
        request.user = trainer
        with pytest.raises(Http404):
            viewset.inspect_view(request, pk=baku.pk)
        assert viewset.inspect_view(request, pk=guba.pk).status_code == 200
