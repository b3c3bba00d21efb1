"""Certificates of completion and the log of completions decided by people."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I: codes are read aloud and typed from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_certificate_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    """A certificate issued the moment a learner completes a course.

    What it certifies is copied at issue (name, course, CPD hours, date), so
    the certificate keeps saying what it said when the course is later edited.
    """

    enrolment = models.OneToOneField(
        "lms.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=new_certificate_code
    )
    learner_name = models.CharField(_("learner name"), max_length=255)
    course_title = models.CharField(_("course"), max_length=255)
    cpd_hours = models.DecimalField(_("CPD hours"), max_digits=5, decimal_places=1)
    completed_at = models.DateTimeField(_("completed"))
    issuer = models.CharField(_("issued by"), max_length=255)
    # The language the learner studied the course in: the certificate reads in it,
    # with a line in English (the course and issuer as named in English) for use
    # abroad. Empty on certificates issued before languages were recorded.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    course_title_en = models.CharField(_("course in English"), max_length=255, blank=True)
    issuer_en = models.CharField(_("issued by (in English)"), max_length=255, blank=True)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]

    def __str__(self):
        return f"{self.code} – {self.learner_name}: {self.course_title}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    def get_verify_url(self):
        return reverse("lms:verify_certificate", args=[self.code])

    def get_pdf_url(self):
        return reverse("lms:certificate_pdf", args=[self.code])


class ManualCompletion(models.Model):
    """A completion decided by a trainer rather than earned through records, with the reason."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="manual_completions",
    )
    course = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("manual completion")
        verbose_name_plural = _("manual completions")
        ordering = ["-created_at"]
        permissions = [("complete_for_learner", _("Can mark a learner's course complete"))]

    def __str__(self):
        return f"{self.learner} – {self.course} ({self.decided_by})"
