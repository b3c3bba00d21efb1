"""StreamField blocks for lesson bodies.

``LessonBodyBlock`` lists the core block types a lesson may hold; templates
live in ``courses/templates/courses/blocks/``. The activity apps (``quizzes``,
``h5p``, ``scorm``) and the module packs add their blocks through the
:mod:`courses.packs` registry, from their ``AppConfig.ready()``: ``courses``
imports none of them.
"""

from django.forms.utils import ErrorList
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from .packs import LESSON_BODY, ExtensibleStreamBlock

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    """An image with alt text (required unless marked decorative) and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    """A video from an embed URL or an uploaded file, with captions and/or transcript.

    One source is required, and so is a captions file or a transcript, so no
    learner who cannot hear the audio is left out (WCAG 1.2.2).
    """

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    embed = EmbedBlock(
        label=_("Embed URL"),
        required=False,
        help_text=_("A link to a video on a video site. Leave empty to use a file."),
    )
    file = DocumentChooserBlock(
        label=_("Video file"), required=False, help_text=_("An MP4 or WebM file.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt captions file.")
    )
    # Empty: the language of the page the video is on, so that each translation
    # of a lesson (with its own captions file) names its own language.
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"),
        choices=[
            ("", _("The page's language")),
            ("az", _("Azerbaijani")),
            ("ru", _("Russian")),
            ("en", _("English")),
        ],
        default="",
        required=False,
        help_text=_(
            "Leave it as the page's language when each translation of the page has "
            "captions in its own language."
        ),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def get_translatable_segments(self, value):
        """The video's segments for wagtail-localize, as it extracts them itself, less the
        empty embed URL of a video file, which it cannot read (wagtail-localize issue 875).

        Called by wagtail-localize only, so only then imported.
        """
        from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

        extractor = StreamFieldSegmentExtractor(None, include_overridables=True)
        return [
            segment.wrap(name)
            for name, child_value in value.items()
            if name != "embed" or child_value
            for segment in extractor.handle_block(self.child_blocks[name], child_value)
        ]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = context.get("page")
        locale = getattr(page, "locale", None)
        context["captions_language"] = value.get("captions_language") or (
            locale.language_code if locale is not None else get_language()
        )
        return context

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("embed")) == bool(value.get("file")):
            message = _("Give either an embed URL or a video file (one of them).")
            errors["embed"] = ErrorList([message])
            errors["file"] = ErrorList([message])
        if not value.get("captions") and not value.get("transcript"):
            message = _("Add a captions file or a transcript so every learner can follow.")
            errors["captions"] = ErrorList([message])
            errors["transcript"] = ErrorList([message])
        captions = value.get("captions")
        if captions and not captions.file.name.lower().endswith(".vtt"):
            errors["captions"] = ErrorList([_("Captions must be a WebVTT (.vtt) file.")])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("tip", _("Tip")),
            ("note", _("Note")),
            ("warning", _("Warning")),
            ("case_study", _("Case study")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    body = blocks.RichTextBlock(label=_("Body"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "courses/blocks/callout.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(self.child_blocks["kind"].field.choices).get(value["kind"], "")
        return context


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    body = blocks.RichTextBlock(label=_("Body"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "courses/blocks/accordion.html"


class LessonBodyBlock(ExtensibleStreamBlock):
    # Activity apps and module packs add their blocks through courses.packs.register_lesson_block.
    extension_point = LESSON_BODY

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="courses/blocks/paragraph.html"
    )
    image = FigureBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
