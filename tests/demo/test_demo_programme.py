"""The seeded demo: a programme half-way through, and the demo teacher's way to a certificate.

The programme has learners at every stage, named as Azerbaijan names them.
The demo is built once for the module (``seed_demo --learners 60``: the same
programme as the full demo, at a tenth of its size) and rolled back after it.
"""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from pypdf import PdfReader
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from courses.models import CoursePage
from demo import content_cohorts
from demo.content_library import PATRONS
from demo.management.commands.seed_demo import DEMO_USERS
from demo.names import (
    FEMALE,
    FEMININE_ENDINGS,
    FIRST_NAMES,
    MALE,
    MASCULINE_ENDINGS,
    SHARED_ENDINGS,
    ascii_name,
)
from lms.models import (
    Attempt,
    Certificate,
    Cohort,
    CohortMembership,
    Enrolment,
    LearnerProfile,
    LessonProgress,
)
from quizzes.models import Question
from surveys.models import EvaluationResponse
from tests.helpers import ensure_shipped_reference_data
from tests.quizzes.test_taking_a_quiz import right_answers
from tests.test_reference_labels import assert_every_label_translated

LEARNERS = 60
AZERBAIJANI_LETTERS = set("əƏçÇşŞğĞıİöÖüÜ")
# How English transliterates names that Azerbaijani spells otherwise.
ENGLISH_SPELLINGS = [
    "Mammad", "Aliyev", "Aliyeva", "Hasanov", "Huseyn", "Guliyev", "Ismayilov", "Sevinj",
    "Orkhan", "Gunel", "Rashad", "Javid", "Farid", "Sabina", "Lala", "Nigyar", "Kamala",
]  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(DEBUG=True):
        ensure_shipped_reference_data()  # a transactional test before may have emptied it
        call_command("seed_demo", learners=LEARNERS, stdout=io.StringIO())
        yield get_user_model().objects.filter(email__endswith=f"@{content_cohorts.EMAIL_DOMAIN}")
        transaction.set_rollback(True)


@pytest.fixture
def learners(db, demo):
    return demo


def stages(learners):
    enrolments = Enrolment.objects.filter(learner__in=learners)
    return {
        "invited": learners.filter(last_login__isnull=True).count(),
        "enrolled": enrolments.filter(
            learner__last_login__isnull=False, last_activity_at__isnull=True
        ).count(),
        "in progress": enrolments.filter(
            last_activity_at__isnull=False, completed_at__isnull=True
        ).count(),
        "completed": enrolments.filter(completed_at__isnull=False).count(),
    }


def test_the_programme_has_learners_at_every_stage(learners):
    assert LEARNERS * 0.9 <= learners.count() <= LEARNERS * 1.1
    counts = stages(learners)
    assert all(counts.values()), counts
    assert sum(counts.values()) == learners.count()
    # Invited learners have an account and an enrolment, nothing else.
    invited = learners.filter(last_login__isnull=True)
    assert not LessonProgress.objects.filter(learner__in=invited).exists()
    assert Enrolment.objects.filter(learner__in=invited).count() == invited.count()


def test_learners_in_progress_have_lessons_done_and_some_quiz_attempts(learners):
    under_way = Enrolment.objects.filter(
        learner__in=learners, last_activity_at__isnull=False, completed_at__isnull=True
    )
    assert set(under_way.values_list("lessons_completed", flat=True)) - {0}
    assert len(set(under_way.values_list("lessons_completed", flat=True))) > 1
    attempts = Attempt.objects.filter(learner__in=learners)
    assert attempts.filter(passed=True).exists() and attempts.filter(passed=False).exists()
    assert EvaluationResponse.objects.exists()


