"""The SCORM block for lesson bodies: a package launched from the lesson."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ScormBlock(blocks.StructBlock):
    """A SCORM package placed in a lesson; the learner opens it on its own launch page."""

    package = SnippetChooserBlock("scorm.ScormPackage", label=_("SCORM package"))
    required = blocks.BooleanBlock(
        label=_("Required"),
        required=False,
        default=True,
        help_text=_("Completing the package completes the lesson."),
    )

    class Meta:
        icon = "media"
        label = _("SCORM package")
        template = "scorm/scorm_block.html"
