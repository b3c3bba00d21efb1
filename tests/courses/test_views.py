"""Learner pages: catalogue, course, lesson, enrol, mark complete and progress reports."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.factories import UserFactory
from courses.factories import ProgrammeFactory, open_course
from courses.roles import TRAINERS, ensure_authoring_roles
from lms import services
from lms.models import Enrolment, LessonProgress, Verb

pytestmark = pytest.mark.django_db


def progress_url(lesson):
    return reverse("courses:progress", args=[lesson.lesson_uuid])


def complete_url(lesson):
    return reverse("courses:mark_complete", args=[lesson.lesson_uuid])


class TestCatalogue:
    @pytest.fixture
    def courses(self, catalogue):
        vet = ProgrammeFactory(slug="vet")
        inclusive = ProgrammeFactory(slug="inclusive-education")
        return {
            "udl": open_course(
                parent=catalogue,
                title="Universal design for learning",
                summary="Plan lessons every child can reach.",
                programme=inclusive,
                audience="pre_service",
                language="az",
            ),
            "parents": open_course(
                parent=catalogue,
                title="Working with families",
                summary="Talking with parents about their child's plan.",
                programme=inclusive,
                audience="in_service",
                language="ru",
            ),
            "cbt": open_course(
                parent=catalogue,
                title="Competence-based training",
                summary="Occupational standards and assessment.",
                programme=vet,
                audience="vet_instructors",
                language="az",
            ),
        }

    def titles(self, response):
        return [course.title for course in response.context["courses"]]

    def test_lists_every_live_course_to_anyone(self, client, catalogue, courses):
        response = client.get(catalogue.url)
        assert response.status_code == 200
        assert len(self.titles(response)) == 3

    def test_filters_by_programme_audience_and_language(self, client, catalogue, courses):
        assert self.titles(client.get(catalogue.url, {"programme": "vet"})) == [
            "Competence-based training"
        ]
        assert self.titles(client.get(catalogue.url, {"audience": "in_service"})) == [
            "Working with families"
        ]
        assert sorted(self.titles(client.get(catalogue.url, {"language": "az"}))) == [
            "Competence-based training",
            "Universal design for learning",
        ]

    def test_searches_titles_and_summaries(self, client, catalogue, courses):
        assert self.titles(client.get(catalogue.url, {"q": "parents"})) == ["Working with families"]

    def test_an_unknown_filter_value_is_ignored_not_an_error(self, client, catalogue, courses):
        response = client.get(catalogue.url, {"audience": "astronauts"})
        assert response.status_code == 200
        assert response.context["filter_form"].errors

    def test_hides_unpublished_courses(self, client, catalogue, courses):
        courses["cbt"].unpublish()
        assert "Competence-based training" not in self.titles(client.get(catalogue.url))


class TestCoursePage:
    def test_is_public_and_offers_enrolment(self, client, course):
        response = client.get(course.url)
        assert response.status_code == 200
        assert reverse("courses:enrol", args=[course.pk]) in response.content.decode()
        assert [m.title for m in response.context["modules"]] == ["Rights", "Practice"]

    def test_shows_each_lessons_state_and_where_to_continue(
        self, learner_client, learner, enrolled, course, lessons
    ):
        services.record_learning(learner, lessons[0].lesson_uuid, Verb.MARKED_COMPLETE)
        services.record_learning(learner, lessons[1].lesson_uuid, Verb.VIEWED)
        response = learner_client.get(course.url)
        states = [lesson.state for lesson in response.context["lessons"]]
        assert states == ["done", "in_progress", "not_started", "not_started"]
        assert response.context["resume_lesson"].pk == lessons[1].pk
        assert "Continue where you left off" in response.content.decode()


class TestEnrol:
    def test_anonymous_visitors_are_sent_to_sign_in(self, client, course):
        response = client.post(reverse("courses:enrol", args=[course.pk]))
        assert response.status_code == 302
        assert reverse("login") in response.url
        assert not Enrolment.objects.exists()

    def test_enrolling_needs_a_post(self, learner_client, course):
        assert learner_client.get(reverse("courses:enrol", args=[course.pk])).status_code == 405

    def test_a_learner_enrols_and_lands_on_the_first_lesson(
        self, learner_client, learner, course, lessons
    ):
        response = learner_client.post(reverse("courses:enrol", args=[course.pk]))
        assert response.url == lessons[0].url
        assert Enrolment.objects.filter(learner=learner, course=course).count() == 1

    def test_enrolling_in_an_unpublished_course_is_refused(self, learner_client, course):
        course.unpublish()
        assert learner_client.post(reverse("courses:enrol", args=[course.pk])).status_code == 404

    def test_a_page_that_is_not_a_course_cannot_be_enrolled_in(self, learner_client, catalogue):
        assert learner_client.post(reverse("courses:enrol", args=[catalogue.pk])).status_code == 404


class TestLessonPage:
    def test_anonymous_visitors_are_sent_to_sign_in(self, client, lessons):
        response = client.get(lessons[0].url)
        assert response.status_code == 302
        assert reverse("login") in response.url

    def test_a_learner_who_is_not_enrolled_is_sent_to_the_course(
        self, learner_client, course, lessons
    ):
        response = learner_client.get(lessons[0].url)
        assert response.status_code == 302
        assert response.url == course.url
        assert not LessonProgress.objects.exists()

    def test_an_enrolled_learner_reads_it_and_the_visit_is_recorded(
        self, learner_client, learner, enrolled, lessons
    ):
        response = learner_client.get(lessons[1].url)
        assert response.status_code == 200
        assert response.context["previous_lesson"].pk == lessons[0].pk
        assert response.context["next_lesson"].pk == lessons[2].pk
        assert "Every child learns side by side." in response.content.decode()
        summary = LessonProgress.objects.get(learner=learner)
        assert summary.first_visited_at is not None and summary.progress == 0

    def test_its_number_and_neighbours_follow_changes_to_the_course(
        self, learner_client, learner, enrolled, lessons
    ):
        """The lesson's place is cached; unpublishing its neighbour is seen at once."""
        response = learner_client.get(lessons[1].url)
        assert (response.context["lesson_number"], response.context["lesson_count"]) == (2, 4)
        lessons[0].unpublish()
        response = learner_client.get(lessons[1].url)
        assert (response.context["lesson_number"], response.context["lesson_count"]) == (1, 3)
        assert response.context["previous_lesson"] is None
        assert response.context["next_lesson"].pk == lessons[2].pk
        assert "Lesson 1 of 3" in response.content.decode()

    def test_a_trainer_can_read_a_lesson_without_anything_being_recorded(
        self, client, catalogue, lessons
    ):
        ensure_authoring_roles(catalogue)
        trainer = UserFactory(username="trainer")
        trainer.groups.add(Group.objects.get(name=TRAINERS))
        client.force_login(trainer)
        response = client.get(lessons[0].url)
        assert response.status_code == 200
        assert not LessonProgress.objects.exists()


