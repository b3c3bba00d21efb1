"""The learner's own pages: "My learning"."""

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import render
from wagtail.models import Page

from .conf import lms_settings
from .models import CourseItem, Enrolment, LessonProgress


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
        .select_related("course")
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
