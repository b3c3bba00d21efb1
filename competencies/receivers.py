"""Fill in learners' competency profiles as lessons complete (``lms.signals.lesson_completed``)."""

from django.dispatch import receiver

from lms.signals import lesson_completed

from .profile import record_completed_lesson


@receiver(lesson_completed, dispatch_uid="competencies.record_evidence")
def record_evidence(sender, learner_id, lesson_uuid, completed_at, **kwargs):
    record_completed_lesson(learner_id, lesson_uuid, completed_at)
