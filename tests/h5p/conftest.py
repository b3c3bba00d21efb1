"""A course lesson holding an H5P activity (the real MultiChoice package by default)."""

import uuid

import pytest

from courses.factories import LessonPageFactory, ModulePageFactory
from h5p.importing import import_package
from lms.models import CompletionRule

from .packages import REAL


def real(stem):
    return next(path for path in REAL if path.stem == stem)


@pytest.fixture
def import_real(db):
    cache = {}

    def load(stem):
        if stem not in cache:
            with open(real(stem), "rb") as fileobj:
                cache[stem] = import_package(fileobj)
        return cache[stem]

    return load


def h5p_value(activity, completion="passed", min_score=None, required=True):
    return {
        "activity": activity.pk,
        "completion": completion,
        "min_score": min_score,
        "required": required,
    }


@pytest.fixture
def make_h5p_lesson(course):
    def make(activity, rule=CompletionRule.ON_READ, live=True, **block):
        module = ModulePageFactory(parent=course, title=f"Activities {uuid.uuid4().hex[:6]}")
        lesson = LessonPageFactory(
            parent=module,
            title="Try it",
            completion_rule=rule,
            body=[{"type": "h5p", "value": h5p_value(activity, **block)}],
        )
        if not live:
            lesson.unpublish()
        return lesson

    return make


@pytest.fixture
def multichoice(import_real):
    return import_real("H5P.MultiChoice")


@pytest.fixture
def h5p_lesson(make_h5p_lesson, multichoice):
    return make_h5p_lesson(multichoice)


def statement(
    activity_url="http://testserver/h5p/x",
    *,
    id=None,
    verb="answered",
    scaled=1.0,
    success=True,
    completion=True,
    parent=None,
    actor=None,
):
    result = {"completion": completion}
    if scaled is not None:
        result["score"] = {"scaled": scaled, "raw": scaled * 2, "min": 0, "max": 2}
    if success is not None:
        result["success"] = success
    context = {"contextActivities": {"category": [{"id": "http://h5p.org/libraries/x"}]}}
    if parent:
        context["contextActivities"]["parent"] = [{"id": parent}]
    made = {
        "id": id or str(uuid.uuid4()),
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": activity_url},
        "result": result,
        "context": context,
    }
    if actor is not None:
        made["actor"] = actor
    return made
