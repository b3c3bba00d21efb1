"""The data the stack tests need, built with the public factories (``manage.py shell``)."""

import json

from accounts.factories import UserFactory
from courses.factories import (
    CatalogueIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.helpers import site_home


def seed():
    home = site_home()
    catalogue = CatalogueIndexPageFactory(parent=home, slug="courses")
    course = CoursePageFactory(parent=catalogue, title="Inclusive classrooms", slug="inclusive")
    module = ModulePageFactory(parent=course, title="Rights", slug="rights")
    lessons = [
        LessonPageFactory(parent=module, title=f"Lesson {n}", slug=f"lesson-{n}")
        for n in range(1, 4)
    ]
    for username in ("aysel", "murad"):
        UserFactory(username=username)
    print(
        json.dumps(
            {
                "course_id": course.pk,
                "course_url": course.url,
                "lessons": [
                    {"uuid": str(lesson.lesson_uuid), "url": lesson.url} for lesson in lessons
                ],
            }
        )
    )
