"""Public signals of the learning records, and receivers that keep cohort enrolments in step.

``lesson_completed`` is the public way for other apps (competency profiles,
module packs) to follow learning without reading lms internals::

    from django.dispatch import receiver
    from lms.signals import lesson_completed

    @receiver(lesson_completed)
    def on_lesson_completed(sender, learner_id, lesson_uuid, course_id, completed_at, **kwargs):
        ...

It is sent by :func:`lms.services.record_learning` once the transaction that
completed the lesson has committed, exactly once per learner and lesson.
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import Signal, receiver

from .cohorts import sync_enrolments
from .models import Cohort, CohortMembership

lesson_completed = Signal()


@receiver(post_save, sender=CohortMembership)
def enrol_new_member(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_enrolments(instance.cohort, learner_ids=[instance.learner_id])


@receiver(m2m_changed, sender=Cohort.courses.through)
def enrol_members_in_new_courses(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "post_add" and not reverse and pk_set:
        sync_enrolments(instance, course_ids=list(pk_set))
