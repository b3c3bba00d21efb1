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

    def completion_source(self, value, *, assessed):
        """The package scores an assessed lesson and completes it when the block is required."""
        return "scorm" if assessed or value.get("required", True) else None

    class Meta:
        icon = "media"
        label = _("SCORM package")
        template = "scorm/scorm_block.html"

    def get_context(self, value, parent_context=None):
        from .recording import sco_attempts
        from .runtime import scaled_score

        context = super().get_context(value, parent_context)
        request, page, package = context.get("request"), context.get("page"), value.get("package")
        attempts = []
        lesson_uuid = getattr(page, "lesson_uuid", None)
        if request is not None and request.user.is_authenticated and lesson_uuid and package:
            attempts = list(sco_attempts(request.user, package, lesson_uuid).values())
        scores = [score for score in map(scaled_score, attempts) if score is not None]
        context["scorm_started"] = bool(attempts)
        context["scorm_score"] = sum(scores) / len(scores) if scores else None
        context["scorm_passed"] = any(a.success_status == "passed" for a in attempts)
        return context
