"""JSON from outside, parsed so that hostile input is a clear refusal, never a 500.

Every view that reads JSON a client sent (request bodies, form fields that
hold JSON) parses it here::

    from lms import safejson

    try:
        payload = safejson.loads(request.body)
    except safejson.UnsafeJSON as error:
        return JsonResponse({"detail": str(error)}, status=400)

:func:`loads` refuses, with a translated message:

* a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (or ``max_bytes``);
* nesting deeper than :data:`MAX_DEPTH` levels, found by a scan of the brackets
  before decoding, so deep input never reaches the recursive decoder;
* text PostgreSQL cannot store and UTF-8 cannot encode: the NUL character
  (``\\u0000``) and unpaired surrogates (``\\ud800``), in keys and strings;
* what is not JSON, including ``NaN`` and ``Infinity``, and numbers too large
  to be finite.

:func:`check_text` applies the same text rule to a single string, such as a
form field. DRF views get all of this through ``api.parsers.SafeJSONParser``.
"""

import json
import math
import re
from array import array
from itertools import accumulate

from django.conf import settings
from django.utils.translation import gettext as _

# Deepest nesting of arrays and objects taken; real statements, CMI data and
# H5P state stay far below it.
MAX_DEPTH = 64

_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
# An escape that may decode to NUL or to half of a surrogate pair.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
# A string, to its closing quote or to the end if it has none: it cannot fail
# once started, so removing every string takes one linear pass.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
# Brackets as steps of +1 and -1 (signed bytes); every other byte dropped.
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_DEFAULT = object()


class UnsafeJSON(ValueError):
    """JSON (or text) this platform will not take; ``str(error)`` is a message for the sender."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _invalid():
    return UnsafeJSON(_("The data sent is not valid JSON."))


def _nested_too_deep(depth):
    return UnsafeJSON(_("The JSON is nested more than %(depth)d levels deep.") % {"depth": depth})


def check_text(value):
    """Return ``value``; raise :class:`UnsafeJSON` if it is text holding NUL or a lone surrogate."""
    if isinstance(value, str) and _BAD_TEXT.search(value):
        raise UnsafeJSON(_("Text may not contain NUL characters or unpaired surrogates."))
    return value


def default_max_bytes():
    """The size cap :func:`loads` applies by default: Django's cap on a request body."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def _too_deep(text, limit):
    """Whether brackets outside strings nest deeper than ``limit``.

    No Python loop runs per character: strings are cut out by one regular
    expression, the brackets become +1/-1 steps, and their running sum is
    taken by ``accumulate``.
    """
    # Brackets inside strings count here too, so this is an upper bound.
    if text.count("[") + text.count("{") <= limit:
        return False
    structure = _STRING.sub("", text).encode("ascii", "ignore")
    steps = array("b", structure.translate(_STEPS, _NOT_BRACKETS))
    return max(accumulate(steps), default=0) > limit


def _finite(text):
    number = float(text)
    if not math.isfinite(number):
        raise UnsafeJSON(_("A number in the JSON is too large."))
    return number


def _not_json(name):
    raise _invalid()


def _check_strings(value):
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            check_text(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                check_text(key)
                stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)


def loads(data, *, max_depth=MAX_DEPTH, max_bytes=_DEFAULT, encoding=None):
    """Decode JSON ``data`` (bytes or str); raise :class:`UnsafeJSON` for anything refused.

    Bytes are decoded with ``encoding``, or detected as ``json.loads`` does
    (UTF-8, with or without a byte order mark, UTF-16 or UTF-32).
    ``max_bytes=None`` lifts the size cap.
    """
    limit = default_max_bytes() if max_bytes is _DEFAULT else max_bytes
    if limit is not None and len(data) > limit:
        raise UnsafeJSON(_("The JSON is too large (at most %(bytes)d bytes).") % {"bytes": limit})
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode(encoding or json.detect_encoding(data))
        except (UnicodeDecodeError, LookupError):
            raise _invalid() from None
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"JSON must be bytes or str, not {type(data).__name__}")
    check_text(text)
    if _too_deep(text, max_depth):
        raise _nested_too_deep(max_depth)
    try:
        value = json.loads(text, parse_float=_finite, parse_constant=_not_json)
    except UnsafeJSON:
        raise
    except RecursionError:  # only if max_depth is set above the interpreter's limit
        raise _nested_too_deep(max_depth) from None
    except ValueError:
        raise _invalid() from None
    if _SUSPECT_ESCAPE.search(text):
        _check_strings(value)
    return value
