"""The learner's course evaluation form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.models import CoursePage

from . import services
from .forms import EvaluationForm


@login_required
def evaluate_course(request, course_id):
    """Shown to a learner who completed the course; answered once, stored without their name."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    if not services.may_evaluate(request.user, course):
        messages.info(request, _("You can evaluate a course once you have completed it."))
        return redirect(course.get_url(request))
    if services.has_answered(request.user, course):
        messages.info(request, _("You have already evaluated this course. Thank you!"))
        return redirect(course.get_url(request))
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(request.user, course, form.cleaned_data)
        except services.AlreadyAnswered:
            messages.info(request, _("You have already evaluated this course. Thank you!"))
        else:
            messages.success(request, _("Thank you: your evaluation helps improve the course."))
        return redirect(course.get_url(request))
    # A skipped or bad answer shows the form again, each error beside its question.
    context = {"course": course, "form": form}
    return TemplateResponse(request, "surveys/evaluation_form.html", context)
