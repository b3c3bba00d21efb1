"""Pagination shared by every list endpoint: ``?page=`` and ``?page_size=`` (1 to 200).

A ``page_size`` that is not a whole number from 1 to 200 is a 400 (it used to
be ignored, so a typo silently gave 50 rows); a ``page`` that is not a page
(past the last, not a number, blank) is a 404.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= self.max_page_size):
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return int(value)

    def get_page_number(self, request, paginator):
        # A blank ``page`` is not page 1 but no number: "Invalid page." (404), as "abc" is.
        if request.query_params.get(self.page_query_param) == "":
            return ""
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
        return parameters
