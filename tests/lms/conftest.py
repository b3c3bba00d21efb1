"""Fixtures of the programme reports: a cohort with progress, its trainer, a programme manager."""

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import cohorts, services
from lms.models import Cohort, District, LearnerProfile, Verb
from lms.roles import ensure_programme_managers


@pytest.fixture
def cohort(course, learner, other_learner, lessons):
    cohort = Cohort.objects.create(name="Shaki in-service", programme="inclusive-education")
    cohort.courses.add(course)
    cohorts.add_members(cohort, [learner, other_learner])
    shaki = District.objects.get(slug="shaki")
    LearnerProfile.objects.create(user=learner, district=shaki)
    for lesson in lessons:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    return cohort


@pytest.fixture
def trainer(catalogue, cohort):
    ensure_authoring_roles(catalogue)
    user = UserFactory(username="trainer")
    user.groups.add(Group.objects.get(name=TRAINERS))
    cohort.trainers.add(user)
    return user


@pytest.fixture
def manager(db):
    user = UserFactory(username="manager")
    user.groups.add(ensure_programme_managers())
    return user
