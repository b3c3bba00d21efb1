"""The learner's individual education plan as PDF (ReportLab, Roboto for Azerbaijani letters)."""

import io

from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

# The platform's certificate fonts and colour: one registration, one brand.
from lms.pdf import BOLD, BRAND, REGULAR, register_fonts
from ui.dates import local_date


def _paragraphs(text, style):
    """Plain text as paragraphs: escaped (ReportLab reads markup), blank lines split them."""
    for chunk in text.split("\n\n"):
        if chunk.strip():
            yield Paragraph(escape(chunk.strip()).replace("\n", "<br/>"), style)


def iep_pdf(learner, lesson, value, work):
    register_fonts()
    title_style = ParagraphStyle("title", fontName=BOLD, fontSize=20, leading=24, textColor=BRAND)
    meta_style = ParagraphStyle("meta", fontName=REGULAR, fontSize=10, leading=14)
    heading_style = ParagraphStyle(
        "heading", fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, textColor=BRAND
    )
    prompt_style = ParagraphStyle(
        "prompt", fontName=REGULAR, fontSize=9, leading=12, textColor=colors.HexColor("#4a5560")
    )
    body_style = ParagraphStyle("body", fontName=REGULAR, fontSize=11, leading=15, spaceBefore=4)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=str(value["title"]),
        author=learner.get_full_name() or learner.username,
    )
    story = [Paragraph(escape(value["title"]), title_style), Spacer(1, 4 * mm)]
    details = _("Prepared by %(name)s in the lesson “%(lesson)s” · %(date)s") % {
        "name": learner.get_full_name() or learner.username,
        "lesson": lesson.title,
        "date": local_date(work.updated_at),
    }
    story.append(Paragraph(escape(details), meta_style))
    answers = work.data.get("sections", {})
    for index, section in enumerate(value["sections"]):
        story.append(Paragraph(escape(section["heading"]), heading_style))
        if section["prompt"]:
            story.append(Paragraph(escape(section["prompt"]), prompt_style))
        answer = answers.get(str(index), "")
        if answer:
            story.extend(_paragraphs(answer, body_style))
        else:
            story.append(Paragraph(escape(_("(not filled in)")), prompt_style))
    document.build(story)
    return buffer.getvalue()
