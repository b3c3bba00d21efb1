"""The Wagtail admin's allowances on top of the site's Content Security Policy."""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """Add ``CSP_ADMIN_UPDATE`` to the policy of every admin response.

    The Wagtail admin sets some styles inline (editor toolbars, previews);
    learner pages get the strict policy. Listed after
    ``csp.middleware.CSPMiddleware`` so that it runs first on the way out,
    and leaves alone a response whose view chose its own policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)) and not hasattr(
            response, "_csp_update"
        ):
            response._csp_update = settings.CSP_ADMIN_UPDATE
        return response
