"""Competency frameworks, their mapping to lessons, and the evidence learners gather."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from ui.translated import localized_panels


class Framework(models.Model):
    """A competency framework a programme trains towards, registered by a module pack."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    # The label of the module pack that builds this framework (empty when made by hand).
    pack = models.CharField(_("module pack"), max_length=100, blank=True)

    panels = [
        *localized_panels("name"),
        FieldPanel("slug"),
        *localized_panels("description", heading=_("Description")),
    ]

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Competency(ClusterableModel):
    """One node of a framework: an area, a unit, a learning outcome or an assessment criterion."""

    class Kind(models.TextChoices):
        AREA = "area", _("Competency area")
        COMPETENCY = "competency", _("Competency")
        STANDARD = "standard", _("Occupational standard")
        UNIT = "unit", _("Unit")
        OUTCOME = "outcome", _("Learning outcome")
        CRITERION = "criterion", _("Assessment criterion")

    framework = models.ForeignKey(
        Framework,
        verbose_name=_("framework"),
        on_delete=models.CASCADE,
        related_name="competencies",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    # Stable within the framework ("2.1", "U1-LO2-AC3"): what pack data updates by.
    code = models.CharField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("framework"),
        FieldPanel("parent"),
        FieldPanel("code"),
        FieldPanel("kind"),
        *localized_panels("title"),
        *localized_panels("description", heading=_("Description")),
        FieldPanel("sort_order"),
        InlinePanel("lesson_links", label=_("Lessons that build it")),
    ]

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["framework", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="competencies_unique_code_per_framework"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class CompetencyLesson(Orderable):
    """A lesson that builds a competency: completing it counts as evidence."""

    competency = ParentalKey(Competency, on_delete=models.CASCADE, related_name="lesson_links")
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("lesson", "courses.LessonPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("lesson of a competency")
        verbose_name_plural = _("lessons of a competency")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "lesson"], name="competencies_unique_lesson_link"
            )
        ]


class Evidence(models.Model):
    """A learner completed a lesson mapped to a competency: one row per learner, competency, lesson.

    Rows are written when ``lms.signals.lesson_completed`` fires; the profile
    counts them against the competency's mapped lessons.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="competency_evidence",
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("competency"), on_delete=models.CASCADE, related_name="evidence"
    )
    lesson_uuid = models.UUIDField(_("lesson identifier"))
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("competency evidence")
        verbose_name_plural = _("competency evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "competency", "lesson_uuid"],
                name="competencies_unique_evidence",
            )
        ]

    def __str__(self):
        return f"{self.competency_id} · {self.lesson_uuid}"
