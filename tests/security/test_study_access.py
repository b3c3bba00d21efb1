"""Every endpoint that serves a lesson's content, or records work on it, refuses the wrong user.

One check decides for all of them (``lms.access``; docs/security.md, "Who may
study a lesson"). Before it, each app asked its own question: the H5P player
and its files and the SCORM package played a lesson whose module was still
locked, or whose module or course had been unpublished, and the lesson page
showed such a lesson to its learners; a quiz attempt stayed open to a learner
after their access ended; the inclusive-education blocks saved an editor's
preview as learner work. Each case here asks every endpoint as one wrong user
and checks the refusal that endpoint gives, and that nothing about the user
was recorded.
"""

import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from accounts.factories import UserFactory
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from lms import content, services
from surveys.models import EvaluationResponse
from tests.content import content_get, content_post, token_for
from tests.h5p.conftest import statement
from tests.modules.conftest import work_url
from tests.scorm.conftest import place
from tests.surveys.conftest import GOOD, complete_course

pytestmark = pytest.mark.django_db

MADE_UP = "made-up:token"  # a visitor who is not signed in is given no token


@dataclass
class World:
    course: object
    rights: object  # the course's first module, which the locked modules wait for
    other_course: object
    learner: object
    h5p_lesson: object
    activity: object
    pack_lesson: object
    scorm_lesson: object
    scorm_block: str
    quiz_lesson: object
    attempt_id: int  # the learner's open quiz attempt

    def content_lessons(self):
        return [self.h5p_lesson, self.pack_lesson, self.scorm_lesson, self.quiz_lesson]


@pytest.fixture
def world(
    course,
    lessons,
    learner,
    enrolled,
    pack_lesson,
    h5p_lesson,
    multichoice,
    scorm12,
    make_quiz_lesson,
    questions,
):
    """The course holds a lesson of every kind; the learner has opened the quiz."""
    scorm_lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course, title="Packages"), title="A package"
    )
    scorm_lesson, block_id = place(scorm_lesson, scorm12)
    quiz_lesson = make_quiz_lesson(list(questions.values()))
    other_course = CoursePageFactory(parent=course.get_parent(), title="Early years")
    LessonPageFactory(parent=ModulePageFactory(parent=other_course), title="Play")
    starter = Client()
    starter.force_login(learner)
    started = starter.post(reverse("quizzes:start", args=[quiz_lesson.lesson_uuid]))
    attempt_id = int(started["Location"].rstrip("/").rsplit("/", 1)[1])
    return World(
        course=course,
        rights=course.get_modules().first(),
        other_course=other_course,
        learner=learner,
        h5p_lesson=h5p_lesson,
        activity=multichoice,
        pack_lesson=pack_lesson,
        scorm_lesson=scorm_lesson,
        scorm_block=block_id,
        quiz_lesson=quiz_lesson,
        attempt_id=attempt_id,
    )


