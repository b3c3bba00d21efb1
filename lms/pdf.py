"""PDF documents for learners: the certificate and the transcript (ReportLab).

Text is set in Roboto (from the ``font-roboto`` package), which covers
Azerbaijani (ə, ğ, ı, ş) and Cyrillic; the certificate carries a QR code
(``segno``) that opens its public verification page.
"""

import io

import font_roboto
import segno
from django.conf import settings
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import Paragraph

from ui.dates import local_date

REGULAR, BOLD = "Roboto", "Roboto-Bold"
BRAND = colors.HexColor("#084468")


def register_fonts():
    """Register Roboto (regular and bold) once, so Azerbaijani and Cyrillic letters print."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, font_roboto.font_files["Roboto"]))
        pdfmetrics.registerFont(TTFont(BOLD, font_roboto.font_files["RobotoBold"]))


def _qr_image(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return ImageReader(buffer)


def certificate_pdf(certificate, verify_url):
    """The certificate as PDF bytes; ``verify_url`` is absolute (it goes into the QR code).

    It reads in the language the learner studied the course in (the site's for
    certificates issued before that was recorded), with a line in English
    for use abroad.
    """
    language = certificate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        return _certificate_pdf(certificate, verify_url, language)


def english_line(certificate):
    """One sentence in English naming who completed what, for a certificate in another language."""
    with translation.override("en"):
        return _(
            "In English: %(name)s has completed the course “%(course)s” "
            "(%(hours)s CPD hours, %(date)s), issued by %(issuer)s."
        ) % {
            "name": certificate.learner_name,
            "course": certificate.course_title_en or certificate.course_title,
            "hours": formats.number_format(certificate.cpd_hours, decimal_pos=1),
            "date": local_date(certificate.completed_at),
            "issuer": certificate.issuer_en or certificate.issuer,
        }


def _certificate_pdf(certificate, verify_url, language):
    register_fonts()
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas_for(buffer, landscape(A4), _("Certificate %(code)s") % {"code": certificate.code})
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    centre = width / 2
    pdf.setFillColor(BRAND)
    pdf.setFont(BOLD, 30)
    pdf.drawCentredString(centre, height - 45 * mm, _("Certificate of completion"))
    pdf.setFillColor(colors.black)
    pdf.setFont(REGULAR, 14)
    pdf.drawCentredString(centre, height - 62 * mm, _("This certifies that"))
    pdf.setFont(BOLD, 26)
    pdf.drawCentredString(centre, height - 78 * mm, certificate.learner_name)
    pdf.setFont(REGULAR, 14)
    pdf.drawCentredString(centre, height - 92 * mm, _("has completed the course"))
    pdf.setFont(BOLD, 20)
    pdf.drawCentredString(centre, height - 106 * mm, certificate.course_title)
    pdf.setFont(REGULAR, 13)
    details = _("%(hours)s CPD hours · completed on %(date)s") % {
        "hours": formats.number_format(certificate.cpd_hours, decimal_pos=1),
        "date": local_date(certificate.completed_at),
    }
    pdf.drawCentredString(centre, height - 120 * mm, details)
    pdf.drawCentredString(
        centre, height - 132 * mm, _("Issued by %(issuer)s") % {"issuer": certificate.issuer}
    )
    if language != "en":
        pdf.setFont(REGULAR, 10)
        pdf.setFillColor(colors.HexColor("#333333"))
        paragraph = Paragraph(
            escape(english_line(certificate)),
            ParagraphStyle("english", fontName=REGULAR, fontSize=10, leading=13, alignment=1),
        )
        _w, used = paragraph.wrap(width - 120 * mm, 30 * mm)
        paragraph.drawOn(pdf, 60 * mm, height - 146 * mm - used)
        pdf.setFillColor(colors.black)

    qr_size = 38 * mm
    pdf.drawImage(_qr_image(verify_url), width - 24 * mm - qr_size, 22 * mm, qr_size, qr_size)
    pdf.setFont(REGULAR, 10)
    pdf.drawString(24 * mm, 30 * mm, _("Verification code: %(code)s") % {"code": certificate.code})
    pdf.drawString(24 * mm, 24 * mm, _("Check it at %(url)s") % {"url": verify_url})
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def canvas_for(buffer, pagesize, title):
    from reportlab.pdfgen.canvas import Canvas

    pdf = Canvas(buffer, pagesize=pagesize)
    pdf.setTitle(title)
    pdf.setAuthor(_("Teacher Learning Platform"))
    return pdf


def transcript_pdf(learner_name, rows, total_hours):
    """A learner's transcript: every completed course with its CPD hours."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=_("Transcript of %(name)s") % {"name": learner_name}
    )
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=18, leading=22, textColor=BRAND)
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13)
    table_data = [[_("Course"), _("Completed"), _("CPD hours"), _("Certificate")]]
    for row in rows:
        table_data.append(
            [
                Paragraph(row["course"], body),
                local_date(row["completed_at"]),
                formats.number_format(row["cpd_hours"], decimal_pos=1),
                row["code"] or "–",
            ]
        )
    table_data.append(["", _("Total"), formats.number_format(total_hours, decimal_pos=1), ""])
    table = Table(table_data, colWidths=[75 * mm, 40 * mm, 25 * mm, 40 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                ("FONT", (0, 0), (-1, 0), BOLD, 10),
                ("FONT", (0, -1), (-1, -1), BOLD, 10),
                ("LINEBELOW", (0, 0), (-1, 0), 1, BRAND),
                ("LINEABOVE", (0, -1), (-1, -1), 1, BRAND),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    doc.build(
        [
            Paragraph(_("Transcript of %(name)s") % {"name": learner_name}, heading),
            Spacer(1, 6 * mm),
            table,
        ]
    )
    return buffer.getvalue()
