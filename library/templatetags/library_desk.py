"""The site header's way to the desk, for resource-centre staff only."""

from django import template
from django.urls import reverse

from .. import services

register = template.Library()

# Whether the signed-in person runs a centre's desk, decided once per session (as
# accounts' editor_userbar does for the admin) so a learner's pages spend no query
# on it; a new membership shows at the person's next sign-in.
DESK_SESSION_KEY = "library.runs_a_desk"


def runs_a_desk(user):
    """Whether ``user`` may open the desk of at least one centre."""
    return user.is_authenticated and services.staff_centres(user).exists()


@register.simple_tag(takes_context=True)
def desk_url(context):
    """The desk's address for centre staff; an empty string for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return ""
    if DESK_SESSION_KEY not in session:
        session[DESK_SESSION_KEY] = runs_a_desk(user)
    return reverse("library:desk") if session[DESK_SESSION_KEY] else ""
