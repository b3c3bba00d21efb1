"""The OpenAPI document: ``/api/v1/`` only, and every error an operation can answer.

:class:`ApiSchema` (``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]``) adds to each
operation the errors it can answer, with the body :mod:`api.exceptions`
writes, so no view has to list them:

- 400 where there is input: a request body, or query parameters (a list's
  ``page_size`` too);
- 401 everywhere: credentials sent and wrong (an unknown token), or missing
  where the operation needs them (with ``WWW-Authenticate: Token``);
- 403 where a permission can refuse, and on unsafe methods (a session
  without its CSRF token);
- 404 on detail routes and paginated lists (a page past the last);
- 415 where there is a request body (one sent as another media type);
- 429 where a throttle applies (with ``Retry-After``).

A view that documents one of these codes itself keeps its description; the
error body is added when it gave none.

It also writes down the limits the API enforces that drf-spectacular leaves
out: a django-filter field's ``min_value``, ``max_value``, ``max_length`` and
whole-number ``decimal_places=0`` (and that an empty value means "not
filtered"), a ``SlugField``'s pattern, that text sent to the API holds no NUL
character, and a detail route's id (a whole number; see
the viewset's ``lookup_value_regex`` of digits) or the length of a text lookup.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import permissions, serializers
from rest_framework.schemas.utils import get_pk_description


def only_api_v1(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ErrorSerializer(serializers.Serializer):
    """Every error but a 400: ``{"detail": "<message>"}``."""

    detail = serializers.CharField(help_text=_("What went wrong, in the caller's language."))
    required = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text=_("The lessons to complete first (a locked lesson only)."),
    )


FIELD_ERRORS = {
    "type": "object",
    "description": _(
        "Messages by field; non_field_errors for the body as a whole. "
        "A list or nested body has its messages by index or field inside."
    ),
    "additionalProperties": {
        "oneOf": [
            {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "object"}]}},
            {"type": "object"},
        ]
    },
}


@extend_schema_field(FIELD_ERRORS)
class FieldErrorsField(serializers.DictField):
    pass


class ValidationErrorSerializer(serializers.Serializer):
    """A 400: the message, and each field's messages (none for a body that is not JSON)."""

    detail = serializers.CharField(help_text=_("What went wrong, in the caller's language."))
    errors = FieldErrorsField(required=False)


# Text the API takes may not hold NUL: Django's form and DRF fields refuse it, and so
# does lms.safejson in any JSON body (PostgreSQL cannot store it).
NO_NUL = "^[^\\x00]*$"
# The largest id an address holds (api.views.ID_PATTERN: 18 digits); larger ones are 404.
LARGEST_ID = 10**18 - 1
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

ERRORS = {
    "400": _("The request has errors: see each field's messages."),
    "401": _("Credentials are missing where needed, or wrong."),
    "403": _("You may not do this."),
    "404": _("Not found, or not yours to see."),
    "415": _("The body is not in a media type this operation reads."),
    "429": _("Too many requests: wait as many seconds as Retry-After says."),
}

HEADERS = {
    "401": {
        "WWW-Authenticate": {
            "schema": {"type": "string"},
            "description": _("How to authenticate: Token."),
        }
    },
    "429": {
        "Retry-After": {
            "schema": {"type": "integer", "minimum": 0},
            "description": _("Seconds to wait before the next request."),
        }
    },
}


