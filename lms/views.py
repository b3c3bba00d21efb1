"""The learner's own pages ("My learning", transcript) and certificates (download, public check)."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Subquery
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from wagtail.models import Page

from . import pdf
from .conf import lms_settings
from .models import Certificate, CohortMembership, CourseItem, Enrolment, LessonProgress
from .tasks import certificate_pdf_name


def next_item_subquery(learner_id):
    """The first active lesson (in course order) the learner has not completed."""
    completed = LessonProgress.objects.filter(
        learner_id=learner_id, item=OuterRef("uuid"), completed_at__isnull=False
    )
    return (
        CourseItem.objects.filter(course_id=OuterRef("course_id"), is_active=True)
        .exclude(Exists(completed))
        .order_by("path")
    )


@login_required
def dashboard(request):
    pending = next_item_subquery(request.user.pk)
    enrolments = (
        Enrolment.objects.filter(learner=request.user)
        .select_related("course", "certificate")
        .annotate(
            next_page_id=Subquery(pending.values("page_id")[:1]),
            next_title=Subquery(pending.values("title")[:1]),
        )
        .order_by("completed_at", "-last_activity_at", "-enrolled_at")
    )
    enrolments = list(enrolments)
    next_pages = Page.objects.in_bulk([e.next_page_id for e in enrolments if e.next_page_id])
    in_progress, completed = [], []
    for enrolment in enrolments:
        enrolment.course_url = enrolment.course.get_url(request)
        next_page = next_pages.get(enrolment.next_page_id)
        enrolment.next_url = next_page.get_url(request) if next_page else None
        enrolment.certificate_or_none = getattr(enrolment, "certificate", None)
        (completed if enrolment.is_complete else in_progress).append(enrolment)
    return render(
        request,
        "lms/dashboard.html",
        {
            "in_progress": in_progress,
            "completed": completed,
            "catalogue_url": lms_settings.CATALOGUE_URL,
        },
    )


def _completed_enrolments(learner):
    return (
        Enrolment.objects.filter(learner=learner, completed_at__isnull=False)
        .select_related("course", "certificate")
        .order_by("-completed_at")
    )


def _transcript_rows(learner):
    rows = []
    for enrolment in _completed_enrolments(learner):
        certificate = getattr(enrolment, "certificate", None)
        valid = certificate is not None and not certificate.is_revoked
        rows.append(
            {
                "course": certificate.course_title if certificate else enrolment.course.title,
                "completed_at": enrolment.completed_at,
                "cpd_hours": certificate.cpd_hours if valid else Decimal("0"),
                "code": certificate.code if valid else "",
                "certificate": certificate,
            }
        )
    return rows, sum((row["cpd_hours"] for row in rows), Decimal("0"))


@login_required
def transcript(request):
    rows, total = _transcript_rows(request.user)
    return render(request, "lms/transcript.html", {"rows": rows, "total_hours": total})


@login_required
def transcript_pdf(request):
    rows, total = _transcript_rows(request.user)
    name = request.user.get_full_name() or request.user.get_username()
    response = HttpResponse(pdf.transcript_pdf(name, rows, total), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="transcript.pdf"'
    return response


def verify_certificate(request, code):
    """Public: is this certificate genuine, and for whom and what. Nothing more."""
    certificate = Certificate.objects.filter(code=code.strip().upper()).first()
    status = 200 if certificate else 404
    return render(
        request, "lms/verify_certificate.html", {"certificate": certificate}, status=status
    )


def can_download_certificate(user, certificate):
    """The learner, trainers of a cohort the learner is in, and administrators."""
    if not user.is_authenticated:
        return False
    if certificate.learner_id == user.pk or user.has_perm("lms.view_certificate"):
        return True
    if user.has_perm("lms.view_all_reports"):
        return True
    return CohortMembership.objects.filter(
        learner_id=certificate.learner_id, cohort__trainers=user
    ).exists()


def certificate_pdf(request, code):
    certificate = get_object_or_404(Certificate, code=code.strip().upper())
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_download_certificate(request.user, certificate):
        raise Http404  # Do not confirm that someone else's certificate exists.
    if certificate.is_revoked:
        return render(
            request, "lms/verify_certificate.html", {"certificate": certificate}, status=410
        )
    filename = f"certificate-{certificate.code}.pdf"
    stored = certificate_pdf_name(certificate)
    if default_storage.exists(stored):
        return FileResponse(
            default_storage.open(stored, "rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    # Not rendered by the background task yet: render it now.
    verify_url = request.build_absolute_uri(certificate.get_verify_url())
    response = HttpResponse(
        pdf.certificate_pdf(certificate, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