class TestMarkComplete:
    def test_completes_the_lesson_and_moves_on(self, learner_client, learner, enrolled, lessons):
        response = learner_client.post(complete_url(lessons[0]))
        assert response.url == lessons[1].url
        assert LessonProgress.objects.get(learner=learner).completed_at is not None

    def test_the_last_required_lesson_completes_the_course_at_once(
        self, learner_client, learner, enrolled, course, lessons
    ):
        for lesson in lessons[:3]:
            response = learner_client.post(complete_url(lesson))
        assert response.url == course.url
        enrolment = Enrolment.objects.get(pk=enrolled.pk)
        assert enrolment.completed_at is not None and enrolment.progress == 1
        page = learner_client.get(course.url).content.decode()
        assert "Completed on" in page

    def test_anonymous_visitors_cannot_complete(self, client, lessons):
        assert reverse("login") in client.post(complete_url(lessons[0])).url
        assert not LessonProgress.objects.exists()

    def test_a_learner_not_enrolled_cannot_complete(
        self, client, other_learner, enrolled, course, lessons
    ):
        client.force_login(other_learner)
        response = client.post(complete_url(lessons[0]))
        assert response.url == course.url
        assert not LessonProgress.objects.exists()

    def test_needs_a_post(self, learner_client, enrolled, lessons):
        assert learner_client.get(complete_url(lessons[0])).status_code == 405


