"""Stored xAPI statements.

The API keeps every statement a learner's client sends (H5P activities, other
systems), as sent, so it can answer the xAPI ``GET`` and so that a resent
statement is recognised: the same id with the same content is a no-op, with
different content a conflict. A statement about a lesson also reaches that
lesson's progress, through :func:`lms.services.record_learning` only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI statement sent by (and stored for) one learner."""

    id = models.UUIDField(_("statement id"), primary_key=True, default=uuid.uuid4)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("verb IRI"), max_length=512)
    # The activity IRI (or agent / statement id) the statement is about.
    object_id = models.CharField(_("object id"), max_length=512)
    # The lesson the object names (``…/lessons/<uuid>``), when it names one of ours.
    lesson = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The statement as stored (with its id), returned unchanged by GET.
    raw = models.JSONField(_("statement"))
    # SHA-256 of the canonical JSON of ``raw``: tells a resend from a conflicting reuse of an id.
    digest = models.CharField(_("content digest"), max_length=64)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            models.Index(fields=["learner", "-stored"], name="api_stmt_learner_recent"),
            models.Index(fields=["learner", "verb", "-stored"], name="api_stmt_learner_verb"),
            models.Index(
                fields=["learner", "object_id", "-stored"], name="api_stmt_learner_object"
            ),
        ]

    def __str__(self):
        return f"{self.learner_id} {self.verb} {self.object_id}"
