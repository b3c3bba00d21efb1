"""Factories for surveys: evaluation responses and a community survey page with groups."""

import datetime

import factory

from .models import CommunitySurveyPage, EvaluationResponse, RespondentGroup, SurveyFormField


class EvaluationResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationResponse

    course = None  # required: a course page
    month = factory.LazyFunction(lambda: datetime.date.today().replace(day=1))
    relevance = 4
    clarity = 4
    practice = 4
    workload = 3
    overall = 4
    would_recommend = True


def community_survey(parent, *, groups=(("Teachers", 50), ("Parents", 100)), **kwargs):
    """A published community survey under ``parent`` with respondent groups and one question."""
    page = CommunitySurveyPage(
        title=kwargs.pop("title", "School and community"),
        slug=kwargs.pop("slug", "community-survey"),
        **kwargs,
    )
    page.respondent_groups = [
        RespondentGroup(name=name, target=target, sort_order=index)
        for index, (name, target) in enumerate(groups)
    ]
    page.form_fields = [
        SurveyFormField(
            label="How often are you involved?",
            field_type="radio",
            choices="Never\nEvery term",
            required=True,
        )
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
