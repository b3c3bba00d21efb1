"""The H5P block for lesson bodies: an activity and the rule that makes it count."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .rules import Completion


class H5PBlock(blocks.StructBlock):
    """An H5P activity played in the lesson; its results reach the learner's progress."""

    activity = SnippetChooserBlock("h5p.H5PActivity", label=_("H5P activity"))
    completion = blocks.ChoiceBlock(
        label=_("Counts as done"), choices=Completion.CHOICES, default=Completion.COMPLETED
    )
    min_score = blocks.IntegerBlock(
        label=_("Minimum score (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Only for completion on a minimum score."),
    )
    required = blocks.BooleanBlock(
        label=_("Required to complete the lesson"), required=False, default=True
    )

    def completion_source(self, value, *, assessed):
        """The H5P result scores an assessed lesson and completes it when the block is required."""
        return "h5p" if assessed or value.get("required", True) else None

    class Meta:
        icon = "media"
        label = _("H5P activity")
        template = "h5p/h5p_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("completion") == Completion.SCORE and value.get("min_score") is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "min_score": blocks.BlockValidationError(_("Give the minimum score."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        from .results import block_outcome

        context = super().get_context(value, parent_context)
        request = context.get("request")
        page = context.get("page")
        context["outcome"] = None
        if (
            request is not None
            and request.user.is_authenticated
            and page is not None
            and value["activity"] is not None
        ):
            context["outcome"] = block_outcome(request.user, page.lesson_uuid, value)
        return context
