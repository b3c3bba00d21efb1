"""Page types of the course tree.

Catalogue → course → module → lesson, enforced with ``parent_page_types`` and
``subpage_types``. Each lesson carries ``lesson_uuid``, the stable identifier
its learning records use: it moves with the page, and a copied lesson gets a
fresh one so the two are tracked apart.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult

from lms.models import CompletionRule
from pagecache import cache as pagecache
from pagecache.mixins import CachedViewRestrictionsMixin
from ui.search import FoldedAutocompleteField

from ..blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from ..packs import ExtensibleStreamField
from .choices import Audience, Language


class CourseTreePage(CachedViewRestrictionsMixin, Page):
    """Shared behaviour of the pages inside a course (abstract)."""

    class Meta:
        abstract = True

    @cached_property
    def course(self):
        """The course this page belongs to (cached until pages change, see ``pagecache``)."""
        if isinstance(self, CoursePage):
            return self
        if not self.path:
            return None
        return pagecache.cached(
            f"course-of:{self.path}", lambda: CoursePage.objects.ancestor_of(self).first()
        )


class CatalogueIndexPage(CachedViewRestrictionsMixin, Page):
    """The course catalogue: lists live courses, filtered and searchable."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    template = "courses/catalogue_index_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    def route(self, request, path_components):
        """Find a course or a lesson in one query, not two per level of the page tree."""
        model = {1: CoursePage, 3: LessonPage}.get(len(path_components))
        if model is not None:
            queryset = model.objects.live()
            if model is CoursePage:
                queryset = queryset.select_related("programme")
            page = queryset.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                url_path=f"{self.url_path}{'/'.join(path_components)}/",
            ).first()
            if page is not None:
                return RouteResult(page)
        return super().route(request, path_components)

    def live_courses(self):
        """The catalogue's live, public courses."""
        return CoursePage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from ..context import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        return context


class CoursePage(CourseTreePage):
    """A course: what a learner enrols in and completes."""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for the catalogue.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    programme = models.ForeignKey(
        "courses.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.AZERBAIJANI
    )
    cpd_hours = models.DecimalField(
        _("CPD hours"),
        max_digits=5,
        decimal_places=1,
        default=0,
        help_text=_("Continuing professional development hours awarded on completion."),
    )
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_alt = models.CharField(
        _("cover image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("prerequisite courses"),
        blank=True,
        related_name="required_by",
        help_text=_("Courses a learner must complete before enrolling in this one."),
    )
    final_assessment = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("final assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A lesson of this course with a quiz that must be passed to complete it."),
    )
    min_time_minutes = models.PositiveIntegerField(
        _("minimum study time (minutes)"),
        default=0,
        help_text=_("Recorded study time needed to complete the course; 0 for none."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        InlinePanel("learning_outcomes", label=_("Learning outcomes"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("cpd_hours"), FieldPanel("duration_minutes")]),
            ],
            heading=_("Who and what it is for"),
        ),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")],
            heading=_("Cover image"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldPanel("final_assessment"),
                FieldPanel("min_time_minutes"),
            ],
            heading=_("Completion"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.RelatedFields(
            "learning_outcomes", [index.SearchField("text"), FoldedAutocompleteField("text")]
        ),
        # What the course catalogue searches (ui.search).
        FoldedAutocompleteField("title"),
        FoldedAutocompleteField("summary"),
        FoldedAutocompleteField("intro"),
        index.FilterField("programme"),
        index.FilterField("audience"),
        index.FilterField("language"),
    ]
    parent_page_types = ["courses.CatalogueIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        errors = {}
        if self.cover_image_id and not self.cover_image_alt.strip():
            errors["cover_image_alt"] = _("Describe the cover image for people who cannot see it.")
        if self.final_assessment_id and self.pk:
            lesson = self.final_assessment
            # A new translation may point at its source's lesson until its own
            # lessons are translated (wagtail-localize translates parents first).
            in_course = lesson.path.startswith(self.path) or (
                lesson.course.translation_key == self.translation_key
            )
            if not in_course:
                errors["final_assessment"] = _("Choose a lesson of this course.")
            elif lesson.completion_rule not in (CompletionRule.ON_PASS, CompletionRule.ON_SCORE):
                errors["final_assessment"] = _(
                    "The final assessment must be a lesson completed by passing or scoring."
                )
        if errors:
            raise ValidationError(errors)

    def get_modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def get_lessons(self):
        """Live lessons in course order, in one query whatever the course size."""
        return (
            LessonPage.objects.descendant_of(self)
            .live()
            .order_by("path")
            .only(
                "id",
                "title",
                "slug",
                "path",
                "depth",
                "url_path",
                "live",
                "lesson_uuid",
                "required",
                "estimated_minutes",
                "completion_rule",
            )
        )

    def get_context(self, request, *args, **kwargs):
        from ..context import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context


class CourseLearningOutcome(TranslatableMixin, Orderable):
    """One thing a learner can do after the course, in the language of its course page.

    Translatable with the page (wagtail-localize translates a child relation only
    when its model is translatable): each translation has its own outcomes.
    """

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="learning_outcomes")
    text = models.CharField(_("outcome"), max_length=255)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("learning outcome")
        verbose_name_plural = _("learning outcomes")

    def __str__(self):
        return self.text


