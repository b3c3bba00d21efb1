"""The pack's starter content: its courses (:mod:`.starter`), its blocks placed in them, its framework.

``build_starter_content`` is registered with :func:`courses.packs.register_starter_content`
and run by ``manage.py build_starter_content`` and by the demo; it is idempotent.
"""

from django.utils.translation import gettext_noop

from courses.models import CoursePage, LessonPage
from courses.starter import build_course, ensure_blocks

from . import starter
from .blocks import DEFAULT_IEP_SECTIONS

PRACTICE = "inclusive-education-in-practice"
FOUNDATIONS = "foundations-of-inclusive-education"

IEP_BLOCK = {
    "type": "iep_template",
    "value": {
        "title": "Your practice individual education plan",
        "intro": (
            "<p>Draft a plan for a learner you teach or have taught. Use initials, not "
            "the child's name. Save it as you go; you can download it as a PDF to bring "
            "to the team meeting with the parents and the resource centre.</p>"
        ),
        "sections": DEFAULT_IEP_SECTIONS,
    },
}

# Pack blocks added to starter lessons: "course/lesson" → blocks appended to its body.
LESSON_BLOCKS = {
    f"{PRACTICE}/individual-education-plans": [IEP_BLOCK],
    f"{FOUNDATIONS}/iep-purpose-and-parts": [IEP_BLOCK],
    f"{PRACTICE}/adapting-lessons": [
        {
            "type": "adaptation_checklist",
            "value": {
                "title": "Your adaptation checklist",
                "intro": (
                    "<p>Think of one lesson you will teach this week and one pupil who "
                    "may meet a barrier in it. Tick each adaptation you will try.</p>"
                ),
                "items": [
                    "Content: fewer examples or a shorter text on the same topic",
                    "Content: the core vocabulary given in advance",
                    "Process: step-by-step instruction cards",
                    "Process: a partner who reads the task aloud once",
                    "Process: concrete objects or pictures",
                    "Process: more time and a short break",
                    "Product: answer orally instead of in writing",
                    "Product: matching or choosing instead of free writing",
                    "Environment: seat near the teacher, away from the door",
                    "Environment: good light on my face for a pupil who lip-reads",
                    "The same learning goal as the rest of the class",
                    "A note of what worked, for the pupil's plan",
                ],
            },
        }
    ],
    f"{PRACTICE}/working-with-parents": [
        {
            "type": "case_study",
            "value": {
                "title": "Nigar's mother does not come to school",
                "story": (
                    "<p>Nigar is in Grade 2 in a village school near Ağcabədi. She has a "
                    "hearing impairment and has just moved from home-based learning into "
                    "the class. Her teacher, Ms Sevda, has invited Nigar's mother to two "
                    "meetings; she came to neither. Colleagues say the family 'is not "
                    "interested'. A neighbour mentions that the mother works mornings on "
                    "a farm and was told by a doctor years ago that Nigar 'would never "
                    "manage in a normal school'.</p>"
                ),
                "reflection_prompt": (
                    "What might keep Nigar's mother away, and what first step would you "
                    "take to build a partnership with her?"
                ),
            },
        }
    ],
}

FRAMEWORK = {
    "slug": "inclusive-teacher",
    "name": gettext_noop("Inclusive teacher competencies"),
    "description": gettext_noop(
        "What a teacher in an inclusive school values, knows and does, in four areas "
        "adapted from the Profile of Inclusive Teachers for Azerbaijan's programme."
    ),
    "competencies": [
        {
            "code": "1",
            "kind": "area",
            "title": gettext_noop("Valuing learner diversity"),
            "children": [
                {
                    "code": "1.1",
                    "kind": "competency",
                    "title": gettext_noop("Understands inclusive education as every child's right"),
                    "lessons": [
                        f"{PRACTICE}/uncrpd-article-24",
                        f"{PRACTICE}/inclusion-in-azerbaijan",
                        f"{FOUNDATIONS}/what-is-inclusive-education",
                        f"{FOUNDATIONS}/rights-and-policy",
                    ],
                },
                {
                    "code": "1.2",
                    "kind": "competency",
                    "title": gettext_noop(
                        "Sees learner difference as a resource, and speaks respectfully about it"
                    ),
                    "lessons": [
                        f"{PRACTICE}/attitudes-and-language",
                        f"{FOUNDATIONS}/ways-of-thinking-about-disability",
                        f"{FOUNDATIONS}/learner-diversity",
                    ],
                },
            ],
        },
        {
            "code": "2",
            "kind": "area",
            "title": gettext_noop("Supporting all learners"),
            "children": [
                {
                    "code": "2.1",
                    "kind": "competency",
                    "title": gettext_noop("Plans lessons with universal design for learning"),
                    "lessons": [
                        f"{PRACTICE}/universal-design-for-learning",
                        f"{FOUNDATIONS}/principles-of-udl",
                    ],
                },
                {
                    "code": "2.2",
                    "kind": "competency",
                    "title": gettext_noop("Adapts teaching, the classroom and assessment fairly"),
                    "lessons": [
                        f"{PRACTICE}/adapting-lessons",
                        f"{PRACTICE}/fair-assessment",
                        f"{FOUNDATIONS}/inclusive-classroom-climate",
                    ],
                },
                {
                    "code": "2.3",
                    "kind": "competency",
                    "title": gettext_noop(
                        "Contributes to and teaches by an individual education plan"
                    ),
                    "lessons": [
                        f"{PRACTICE}/individual-education-plans",
                        f"{FOUNDATIONS}/iep-purpose-and-parts",
                    ],
                },
            ],
        },
        {
            "code": "3",
            "kind": "area",
            "title": gettext_noop("Working with others"),
            "children": [
                {
                    "code": "3.1",
                    "kind": "competency",
                    "title": gettext_noop("Works in partnership with parents and families"),
                    "lessons": [
                        f"{PRACTICE}/working-with-parents",
                        f"{FOUNDATIONS}/families-and-community",
                    ],
                },
                {
                    "code": "3.2",
                    "kind": "competency",
                    "title": gettext_noop("Draws on resource centres and specialists"),
                    "lessons": [f"{PRACTICE}/resource-centres"],
                },
            ],
        },
        {
            "code": "4",
            "kind": "area",
            "title": gettext_noop("Personal professional development"),
            "children": [
                {
                    "code": "4.1",
                    "kind": "competency",
                    "title": gettext_noop("Reflects on own practice and seeks support"),
                    "lessons": [f"{FOUNDATIONS}/reflective-practice-and-support"],
                },
            ],
        },
    ],
}


def build_starter_content(catalogue, stdout=None):
    from competencies.loading import build_framework

    for data in starter.COURSES:
        build_course(catalogue, data)
    for lesson_path, blocks in LESSON_BLOCKS.items():
        course_slug, lesson_slug = lesson_path.split("/")
        course = CoursePage.objects.filter(slug=course_slug).first()
        lesson = (
            LessonPage.objects.descendant_of(course).filter(slug=lesson_slug).first()
            if course
            else None
        )
        if lesson is not None:
            ensure_blocks(lesson, blocks)
    framework, missing = build_framework(FRAMEWORK, pack="inclusive_ed")
    if missing and stdout is not None:
        stdout.write(f"{framework.name}: lessons not found: {', '.join(missing)}")
    return framework
