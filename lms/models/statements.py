"""The statement log: every learning event from any source, stored once, in xAPI's shape.

Kolibri keeps every log in one app; this goes one step further and keeps
each event as the xAPI statement it is (or would be), whoever sent it: the
H5P player, a client of the xAPI API, a SCORM package's commits, the
platform's own quiz, a trainer's decision. So one list answers "what did this
learner do", for the learner, their trainer and their data download.

A statement is stored once, by its id; the same id sent again with the same
content (``digest``) changes nothing, with other content it is a conflict
(:mod:`lms.statements`). Written only by :mod:`lms.statements`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .records import Source


class Statement(models.Model):
    """One xAPI statement about one learner."""

    # The statement's own id (xAPI requires a UUID).
    id = models.UUIDField(_("statement id"), primary_key=True)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    verb = models.CharField(_("verb IRI"), max_length=512)
    # The activity IRI (or agent / statement id) the statement is about.
    object_id = models.CharField(_("object id"), max_length=512)
    # The lesson it is about, when it is about one of ours.
    item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        db_column="lesson_uuid",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    # The attempt whose result this statement carries (a top-level result only).
    attempt = models.ForeignKey(
        "lms.Attempt",
        verbose_name=_("attempt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    # False for a container's child questions (they carry contextActivities.parent).
    is_top_level = models.BooleanField(_("top level"), default=True)
    score = models.FloatField(_("score"), null=True, blank=True)  # scaled, 0-1
    success = models.BooleanField(_("passed"), null=True)
    completion = models.BooleanField(_("completed"), null=True)
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    # The statement as stored (with its id), returned unchanged by the xAPI GET.
    raw = models.JSONField(_("statement"))
    # SHA-256 of the canonical JSON of ``raw``: tells a resend from a conflicting reuse of an id.
    digest = models.CharField(_("content digest"), max_length=64)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), default=timezone.now)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            models.Index(fields=["learner", "-stored"], name="lms_stmt_learner_recent"),
            models.Index(fields=["learner", "verb", "-stored"], name="lms_stmt_learner_verb"),
            models.Index(
                fields=["learner", "object_id", "-stored"], name="lms_stmt_learner_object"
            ),
            models.Index(fields=["item", "-stored"], name="lms_stmt_item_recent"),
            models.Index(fields=["-stored"], name="lms_stmt_recent"),
        ]

    def __str__(self):
        return f"{self.learner_id} {self.verb} {self.object_id}"

    @property
    def verb_name(self):
        """The verb's last path segment ("passed", "answered"), for people."""
        return self.verb.rstrip("/").rsplit("/", 1)[-1]