class ModulePage(CourseTreePage):
    """A group of lessons inside a course."""

    summary = models.TextField(_("summary"), blank=True, max_length=400)
    prerequisites = ParentalManyToManyField(
        "courses.ModulePage",
        verbose_name=_("prerequisite modules"),
        blank=True,
        related_name="unlocks",
        help_text=_("Modules of this course to complete before this one opens."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary")]
    settings_panels = Page.settings_panels + [FieldPanel("prerequisites")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def clean(self):
        super().clean()
        course = self.course if self.pk else None
        for module in self.prerequisites.all():
            if module.pk == self.pk:
                raise ValidationError({"prerequisites": _("A module cannot require itself.")})
            if course is not None and not module.path.startswith(course.path):
                raise ValidationError({"prerequisites": _("Choose modules of the same course.")})

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        course = self.course
        return redirect(f"{course.get_url(request)}#module-{self.pk}")


class LessonPage(CourseTreePage):
    """A lesson: the unit a learner works through and completes."""

    lesson_uuid = models.UUIDField(
        _("lesson identifier"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Stable identifier used by learning records."),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("Optional lessons do not count towards course completion."),
    )
    completion_rule = models.CharField(
        _("completion"),
        max_length=8,
        choices=CompletionRule.choices,
        default=CompletionRule.ON_READ,
    )
    min_score_percent = models.PositiveSmallIntegerField(
        _("minimum score (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("For completion on a minimum score: the score of the lesson's quiz."),
    )
    external_activity = models.BooleanField(
        _("external activity"),
        default=False,
        help_text=_(
            "Trust xAPI statements about this lesson from a tool outside the platform to "
            "score, pass or complete it. Leave off unless you run that tool."
        ),
    )
    body = ExtensibleStreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("required"),
                FieldPanel("completion_rule"),
                FieldPanel("min_score_percent"),
                FieldPanel("external_activity"),
            ],
            heading=_("Completion"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    exclude_fields_in_copy = ["lesson_uuid"]
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def clean(self):
        super().clean()
        assessed = self.completion_rule in (CompletionRule.ON_PASS, CompletionRule.ON_SCORE)
        if self.completion_rule == CompletionRule.ON_SCORE and self.min_score_percent is None:
            raise ValidationError({"min_score_percent": _("Give the score that completes it.")})
        if assessed and not self.trusted_sources:
            raise ValidationError(
                {
                    "completion_rule": _(
                        "Add a quiz, an H5P activity or a SCORM package to the body, or make "
                        "it an external activity, to complete it by score or pass."
                    )
                }
            )

    @property
    def trusted_sources(self):
        """The record sources that alone may score, pass or complete this lesson.

        Each activity block names its source (``completion_source(value, assessed=…)``
        on the block, registered by its app); an assessed lesson with a quiz is
        scored by the quiz alone. An external activity adds xAPI. Empty for a
        reading lesson. Read from the raw body: no activity is loaded.
        """
        assessed = self.completion_rule in (CompletionRule.ON_PASS, CompletionRule.ON_SCORE)
        children = self.body.stream_block.child_blocks
        sources = []
        for raw in self.body.raw_data:
            block = children.get(raw.get("type"))
            named_by = getattr(block, "completion_source", None)
            value = raw.get("value") if isinstance(raw.get("value"), dict) else {}
            source = named_by(value, assessed=assessed) if named_by else None
            if source and source not in sources:
                sources.append(source)
        if assessed and "quiz" in sources:
            sources = ["quiz"]
        if self.external_activity:
            sources.append("xapi")
        return sources

    @property
    def learner_may_mark_complete(self):
        """Whether "Mark as complete" completes it: a reading lesson, not an assessed one."""
        assessed = self.completion_rule in (CompletionRule.ON_PASS, CompletionRule.ON_SCORE)
        return not assessed and not self.trusted_sources

    @property
    def quiz_block(self):
        """The lesson's quiz block (a lesson holds at most one), or None."""
        return next((block for block in self.body if block.block_type == "quiz"), None)

    @property
    def has_h5p(self):
        return any(block.block_type == "h5p" for block in self.body)

    @property
    def min_score(self):
        return None if self.min_score_percent is None else self.min_score_percent / 100

    def serve(self, request, *args, **kwargs):
        from ..context import admit_learner

        return admit_learner(self, request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..context import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, request))
        return context
