"""Security helpers shared by the site's settings."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


def client_ip(request):
    """The client's address, as seen by the first proxy we trust.

    Behind ``TRUSTED_PROXY_COUNT`` proxies (the front server, perhaps a load
    balancer) the address is the one those proxies appended to
    ``X-Forwarded-For``; anything a client wrote there itself is ignored.
    Used by django-axes, so that a lockout hits one client, not the proxy.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request.

    ``authenticate()`` without a request (a management command, the test
    client's ``login()``) cannot be attempted from outside and is let through
    to the next backend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
