"""Learners who completed a course, a trainer running their cohort, and a community survey."""

import pytest
from django.contrib.auth.models import Group

from accounts.factories import UserFactory
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import services
from lms.models import Cohort
from surveys.models import CommunitySurveyPage, RespondentGroup, SurveyFormField

GOOD = {
    "relevance": "5",
    "clarity": "4",
    "practice": "4",
    "workload": "3",
    "overall": "5",
    "would_recommend": "yes",
    "comment": "More village examples.",
}


def complete_course(learner, course):
    services.enrol(learner, course)
    registrar = UserFactory(username="registrar")  # nobody completes a course for themself
    services.complete_for_learner(learner, course, decided_by=registrar, reason="test")


@pytest.fixture
def cohort(course):
    cohort = Cohort.objects.create(name="Guba 2026", programme="inclusive-education")
    cohort.courses.add(course)
    return cohort


@pytest.fixture
def graduates(course, cohort):
    learners = [UserFactory(username=f"graduate{index}") for index in range(4)]
    for learner in learners:
        cohort.members.add(learner)
        complete_course(learner, course)
    return learners


@pytest.fixture
def trainer(catalogue, cohort):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    cohort.trainers.add(trainer)
    return trainer


@pytest.fixture
def survey(home):
    page = CommunitySurveyPage(title="School and community", slug="community-survey")
    page.respondent_groups = [
        RespondentGroup(name="Teachers", target=2, sort_order=0),
        RespondentGroup(name="Parents", target=4, sort_order=1),
    ]
    page.form_fields = [
        SurveyFormField(
            label="How often are you involved?",
            field_type="radio",
            choices="Never\nEvery term",
            required=True,
            sort_order=0,
        ),
        SurveyFormField(
            label="How could you help?",
            field_type="checkboxes",
            choices="Volunteering\nMaterials",
            required=False,
            sort_order=1,
        ),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return CommunitySurveyPage.objects.get(pk=page.pk)
