"""The API's JSON parser: DRF's, through :func:`lms.safejson.loads`.

Set as the JSON parser in ``REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]``; a view
that names its own parsers (``ObtainAuthToken`` does) lists it too::

    parser_classes = [SafeJSONParser, FormParser, MultiPartParser]

Deep nesting, NUL characters, unpaired surrogates, ``NaN`` and bodies over
Django's size cap are answered 400 with a message, never a 500.
"""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding

from lms import safejson


class SafeJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        limit = safejson.default_max_bytes()
        # One byte over the cap is enough to refuse; the rest is never read.
        data = stream.read() if limit is None else stream.read(limit + 1)
        try:
            return safejson.loads(data, encoding=encoding, max_bytes=limit)
        except safejson.UnsafeJSON as error:
            raise ParseError(str(error)) from None
