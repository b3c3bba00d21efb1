"""Build a competency framework from a pack's data, idempotently.

A definition is plain data, so a pack keeps its framework beside its starter
courses::

    FRAMEWORK = {
        "slug": "inclusive-teacher",
        "name": "Inclusive teacher competencies",
        "description": "...",
        "competencies": [
            {"code": "1", "kind": "area", "title": "...", "children": [
                {"code": "1.1", "kind": "competency", "title": "...",
                 "lessons": ["course-slug/lesson-slug"]},
            ]},
        ],
    }

Running it again updates titles and adds missing competencies and lesson
links; it never deletes anything an editor added.

Names, titles and descriptions are the pack's source text (English), marked
with ``gettext_noop`` and translated in the pack's ``locale/``: each is stored
in every language (``ui.translated.localized_values``), so a teacher reading
in Azerbaijani or Russian reads the framework in their language.
"""

from django.db import transaction

from courses.models import CoursePage, LessonPage
from ui.translated import localized_values

from .models import Competency, CompetencyLesson, Framework


@transaction.atomic
def build_framework(definition, *, pack=""):
    framework, _created = Framework.objects.update_or_create(
        slug=definition["slug"],
        defaults={
            **localized_values("name", definition["name"]),
            **localized_values("description", definition.get("description", "")),
            "pack": pack,
        },
    )
    lessons = _lessons_by_path(definition)
    missing = []
    order = iter(range(1, 100_000))

    def build(nodes, parent):
        for node in nodes:
            competency, _ = Competency.objects.update_or_create(
                framework=framework,
                code=node["code"],
                defaults={
                    "parent": parent,
                    "kind": node["kind"],
                    **localized_values("title", node["title"]),
                    **localized_values("description", node.get("description", "")),
                    "sort_order": next(order),
                },
            )
            for lesson_path in node.get("lessons", ()):
                lesson = lessons.get(lesson_path)
                if lesson is None:
                    missing.append(lesson_path)
                    continue
                CompetencyLesson.objects.get_or_create(competency=competency, lesson=lesson)
            build(node.get("children", ()), competency)

    build(definition["competencies"], None)
    return framework, missing


def _lesson_paths(nodes):
    for node in nodes:
        yield from node.get("lessons", ())
        yield from _lesson_paths(node.get("children", ()))


def _lessons_by_path(definition):
    """``course-slug/lesson-slug`` → lesson, one query per course named."""
    paths = set(_lesson_paths(definition["competencies"]))
    course_slugs = {path.split("/", 1)[0] for path in paths}
    found = {}
    for course in CoursePage.objects.filter(slug__in=course_slugs):
        for lesson in LessonPage.objects.descendant_of(course).only("id", "slug", "path"):
            key = f"{course.slug}/{lesson.slug}"
            if key in paths:
                found[key] = lesson
    return found
