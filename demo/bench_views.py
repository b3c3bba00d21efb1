"""Floors for the benchmarks: the cheapest Django can answer, measured beside the site.

Mounted only by ``portal.settings.bench`` (``demo.bench_urls``).
"""

import json

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def plain(request):
    """A bare Django view: no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
@require_POST
def json_post(request):
    """A bare JSON POST view: parse the body, answer JSON; no database."""
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"detail": "invalid JSON"}, status=400)
    return JsonResponse({"received": len(payload)})
