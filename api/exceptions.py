"""One error body for every API error.

Every error answers ``{"detail": "<message>"}``; a 400 adds
``"errors": {"<field>": ["<message>", ...]}`` (``non_field_errors`` for the
body as a whole). Django's ``ValidationError`` and ``PermissionDenied`` raised
by the services become 400 and 403 with the services' own messages. An
address under ``/api/v1/`` that names no endpoint (``/api/v1/loans/1.5/``)
answers a JSON 404 too (:func:`not_found`), not the site's HTML page.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


def _from_django(exc):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: exc.messages})
    if isinstance(exc, DjangoPermissionDenied) and exc.args:
        error = exceptions.PermissionDenied(str(exc.args[0]))
        required = getattr(exc, "required", None)
        if required:
            error.required = [getattr(page, "pk", page) for page in required]
        return error
    return exc


def exception_handler(exc, context):
    exc = _from_django(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        if isinstance(data, list):
            data = {api_settings.NON_FIELD_ERRORS_KEY: data}
        response.data = {"detail": _("The request has errors."), "errors": data}
    elif isinstance(data, dict) and "detail" in data:
        body = {"detail": data["detail"]}
        required = getattr(exc, "required", None)
        if required:
            body["required"] = required
        response.data = body
    return response


@csrf_exempt  # it changes nothing; without this a POST would meet the CSRF failure page
def not_found(request, *args, **kwargs):
    """The API's 404 for any address under ``/api/v1/`` that no endpoint matches."""
    return JsonResponse({"detail": str(exceptions.NotFound.default_detail)}, status=404)
