"""Emails to learners, sent after the transaction that caused them commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Certificate


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_certificate_ready(certificate_id):
    certificate = Certificate.objects.select_related("learner").get(pk=certificate_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "certificate": certificate,
            "pdf_url": absolute(certificate.get_pdf_url()),
            "verify_url": absolute(certificate.get_verify_url()),
        }
        send_mail(
            subject=_("Your certificate for “%(course)s” is ready")
            % {"course": certificate.course_title},
            message=render_to_string("lms/email/certificate_ready.txt", context),
            from_email=None,
            recipient_list=[certificate.learner.email],
        )
