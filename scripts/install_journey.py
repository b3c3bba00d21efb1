"""A first journey on a fresh Wagtail site with the apps installed (run by install_check.py).

Run inside the site made by ``wagtail start`` with its settings module in
``DJANGO_SETTINGS_MODULE``. Through Django's test client, as an editor and a
learner would: the editor creates a programme and a catalogue, course, module
and lesson in the Wagtail admin (opening each editor first, as the lesson
editor is where a missing activity app used to fail); the learner signs in,
enrols, marks the lesson complete and sees the course complete on their
dashboard. ``INSTALL_CHECK_ACTIVITIES`` names the activity apps whose blocks the
lesson editor must offer. Any step that fails exits with a message.
"""

import html
import os
import re
import sys
from html.parser import HTMLParser

import django

django.setup()

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield  # noqa: E402

from courses.models import CatalogueIndexPage, CoursePage, LessonPage, ModulePage  # noqa: E402
from lms import services  # noqa: E402

# The lesson block each activity app registers (courses.packs.register_lesson_block).
ACTIVITY_BLOCKS = {"h5p": "h5p", "quizzes": "quiz", "scorm": "scorm"}


class FormInputs(HTMLParser):
    """The values a browser would send for the page's main form, without its scripts."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self._select = None
        self._textarea = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") == "page-edit-form" or "data-edit-form" in attrs):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.values[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in attrs:
                self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def fail(message, response=None):
    print(f"install check: {message}", file=sys.stderr)
    if response is not None:
        body = response.content.decode("utf-8", "replace")
        errors = re.findall(r'class="error-message"[^>]*>(.*?)</', body, re.S)
        print(f"  status {response.status_code}; errors: {errors[:10]}", file=sys.stderr)
    sys.exit(1)


def get(client, url, what):
    response = client.get(url)
    if response.status_code != 200:
        fail(f"{what}: GET {url} answered {response.status_code}", response)
    return response


def add_page(client, model, parent, fields, stream=None):
    """Open the admin's editor for a new page, fill it in and publish it."""
    label = model._meta.app_label, model._meta.model_name
    url = reverse("wagtailadmin_pages:add", args=[*label, parent.pk])
    form = FormInputs()
    form.feed(get(client, url, f"the editor of a new {model.__name__}").content.decode())
    data = {**form.values, **nested_form_data(fields), "action-publish": "publish"}
    if stream:
        data.update(stream)
    response = client.post(url, data)
    if response.status_code != 302:
        fail(f"publishing a {model.__name__} was refused", response)
    page = model.objects.filter(title=fields["title"]).first()
    if page is None or not page.live:
        fail(f"the {model.__name__} {fields['title']!r} is not live after publishing")
    return page


def visit_installed_apps(client, course):
    """The learner's own pages of the other installed apps, and the API with a token."""
    from django.apps import apps

    if apps.is_installed("library"):
        get(client, reverse("library:catalogue"), "the library catalogue")
        get(client, reverse("library:my_library"), "the learner's library page")
    if apps.is_installed("competencies"):
        get(client, reverse("competencies:profile"), "the learner's competency profile")
    if apps.is_installed("api"):
        response = Client().post(
            reverse("api:token"),
            {"username": "learner", "password": "a long learner password"},
        )
        if response.status_code != 200:
            fail("the API gave the learner no token", response)
        token = response.json()["token"]
        api = Client(headers={"Authorization": f"Token {token}"})
        listed = get(api, reverse("api:enrolment-list"), "the learner's enrolments in the API")
        if course.title not in listed.content.decode():
            fail("the API does not list the learner's enrolment")
        get(api, reverse("api:schema"), "the API's schema")


