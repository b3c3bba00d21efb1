"""Test-data factories for the course tree, kept as public code for sites' own tests.

Pages are added to the tree with ``add_child`` and, unless ``publish=False``,
published through a revision, exactly as an editor would: the publish signal
registers lessons with the learning records. For large trees, build with
``publish=False`` and call :func:`courses.structure.sync_course` once::

    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    LessonPageFactory.create_batch(3, parent=module)
"""

import factory
from wagtail.models import Page

from .models import CatalogueIndexPage, CoursePage, LessonPage, ModulePage, Programme


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` (default: the tree root) and publishes it.

    With ``publish=False`` the page is saved without a revision and no publish
    signal fires (pass ``live=False`` for a draft).
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        parent = parent or Page.get_first_root_node()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page


class CatalogueIndexPageFactory(PageFactory):
    class Meta:
        model = CatalogueIndexPage

    title = "Courses"


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A course for teachers."
    programme = factory.SubFactory(ProgrammeFactory)
    audience = "in_service"
    language = "en"
    cpd_hours = 6


def open_course(**kwargs):
    """A published course with one module and one lesson: one a learner may enrol in."""
    course = CoursePageFactory(**kwargs)
    module = ModulePageFactory(parent=course, title=f"{course.title}: module")
    LessonPageFactory(parent=module, title=f"{course.title}: first lesson")
    return course


class ModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")


class LessonPageFactory(PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Every child learns side by side.</p>"},
        ]
    )
