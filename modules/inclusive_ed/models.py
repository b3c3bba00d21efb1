"""The learner's own work in the pack's blocks: an IEP, a ticked checklist, a reflection."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerWork(models.Model):
    """What one learner wrote in one block of one lesson; only they read or change it.

    Keyed by the lesson's stable ``lesson_uuid`` and the StreamField block's
    id, so it survives the lesson being moved; a copied lesson starts afresh.
    """

    class Kind(models.TextChoices):
        IEP = "iep", _("Individual education plan")
        CHECKLIST = "checklist", _("Adaptation checklist")
        REFLECTION = "reflection", _("Case study reflection")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="inclusive_ed_work",
    )
    lesson_uuid = models.UUIDField(_("lesson identifier"))
    block_id = models.CharField(_("block"), max_length=64)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # iep: {"sections": {"0": "...", ...}}; checklist: {"checked": [0, 2]};
    # reflection: {"text": "..."}
    data = models.JSONField(_("answers"), default=dict)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner's work")
        verbose_name_plural = _("learners' work")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_uuid", "block_id"],
                name="inclusive_ed_unique_work_per_block",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.lesson_uuid})"
