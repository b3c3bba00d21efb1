"""The pack's lesson blocks, offered in lessons by :func:`courses.packs.register_lesson_block`.

Each keeps the signed-in learner's own work (:class:`~.models.LearnerWork`),
posted to :mod:`.views` as an ordinary form, so they work without JavaScript.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.blocks import RICH_TEXT_FEATURES

from .work import saved_work

GROUP = _("Inclusive education")

# Content defaults (editors rewrite them in the lesson's language), not interface strings.
DEFAULT_IEP_SECTIONS = [
    {
        "heading": "About the learner",
        "prompt": (
            "Initials, age and class only (no names). What does the learner enjoy and do well?"
        ),
    },
    {
        "heading": "Needs and barriers to learning",
        "prompt": "What gets in the way of learning and taking part, in class and at school?",
    },
    {
        "heading": "Goals for this term",
        "prompt": "Two or three specific, measurable goals, each with a date to review it.",
    },
    {
        "heading": "Adaptations and support",
        "prompt": (
            "Changes to teaching, materials, the classroom and assessment; who gives which support."
        ),
    },
    {
        "heading": "Working with the family",
        "prompt": "How and how often you will share progress with the parents.",
    },
    {
        "heading": "Review",
        "prompt": "When the team will meet to review the plan, and how progress is measured.",
    },
]


class _LearnerWorkBlock(blocks.StructBlock):
    """Shared context: the learner's saved work and where the form posts."""

    kind = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        request = parent_context.get("request")
        page = parent_context.get("page")
        block_id = parent_context.get("id")
        lesson_uuid = getattr(page, "lesson_uuid", None)
        user = getattr(request, "user", None)
        context["block_id"] = block_id
        context["can_save"] = bool(
            block_id and lesson_uuid and user is not None and user.is_authenticated
        )
        context["work"] = {}
        if context["can_save"]:
            work = saved_work(request, lesson_uuid).get(block_id)
            context["work"] = work.data if work else {}
            context["saved_at"] = work.updated_at if work else None
            context["action"] = reverse("inclusive_ed:save_work", args=[lesson_uuid, block_id])
        context["errors"] = parent_context.get("work_errors", {})
        if parent_context.get("posted") is not None:
            context["work"] = parent_context["posted"]
        return context


class IEPSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    prompt = blocks.TextBlock(label=_("Guidance for the learner"), required=False)


class IEPTemplateBlock(_LearnerWorkBlock):
    """An individual education plan template: the learner fills in its sections, downloads it."""

    kind = "iep"
    title = blocks.CharBlock(label=_("Title"), max_length=255, default="Individual education plan")
    intro = blocks.RichTextBlock(
        label=_("Introduction"), required=False, features=RICH_TEXT_FEATURES
    )
    sections = blocks.ListBlock(
        IEPSectionBlock(),
        label=_("Sections"),
        min_num=1,
        max_num=20,
        default=DEFAULT_IEP_SECTIONS,
    )

    class Meta:
        icon = "form"
        label = _("Individual education plan (IEP) template")
        group = GROUP
        template = "inclusive_ed/blocks/iep_template.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        answers = context["work"].get("sections", {})
        context["fields"] = [
            {
                "index": index,
                "heading": section["heading"],
                "prompt": section["prompt"],
                "answer": answers.get(str(index), ""),
                "error": context["errors"].get(str(index)),
            }
            for index, section in enumerate(value["sections"])
        ]
        if context.get("action") and context.get("saved_at"):
            context["pdf_url"] = context["action"] + "iep.pdf"
        return context


class AdaptationChecklistBlock(_LearnerWorkBlock):
    """Adaptations to check off for a lesson or a learner; the learner's ticks are kept."""

    kind = "checklist"
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    intro = blocks.RichTextBlock(
        label=_("Introduction"), required=False, features=RICH_TEXT_FEATURES
    )
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Adaptation"), max_length=255),
        label=_("Adaptations"),
        min_num=1,
        max_num=40,
    )

    class Meta:
        icon = "tasks"
        label = _("Adaptation checklist")
        group = GROUP
        template = "inclusive_ed/blocks/adaptation_checklist.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        checked = set(context["work"].get("checked", []))
        context["items"] = [
            {"index": index, "text": text, "checked": index in checked}
            for index, text in enumerate(value["items"])
        ]
        context["checked_count"] = sum(1 for item in context["items"] if item["checked"])
        return context


class CaseStudyBlock(_LearnerWorkBlock):
    """A case from a real classroom and a prompt the learner answers in writing."""

    kind = "reflection"
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    story = blocks.RichTextBlock(label=_("The case"), features=RICH_TEXT_FEATURES)
    reflection_prompt = blocks.TextBlock(label=_("Reflection prompt"))

    class Meta:
        icon = "openquote"
        label = _("Case study with reflection")
        group = GROUP
        template = "inclusive_ed/blocks/case_study.html"


KINDS = {
    "iep_template": IEPTemplateBlock,
    "adaptation_checklist": AdaptationChecklistBlock,
    "case_study": CaseStudyBlock,
}

PACK_BLOCKS = [(name, block_class()) for name, block_class in KINDS.items()]
