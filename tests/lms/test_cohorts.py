"""Cohorts enrol their members in their courses, and each trainer sees only their own cohorts."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import cohorts
from lms.models import Cohort, CohortMembership, District, Enrolment
from lms.roles import PROGRAMME_MANAGERS, ensure_programme_managers

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(course):
    cohort = Cohort.objects.create(name="ASPU Guba 2026", programme="inclusive-education")
    cohort.courses.add(course)
    return cohort


def test_the_seven_resource_centre_districts_are_seeded():
    names = set(District.objects.values_list("name", flat=True))
    assert {"Bakı", "Sumqayıt", "Gəncə", "Quba", "Şəki", "Ağcabədi", "Qazax"} <= names
    assert len(names) > 60


def test_members_are_enrolled_in_the_cohorts_courses(cohort, course, learner, other_learner):
    assert cohorts.add_members(cohort, [learner, other_learner]) == 2
    enrolments = Enrolment.objects.filter(course=course)
    assert {e.learner for e in enrolments} == {learner, other_learner}
    assert {e.method for e in enrolments} == {Enrolment.Method.COHORT}


def test_a_member_added_later_is_enrolled(cohort, course, learner):
    CohortMembership.objects.create(cohort=cohort, learner=learner)
    assert Enrolment.objects.filter(learner=learner, course=course).exists()


def test_a_course_added_later_enrols_every_member(cohort, catalogue, learner, other_learner):
    cohorts.add_members(cohort, [learner, other_learner])
    later = CoursePageFactory(parent=catalogue, slug="later")
    LessonPageFactory(parent=ModulePageFactory(parent=later))
    cohort.courses.add(later)
    assert Enrolment.objects.filter(course=later).count() == 2


def test_existing_enrolments_and_progress_are_kept(cohort, course, learner, enrolled, lessons):
    from lms import services
    from lms.models import Verb

    services.record_learning(learner, lessons[0].lesson_uuid, Verb.MARKED_COMPLETE)
    assert cohorts.add_members(cohort, [learner]) == 0
    enrolment = Enrolment.objects.get(learner=learner, course=course)
    assert enrolment.method == Enrolment.Method.SELF and enrolment.lessons_completed == 1


def test_adding_the_same_members_twice_changes_nothing(cohort, learner):
    cohorts.add_members(cohort, [learner])
    cohorts.add_members(cohort, [learner])
    assert cohort.memberships.count() == 1 and Enrolment.objects.count() == 1


class TestWhoSeesCohorts:
    @pytest.fixture
    def trainers(self, catalogue):
        ensure_authoring_roles(catalogue)
        group = Group.objects.get(name=TRAINERS)
        mine, theirs = UserFactory(username="mine"), UserFactory(username="theirs")
        mine.groups.add(group)
        theirs.groups.add(group)
        return mine, theirs

    def test_a_trainer_lists_only_the_cohorts_they_run(self, client, cohort, trainers):
        mine, theirs = trainers
        cohort.trainers.add(mine)
        Cohort.objects.create(name="Sumgayit in-service", programme="inclusive-education")
        client.force_login(mine)
        page = client.get(reverse("cohort:index")).content.decode()
        assert "ASPU Guba 2026" in page and "Sumgayit in-service" not in page
        client.force_login(theirs)
        assert "ASPU Guba 2026" not in client.get(reverse("cohort:index")).content.decode()

    def test_a_trainer_cannot_edit_another_trainers_cohort(self, client, cohort, trainers):
        mine, theirs = trainers
        cohort.trainers.add(mine)
        client.force_login(theirs)
        response = client.get(reverse("cohort:edit", args=[cohort.pk]))
        assert response.status_code == 404  # as if it did not exist

    def test_a_programme_manager_sees_every_cohort(self, client, cohort):
        manager = UserFactory(username="manager")
        manager.groups.add(ensure_programme_managers())
        client.force_login(manager)
        assert "ASPU Guba 2026" in client.get(reverse("cohort:index")).content.decode()
        assert Group.objects.filter(name=PROGRAMME_MANAGERS).exists()

    def test_learners_cannot_see_cohorts(self, client, cohort, learner):
        client.force_login(learner)
        response = client.get(reverse("cohort:index"))
        assert response.status_code == 302
