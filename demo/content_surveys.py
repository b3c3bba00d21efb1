"""Demo survey: the school-community relations survey, with answers so far.

The survey follows the "Umid" project's study of community-school relations
in Bakı: 175 respondents in five groups. Answers are made up, from a fixed
random seed, so a re-run builds the same numbers and adds nothing.
"""

import random

from courses.starter import publish
from surveys.models import CommunitySurveyPage, RespondentGroup

SURVEY = {
    "title": "School and community: how do we work together?",
    "slug": "school-community-survey",
    "intro": (
        "<p>This survey studies how schools in Bakı work with parents, local "
        "businesses, respected community members and local government, and what would "
        "bring them closer. It takes five minutes. Answers are anonymous.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you. The results will be discussed at a round table with community "
        "representatives, school staff, education experts and NGOs, and a package of "
        "proposals will go to the Ministry of Science and Education.</p>"
    ),
}

GROUPS = [
    ("Teachers", 50),
    ("Parents", 100),
    ("Business owners", 10),
    ("Influential community members", 10),
    ("Local government", 5),
]

FIELDS = [
    # label, field_type, choices, required
    (
        "How often does the school involve you in its decisions?",
        "radio",
        "Never\nOnce a year\nEvery term\nEvery month",
        True,
    ),
    (
        "How would you rate relations between the school and the community?",
        "dropdown",
        "Poor\nFair\nGood\nVery good",
        True,
    ),
    (
        "How could you support the school?",
        "checkboxes",
        "Volunteering\nMoney or materials\nWork placements\nExpert talks\nNone",
        False,
    ),
    ("Your suggestion for closer school-community relations", "multiline", "", False),
]

# Answers per group so far (the survey is under way: some groups reached their target).
ANSWERED = {
    "Teachers": 42,
    "Parents": 61,
    "Business owners": 10,
    "Influential community members": 6,
    "Local government": 3,
}


def build(home):
    """Create the community survey with its answers so far (idempotent).

    The course evaluations come from the demo's learners as they complete
    their courses (:mod:`demo.content_cohorts`).
    """
    community_survey(home)


def community_survey(home):
    from django.apps import apps

    if CommunitySurveyPage.objects.filter(slug=SURVEY["slug"]).exists():
        return
    page = CommunitySurveyPage(**SURVEY)
    page.respondent_groups = [
        RespondentGroup(name=name, target=target, sort_order=index)
        for index, (name, target) in enumerate(GROUPS)
    ]
    SurveyFormField = apps.get_model("surveys", "SurveyFormField")
    page.form_fields = [
        SurveyFormField(
            label=label, field_type=field_type, choices=choices, required=required, sort_order=i
        )
        for i, (label, field_type, choices, required) in enumerate(FIELDS)
    ]
    home.add_child(instance=page)
    publish(page)
    page.refresh_from_db()
    rng = random.Random(175)
    fields = list(page.form_fields.all())
    for group in page.respondent_groups.all():
        for _index in range(ANSWERED[group.name]):
            data = {"respondent_group": group.name}
            for field in fields:
                options = field.choices.splitlines()
                if field.field_type in ("radio", "dropdown"):
                    data[field.clean_name] = rng.choice(options)
                elif field.field_type == "checkboxes":
                    data[field.clean_name] = rng.sample(options[:-1], rng.randint(0, 2))
                else:
                    data[field.clean_name] = ""
            page.get_submission_class().objects.create(page=page, group=group, form_data=data)
