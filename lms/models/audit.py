"""The audit trail of staff decisions about cohorts and learners, read within the reader's scope.

Wagtail writes every model's log entries to one table (``ModelLogEntry``) and
shows all entries about a model to anyone holding any permission on it, so a
trainer would read other cohorts' edits and the reasons their certificates
were revoked. Wagtail lets an app give its models a log of their own, as it
does for pages (``PageLogEntry``); :mod:`lms.wagtail_hooks` registers the
models in :data:`SCOPES` to :class:`LearningLogEntry`, whose entries say
which cohort, or which learner and course, they are about.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager

from ..scopes import REPORT_PERMISSION, sees_everyone, taught_by, visible_cohorts
from .certificates import Certificate, ManualCompletion
from .organisation import Cohort
from .records import Enrolment


def _learner_and_course(record):
    return {"learner_id": record.learner_id, "course_id": record.course_id}


# What an entry about an object of each model is about; these models log here.
SCOPES = {
    Cohort: lambda cohort: {"cohort_id": cohort.pk},
    Enrolment: _learner_and_course,
    ManualCompletion: _learner_and_course,
    Certificate: lambda certificate: {
        "learner_id": certificate.learner_id,
        "course_id": certificate.enrolment.course_id,
    },
}


class LearningLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        for model, scope in SCOPES.items():
            if isinstance(instance, model):
                kwargs = {**scope(instance), **kwargs}
                break
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        """Every entry for programme managers; for others, those about their cohorts.

        An entry about a learner is seen by a trainer of a cohort that has the
        learner as a member and the entry's course among its courses: the rule of
        the certificate list (:func:`lms.scopes.taught_by`). One query
        whatever the number of entries; without ``lms.view_cohort``, nothing.
        """
        if user.is_superuser or sees_everyone(user):
            return self.all()
        if not user.has_perm(REPORT_PERMISSION):
            return self.none()
        return self.filter(
            Q(cohort_id__in=visible_cohorts(user).values("pk"))
            | Exists(taught_by(user, OuterRef("learner_id"), OuterRef("course_id")))
        )


class LearningLogEntry(BaseLogEntry):
    """A logged action on a cohort, enrolment, certificate or manual completion.

    Besides what Wagtail records (who, what, when, the object), each entry
    keeps the cohort, or the learner and course, that it is about, filled when
    it is logged. The ids stay when those are deleted, like Wagtail's ``user``.
    """

    object_id = models.CharField(max_length=255, db_index=True)
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    objects = LearningLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("learning log entry")
        verbose_name_plural = _("learning log entries")

    def __str__(self):
        return (
            f"LearningLogEntry {self.pk}: '{self.action}' on '{self.object_verbose_name}'"
            f" with id {self.object_id}"
        )