def main():
    from django.contrib.auth import get_user_model

    User = get_user_model()
    editor = User.objects.create_superuser("editor", "editor@example.org", "a long editor password")
    learner = User.objects.create_user("learner", "learner@example.org", "a long learner password")

    admin = Client()
    admin.force_login(editor)

    # A programme, through its snippet editor.
    url = reverse("wagtailsnippets_courses_programme:add")
    get(admin, url, "the programme editor")
    # Named in each of the three languages (django-modeltranslation's columns).
    names = {
        "name_az": "Pilot proqram",
        "name_ru": "Пилотная программа",
        "name_en": "Pilot programme",
    }
    response = admin.post(url, {**names, "slug": "pilot", "sort_order": 0})
    if response.status_code != 302:
        fail("saving a programme was refused", response)
    from courses.models import Programme

    programme = Programme.objects.get(slug="pilot")

    home = Page.objects.filter(depth=2).first()
    catalogue = add_page(admin, CatalogueIndexPage, home, {"title": "Courses", "slug": "courses"})
    course = add_page(
        admin,
        CoursePage,
        catalogue,
        {
            "title": "Inclusive classrooms",
            "slug": "inclusive-classrooms",
            "summary": "Teaching every child in one classroom.",
            "programme": programme.pk,
            "audience": "in_service",
            "language": "en",
            "cpd_hours": "2",
            "duration_minutes": "60",
            "learning_outcomes-TOTAL_FORMS": "1",
            "learning_outcomes-INITIAL_FORMS": "0",
            "learning_outcomes-0-text": "Plan a lesson for every learner.",
            "learning_outcomes-0-ORDER": "1",
            "learning_outcomes-0-id": "",
            "learning_outcomes-0-DELETE": "",
        },
    )
    module = add_page(admin, ModulePage, course, {"title": "First steps", "slug": "first-steps"})

    editor_page = get(
        admin,
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk]),
        "the lesson editor",
    ).content.decode()
    wanted = [name for name in os.environ.get("INSTALL_CHECK_ACTIVITIES", "").split(",") if name]
    # The stream's block definitions reach the editor's script as escaped JSON
    # (telepath: each block's name is the first of its "_args").
    offered = set(re.findall(r'"_args": \["([a-z0-9_]+)"', html.unescape(editor_page)))
    for app in wanted:
        if ACTIVITY_BLOCKS[app] not in offered:
            fail(f"the lesson editor offers no {ACTIVITY_BLOCKS[app]!r} block (the {app} app)")
    lesson = add_page(
        admin,
        LessonPage,
        module,
        {
            "title": "Every learner",
            "slug": "every-learner",
            "summary": "Why inclusion starts with planning.",
            "estimated_minutes": "10",
            "required": "on",
            "completion_rule": "read",
        },
        stream=nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Every child can learn.</p>"))])}
        ),
    )
    get(admin, reverse("wagtailadmin_pages:edit", args=[lesson.pk]), "the editor of the lesson")

    # The learner's journey.
    client = Client()
    if not client.login(username="learner", password="a long learner password"):
        fail("the learner could not sign in")
    page = get(client, course.url, "the course page").content.decode()
    if course.title not in page:
        fail("the course page does not show the course's title")
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    if response.status_code != 302:
        fail("enrolling was refused", response)
    lesson_page = get(client, lesson.url, "the lesson page").content.decode()
    if "Every child can learn." not in lesson_page:
        fail("the lesson page does not show the lesson's text")
    response = client.post(reverse("courses:mark_complete", args=[lesson.lesson_uuid]))
    if response.status_code != 302:
        fail("marking the lesson complete was refused", response)
    enrolment = services.learner_enrolment(learner, course.pk)
    if enrolment.completed_at is None:
        fail("the course is not complete after its only lesson was completed")
    dashboard = get(client, reverse("lms:dashboard"), "the learner's dashboard").content.decode()
    if course.title not in dashboard:
        fail("the dashboard does not list the completed course")
    visit_installed_apps(client, course)
    print(
        "install check: editor created a course with a lesson; the learner enrolled, "
        f"completed it and sees it on the dashboard (activities: {', '.join(wanted) or 'none'})."
    )


if __name__ == "__main__":
    main()
