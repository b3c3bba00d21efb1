"""Public signals of the learning records.

``lesson_completed`` is the public way for other apps (competency profiles,
module packs) to follow learning without reading lms internals::

    from django.dispatch import receiver
    from lms.signals import lesson_completed

    @receiver(lesson_completed)
    def on_lesson_completed(sender, learner_id, lesson_uuid, course_id, completed_at, **kwargs):
        ...

It is sent by :func:`lms.services.record_learning` once the transaction that
completed the lesson has committed, exactly once per learner and lesson.
The learning records' own receivers live in :mod:`lms.receivers`.
"""

from django.dispatch import Signal

lesson_completed = Signal()
