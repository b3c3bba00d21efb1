"""``POST /api/v1/auth/token/``: a token for other systems, from a username and password.

Throttled by its own scope (``auth``) on top of the anonymous rate, so it
cannot be used to guess passwords quickly.
"""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle

from .parsers import SafeJSONParser


class ObtainToken(ObtainAuthToken):
    throttle_classes = [AnonRateThrottle, ScopedRateThrottle]
    throttle_scope = "auth"
    # ObtainAuthToken names DRF's own JSON parser; ours refuses hostile JSON with a 400.
    parser_classes = [FormParser, MultiPartParser, SafeJSONParser]

    @extend_schema(responses=inline_serializer("Token", {"token": serializers.CharField()}))
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
