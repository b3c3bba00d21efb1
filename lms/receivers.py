"""Receivers that keep cohort enrolments in step with memberships and a cohort's courses.

Connected when :meth:`lms.apps.LmsConfig.ready` imports this module; the
learning records' public signals are defined in :mod:`lms.signals`.
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from .cohorts import sync_enrolments
from .models import Cohort, CohortMembership


@receiver(post_save, sender=CohortMembership)
def enrol_new_member(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_enrolments(instance.cohort, learner_ids=[instance.learner_id])


@receiver(m2m_changed, sender=Cohort.courses.through)
def enrol_members_in_new_courses(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "post_add" and not reverse and pk_set:
        sync_enrolments(instance, course_ids=list(pk_set))
