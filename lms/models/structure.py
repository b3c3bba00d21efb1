"""What lms knows about content: one row per trackable lesson.

Content apps (``courses`` for Wagtail pages; H5P and SCORM packages later)
keep these rows in step with their own structure through
:func:`lms.structure.sync_course_items`. Records point at a lesson's stable
UUID, never at a page id, so they survive pages being moved.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionRule(models.TextChoices):
    ON_VIEW = "view", _("Complete when opened")
    ON_READ = "read", _("Complete when read to the end or marked complete")
    ON_MARK = "mark", _("Complete only when marked complete")
    ON_SCORE = "score", _("Complete on reaching a minimum score")
    ON_PASS = "pass", _("Complete on passing the assessment")


class CourseItem(models.Model):
    """A lesson as the learning records see it.

    ``uuid`` is the lesson's stable identifier (the content keeps the same
    value). ``path`` sorts items in course order; ``is_active`` is false once
    the lesson is unpublished or deleted, so old records keep their meaning
    but the lesson no longer counts towards completion.
    """

    uuid = models.UUIDField(_("lesson UUID"), unique=True)
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    # Materialised tree path of the lesson page: sorting by it gives course order.
    path = models.CharField(_("position"), max_length=255)
    required = models.BooleanField(_("required"), default=True)
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=8,
        choices=CompletionRule.choices,
        default=CompletionRule.ON_READ,
    )
    # For the "score" rule: the score (0-1) that completes the lesson.
    min_score = models.FloatField(_("minimum score"), null=True, blank=True)
    # The sources (:class:`~lms.models.Source` values) that alone may score,
    # pass or complete the lesson: its quiz, its own H5P activities or SCORM
    # package, xAPI for a trainer-declared external activity. Empty: a reading
    # lesson, which the learner's own reports complete under its rule.
    trusted_sources = models.JSONField(_("completed only by"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("course item")
        verbose_name_plural = _("course items")
        ordering = ["path"]
        indexes = [
            models.Index(
                fields=["course", "is_active", "required", "path"],
                name="lms_item_course_outline",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def counts_towards_completion(self):
        return self.required and self.is_active


class CourseRules(models.Model):
    """What it takes to complete a course, and what its certificate says.

    Kept in step with the course content by the content app (like
    :class:`CourseItem`), so completion is decided here without reading
    content models.
    """

    course = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
        primary_key=True,
    )
    title = models.CharField(_("title"), max_length=255)
    # Programme slug and audience, copied from the course for reports.
    programme = models.CharField(_("programme"), max_length=120, blank=True, db_index=True)
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    cpd_hours = models.DecimalField(_("CPD hours"), max_digits=5, decimal_places=1, default=0)
    # Seconds of recorded study the course needs on top of its lessons (0: none).
    min_time_spent = models.PositiveIntegerField(_("minimum time spent (seconds)"), default=0)
    # A lesson that must be passed (not merely completed) for the course to complete.
    final_assessment = models.ForeignKey(
        CourseItem,
        verbose_name=_("final assessment"),
        to_field="uuid",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    prerequisites = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("prerequisite courses"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("course rules")
        verbose_name_plural = _("course rules")

    def __str__(self):
        return self.title


class ModuleRequirement(models.Model):
    """A module that stays locked until another module of the course is complete."""

    course = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("module"), on_delete=models.CASCADE, related_name="+"
    )
    requires = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("requires"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("module requirement")
        verbose_name_plural = _("module requirements")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "requires"], name="lms_module_requirement_unique"
            ),
        ]

    def __str__(self):
        return f"{self.module_id} requires {self.requires_id}"
