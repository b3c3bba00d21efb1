"""Cohorts: members are enrolled in every course of their cohort, whenever either is added.

``add_members`` and ``add_courses`` are the service calls (bulk, constant
queries per course); the signal receivers in :mod:`lms.receivers` call
``sync_enrolments`` when memberships or courses change through the ORM or
the admin.
"""

from django.db import transaction
from wagtail.log_actions import log

from .models import CohortMembership, Enrolment
from .services import refresh_course_aggregates


def sync_enrolments(cohort, *, learner_ids=None, course_ids=None):
    """Enrol (method "cohort") every member in every course; return how many were new."""
    if learner_ids is None:
        learner_ids = list(cohort.memberships.values_list("learner_id", flat=True))
    if course_ids is None:
        course_ids = list(cohort.courses.values_list("pk", flat=True))
    if not learner_ids or not course_ids:
        return 0
    created = 0
    with transaction.atomic():
        for course_id in course_ids:
            existing = set(
                Enrolment.objects.filter(
                    course_id=course_id, learner_id__in=learner_ids
                ).values_list("learner_id", flat=True)
            )
            new = [
                Enrolment(
                    learner_id=learner_id, course_id=course_id, method=Enrolment.Method.COHORT
                )
                for learner_id in learner_ids
                if learner_id not in existing
            ]
            Enrolment.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
            if new:
                refresh_course_aggregates(course_id, learner_ids=[e.learner_id for e in new])
            created += len(new)
        if created:
            # One audit entry per change, however many learners it enrolled.
            log(
                cohort,
                "lms.cohort_enrol",
                data={"enrolments": created, "learners": learner_ids, "courses": course_ids},
            )
    return created


def add_members(cohort, learners):
    """Add learners to a cohort and enrol them in its courses."""
    learner_ids = [learner.pk for learner in learners]
    with transaction.atomic():
        CohortMembership.objects.bulk_create(
            [CohortMembership(cohort=cohort, learner_id=pk) for pk in learner_ids],
            ignore_conflicts=True,
            batch_size=1000,
        )
        return sync_enrolments(cohort, learner_ids=learner_ids)


def add_courses(cohort, courses):
    """Add courses to a cohort and enrol its members in them."""
    with transaction.atomic():
        cohort.courses.add(*courses)
        return sync_enrolments(cohort, course_ids=[course.pk for course in courses])