class ApiSchema(AutoSchema):
    """drf-spectacular's schema, with the standard error answers on every operation."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self.error_codes():
            serializer = ValidationErrorSerializer if code == "400" else ErrorSerializer
            documented = responses.get(code)
            if documented is None:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(serializer, description=ERRORS[code]), code
                )
                if code in HEADERS:
                    responses[code]["headers"] = {
                        **HEADERS[code],
                        **responses[code].get("headers", {}),
                    }
            elif "content" not in documented:
                body = self._get_response_for_code(serializer, code)
                documented["content"] = body["content"]
        # Errors a view documents beyond these (409 ...) get the same body when they have none.
        for code, documented in responses.items():
            if code.startswith("4") and "content" not in documented:
                body = self._get_response_for_code(ErrorSerializer, code)
                documented["content"] = body["content"]
        return dict(sorted(responses.items()))

    def error_codes(self):
        codes = ["401"]
        if self._has_input():
            codes.append("400")
        if self.method in UNSAFE_METHODS or not self._is_public():
            codes.append("403")
        if "{" in self.path or self._is_paginated_list():
            codes.append("404")
        if self.method in UNSAFE_METHODS and self._get_request_body() is not None:
            codes.append("415")
        if self.view.get_throttles():
            codes.append("429")
        return sorted(codes)

    def _has_input(self):
        if self.method in UNSAFE_METHODS:
            return True
        return any(parameter["in"] == "query" for parameter in self._get_parameters())

    def _is_public(self):
        return all(
            isinstance(permission, permissions.AllowAny)
            for permission in self.view.get_permissions()
        )

    def _is_paginated_list(self):
        return self.method == "GET" and self._is_list_view() and self._get_paginator() is not None

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.SlugField) and "pattern" not in schema:
            # drf-spectacular leaves out the pattern every SlugField checks.
            schema["pattern"] = r"^[-\w]+$" if field.allow_unicode else r"^[-a-zA-Z0-9_]+$"
        if direction == "request" and isinstance(field, serializers.CharField):
            _forbid_nul(schema)
        return schema

    def _get_filter_parameters(self):
        parameters = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        if filterset is None:
            return parameters
        for parameter in parameters:
            field = filterset.base_filters.get(parameter["name"])
            if field is not None:
                _add_limits(parameter["schema"], field.extra)
                # django-filter reads an empty value (?open=) as "not filtered".
                parameter["allowEmptyValue"] = True
        return parameters

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        lookup = getattr(self.view, "lookup_url_kwarg", None) or getattr(
            self.view, "lookup_field", None
        )
        # The path says {id} where the view looks up "pk" (SCHEMA_COERCE_PATH_PK).
        names = {lookup, "id"} if lookup == "pk" else {lookup}
        for parameter in parameters:
            if parameter["name"] not in names:
                continue
            schema = parameter["schema"]
            if _whole_number_lookup(self.view):
                # Not the router's pattern (api.urls.Router): the id is a whole number.
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": LARGEST_ID}
                model = _view_model(self.view)
                if model is not None and "description" not in parameter:
                    parameter["description"] = get_pk_description(model, model._meta.pk)
            elif schema.get("type") == "string" and "format" not in schema:
                field = _model_field(self.view, self.view.lookup_field)
                if isinstance(field, models.CharField) and field.max_length:
                    schema["maxLength"] = field.max_length
        return parameters


def _whole_number_lookup(view):
    """Whether the view's address takes only digits for its id (``lookup_value_regex``)."""
    pattern = getattr(view, "lookup_value_regex", None)
    return bool(pattern) and bool(re.fullmatch(pattern, "1")) and not re.fullmatch(pattern, "a")


def _add_limits(schema, extra):
    """The form field's limits (a filter's keyword arguments) as JSON Schema keywords."""
    if extra.get("decimal_places") == 0 and schema.get("type") == "number":
        schema["type"] = "integer"
    for keyword, key in (("minimum", "min_value"), ("maximum", "max_value")):
        if extra.get(key) is not None:
            schema[keyword] = extra[key]
    if extra.get("max_length") is not None and schema.get("type") == "string":
        schema["maxLength"] = extra["max_length"]
    _forbid_nul(schema)


def _forbid_nul(schema):
    """A free text field says it takes no NUL (formats, patterns and choices say more)."""
    if schema.get("type") == "string" and not {"pattern", "format", "enum"} & schema.keys():
        schema["pattern"] = NO_NUL


def _view_model(view):
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model
    try:
        return view.get_queryset().model
    except Exception:  # a view that needs a request to name its model
        return None


def _model_field(view, name):
    model = _view_model(view)
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except models.FieldDoesNotExist:
        return None