@pytest.fixture
def editor(catalogue):
    """A trainer with Wagtail's edit permission on the course pages, enrolled in nothing."""
    group = Group.objects.create(name="Course editors")
    GroupPagePermission.objects.create(
        group=group,
        page=catalogue,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user = UserFactory(username="editor")
    user.groups.add(group)
    return user


# Who asks -------------------------------------------------------------------


def anonymous(world):
    return None


def not_enrolled(world):
    return UserFactory(username="stranger")


def other_course_learner(world):
    user = UserFactory(username="elsewhere")
    services.enrol(user, world.other_course)
    return user


def locked_out(world):
    """The learner, once every module with content waits for the first, not yet complete."""
    for lesson in world.content_lessons():
        module = lesson.get_parent().specific
        module.prerequisites.add(world.rights)
        module.save_revision().publish()
    return world.learner


def withdrawn(world):
    """The learner, once every module with content is unpublished (its lessons stay live)."""
    for lesson in world.content_lessons():
        lesson.get_parent().specific.unpublish()
    return world.learner


# What is asked --------------------------------------------------------------


def h5p_token(user, world):
    if user is None:
        return MADE_UP
    return token_for(user, "h5p.play", l=str(world.h5p_lesson.lesson_uuid), a=world.activity.pk)


def scorm_token(user, world):
    if user is None:
        return MADE_UP
    package = world.scorm_lesson.body[0].value["package"]
    claims = {"l": str(world.scorm_lesson.lesson_uuid), "b": world.scorm_block, "k": package.pk}
    return token_for(user, "scorm.run", **claims)


def h5p_statements(client, user, world):
    attempt = None
    if user is not None:
        attempt = content.sign_timed(
            "h5p.attempt", u=user.pk, l=str(world.h5p_lesson.lesson_uuid), a=world.activity.pk
        )
    return client.post(
        reverse("h5p:statements", args=[world.h5p_lesson.lesson_uuid, world.activity.pk]),
        data=json.dumps({"statements": [statement()], "attempt": attempt}),
        content_type="application/json",
    )


def scorm_commit(client, user, world):
    body = {"sco": "item1", "session": "s1", "data": {"cmi.core.lesson_status": "passed"}}
    url = reverse("scorm_content:commit", args=[scorm_token(user, world)])
    return content_post(client, url, json.dumps(body), content_type="application/json")


@dataclass
class Endpoint:
    """How to ask, and the refusal each kind of wrong user gets.

    A refusal is a status code, or where it sends the person: "login", "course"
    (the course page) or "lesson" (the endpoint's own lesson page).
    """

    ask: object
    lesson: str  # the World attribute of the lesson it serves
    anonymous: object
    refused: object  # not enrolled, or enrolled in another course
    locked: object = None  # defaults to ``refused``
    unavailable: object = 404


ENDPOINTS = {
    "lesson page": Endpoint(
        lambda c, u, w: c.get(w.pack_lesson.url), "pack_lesson", "login", "course"
    ),
    "progress report": Endpoint(
        lambda c, u, w: c.post(
            reverse("courses:progress", args=[w.pack_lesson.lesson_uuid]),
            {"verb": "progressed", "progress_delta": 0.1},
            content_type="application/json",
        ),
        "pack_lesson",
        403,
        403,
    ),
    "mark as complete": Endpoint(
        lambda c, u, w: c.post(reverse("courses:mark_complete", args=[w.pack_lesson.lesson_uuid])),
        "pack_lesson",
        "login",
        "course",
    ),
    "H5P player": Endpoint(
        lambda c, u, w: content_get(c, reverse("h5p_content:play", args=[h5p_token(u, w)])),
        "h5p_lesson",
        404,
        403,
    ),
    "H5P files": Endpoint(
        lambda c, u, w: content_get(
            c,
            reverse("h5p_content:file", args=[h5p_token(u, w), w.activity.version, "h5p.json"]),
        ),
        "h5p_lesson",
        404,
        403,
    ),
    "H5P saved state (read)": Endpoint(
        lambda c, u, w: content_get(
            c, reverse("h5p_content:state", args=[h5p_token(u, w), "state", "0"])
        ),
        "h5p_lesson",
        404,
        403,
    ),
    "H5P saved state (save)": Endpoint(
        lambda c, u, w: content_post(
            c,
            reverse("h5p_content:state", args=[h5p_token(u, w), "state", "0"]),
            {"data": '{"progress": 1}'},
        ),
        "h5p_lesson",
        404,
        403,
    ),
    "H5P statements": Endpoint(h5p_statements, "h5p_lesson", 403, 403),
    "SCORM launch page": Endpoint(
        lambda c, u, w: c.get(
            reverse("scorm:launch", args=[w.scorm_lesson.lesson_uuid, w.scorm_block])
        ),
        "scorm_lesson",
        "login",
        404,
    ),
    "SCORM runtime": Endpoint(
        lambda c, u, w: content_get(c, reverse("scorm_content:run", args=[scorm_token(u, w)])),
        "scorm_lesson",
        404,
        404,
    ),
    "SCORM files": Endpoint(
        lambda c, u, w: content_get(
            c, reverse("scorm_content:content", args=[scorm_token(u, w), "index.html"])
        ),
        "scorm_lesson",
        404,
        404,
    ),
    "SCORM commit": Endpoint(scorm_commit, "scorm_lesson", 404, 404),
    "quiz start": Endpoint(
        lambda c, u, w: c.post(reverse("quizzes:start", args=[w.quiz_lesson.lesson_uuid])),
        "quiz_lesson",
        "login",
        "lesson",
    ),
    # The learner's own attempt: anyone else's is not found.
    "quiz attempt": Endpoint(
        lambda c, u, w: c.get(reverse("quizzes:attempt", args=[w.attempt_id])),
        "quiz_lesson",
        "login",
        404,
        locked="lesson",
    ),
    "quiz answers": Endpoint(
        lambda c, u, w: c.post(reverse("quizzes:attempt", args=[w.attempt_id]), {}),
        "quiz_lesson",
        "login",
        404,
        locked="lesson",
    ),
    "inclusive-education work": Endpoint(
        lambda c, u, w: c.post(work_url(w.pack_lesson, "iep1"), {"section-0": "A plan"}),
        "pack_lesson",
        "login",
        404,
    ),
    "inclusive-education IEP download": Endpoint(
        lambda c, u, w: c.get(work_url(w.pack_lesson, "iep1", "iep.pdf")),
        "pack_lesson",
        "login",
        404,
    ),
}

SCENARIOS = {
    "anonymous": (anonymous, "anonymous"),
    "not enrolled": (not_enrolled, "refused"),
    "learner of another course": (other_course_learner, "refused"),
    "locked module": (locked_out, "locked"),
    "unpublished module": (withdrawn, "unavailable"),
}


def outcome(response, world, endpoint):
    """What the person met: the status, or where a redirect took them."""
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if location.startswith(reverse("login")):
        return "login"
    if location == world.course.url:
        return "course"
    if location == getattr(world, endpoint.lesson).url:
        return "lesson"
    return f"redirect to {location}"


def refusal(endpoint, kind):
    if kind == "locked":
        return endpoint.locked or endpoint.refused
    return getattr(endpoint, kind)


def rows_about(user):
    """How many rows of each model point at ``user``: anything recorded about them shows."""
    if user is None:
        return {}
    user_model = get_user_model()
    counts = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                found = model._base_manager.filter(**{field.name: user}).count()
                if found:
                    counts[f"{model._meta.label}.{field.name}"] = found
    return counts


def ask_every_endpoint(client, user, world):
    return {
        name: outcome(endpoint.ask(client, user, world), world, endpoint)
        for name, endpoint in ENDPOINTS.items()
    }


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_lesson_endpoint_refuses_the_wrong_user_and_records_nothing(client, world, scenario):
    make_user, kind = SCENARIOS[scenario]
    user = make_user(world)
    if user is not None:
        client.force_login(user)
    before = rows_about(user)
    met = ask_every_endpoint(client, user, world)
    assert met == {name: refusal(endpoint, kind) for name, endpoint in ENDPOINTS.items()}
    assert rows_about(user) == before


def test_the_enrolled_learner_reaches_every_endpoint(client, world):
    client.force_login(world.learner)
    met = ask_every_endpoint(client, world.learner, world)
    refused = {
        name: met[name]
        for name, endpoint in ENDPOINTS.items()
        if met[name] in {refusal(endpoint, kind) for _make, kind in SCENARIOS.values()}
    }
    assert refused == {}


def test_an_editor_previews_every_lesson_and_nothing_of_theirs_is_recorded(client, world, editor):
    client.force_login(editor)
    before = rows_about(editor)
    met = ask_every_endpoint(client, editor, world)
    for opened in ("lesson page", "H5P player", "H5P files", "SCORM launch page", "SCORM runtime"):
        assert met[opened] == 200, opened
    # What only records work is refused; the pack's form says it is a preview.
    assert met["H5P statements"] == met["H5P saved state (save)"] == 403
    assert met["progress report"] == 403
    assert met["quiz start"] == "lesson"
    assert met["inclusive-education work"] == f"redirect to {world.pack_lesson.url}#block-iep1"
    assert rows_about(editor) == before


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", "login"),
        ("not enrolled", "course"),
        ("enrolled, not completed", "course"),
        ("completed another course", "course"),
        ("completed this course", 200),
    ],
)
def test_only_a_learner_who_completed_the_course_may_evaluate_it(client, world, who, expected):
    user = None
    if who == "not enrolled":
        user = UserFactory(username="stranger")
    elif who == "enrolled, not completed":
        user = world.learner
    elif who == "completed another course":
        user = UserFactory(username="elsewhere")
        complete_course(user, world.other_course)
    elif who == "completed this course":
        user = UserFactory(username="graduate")
        complete_course(user, world.course)
    if user is not None:
        client.force_login(user)
    url = reverse("surveys:evaluate", args=[world.course.pk])
    response = client.get(url)
    met = outcome(response, world, ENDPOINTS["lesson page"])
    assert met == expected
    if expected != 200:
        client.post(url, GOOD)
        assert not EvaluationResponse.objects.exists()
