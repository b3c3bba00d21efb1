"""A course whose lessons hold the inclusive-education blocks."""

import pytest

from courses.factories import LessonPageFactory, ModulePageFactory
from modules.inclusive_ed.blocks import DEFAULT_IEP_SECTIONS


@pytest.fixture
def pack_lesson(course):
    module = ModulePageFactory(parent=course, title="Plans", slug="plans")
    return LessonPageFactory(
        parent=module,
        title="Individual education plans",
        slug="iep",
        body=[
            {"type": "paragraph", "value": "<p>Plans for every learner.</p>", "id": "intro"},
            {
                "type": "iep_template",
                "value": {"title": "Your plan", "intro": "", "sections": DEFAULT_IEP_SECTIONS},
                "id": "iep1",
            },
            {
                "type": "adaptation_checklist",
                "value": {"title": "Checklist", "intro": "", "items": ["Large print", "A partner"]},
                "id": "check1",
            },
            {
                "type": "case_study",
                "value": {
                    "title": "Nigar",
                    "story": "<p>A case.</p>",
                    "reflection_prompt": "What would you do first?",
                },
                "id": "case1",
            },
        ],
    )


def work_url(lesson, block_id, suffix=""):
    return f"/packs/inclusive-ed/work/{lesson.lesson_uuid}/{block_id}/{suffix}"
