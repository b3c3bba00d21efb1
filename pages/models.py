"""The home page and public guidance pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from courses.models import CatalogueIndexPage, CoursePage
from courses.packs import ExtensibleStreamField
from pagecache.mixins import CachedViewRestrictionsMixin


class HomePage(CachedViewRestrictionsMixin, Page):
    """The site's front page: what the platform is for, and a way into the catalogue."""

    lead = models.CharField(_("lead"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("intro")]
    subpage_types = [
        "courses.CatalogueIndexPage",
        "pages.GuidancePage",
        "surveys.CommunitySurveyPage",
    ]
    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        catalogue = CatalogueIndexPage.objects.live().child_of(self).first()
        context["catalogue"] = catalogue
        context["featured_courses"] = (
            CoursePage.objects.live().public().descendant_of(self).select_related("programme")[:6]
        )
        context["guidance_pages"] = (
            GuidancePage.objects.live()
            .public()
            .child_of(self)
            # the locale, for the lang of an untranslated page's line (language_tags)
            .only("title", "url_path", "summary", "locale")
        )
        return context


class GuidancePage(CachedViewRestrictionsMixin, Page):
    """A public page of guidance for teachers, parents and principals."""

    summary = models.TextField(_("summary"), blank=True, max_length=400)
    body = ExtensibleStreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["pages.HomePage", "pages.GuidancePage"]
    subpage_types = ["pages.GuidancePage", "surveys.CommunitySurveyPage"]
    template = "pages/guidance_page.html"

    class Meta:
        verbose_name = _("guidance page")
