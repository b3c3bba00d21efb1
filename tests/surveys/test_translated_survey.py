"""The community survey in three languages: each translation asks its questions, choices
and groups in its own language, and the results count every language together."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from demo.translations import translate
from surveys.models import CommunitySurveyPage, RespondentGroup, SurveyFormField, SurveySubmission
from surveys.reports import results_by_group

pytestmark = pytest.mark.django_db

AZ = {
    "School and community": "Məktəb və icma",
    "Teachers": "Müəllimlər",
    "Parents": "Valideynlər",
    "How often are you involved?": "Nə qədər tez-tez cəlb olunursunuz?",
    "Never<br/>Every term": "Heç vaxt<br/>Hər rüb",
    "How could you help?": "Necə kömək edə bilərsiniz?",
    "Volunteering<br/>Materials": "Könüllülük<br/>Materiallar",
}
RU = {
    "School and community": "Школа и сообщество",
    "Teachers": "Учителя",
    "Parents": "Родители",
    "How often are you involved?": "Как часто вас привлекают?",
    "Never<br/>Every term": "Никогда<br/>Каждую четверть",
    "How could you help?": "Чем вы могли бы помочь?",
    "Volunteering<br/>Materials": "Волонтёрство<br/>Материалы",
}


@pytest.fixture
def translated(home, survey):
    """The survey in Azerbaijani and Russian, translated with wagtail-localize as the demo is.

    wagtail-localize shows a choice list's line breaks as ``<br/>`` to translators.
    """
    pages = {}
    for language, strings in (("az", AZ), ("ru", RU)):
        translate(home, language, {})
        page = translate(survey, language, strings)
        pages[language] = CommunitySurveyPage.objects.get(pk=page.pk)
    return pages


def in_language(client, page):
    """The reader's language picks the translation served at the survey's address."""
    client.cookies["django_language"] = page.locale.language_code
    return client


def answer(client, page, group_place, often, help_with=()):
    group = page.respondent_groups.order_by("sort_order")[group_place]
    return in_language(client, page).post(
        page.url,
        {
            "respondent_group": group.pk,
            "how_often_are_you_involved": often,
            "how_could_you_help": list(help_with),
        },
    )


def test_the_azerbaijani_survey_asks_its_questions_choices_and_groups_in_azerbaijani(
    client, survey, translated
):
    az = translated["az"]
    content = in_language(client, az).get(az.url).content.decode()
    for text in (
        "Nə qədər tez-tez cəlb olunursunuz?",
        "Heç vaxt",
        "Hər rüb",
        "Necə kömək edə bilərsiniz?",
        "Könüllülük",
        "Müəllimlər",
        "Valideynlər",
    ):
        assert text in content
    assert "How often are you involved?" not in content and "Teachers" not in content


def test_a_translated_question_keeps_its_sources_name_and_its_groups_their_keys(survey, translated):
    for page in translated.values():
        fields = SurveyFormField.objects.filter(page=page).order_by("sort_order")
        source = SurveyFormField.objects.filter(page=survey).order_by("sort_order")
        assert [f.clean_name for f in fields] == [f.clean_name for f in source]
        assert [f.translation_key for f in fields] == [f.translation_key for f in source]
        assert {f.locale_id for f in fields} == {page.locale_id}
        assert len(fields[0].choices.splitlines()) == 2
        groups = RespondentGroup.objects.filter(page=page).order_by("sort_order")
        assert [g.translation_key for g in groups] == [
            g.translation_key for g in survey.respondent_groups.order_by("sort_order")
        ]


def test_answers_in_russian_and_azerbaijani_are_counted_together_under_the_source_choice(
    client, survey, translated
):
    answer(client, translated["ru"], 1, "Каждую четверть", ["Материалы"])
    answer(client, translated["az"], 1, "Hər rüb", ["Materiallar", "Könüllülük"])
    answer(client, survey, 0, "Never")
    assert SurveySubmission.objects.count() == 3
    groups, results = results_by_group(survey)
    assert [(g.name, g.n) for g in groups] == [("Teachers", 1), ("Parents", 2)]
    often = {row["answer"]: row["counts"] for row in results[0]["rows"]}
    assert often == {"Never": [1, 0], "Every term": [0, 2]}
    helping = {row["answer"]: row["total"] for row in results[1]["rows"]}
    assert helping == {"Volunteering": 1, "Materials": 2}
    # Seen from a translation, the same counts under its own words.
    groups, results = results_by_group(translated["az"])
    assert [(g.name, g.n) for g in groups] == [("Müəllimlər", 1), ("Valideynlər", 2)]
    often = {row["answer"]: row["counts"] for row in results[0]["rows"]}
    assert often == {"Heç vaxt": [1, 0], "Hər rüb": [0, 2]}


def test_the_progress_on_a_translation_counts_every_language(client, survey, translated):
    answer(client, translated["ru"], 0, "Никогда")
    content = in_language(client, translated["az"]).get(translated["az"].url).content.decode()
    assert "Müəllimlər: 2-dən 1" in content


@pytest.mark.django_db(transaction=True)
def test_the_migration_puts_existing_questions_and_groups_in_their_pages_locale(survey):
    """Rows made before the fields existed get their page's locale and a key each."""
    executor = MigrationExecutor(connection)
    executor.migrate([("surveys", "0001_evaluations_and_community_surveys")])
    executor = MigrationExecutor(connection)
    executor.migrate([("surveys", "0003_existing_questions_and_groups_in_their_pages_locale")])
    apps = executor.loader.project_state(
        ("surveys", "0003_existing_questions_and_groups_in_their_pages_locale")
    ).apps
    for name in ("RespondentGroup", "SurveyFormField"):
        rows = apps.get_model("surveys", name).objects.filter(page_id=survey.pk)
        assert {row.locale_id for row in rows} == {survey.locale_id}
        keys = [row.translation_key for row in rows]
        assert None not in keys and len(set(keys)) == len(keys) == 2
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert RespondentGroup.objects.filter(page=survey, locale=survey.locale).count() == 2


def test_results_of_a_translated_survey_cost_no_more_queries(
    admin_client, client, survey, translated, django_assert_max_num_queries
):
    url = f"/admin/surveys/community/{translated['az'].pk}/"
    answer(client, survey, 0, "Never")
    admin_client.get(url)
    for _index in range(5):
        answer(client, translated["ru"], 1, "Никогда", ["Материалы"])
        answer(client, translated["az"], 1, "Hər rüb", ["Könüllülük"])
    with django_assert_max_num_queries(16):
        content = admin_client.get(url).content.decode()
    assert "Valideynlər: 10 / 4" in content


def test_a_translation_with_another_number_of_choices_is_refused_with_the_question_named(
    home, survey
):
    """A choice added (or merged) in a translation would be counted under the wrong
    source choice: wagtail-localize cannot save it, and says which question to fix."""
    from django.core.exceptions import ValidationError

    translate(home, "az", {})
    strings = {**AZ, "Never<br/>Every term": "Heç vaxt<br/>Bəzən<br/>Hər rüb"}
    with pytest.raises(ValidationError, match="Nə qədər tez-tez cəlb olunursunuz"):
        translate(survey, "az", strings)
    # The source may change its own choices: only a translation is held to its source.
    source = CommunitySurveyPage.objects.get(pk=survey.pk)
    source.full_clean()
    assert source.translation_source_page() is None


def test_a_translation_with_its_sources_choices_passes_the_check(translated):
    page = translated["az"]
    assert page.translation_source_page().locale.language_code == "en"
    page.full_clean()
