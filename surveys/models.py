"""Evaluation responses and receipts; the community survey page, its groups and submissions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .evaluation import RATING_QUESTIONS
from .forms import SurveyFormBuilder


def _rating(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class EvaluationResponse(models.Model):
    """One learner's answers to a course evaluation, stored without the learner.

    Only the course, the cohort the learner was in (for reports per cohort)
    and the month are kept with the answers, so a response cannot be traced
    back to a person through a timestamp.
    """

    course = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    cohort = models.ForeignKey(
        "lms.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The first day of the month of the answer: coarse on purpose.
    month = models.DateField(_("month"))
    relevance = _rating(RATING_QUESTIONS[0][1])
    clarity = _rating(RATING_QUESTIONS[1][1])
    practice = _rating(RATING_QUESTIONS[2][1])
    workload = _rating(RATING_QUESTIONS[3][1])
    overall = _rating(RATING_QUESTIONS[4][1])
    would_recommend = models.BooleanField(_("would recommend the course to a colleague"))
    comment = models.TextField(_("what could be better"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("course evaluation response")
        verbose_name_plural = _("course evaluation responses")
        indexes = [models.Index(fields=["course", "cohort"], name="surveys_eval_course_cohort")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"{field}__gte": 1 for field, _label in RATING_QUESTIONS},
                    **{f"{field}__lte": 5 for field, _label in RATING_QUESTIONS},
                ),
                name="surveys_eval_ratings_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.course_id} · {self.month:%Y-%m}"


class EvaluationReceipt(models.Model):
    """That a learner has answered a course's evaluation: no answers, and no time."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    course = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluation receipt")
        verbose_name_plural = _("evaluation receipts")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="surveys_one_evaluation_per_learner"
            )
        ]

    def __str__(self):
        return f"{self.learner_id} · {self.course_id}"


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """A question of a community survey, in the language of its page.

    A translation keeps its source's ``clean_name``, so answers in every
    language are stored under the same key; its choices are translated line
    by line, in the same order (:mod:`surveys.reports` counts an answer
    under the source's choice at the same position).
    """

    page = ParentalKey("CommunitySurveyPage", on_delete=models.CASCADE, related_name="form_fields")

    # What wagtail-localize translates; the rest, the clean name above all, is the source's.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class RespondentGroup(TranslatableMixin, Orderable):
    """A group the survey must reach (teachers, parents, …) and how many answers it needs.

    Each translation of the survey has its own rows; the rows of one group
    share a ``translation_key``, and the results count them together.
    """

    page = ParentalKey(
        "CommunitySurveyPage", on_delete=models.CASCADE, related_name="respondent_groups"
    )
    name = models.CharField(_("name"), max_length=120)
    target = models.PositiveIntegerField(_("target number of respondents"), default=10)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("target")])]
    translatable_fields = [TranslatableField("name"), SynchronizedField("target")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("respondent group")
        verbose_name_plural = _("respondent groups")

    def __str__(self):
        return self.name


class SurveySubmission(AbstractFormSubmission):
    """A community survey answer, with the respondent group it came from."""

    group = models.ForeignKey(
        RespondentGroup,
        verbose_name=_("respondent group"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["page", "group"], name="surveys_submission_page_group")]


def choice_lines(choices):
    """A question's choices as Wagtail's form builder reads them: one per line, or
    comma-separated on one line."""
    parts = choices.splitlines() if "\n" in choices else choices.split(",")
    return [choice.strip() for choice in parts if choice.strip()]


class CommunitySurveyPage(AbstractForm):
    """A public survey (Wagtail form builder) that counts answers per respondent group."""

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    show_progress = models.BooleanField(
        _("show progress to visitors"),
        default=True,
        help_text=_("Show how many answers each respondent group has, against its target."),
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("respondent_groups", label=_("Respondent groups"), min_num=1),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("show_progress")], heading=_("Progress")),
    ]
    form_builder = SurveyFormBuilder
    template = "surveys/community_survey_page.html"
    landing_page_template = "surveys/community_survey_page_landing.html"
    # Where a survey may go is the site's to say, through its own pages'
    # ``subpage_types`` (this site's home and guidance pages name it).
    subpage_types = []

    class Meta:
        verbose_name = _("community survey")

    def clean(self):
        super().clean()
        self._check_translated_choices()

    def translation_source_page(self):
        """The survey this one was translated from (wagtail-localize), or None for a source."""
        from wagtail_localize.models import Translation

        if self.pk is None:
            return None
        translation = (
            Translation.objects.filter(
                source__object_id=self.translation_key, target_locale_id=self.locale_id
            )
            .select_related("source")
            .first()
        )
        return translation.source.get_source_instance() if translation else None

    def _check_translated_choices(self):
        """A translation keeps each question's choices one for one, in the source's order.

        The results count a translated answer under the source's choice at the same
        place (:mod:`surveys.reports`): a choice added, dropped or split in a
        translation would count its answers under another choice, or not at all.
        """
        source = self.translation_source_page()
        if source is None:
            return
        counts = {
            field.clean_name: len(choice_lines(field.choices))
            for field in source.form_fields.all()
            if field.choices
        }
        wrong = [
            str(field.label)
            for field in self.form_fields.all()
            if field.clean_name in counts
            and len(choice_lines(field.choices)) != counts[field.clean_name]
        ]
        if wrong:
            raise ValidationError(
                _(
                    "Translate each choice on its own line, as many and in the same order as "
                    "the original, so that answers in every language are counted together. "
                    "Check: %(questions)s."
                )
                % {"questions": "; ".join(wrong)}
            )

    def get_submission_class(self):
        return SurveySubmission

    def get_submissions_list_view_class(self):
        # Wagtail's download of the answers is neutralised like every export.
        from operations.exports import neutralised_view

        return neutralised_view(super().get_submissions_list_view_class())

    def get_form_class(self):
        from .forms import survey_form_class

        return survey_form_class(self, super().get_form_class())

    def get_data_fields(self):
        fields = super().get_data_fields()
        return fields[:1] + [("respondent_group", _("Respondent group"))] + fields[1:]

    def process_form_submission(self, form):
        data = dict(form.cleaned_data)
        group = data.pop("respondent_group")
        # The group's name is kept in the answers too, for Wagtail's own submissions export.
        data["respondent_group"] = group.name
        return SurveySubmission.objects.create(form_data=data, page=self, group=group)

    def group_progress(self):
        """Each respondent group with its answers, target and percent of target: one query.

        Answers given on every translation of the survey count together: a
        group's rows in each language share its ``translation_key``.
        """
        answers = (
            SurveySubmission.objects.filter(
                group__translation_key=OuterRef("translation_key"),
                page__translation_key=self.translation_key,
            )
            .order_by()
            .values("group__translation_key")
            .annotate(n=Count("pk"))
            .values("n")
        )
        groups = list(
            self.respondent_groups.annotate(
                n=Coalesce(Subquery(answers, output_field=models.IntegerField()), 0)
            ).order_by("sort_order")
        )
        for group in groups:
            group.percent = min(100, round(100 * group.n / group.target)) if group.target else 100
            group.reached = group.n >= group.target
            group.dom_id = f"group-progress-{group.pk}"
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_progress:
            context["progress"] = self.group_progress()
        return context