def test_every_completion_has_its_certificate_and_a_few_are_revoked_with_a_reason(learners):
    completed = Enrolment.objects.filter(learner__in=learners, completed_at__isnull=False)
    certificates = Certificate.objects.filter(enrolment__in=completed)
    assert certificates.count() == completed.count() > 0
    revoked = certificates.filter(revoked_at__isnull=False)
    assert 1 <= revoked.count() < certificates.count() / 5
    for certificate in revoked:
        assert certificate.revoke_reason.strip()
        assert certificate.revoked_by.username == "trainer"
        assert certificate.completed_at < certificate.revoked_at


def test_the_history_is_spread_over_past_months(learners):
    now = timezone.now()
    progress = LessonProgress.objects.filter(learner__in=learners, completed_at__isnull=False)
    completions = sorted(progress.values_list("completed_at", flat=True))
    assert completions[-1] < now
    assert completions[-1] - completions[0] > timedelta(days=120)
    enrolled = Enrolment.objects.filter(learner__in=learners).values_list("enrolled_at", flat=True)
    assert len({moment.date() for moment in enrolled}) >= 15
    issued = Certificate.objects.filter(learner__in=learners).values_list("issued_at", flat=True)
    assert max(issued) < now and len({moment.date() for moment in issued}) > 5
    for learner in learners.exclude(last_login=None):
        assert learner.date_joined < learner.last_login < now


def test_cohorts_take_the_course_in_their_language(learners):
    languages = {
        cohort.name: {course.specific.language for course in cohort.courses.all()}
        for cohort in Cohort.objects.filter(memberships__learner__in=learners).distinct()
    }
    assert languages["Bakı – rus bölməsinin müəllimləri"] == {"ru"}
    assert languages["Gəncə və ətraf rayonlar – müəllimlər"] == {"az"}


def test_the_targets_dashboard_shows_a_programme_half_way_through(client, learners):
    client.force_login(get_user_model().objects.get(username="manager"))
    rows = client.get(reverse("lms_reports:targets"), HTTP_ACCEPT_LANGUAGE="en").context["rows"]
    overall = [row for row in rows if row["scope"] == "Overall"]
    assert len(overall) == 2  # inclusive education and VET
    assert all(20 <= row["percent"] <= 80 for row in overall), overall
    assert sum(row["trained"] > 0 for row in rows) >= len(rows) // 2


def test_learners_come_from_many_districts_and_every_university(learners):
    profiles = LearnerProfile.objects.filter(user__in=learners)
    assert profiles.values("district").distinct().count() >= 20
    universities = {
        names[0] for names, kind, *_rest in content_cohorts.INSTITUTIONS if kind != "vet"
    }
    assert universities <= set(profiles.values_list("institution__name_az", flat=True))


def gender_of(first_name):
    for gender in (FEMALE, MALE):
        if first_name in FIRST_NAMES[gender]:
            return gender
    raise AssertionError(f"{first_name} is not a first name of the demo's lists")


def assert_surname_fits(first_name, last_name):
    endings = FEMININE_ENDINGS if gender_of(first_name) == FEMALE else MASCULINE_ENDINGS
    assert last_name.endswith(endings + SHARED_ENDINGS), f"{first_name} {last_name}"
    if last_name.endswith(MASCULINE_ENDINGS):
        assert gender_of(first_name) == MALE, f"{first_name} {last_name}"


def test_every_woman_has_a_womans_surname_and_every_man_a_mans(learners):
    people = list(learners.values_list("first_name", "last_name"))
    people += [(first, last) for _u, first, last, _g, superuser, _p in DEMO_USERS if not superuser]
    # The library's patrons, where the demo's lists know the first name.
    known = set(FIRST_NAMES[FEMALE]) | set(FIRST_NAMES[MALE])
    people += [tuple(name.split()) for _c, name, *_r in PATRONS if name.split()[0] in known]
    for first, last in people:
        assert_surname_fits(first, last)
    genders = {gender_of(first) for first, _last in people}
    assert genders == {FEMALE, MALE}
    assert any(last.endswith(SHARED_ENDINGS) for _first, last in people)


