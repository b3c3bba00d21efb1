"""Saving a learner's work in the pack's blocks, and downloading their IEP as PDF.

Every view acts only on the signed-in user's own work: no view takes a
learner in its URL, so no one can read or change another's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from lms.access import study_access

from .blocks import KINDS
from .models import LearnerWork
from .pdf import iep_pdf
from .work import clean_work


def _lesson_block(request, lesson_uuid, block_id):
    """The live lesson, the pack block and ``lms.access``'s decision; 404 for anyone it refuses."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), lesson_uuid=lesson_uuid)
    child = next((block for block in lesson.body if block.id == block_id), None)
    if child is None or child.block_type not in KINDS:
        raise Http404
    decision = study_access(request.user, lesson.lesson_uuid, page=lesson)
    if not decision:
        raise Http404
    return lesson, child, decision


@login_required
@require_POST
def save_work(request, lesson_uuid, block_id):
    lesson, child, decision = _lesson_block(request, lesson_uuid, block_id)
    if decision.preview:
        # An editor looking at the lesson: like H5P and SCORM, a preview records nothing.
        messages.info(request, _("This is a preview: work is saved only for enrolled learners."))
        return redirect(f"{lesson.get_url(request)}#block-{child.id}")
    kind = child.block.kind
    data, errors, posted = clean_work(kind, child.value, request.POST)
    if errors:
        context = {
            "page": lesson,
            "lesson": lesson,
            "request": request,
            "csrf_token": get_token(request),
            "id": child.id,
            "work_errors": errors,
            "posted": posted,
        }
        html = child.block.render(child.value, context)
        return TemplateResponse(
            request,
            "inclusive_ed/work_errors.html",
            {"lesson": lesson, "block_html": html, "errors": errors},
            status=400,
        )
    with transaction.atomic():
        LearnerWork.objects.update_or_create(
            learner=request.user,
            lesson_uuid=lesson.lesson_uuid,
            block_id=child.id,
            defaults={"kind": kind, "data": data},
        )
    messages.success(request, _("Your work is saved."))
    return redirect(f"{lesson.get_url(request)}#block-{child.id}")


@login_required
@require_GET
def download_iep(request, lesson_uuid, block_id):
    lesson, child, _decision = _lesson_block(request, lesson_uuid, block_id)
    if child.block.kind != "iep":
        raise Http404
    work = LearnerWork.objects.filter(
        learner=request.user, lesson_uuid=lesson.lesson_uuid, block_id=child.id
    ).first()
    if work is None:
        messages.info(request, _("Save your plan first, then download it."))
        return redirect(f"{lesson.get_url(request)}#block-{child.id}")
    pdf = iep_pdf(request.user, lesson, child.value, work)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="individual-education-plan.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
