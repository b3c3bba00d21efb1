"""The learner's competency profile."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from .profile import learner_profile


@login_required
def profile(request):
    """Only ever the signed-in learner's own profile: there is no learner in the URL."""
    return TemplateResponse(
        request, "competencies/profile.html", {"frameworks": learner_profile(request.user)}
    )
