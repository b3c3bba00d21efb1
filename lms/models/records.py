"""Learner records in Kolibri's layered design.

* :class:`Enrolment`: one row per learner and course; it is also the
  per-course aggregate (progress, lessons done, time, completion), written in
  the same transaction as the lesson record, so course completion is instant.
* :class:`LessonProgress`: one summary row per learner and lesson.
* :class:`LearningSession`: one row per sitting with a lesson.

Only :mod:`lms.services` writes these rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    """What a learner did to a lesson, as reported to the recording service."""

    VIEWED = "viewed", _("Viewed")
    PROGRESSED = "progressed", _("Progressed")
    REACHED_END = "reached_end", _("Reached the end")
    MARKED_COMPLETE = "marked_complete", _("Marked complete")
    SCORED = "scored", _("Scored")


class Source(models.TextChoices):
    """Where a record came from."""

    PAGE = "page", _("Lesson page")
    API = "api", _("Progress API")
    QUIZ = "quiz", _("Quiz")
    H5P = "h5p", _("H5P activity")
    SCORM = "scorm", _("SCORM package")
    XAPI = "xapi", _("xAPI statement")
    TRAINER = "trainer", _("Trainer")
    SYSTEM = "system", _("System")


class Enrolment(models.Model):
    """A learner's place on a course, and their progress through it.

    The aggregate fields are kept in step with :class:`LessonProgress` by the
    recording service, so the learner's dashboard and a trainer's report read
    the same numbers without recomputing them.
    """

    class Method(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        TRAINER = "trainer", _("Enrolled by a trainer")
        COHORT = "cohort", _("Cohort membership")
        IMPORT = "import", _("Bulk import")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    # PROTECT: a course with learners cannot be deleted, only unpublished.
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    method = models.CharField(
        _("how enrolled"), max_length=16, choices=Method.choices, default=Method.SELF
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    progress = models.FloatField(_("progress"), default=0.0)
    lessons_completed = models.PositiveIntegerField(_("lessons completed"), default=0)
    time_spent = models.FloatField(_("time spent (seconds)"), default=0.0)
    last_item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("last lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="lms_enrolment_unique"),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=1),
                name="lms_enrolment_progress_range",
            ),
            models.CheckConstraint(
                condition=Q(time_spent__gte=0), name="lms_enrolment_time_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["course", "completed_at"], name="lms_enrol_course_done"),
            models.Index(fields=["learner", "-enrolled_at"], name="lms_enrol_learner_recent"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.course}"

    @property
    def is_complete(self):
        return self.completed_at is not None

    @property
    def percent(self):
        return round(self.progress * 100)

    @property
    def dom_id(self):
        return f"enrolment-{self.pk}-progress"


class LessonProgress(models.Model):
    """One learner's summary for one lesson (Kolibri's ContentSummaryLog).

    ``progress`` only rises; ``completed_at`` is set once, when progress first
    reaches 1, and never changes after.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        db_column="lesson_uuid",
        on_delete=models.CASCADE,
        related_name="progress_records",
    )
    progress = models.FloatField(_("progress"), default=0.0)
    time_spent = models.FloatField(_("time spent (seconds)"), default=0.0)
    first_visited_at = models.DateTimeField(_("first visit"), null=True, blank=True)
    last_visited_at = models.DateTimeField(_("last visit"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completion_source = models.CharField(
        _("completed through"), max_length=16, choices=Source.choices, blank=True
    )
    # Best score (0-1) of any assessment attempt on this lesson.
    best_score = models.FloatField(_("best score"), null=True, blank=True)
    passed_at = models.DateTimeField(_("passed"), null=True, blank=True)
    # Free-form state a lesson type may keep (e.g. a reading position).
    extra = models.JSONField(_("extra data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "item"], name="lms_progress_unique"),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=1),
                name="lms_progress_range",
            ),
            models.CheckConstraint(
                condition=Q(time_spent__gte=0), name="lms_progress_time_positive"
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(progress=1),
                name="lms_progress_complete_means_full",
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.item_id}: {self.progress:.0%}"

    @property
    def is_complete(self):
        return self.completed_at is not None


class LearningSession(models.Model):
    """One sitting of a learner with a lesson (Kolibri's ContentSessionLog)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="learning_sessions",
    )
    item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        db_column="lesson_uuid",
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    started_at = models.DateTimeField(_("started"))
    last_activity_at = models.DateTimeField(_("last activity"))
    time_spent = models.FloatField(_("time spent (seconds)"), default=0.0)
    # Progress gained during this session.
    progress = models.FloatField(_("progress gained"), default=0.0)
    extra = models.JSONField(_("extra data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("learning session")
        verbose_name_plural = _("learning sessions")
        indexes = [
            models.Index(
                fields=["learner", "item", "-last_activity_at"], name="lms_session_recent"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(time_spent__gte=0), name="lms_session_time_positive"
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.item_id} at {self.started_at:%Y-%m-%d %H:%M}"


class RecordedReport(models.Model):
    """A report a client has already had recorded, by the id the client gave it.

    Clients on slow connections retry a report whose answer they never saw.
    The recording service writes this row in the same transaction as the
    report's effect, so a retry with the same ``request_id`` (the progress
    endpoint's ``Idempotency-Key``, an xAPI statement id) changes nothing.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    request_id = models.CharField(_("request id"), max_length=64)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("recorded report")
        verbose_name_plural = _("recorded reports")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "request_id"], name="lms_recorded_report_unique"
            ),
        ]

    def __str__(self):
        return f"{self.learner_id}: {self.request_id}"
