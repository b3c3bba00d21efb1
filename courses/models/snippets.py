"""Reusable records edited as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ui.translated import localized, localized_panels


class Programme(index.Indexed, models.Model):
    """A training programme a course belongs to (inclusive education, VET, ...).

    Programmes are how managers count completion against targets, so they are
    records with a stable slug rather than free text on each course.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        *localized_panels("name"),
        FieldPanel("slug"),
        *localized_panels("description", heading=_("Description")),
        FieldPanel("sort_order"),
    ]
    # Found by its name in any language, whichever the editor is working in.
    search_fields = [
        *(index.SearchField(name) for name in localized("name")),
        *(index.AutocompleteField(name) for name in localized("name")),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
