"""An activity's results count only in a lesson that plays it, whatever the language.

With activities translatable (issue 21), each language of a lesson plays the
activity of its language, another row. The Russian lesson takes no results of
the English activity, the English lesson none of the Russian one, and a
player opened in one language gives no attempt token for the other: nothing
is stored, no lesson is completed.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from h5p.importing import import_package
from h5p.models import H5PActivity
from lms import content, services
from lms.models import CompletionRule, LessonProgress, Statement
from tests.h5p.conftest import statement
from tests.h5p.packages import tiny
from tests.h5p.test_playing import post_statements

pytestmark = pytest.mark.django_db


@pytest.fixture
def languages(admin_client, course, make_h5p_lesson, django_capture_on_commit_callbacks):
    """The English lesson and activity, and their Russian translations (the Russian
    activity imported from its own file)."""
    ru = Locale.objects.get(language_code="ru")
    english = import_package(tiny())
    russian = import_package(
        tiny(), activity=H5PActivity(locale=ru, translation_key=english.translation_key)
    )
    lesson = make_h5p_lesson(english, rule=CompletionRule.ON_MARK)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
            {"locales": [ru.pk], "include_subtree": "on"},
        )
    return {"en": (lesson, english), "ru": (lesson.get_translation(ru).specific, russian)}


def test_a_lesson_takes_no_results_of_the_activity_of_another_language(client, learner, languages):
    (en_lesson, en_activity), (ru_lesson, ru_activity) = languages["en"], languages["ru"]
    services.enrol(learner, en_lesson.course)
    services.enrol(learner, ru_lesson.course)
    client.force_login(learner)
    for lesson, activity in ((ru_lesson, en_activity), (en_lesson, ru_activity)):
        response = post_statements(client, lesson, activity, statement())
        assert response.status_code == 404
    assert not Statement.objects.exists()
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_an_attempt_token_of_one_language_is_refused_in_the_other(client, learner, languages):
    (en_lesson, en_activity), (ru_lesson, ru_activity) = languages["en"], languages["ru"]
    services.enrol(learner, ru_lesson.course)
    client.force_login(learner)
    # The player was opened for the English lesson; its token is sent with the Russian results.
    english_attempt = content.sign_timed(
        "h5p.attempt", u=learner.pk, l=str(en_lesson.lesson_uuid), a=en_activity.pk
    )
    response = post_statements(client, ru_lesson, ru_activity, statement(), attempt=english_attempt)
    assert response.status_code == 403
    assert not Statement.objects.exists()
