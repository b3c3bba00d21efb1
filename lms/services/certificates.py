"""Issuing and revoking certificates, and a trainer's decision that a course is complete."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import statements
from ..conf import lms_settings
from ..models import Certificate, CourseRules, Enrolment, ManualCompletion, Source
from .audit import log_enrolment


def issue_certificate(enrolment, rules=None):
    """Issue (once) the certificate of a completed enrolment.

    After commit, background tasks store its PDF and email the learner.
    """
    if rules is None:
        rules = CourseRules.objects.filter(course_id=enrolment.course_id).first()
    learner = enrolment.learner
    course = enrolment.course
    language = certificate_language(course)
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner": learner,
            "learner_name": learner.get_full_name() or learner.get_username(),
            "course_title": rules.title if rules else course.title,
            "cpd_hours": rules.cpd_hours if rules else 0,
            "completed_at": enrolment.completed_at,
            "issuer": issuer_in(language),
            "language": language,
            "course_title_en": english_title(course, rules),
            "issuer_en": issuer_in("en"),
        },
    )
    if created:
        from ..tasks import render_certificate_pdf, send_certificate_email

        transaction.on_commit(lambda: render_certificate_pdf.enqueue(certificate.pk))
        if learner.email:
            transaction.on_commit(lambda: send_certificate_email.enqueue(certificate.pk))
    return certificate


def certificate_language(course):
    """The language the learner studied ``course`` in: its page's locale, else the site's."""
    codes = {code for code, _name in settings.LANGUAGES}
    locale = getattr(course, "locale", None)
    language = locale.language_code if locale is not None else ""
    return language if language in codes else settings.LANGUAGE_CODE


def issuer_in(language):
    """``LMS["CERTIFICATE_ISSUER"]`` in ``language`` (a name per language, or one to translate)."""
    issuer = lms_settings.CERTIFICATE_ISSUER
    if isinstance(issuer, dict):
        return issuer.get(language) or issuer.get("en") or next(iter(issuer.values()), "")
    with translation.override(language):
        return str(issuer)


def english_title(course, rules=None):
    """The course's title as its English translation names it (its own title if it has none)."""
    english = None
    if getattr(course, "locale", None) is not None and course.locale.language_code != "en":
        english = (
            type(course)
            .objects.filter(translation_key=course.translation_key, locale__language_code="en")
            .values_list("title", flat=True)
            .first()
        )
    return english or (rules.title if rules else course.title)


def complete_for_learner(learner, course, *, decided_by, reason):
    """A trainer's decision that ``learner`` has completed ``course``; logged with the reason.

    Nobody decides for themself, not even a superuser: the certificate it issues
    must rest on someone else's judgement.
    """
    if decided_by is not None and decided_by.pk == learner.pk:
        raise ValidationError(_("You cannot complete a course for yourself."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for completing this course by hand."))
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
            learner=learner, course=course, defaults={"method": Enrolment.Method.TRAINER}
        )
        if _created:
            log_enrolment(enrolment, user=decided_by)
        decision = ManualCompletion.objects.create(
            learner=learner, course=course, decided_by=decided_by, reason=reason
        )
        log(
            decision,
            "lms.complete_for_learner",
            user=decided_by,
            title=f"{course.title} (#{learner.pk})",
            data={"learner": learner.pk, "course": course.pk, "reason": reason},
        )
        statements.log(
            learner,
            source=Source.TRAINER,
            verb="completed",
            object_id=statements.course_iri(course.pk),
            name=course.title,
            result={"completion": True},
            context={"instructor": statements.actor(decided_by)} if decided_by else None,
            statement_id=statements.logged_id("manual-completion", decision.pk),
        )
        if enrolment.completed_at is None:
            enrolment.completed_at = timezone.now()
            enrolment.save(update_fields=["completed_at"])
        return issue_certificate(enrolment)


def revoke_certificate(certificate, *, revoked_by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking this certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is not None:
            raise ValidationError(_("This certificate is already revoked."))
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = revoked_by
        certificate.revoke_reason = reason
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
        log(
            certificate,
            "lms.revoke_certificate",
            user=revoked_by,
            title=certificate.code,
            data={"learner": certificate.learner_id, "reason": reason},
        )
    return certificate