def test_names_are_spelt_in_azerbaijani_in_every_language(learners):
    names = [f"{first} {last}" for first, last in learners.values_list("first_name", "last_name")]
    names += [f"{first} {last}" for _u, first, last, *_rest in DEMO_USERS]
    names += [name for _card, name, *_rest in PATRONS]
    for name in names:
        assert not [word for word in name.split() if word.startswith(tuple(ENGLISH_SPELLINGS))]
    letters = set("".join(names)) & AZERBAIJANI_LETTERS
    assert {"ə", "ş", "ı", "ü"} <= letters and len(letters) >= 6
    assert "Aysel Məmmədova" in names and "Sevinc Hüseynova" in names
    # Place names too: the universities, schools and cohorts.
    assert Cohort.objects.filter(name__contains="Şəki").exists()
    profiles = LearnerProfile.objects.filter(user__in=learners)
    assert profiles.filter(institution__name__contains="Quba").exists()


def test_the_demos_institutions_are_named_in_every_language(learners):
    assert_every_label_translated()
    school = LearnerProfile.objects.filter(
        user__in=learners, institution__name_az__contains="Quba rayonu"
    ).first()
    assert school is not None
    assert school.institution.name_ru.endswith("(Губа)")
    assert school.institution.name_en.endswith(", Quba")


def test_usernames_and_emails_stay_ascii_and_readable(learners):
    for learner in learners:
        assert learner.username == learner.email
        assert learner.email.isascii()
        assert learner.email.startswith(f"{ascii_name(learner.first_name)}.")
        assert ascii_name(learner.last_name) in learner.email
    assert ascii_name("Məmmədova") == "memmedova" and ascii_name("Şəki") == "seki"


@pytest.mark.parametrize(
    "report", ["by_course", "by_cohort", "by_district", "by_institution", "targets"]
)
def test_the_reports_answer_in_as_many_queries_with_more_learners(client, learners, report):
    client.force_login(get_user_model().objects.get(username="manager"))
    url = reverse(f"lms_reports:{report}")

    def queries():
        client.get(url)  # the first request fills the content-type and permission caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    cohort = Cohort.objects.get(name="Quba-Xaçmaz – müəllimlər")
    course = cohort.courses.get()
    sample = LearnerProfile.objects.filter(user__in=learners).select_related("user").first()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"more{i}", email=f"more{i}@example.org") for i in range(300)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(user=user, district=sample.district, institution=sample.institution)
        for user in users
    )
    CohortMembership.objects.bulk_create(CohortMembership(cohort=cohort, learner=u) for u in users)
    Enrolment.objects.bulk_create(
        Enrolment(learner=u, course=course, completed_at=timezone.now(), progress=1) for u in users
    )
    assert queries() == before


