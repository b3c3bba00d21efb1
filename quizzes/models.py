"""The question bank: categories, questions and their options."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class QuestionCategory(TranslatableMixin, models.Model):
    """A group of questions: a course's bank or a topic, from which quizzes draw."""

    name = models.CharField(_("name"), max_length=120)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for a topic shared by several courses."),
    )

    panels = [FieldPanel("name"), FieldPanel("course")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Question(TranslatableMixin, index.Indexed, ClusterableModel):
    """A question of one of seven kinds, with its options and feedback.

    Options mean different things by kind: the choices of single and
    multiple choice (``is_correct`` marks the right ones), the pairs of a
    matching question (``text`` ↔ ``match``), the items of an ordering
    question (in the correct order), the accepted answers of a short-text
    question. True/false and numeric questions keep their answer on the
    question itself.
    """

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        MATCHING = "matching", _("Matching")
        ORDERING = "ordering", _("Ordering")
        SHORT_TEXT = "short_text", _("Short text")
        NUMERIC = "numeric", _("Numeric")

    category = models.ForeignKey(
        QuestionCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    prompt = models.TextField(_("question"))
    points = models.PositiveSmallIntegerField(_("points"), default=1)
    true_is_correct = models.BooleanField(
        _("the statement is true"), default=True, help_text=_("For true/false questions.")
    )
    numeric_answer = models.DecimalField(
        _("numeric answer"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    numeric_tolerance = models.DecimalField(
        _("tolerance"), max_digits=12, decimal_places=4, default=0, help_text=_("± accepted.")
    )
    case_sensitive = models.BooleanField(
        _("case sensitive"), default=False, help_text=_("For short-text questions.")
    )
    feedback_correct = models.TextField(_("feedback when right"), blank=True)
    feedback_incorrect = models.TextField(_("feedback when wrong"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("kind"), FieldPanel("points")]),
        FieldPanel("prompt"),
        InlinePanel("options", label=_("Options, pairs, items or accepted answers")),
        MultiFieldPanel(
            [
                FieldPanel("true_is_correct"),
                FieldRowPanel([FieldPanel("numeric_answer"), FieldPanel("numeric_tolerance")]),
                FieldPanel("case_sensitive"),
            ],
            heading=_("Answer (by kind)"),
        ),
        FieldRowPanel([FieldPanel("feedback_correct"), FieldPanel("feedback_incorrect")]),
    ]
    search_fields = [index.SearchField("prompt"), index.FilterField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.prompt[:80]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.NUMERIC and self.numeric_answer is None:
            raise ValidationError({"numeric_answer": _("Give the numeric answer.")})


class QuestionOption(TranslatableMixin, Orderable):
    """A choice, a matching pair, an item to order or an accepted answer.

    Translatable with its question: each translation of a question has its own
    options in its language (an accepted answer "doqquz", not "nine"), and the
    options that stand for the same one share a ``translation_key``.
    """

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("text"), max_length=255)
    is_correct = models.BooleanField(_("correct"), default=False)
    # Matching questions: the right-hand side paired with ``text``.
    match = models.CharField(_("matches"), max_length=255, blank=True)
    feedback = models.CharField(_("feedback"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("match")]),
        FieldPanel("feedback"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.text
