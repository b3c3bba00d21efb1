"""Template helpers for signed-in people."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

register = template.Library()

# Whether the signed-in person may use the Wagtail admin, decided once per session
# (at sign-in, or on the first page of an older session) instead of reading their
# permissions on every page; a change of permissions shows at their next sign-in.
ADMIN_ACCESS_SESSION_KEY = "accounts.may_use_admin"


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's user bar for people who may use the admin; nothing for learners."""
    request = context.get("request")
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return ""
    if ADMIN_ACCESS_SESSION_KEY not in session:
        session[ADMIN_ACCESS_SESSION_KEY] = user.has_perm("wagtailadmin.access_admin")
    if not session[ADMIN_ACCESS_SESSION_KEY]:
        return ""
    return wagtailuserbar(context)
