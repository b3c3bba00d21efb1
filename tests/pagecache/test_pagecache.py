"""The cached site, routes, restrictions and prerequisites follow every change at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import PageViewRestriction, Site

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from courses.structure import sync_course
from lms import services
from lms.models import Enrolment, LearningSession, LessonProgress, Verb

pytestmark = pytest.mark.django_db


def warm(client, url):
    """Two visits: the first fills the caches, the second is answered from them."""
    client.get(url)
    return client.get(url)


def test_a_cached_route_serves_the_page_and_follows_unpublishing(learner_client, enrolled, lessons):
    lesson = lessons[0]
    assert warm(learner_client, lesson.url).status_code == 200
    lesson.unpublish()
    assert learner_client.get(lesson.url).status_code == 404


def test_a_renamed_and_republished_page_moves_its_address(learner_client, enrolled, lessons):
    lesson = lessons[1]
    old_url = lesson.url
    assert warm(learner_client, old_url).status_code == 200
    lesson.slug = "inclusion-explained"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert learner_client.get(old_url).status_code == 404
    assert learner_client.get(lesson.url).status_code == 200


def test_a_moved_page_is_found_at_its_new_address(learner_client, enrolled, course, lessons):
    lesson = lessons[0]
    old_url = lesson.url
    assert warm(learner_client, old_url).status_code == 200
    target = ModulePageFactory(parent=course, title="Moved", slug="moved")
    lesson.move(target, pos="last-child")
    sync_course(course)
    lesson.refresh_from_db()
    # Wagtail leaves a redirect behind; the new address serves the lesson.
    response = learner_client.get(old_url)
    assert response.status_code in (301, 404)
    assert response.status_code == 404 or response["Location"] == lesson.url
    assert learner_client.get(lesson.url).status_code == 200


def test_a_new_view_restriction_applies_at_once(client, catalogue, home):
    assert warm(client, catalogue.url).status_code == 200
    PageViewRestriction.objects.create(page=catalogue, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(catalogue.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_cached_site_follows_a_changed_site(client, catalogue):
    assert warm(client, catalogue.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "elsewhere.example"
    site.save()
    assert client.get(catalogue.url).status_code == 404


def test_a_new_module_prerequisite_locks_the_module_at_once(
    learner_client, learner, enrolled, course, lessons
):
    second_module_lesson = lessons[2]
    assert warm(learner_client, second_module_lesson.url).status_code == 200
    first, second = course.get_children().specific()
    second.prerequisites.add(first)
    second.save_revision().publish()
    sync_course(course)
    response = learner_client.get(second_module_lesson.url)
    assert response.status_code == 302 and response["Location"] == course.url


def test_a_return_visit_moves_the_timestamps_only(learner, enrolled, lessons):
    lesson = lessons[0]
    services.record_learning(learner, lesson.lesson_uuid, Verb.VIEWED)
    first = LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid)
    enrolment = services.record_visit(learner, lesson.lesson_uuid)
    again = LessonProgress.objects.get(pk=first.pk)
    assert again.last_visited_at > first.last_visited_at
    assert again.first_visited_at == first.first_visited_at and again.progress == first.progress
    stored = Enrolment.objects.get(pk=enrolled.pk)
    assert stored.last_item_id == enrolment.last_item.pk
    assert enrolment.last_item.uuid == lesson.lesson_uuid
    assert LearningSession.objects.filter(learner=learner).count() == 1


def test_a_visit_refuses_a_learner_not_enrolled(other_learner, lessons):
    with pytest.raises(services.NotEnrolled):
        services.record_visit(other_learner, lessons[0].lesson_uuid)
    assert not LessonProgress.objects.filter(learner=other_learner).exists()


def test_a_first_visit_completes_a_lesson_completed_on_view(learner, enrolled, lessons):
    lesson = lessons[0]
    lesson.completion_rule = "view"
    lesson.save_revision().publish()
    sync_course(lesson.course)
    services.record_visit(learner, lesson.lesson_uuid)
    assert LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid).completed_at


def test_the_user_bar_is_for_people_who_may_use_the_admin(client, learner, enrolled, lessons):
    client.force_login(learner)
    assert "wagtail-userbar" not in warm(client, lessons[0].url).content.decode()
    editors = Group.objects.create(name="Some editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    learner.groups.add(editors)
    # Decided once per session: signing in again shows it.
    client.force_login(learner)
    assert "wagtail-userbar" in client.get(lessons[0].url).content.decode()
    client.force_login(UserFactory(username="another"))
    assert "wagtail-userbar" not in client.get(lessons[0].url).content.decode()


def test_a_bad_host_is_left_to_django(client, catalogue, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get(catalogue.url, HTTP_HOST="evil.example").status_code == 400
    assert client.get(catalogue.url).status_code == 200


def visited_at(learner, lesson):
    return LessonProgress.objects.get(learner=learner, item_id=lesson.lesson_uuid).last_visited_at


def test_a_reload_within_the_interval_writes_nothing(
    learner, enrolled, lessons, django_capture_on_commit_callbacks, django_assert_num_queries
):
    lesson = lessons[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, lesson.lesson_uuid)
    first = visited_at(learner, lesson)
    # The item is cached; the enrolment is read (and checked), nothing is written.
    with django_assert_num_queries(1):
        enrolment = services.record_visit(learner, lesson.lesson_uuid)
    assert enrolment.pk == enrolled.pk
    assert visited_at(learner, lesson) == first


def test_a_visit_to_another_lesson_and_back_is_written_each_time(
    learner, enrolled, lessons, django_capture_on_commit_callbacks
):
    first, second = lessons[0], lessons[1]
    for lesson in (first, second, first):
        with django_capture_on_commit_callbacks(execute=True):
            services.record_visit(learner, lesson.lesson_uuid)
        assert Enrolment.objects.get(pk=enrolled.pk).last_item.uuid == lesson.lesson_uuid


def test_a_visit_after_progress_on_another_lesson_moves_where_the_learner_left_off(
    learner, enrolled, lessons, django_capture_on_commit_callbacks
):
    first, second = lessons[0], lessons[1]
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, first.lesson_uuid)
        services.record_learning(learner, second.lesson_uuid, Verb.PROGRESSED, progress=0.5)
    assert Enrolment.objects.get(pk=enrolled.pk).last_item.uuid == second.lesson_uuid
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, first.lesson_uuid)
    assert Enrolment.objects.get(pk=enrolled.pk).last_item.uuid == first.lesson_uuid


def test_a_reload_is_written_when_the_interval_is_off_or_over(
    learner, enrolled, lessons, settings, django_capture_on_commit_callbacks
):
    lesson = lessons[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, lesson.lesson_uuid)
    first = visited_at(learner, lesson)
    settings.LMS = {"VISIT_WRITE_INTERVAL_SECONDS": 0}
    services.record_visit(learner, lesson.lesson_uuid)
    assert visited_at(learner, lesson) > first


def test_a_reload_still_refuses_a_learner_who_left_the_course(
    learner, enrolled, lessons, django_capture_on_commit_callbacks
):
    lesson = lessons[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, lesson.lesson_uuid)
    enrolled.delete()
    with pytest.raises(services.NotEnrolled):
        services.record_visit(learner, lesson.lesson_uuid)


def test_a_reload_still_refuses_a_lesson_taken_out_of_the_course(
    learner, enrolled, course, lessons, django_capture_on_commit_callbacks
):
    lesson = lessons[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.record_visit(learner, lesson.lesson_uuid)
        lesson.unpublish()
        sync_course(course)
    with pytest.raises(services.UnknownLesson):
        services.record_visit(learner, lesson.lesson_uuid)


def test_the_course_outline_follows_a_renamed_added_and_withdrawn_lesson(
    learner_client, enrolled, course, lessons, django_capture_on_commit_callbacks
):
    assert warm(learner_client, course.url).status_code == 200
    first, second = lessons[0], lessons[1]
    with django_capture_on_commit_callbacks(execute=True):
        first.title = "The right to inclusive education"
        first.save_revision().publish()
        second.unpublish()
        module = course.get_children().specific().first()
        added = LessonPageFactory(parent=module, title="Reasonable accommodation", slug="ra")
        sync_course(course)
    content = learner_client.get(course.url).content.decode()
    assert "The right to inclusive education" in content and added.url in content
    assert "What inclusion means" not in content
    # The lesson pages' neighbours follow too.
    lesson_page = learner_client.get(first.url).content.decode()
    # The withdrawn lesson is skipped: next comes the one added to the same module.
    assert f'rel="next" href="{added.url}"' in lesson_page


def test_a_lesson_moved_to_another_course_names_its_new_course(
    learner, learner_client, enrolled, course, lessons, catalogue
):
    lesson = lessons[0]
    assert warm(learner_client, lesson.url).status_code == 200
    other = CoursePageFactory(parent=catalogue, title="Vocational teaching", slug="vet")
    module = ModulePageFactory(parent=other, title="Workshops", slug="workshops")
    lesson.move(module, pos="last-child")
    sync_course(other)
    sync_course(course)
    services.enrol(learner, other)
    lesson.refresh_from_db()
    response = learner_client.get(lesson.url)
    assert response.status_code == 200
    assert response.context["course"].pk == other.pk
    assert "Vocational teaching" in response.content.decode()


def test_clear_page_cache_forgets_every_cached_answer(learner_client, enrolled, lessons):
    from io import StringIO

    from django.core.management import call_command

    from pagecache import cache as pagecache

    assert warm(learner_client, lessons[0].url).status_code == 200
    before = pagecache.generation()
    site = Site.objects.get(is_default_site=True)
    outline = f"course-outline:{enrolled.course_id}"
    assert pagecache.cached(outline, lambda: "recomputed", site=site) != "recomputed"
    out = StringIO()
    call_command("clear_page_cache", stdout=out)
    assert pagecache.generation() == before + 1
    assert f"{before} → {before + 1}" in out.getvalue()
    assert pagecache.cached(outline, lambda: "recomputed", site=site) == "recomputed"