def test_the_cohort_grid_answers_in_as_many_queries_for_a_large_cohort_as_a_small_one(
    client, learners
):
    client.force_login(get_user_model().objects.get(username="trainer"))
    counts = {}
    for cohort in Cohort.objects.filter(memberships__learner__in=learners).distinct():
        url = reverse("lms_reports:cohort_grid", args=[cohort.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[cohort.memberships.count()] = len(captured)
    assert len(counts) > 1 and len(set(counts.values())) == 1, counts


def test_the_demo_teacher_passes_the_final_quiz_and_downloads_a_certificate_that_verifies(
    client, demo
):
    assert client.login(username="teacher", password="teacher-demo-2026")
    course = CoursePage.objects.get(
        slug="inclusive-education-in-practice", locale__language_code="en"
    )
    client.post(reverse("courses:enrol", args=[course.pk]))
    lessons = list(course.get_lessons())
    quiz_lesson = lessons[-1]
    assert course.final_assessment_id == quiz_lesson.pk
    for lesson in lessons[:-1]:
        client.get(lesson.url)
        client.post(reverse("courses:mark_complete", args=[lesson.lesson_uuid]))
    assert Enrolment.objects.get(course=course, learner__username="teacher").completed_at is None

    client.post(reverse("quizzes:start", args=[quiz_lesson.lesson_uuid]))
    attempt = Attempt.objects.get(learner__username="teacher")
    client.post(reverse("quizzes:attempt", args=[attempt.pk]), right_answers(attempt))

    enrolment = Enrolment.objects.get(course=course, learner__username="teacher")
    assert enrolment.completed_at is not None and enrolment.progress == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    response = client.get(certificate.get_pdf_url())
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Aysel Məmmədova" in text and certificate.code in text
    client.logout()
    assert "This certificate is valid." in client.get(certificate.get_verify_url()).content.decode()


def test_every_segment_of_the_demo_is_translated_options_and_outcomes_too(learners):
    from demo import translations

    for language in ("az", "ru"):
        assert translations.untranslated(language) == [], language
    course = CoursePage.objects.get(
        slug="inclusive-education-in-practice", locale__language_code="az"
    )
    english = CoursePage.objects.get(slug=course.slug, locale__language_code="en")
    outcomes = [outcome.text for outcome in course.learning_outcomes.all()]
    assert outcomes and not set(outcomes) & {o.text for o in english.learning_outcomes.all()}
    # A short-text question accepts the answer in the quiz's language.
    question = Question.objects.get(kind="short_text", locale__language_code="az")
    assert {option.text for option in question.options.all()} == {"doqquz", "9"}
    assert {option.locale.language_code for option in question.options.all()} == {"az"}


WORDS = re.compile(r"[^\W\d_]{2,}")


def texts(value, path=()):
    """Every string of a StreamField's stored data, with where it sits.

    Ids and block types are left out, and so is the ``value`` level of Wagtail's
    block format: a list stored as bare values and one stored as blocks give the
    same places.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "type"):
                yield from texts(item, path if key == "value" else (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def prose(text):
    """Whether ``text`` is words a person reads (two words or more), not a code or a slug."""
    text = strip_tags(text)
    return " " in text.strip() and len(WORDS.findall(text)) >= 2


def same_words(source, translated):
    """The translatable texts ``translated`` keeps word for word from ``source``."""
    found = []
    for field in get_translatable_fields(type(source)):
        if not isinstance(field, TranslatableField) or field.field_name == "slug":
            continue  # a translation keeps its page's address
        model_field = source._meta.get_field(field.field_name)
        if isinstance(model_field, StreamField):
            mine = dict(texts(list(getattr(translated, field.field_name).raw_data)))
            for path, text in texts(list(getattr(source, field.field_name).raw_data)):
                if prose(text) and mine.get(path) == text:
                    found.append(f"{field.field_name}{list(path)}: {text[:60]!r}")
        elif model_field.is_relation and model_field.one_to_many:
            rows = {row.translation_key: row for row in getattr(translated, field.field_name).all()}
            for row in getattr(source, field.field_name).all():
                found += [
                    f"{field.field_name}.{text}"
                    for text in same_words(row, rows[row.translation_key])
                ]
        elif isinstance(getattr(source, field.field_name), str):
            text = getattr(source, field.field_name)
            if prose(text) and getattr(translated, field.field_name) == text:
                found.append(f"{field.field_name}: {text[:60]!r}")
    return found


def test_no_text_of_the_demo_content_stays_in_english_in_a_translation(learners):
    """Compared with the stored data, not the catalogues: what wagtail-localize never
    offered to translate (a list's items, a page's rows) shows up too."""
    from demo import translations

    sources = translations.sources()
    assert len(sources) > 40
    kept = []
    for source in sources:
        instance = source.instance
        for language in ("az", "ru"):
            translated = instance.get_translation(Locale.objects.get(language_code=language))
            translated = getattr(translated, "specific", translated)
            kept += [f"{language} {instance}: {text}" for text in same_words(instance, translated)]
    assert not kept, "\n".join(kept)
