"""lms.access decides who may study a lesson now, and whether their work is recorded."""

import dataclasses

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import GroupPagePermission

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from lms import access, services
from lms.access import Refusal
from lms.models import CourseItem, Enrolment, LessonProgress, Verb

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(course):
    """A trainer who may edit the course's pages (Wagtail's page permission), not enrolled."""
    group = Group.objects.create(name="Course editors")
    GroupPagePermission.objects.create(
        group=group,
        page=course,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user = UserFactory(username="editor")
    user.groups.add(group)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def other_course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Early years", slug="early-years")
    LessonPageFactory(parent=ModulePageFactory(parent=course, title="Play"), title="Play")
    return course


@pytest.fixture
def locked(course, lessons):
    """The second module waits for the first: (first, second, a lesson of the second)."""
    first, second = list(course.get_modules())
    second.prerequisites.add(first)
    second.save_revision().publish()
    return first, second, next(lesson for lesson in lessons if lesson.path.startswith(second.path))


@pytest.fixture
def withdrawn(course, lessons):
    """A lesson still live whose module is unpublished: lms no longer counts it."""
    module = course.get_modules().first()
    module.unpublish()
    lesson = lessons[0]
    lesson.refresh_from_db()
    assert lesson.live and not CourseItem.objects.get(uuid=lesson.lesson_uuid).is_active
    return lesson


def test_an_anonymous_visitor_is_refused_and_asked_to_sign_in(lessons):
    decision = access.study_access(AnonymousUser(), lessons[0].lesson_uuid)
    assert not decision
    assert decision.reason == Refusal.ANONYMOUS
    assert not decision.recorded and not decision.preview
    assert isinstance(decision.refusal(), access.SignInRequired)


def test_an_enrolled_learner_may_study_and_their_work_is_recorded(learner, enrolled, lessons):
    decision = access.study_access(learner, lessons[0].lesson_uuid, page=lessons[0])
    assert decision and decision.recorded and not decision.preview
    assert decision.reason is None and decision.refusal() is None
    assert decision.item.uuid == lessons[0].lesson_uuid


def test_a_learner_not_enrolled_is_refused_with_a_reason_to_enrol(learner, lessons):
    decision = access.study_access(learner, lessons[0].lesson_uuid, page=lessons[0])
    assert not decision
    assert decision.reason == Refusal.NOT_ENROLLED
    assert "Enrol" in decision.message
    assert isinstance(decision.refusal(), services.NotEnrolled)


def test_a_learner_of_another_course_is_refused(learner, other_course, lessons):
    services.enrol(learner, other_course)
    decision = access.study_access(learner, lessons[0].lesson_uuid, page=lessons[0])
    assert not decision and decision.reason == Refusal.NOT_ENROLLED
    mine = other_course.get_lessons().first()
    assert access.study_access(learner, mine.lesson_uuid).recorded


def test_a_learner_who_lacks_the_courses_prerequisites_is_told_which(learner, course, other_course):
    other_course.prerequisites.add(course)
    other_course.save_revision().publish()
    lesson = other_course.get_lessons().first()
    decision = access.study_access(learner, lesson.lesson_uuid)
    assert decision.reason == Refusal.PREREQUISITES
    assert [page.pk for page in decision.required] == [course.pk]
    assert "Inclusive classrooms" in decision.message
    assert isinstance(decision.refusal(), services.PrerequisitesNotMet)


def test_a_learner_a_trainer_enrolled_is_not_asked_for_prerequisites_again(
    learner, course, other_course
):
    other_course.prerequisites.add(course)
    other_course.save_revision().publish()
    services.enrol(learner, other_course, method=Enrolment.Method.TRAINER)
    lesson = other_course.get_lessons().first()
    assert access.study_access(learner, lesson.lesson_uuid).recorded


def test_a_lesson_whose_module_is_unpublished_is_unavailable_to_its_learners(
    learner, enrolled, withdrawn
):
    decision = access.study_access(learner, withdrawn.lesson_uuid, page=withdrawn)
    assert not decision and decision.reason == Refusal.UNAVAILABLE
    assert isinstance(decision.refusal(), access.LessonUnavailable)
    assert isinstance(decision.refusal(), Http404)


def test_an_unpublished_lesson_is_unavailable_even_to_its_editors(
    learner, enrolled, editor, lessons
):
    lesson = lessons[0]
    lesson.unpublish()
    lesson.refresh_from_db()
    for user in (learner, editor):
        for page in (lesson, None):
            decision = access.study_access(user, lesson.lesson_uuid, page=page)
            assert decision.reason == Refusal.UNAVAILABLE, (user, page)


@pytest.mark.parametrize("lesson", ["00000000-0000-4000-8000-000000000000", "not-a-uuid", ""])
def test_an_unknown_lesson_is_unavailable(learner, enrolled, lesson):
    decision = access.study_access(learner, lesson)
    assert decision.reason == Refusal.UNAVAILABLE and decision.item is None


def test_a_locked_module_refuses_its_learner_and_names_the_modules_it_waits_for(
    learner, enrolled, locked
):
    first, _second, lesson = locked
    decision = access.study_access(learner, lesson.lesson_uuid, page=lesson)
    assert not decision and decision.reason == Refusal.LOCKED
    assert [page.pk for page in decision.required] == [first.pk]
    assert "Rights" in decision.message
    error = decision.refusal()
    assert isinstance(error, services.Locked) and error.required[0].pk == first.pk


def test_completing_the_modules_waited_for_opens_the_locked_one(learner, enrolled, lessons, locked):
    first, _second, lesson = locked
    for done in lessons:
        if done.path.startswith(first.path):
            services.record_learning(learner, done.lesson_uuid, Verb.MARKED_COMPLETE)
    assert access.study_access(learner, lesson.lesson_uuid).recorded


def test_an_editor_previews_a_lesson_and_nothing_of_theirs_is_recorded(editor, lessons):
    for page in (lessons[0], None):
        decision = access.study_access(editor, lessons[0].lesson_uuid, page=page)
        assert decision and decision.preview and not decision.recorded
        assert decision.refusal() is None
        assert isinstance(decision.refusal(record=True), services.NotEnrolled)
    assert not LessonProgress.objects.filter(learner=editor).exists()


def test_an_enrolled_editor_previews_a_lesson_of_an_unpublished_module(editor, course, withdrawn):
    services.enrol(editor, course)
    assert access.study_access(editor, withdrawn.lesson_uuid, page=withdrawn).preview


def test_an_enrolled_editor_in_a_locked_module_previews_it(editor, course, locked):
    services.enrol(editor, course)
    _first, _second, lesson = locked
    assert access.study_access(editor, lesson.lesson_uuid, page=lesson).preview
    assert access.study_access(editor, lesson.lesson_uuid, preview=False).reason == Refusal.LOCKED


def test_someone_without_edit_permission_gets_no_preview(learner, other_learner, lessons):
    decision = access.study_access(other_learner, lessons[0].lesson_uuid, page=lessons[0])
    assert decision.reason == Refusal.NOT_ENROLLED


def test_a_superuser_previews_any_live_lesson_unrecorded(superuser, lessons):
    decision = access.study_access(superuser, lessons[0].lesson_uuid)
    assert decision.preview and not decision.recorded


def test_the_lessons_item_may_be_given_instead_of_its_uuid(learner, enrolled, lessons):
    item = CourseItem.objects.get(uuid=lessons[0].lesson_uuid)
    assert access.study_access(learner, item).recorded
    assert access.study_access(learner, str(item.uuid)).recorded


def test_an_enrolled_learners_decision_costs_one_query(
    learner, enrolled, lessons, django_assert_num_queries
):
    access.study_access(learner, lessons[0].lesson_uuid, page=lessons[0])
    with django_assert_num_queries(1):
        assert access.study_access(learner, lessons[0].lesson_uuid, page=lessons[0]).recorded


@pytest.mark.parametrize(
    ("who", "lesson_key", "raised"),
    [
        ("anonymous", "lessons", PermissionDenied),
        ("stranger", "lessons", services.NotEnrolled),
        ("learner", "locked", services.Locked),
        ("learner", "withdrawn", Http404),
    ],
)
def test_require_study_raises_what_each_refusal_calls_for(
    request, learner, other_learner, enrolled, who, lesson_key, raised
):
    user = {"anonymous": AnonymousUser(), "stranger": other_learner, "learner": learner}[who]
    lesson = request.getfixturevalue(lesson_key)
    lesson = lesson[-1] if isinstance(lesson, list | tuple) else lesson
    with pytest.raises(raised) as refusal:
        access.require_study(user, lesson.lesson_uuid, page=lesson)
    assert refusal.value.access.reason is not None


def test_require_study_for_recording_refuses_an_editors_preview(editor, learner, enrolled, lessons):
    assert access.require_study(editor, lessons[0].lesson_uuid).preview
    with pytest.raises(services.NotEnrolled):
        access.require_study(editor, lessons[0].lesson_uuid, record=True)
    assert access.require_study(learner, lessons[0].lesson_uuid, record=True).recorded


def test_a_visit_records_an_enrolled_learner_and_decides_as_study_access(
    learner, other_learner, editor, enrolled, lessons, locked
):
    lesson = lessons[0]
    decision, enrolment = access.visit_lesson(learner, lesson.lesson_uuid, page=lesson)
    assert decision.recorded and enrolment.pk == enrolled.pk
    assert enrolment.lesson_record.first_visited_at is not None
    for user, page in [
        (AnonymousUser(), lesson),
        (other_learner, lesson),
        (editor, lesson),
        (learner, locked[2]),
    ]:
        visited, enrolment = access.visit_lesson(user, page.lesson_uuid, page=page)
        assert enrolment is None
        assert visited == access.study_access(user, page.lesson_uuid, page=page)
    assert not LessonProgress.objects.exclude(learner=learner).exists()


def test_has_completed_is_true_only_once_the_course_is_completed(
    learner, other_learner, enrolled, course, lessons
):
    assert not access.has_completed(AnonymousUser(), course)
    assert not access.has_completed(other_learner, course)
    assert not access.has_completed(learner, course)
    for lesson in lessons:
        services.record_learning(learner, lesson.lesson_uuid, Verb.MARKED_COMPLETE)
    assert access.has_completed(learner, course)
    assert access.has_completed(learner, course.pk)


def test_a_decision_cannot_be_changed(learner, enrolled, lessons):
    decision = access.study_access(learner, lessons[0].lesson_uuid)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.recorded = False
