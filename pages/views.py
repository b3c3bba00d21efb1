"""Site-level views that belong to no app in particular."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Send /favicon.ico to the static icon that every page links."""
    return redirect(static("img/favicon.ico"))
