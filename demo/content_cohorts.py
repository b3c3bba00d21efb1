"""Demo cohorts: the universities' pre-service groups and in-service groups in districts.

Learners are made up (names common in Azerbaijan, example.org addresses)
and given progress at different stages through the real recording service,
so every report and the targets dashboard show believable numbers.
"""

import random

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from lms import cohorts, services
from lms.models import (
    Cohort,
    District,
    Institution,
    LearnerProfile,
    Role,
    Source,
    Target,
    Verb,
)

UNIVERSITIES = [
    # name, kind, district, parent
    ("Azerbaijan State Pedagogical University", "university", "Baku", None),
    ("ASPU Guba branch", "branch", "Guba", "Azerbaijan State Pedagogical University"),
    ("ASPU Shaki branch", "branch", "Shaki", "Azerbaijan State Pedagogical University"),
    ("Ganja State University", "university", "Ganja", None),
    ("Sumgayit State University", "university", "Sumgayit", None),
    ("School No. 220, Baku", "school", "Baku", None),
    ("Agjabadi secondary school No. 1", "school", "Agjabadi", None),
    ("Gazakh secondary school No. 3", "school", "Gazakh", None),
]

COHORTS = [
    # name, course slug, institution, district, role, learners
    (
        "ASPU Baku – inclusive education 2026",
        "foundations-of-inclusive-education",
        "Azerbaijan State Pedagogical University",
        "Baku",
        Role.STUDENT_TEACHER,
        12,
    ),
    (
        "ASPU Guba branch – inclusive education 2026",
        "foundations-of-inclusive-education",
        "ASPU Guba branch",
        "Guba",
        Role.STUDENT_TEACHER,
        8,
    ),
    (
        "ASPU Shaki branch – inclusive education 2026",
        "foundations-of-inclusive-education",
        "ASPU Shaki branch",
        "Shaki",
        Role.STUDENT_TEACHER,
        8,
    ),
    (
        "Ganja State University – inclusive education 2026",
        "foundations-of-inclusive-education",
        "Ganja State University",
        "Ganja",
        Role.STUDENT_TEACHER,
        10,
    ),
    (
        "Sumgayit State University – inclusive education 2026",
        "foundations-of-inclusive-education",
        "Sumgayit State University",
        "Sumgayit",
        Role.STUDENT_TEACHER,
        10,
    ),
    (
        "Baku in-service teachers – autumn 2026",
        "inclusive-education-in-practice",
        "School No. 220, Baku",
        "Baku",
        Role.TEACHER,
        10,
    ),
    (
        "Agjabadi in-service teachers – autumn 2026",
        "inclusive-education-in-practice",
        "Agjabadi secondary school No. 1",
        "Agjabadi",
        Role.TEACHER,
        8,
    ),
    (
        "Gazakh in-service teachers – autumn 2026",
        "inclusive-education-in-practice",
        "Gazakh secondary school No. 3",
        "Gazakh",
        Role.TEACHER,
        8,
    ),
]

FIRST = [
    "Aysel",
    "Leyla",
    "Nigar",
    "Gunel",
    "Sevinj",
    "Aynur",
    "Murad",
    "Rashad",
    "Elvin",
    "Tural",
    "Kamran",
    "Farid",
    "Sabina",
    "Lala",
    "Orkhan",
    "Javid",
]
LAST = [
    "Mammadova",
    "Aliyeva",
    "Huseynova",
    "Hasanova",
    "Guliyeva",
    "Ismayilova",
    "Mammadov",
    "Aliyev",
    "Huseynov",
    "Hasanov",
    "Guliyev",
    "Ismayilov",
]

TARGETS = [
    ("inclusive-education", None, "", 11300),
    ("inclusive-education", None, "in_service", 10000),
    ("inclusive-education", None, "pre_service", 1300),
    ("inclusive-education", "Baku", "", 3000),
    ("inclusive-education", "Guba", "", 400),
    ("inclusive-education", "Shaki", "", 400),
    ("inclusive-education", "Ganja", "", 800),
    ("inclusive-education", "Sumgayit", "", 800),
    ("inclusive-education", "Agjabadi", "", 300),
    ("inclusive-education", "Gazakh", "", 300),
]


def build(course_pages, trainer=None):
    """Create the institutions, cohorts with learners at different stages, and targets."""
    rng = random.Random(2026)
    institutions = {}
    for name, kind, district, parent in UNIVERSITIES:
        institutions[name], _created = Institution.objects.get_or_create(
            name=name,
            district=District.objects.get(slug=slugify(district)),
            defaults={"kind": kind, "parent": institutions.get(parent)},
        )
    User = get_user_model()
    for name, course_slug, institution, district, role, size in COHORTS:
        if Cohort.objects.filter(name=name).exists():
            continue
        course = course_pages.get(course_slug)
        if course is None:  # its module pack is not installed
            continue
        cohort = Cohort.objects.create(
            name=name,
            programme="inclusive-education",
            audience="pre_service" if role == Role.STUDENT_TEACHER else "in_service",
            institution=institutions[institution],
            district=District.objects.get(slug=slugify(district)),
        )
        cohort.courses.add(course)
        if trainer is not None:
            cohort.trainers.add(trainer)
        learners = []
        for index in range(size):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            username = f"{slugify(district)}-{slugify(first)}-{index}-{cohort.pk}"
            user, _created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            LearnerProfile.objects.update_or_create(
                user=user,
                defaults={
                    "role": role,
                    "institution": institutions[institution],
                    "district": cohort.district,
                },
            )
            learners.append(user)
        cohorts.add_members(cohort, learners)
        lessons = [lesson for lesson in course.get_lessons() if lesson.completion_rule != "pass"]
        for user in learners:
            done = rng.choice([0, 1, 2, 3, 5, len(lessons), len(lessons)])
            for lesson in lessons[:done]:
                services.record_learning(user, lesson.lesson_uuid, Verb.VIEWED, time_spent=300)
                services.record_learning(
                    user,
                    lesson.lesson_uuid,
                    Verb.MARKED_COMPLETE,
                    time_spent=rng.randint(600, 1800),
                    source=Source.SYSTEM,  # seeded history, not a learner's report
                )
    for programme, district, audience, target in TARGETS:
        Target.objects.get_or_create(
            programme=programme,
            district=District.objects.get(slug=slugify(district)) if district else None,
            audience=audience,
            defaults={"target": target},
        )