class TestProgressReports:
    def test_reaching_the_end_completes_a_reading_lesson(self, learner_client, enrolled, lessons):
        response = learner_client.post(
            progress_url(lessons[0]), {"verb": "reached_end", "time_spent": "42"}
        )
        assert response.status_code == 200
        data = response.json()
        assert data["completed"] is True
        assert data["course_progress"] == pytest.approx(1 / 3)

    def test_accepts_json(self, learner_client, enrolled, lessons):
        response = learner_client.post(
            progress_url(lessons[0]),
            json.dumps({"verb": "progressed", "progress": 0.5}),
            content_type="application/json",
        )
        assert response.status_code == 200
        assert response.json()["progress"] == 0.5

    @pytest.mark.parametrize(
        "payload",
        [
            {"verb": "progressed", "progress": "0.5", "progress_delta": "0.1"},
            {"verb": "progressed"},
            {"verb": "progressed", "progress": "3"},
            {"verb": "delete_everything"},
            {"verb": "reached_end", "time_spent": "-4"},
        ],
    )
    def test_bad_reports_get_a_clear_400_and_save_nothing(
        self, learner_client, enrolled, lessons, payload
    ):
        response = learner_client.post(progress_url(lessons[0]), payload)
        assert response.status_code == 400
        assert response.json()["detail"]
        assert not LessonProgress.objects.exists()

    def test_malformed_json_is_a_400(self, learner_client, enrolled, lessons):
        response = learner_client.post(
            progress_url(lessons[0]), "{oops", content_type="application/json"
        )
        assert response.status_code == 400

    def test_anonymous_reports_are_refused(self, client, lessons):
        response = client.post(progress_url(lessons[0]), {"verb": "reached_end"})
        assert response.status_code == 403
        assert not LessonProgress.objects.exists()

    def test_nobody_can_write_progress_on_a_course_they_are_not_enrolled_in(
        self, client, other_learner, learner, enrolled, lessons
    ):
        client.force_login(other_learner)
        response = client.post(progress_url(lessons[0]), {"verb": "marked_complete"})
        assert response.status_code == 403
        assert not LessonProgress.objects.exists()

    def test_a_report_only_ever_changes_the_senders_own_records(
        self, client, other_learner, learner, course, enrolled, lessons
    ):
        services.enrol(other_learner, course)
        client.force_login(other_learner)
        client.post(progress_url(lessons[0]), {"verb": "marked_complete", "learner": learner.pk})
        assert LessonProgress.objects.get().learner == other_learner

    def test_reports_need_the_csrf_token(self, learner, enrolled, lessons):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        assert client.post(progress_url(lessons[0]), {"verb": "reached_end"}).status_code == 403

    def test_an_unknown_lesson_is_a_404(self, learner_client):
        url = reverse("courses:progress", args=["00000000-0000-0000-0000-000000000000"])
        assert learner_client.post(url, {"verb": "reached_end"}).status_code == 404


class TestDashboard:
    def test_needs_sign_in(self, client):
        assert reverse("login") in client.get(reverse("lms:dashboard")).url

    def test_shows_courses_in_progress_with_the_next_lesson_and_completed_ones(
        self, learner_client, learner, enrolled, catalogue, lessons
    ):
        services.record_learning(learner, lessons[0].lesson_uuid, Verb.MARKED_COMPLETE)
        response = learner_client.get(reverse("lms:dashboard"))
        [enrolment] = response.context["in_progress"]
        assert enrolment.next_url == lessons[1].url
        assert enrolment.percent == 33
        assert response.context["completed"] == []

    def test_shows_only_the_learners_own_enrolments(self, client, other_learner, enrolled):
        client.force_login(other_learner)
        response = client.get(reverse("lms:dashboard"))
        assert response.context["in_progress"] == []


def test_editors_preview_a_lesson_without_enrolling(lessons):
    response = lessons[0].make_preview_request()
    assert response.status_code == 200
    assert b"Every child learns side by side." in response.content


def test_a_module_page_opens_its_place_in_the_course_outline(client, course):
    module = course.get_modules().first()
    response = client.get(module.url)
    assert response.status_code == 302
    assert response.url == f"{course.url}#module-{module.pk}"


def test_the_catalogue_lists_courses_in_the_learners_language_first(client, catalogue):
    open_course(parent=catalogue, title="English course", language="en")
    open_course(parent=catalogue, title="Azərbaycan dilində kurs", language="az")
    open_course(parent=catalogue, title="Курс на русском", language="ru")
    client.cookies["django_language"] = "ru"
    titles = [course.title for course in client.get(catalogue.url).context["courses"]]
    assert titles[0] == "Курс на русском"
    client.cookies["django_language"] = "az"
    titles = [course.title for course in client.get(catalogue.url).context["courses"]]
    assert titles[0] == "Azərbaycan dilində kurs"
