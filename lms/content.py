"""Packaged content (H5P, SCORM) runs in an origin of its own.

Uploaded packages are programs written by someone else. Their pages and files
are served under :data:`CONTENT_PREFIX` (``/content/…``) and never with the
site's session:

* With ``LMS["CONTENT_ORIGIN"]`` set (say ``https://content.example.org``, a
  host name that reaches the same application), :class:`ContentOriginMiddleware`
  answers content URLs only on that host, strips the Cookie header there, sends
  any other path back to the site, and answers content URLs on the site's own
  host with 404. Packaged code then runs in an origin that holds none of the
  site's cookies, storage or pages.
* Without it, content URLs are served from the site's host, still without
  cookies, in frames sandboxed without ``allow-same-origin`` (an opaque
  origin), and every content page carries a CSP ``sandbox`` of its own.

Who may see what is carried by signed **capability tokens** in the content
URLs, issued by a site view that checked the signed-in user::

    from lms import content

    token = content.issue(request, "h5p.play", l=str(lesson_uuid), a=activity.pk)
    src = content.content_url(request, reverse("h5p_content:play", args=[token]))

    claims = content.read("h5p.play", token)   # Http404 when forged or expired
    user = content.token_user(claims)          # the user it was issued to

A token names the user (and a digest of their password, so changing it
revokes the tokens), the site origin that may frame the content, the
language, and a 12-hour period: the same user gets the same token, and so the
same file URLs, for up to 12 hours, and the browser's cache keeps working.
Tokens of the current and the previous period are accepted.
"""

import mimetypes
import posixpath
import time
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from django.utils import translation
from django.utils.crypto import constant_time_compare

from .conf import lms_settings

CONTENT_PREFIX = "/content/"
PERIOD_SECONDS = 12 * 60 * 60
DEFAULT_PORTS = {"http": "80", "https": "443"}

# The frame attribute of every content frame. With a content origin the frame
# keeps its origin (the content origin, which holds nothing of the site's);
# without one it gets an opaque origin.
SANDBOX = "allow-scripts allow-forms allow-popups allow-downloads"
SANDBOX_SAME_ORIGIN = "allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"

# A package file that is not a page or a script: shown, never run.
INERT_POLICY = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "font-src 'self' data:; media-src 'self'"
)
# PDFs are not sandboxed: Chromium refuses to show a PDF in a sandboxed document.
PDF_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
SCRIPT_TYPES = ("text/javascript", "application/javascript", "application/x-javascript")


def normalise_origin(value):
    """``scheme://host[:port]`` in lower case, without a default port, or None."""
    if not value:
        return None
    parts = urlsplit(str(value).strip())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    port = str(parts.port) if parts.port else ""
    if port and port != DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}"


def configured_origin():
    """The content origin the site configured (``LMS["CONTENT_ORIGIN"]``), or None."""
    return normalise_origin(lms_settings.CONTENT_ORIGIN)


def configured_host():
    origin = configured_origin()
    return origin.split("://", 1)[1] if origin else None


def _request_host(request):
    scheme = "https" if request.is_secure() else "http"
    host = request.get_host().lower()
    default = f":{DEFAULT_PORTS[scheme]}"
    return host[: -len(default)] if host.endswith(default) else host


def site_origin(request):
    """The origin of the site page being served (where a content frame will report)."""
    return f"{'https' if request.is_secure() else 'http'}://{_request_host(request)}"


def content_origin(request):
    """Where content is served for this request: the content origin, or the site's own."""
    return configured_origin() or site_origin(request)


def content_url(request, path):
    """The absolute address of ``path`` (a content URL) on the content origin."""
    return content_origin(request) + path


def frame_sandbox():
    """The ``sandbox`` attribute for a frame holding content."""
    return SANDBOX_SAME_ORIGIN if configured_origin() else SANDBOX


def message_origin():
    """The ``event.origin`` a site page accepts from a content frame ("null": opaque)."""
    return configured_origin() or "null"


def frames_content(request):
    """Note that the page being rendered frames content: its policy then allows the origin."""
    request._lms_frames_content = True


def is_content_host(request):
    host = configured_host()
    return bool(host) and _request_host(request) == host


# Capability tokens.


def period(now=None):
    return int((time.time() if now is None else now) // PERIOD_SECONDS)


def _salt(purpose):
    return f"lms.content.{purpose}"


def _user_digest(user):
    # Changes with the password, so a new password revokes every token.
    return user.get_session_auth_hash()[:16]


def issue(request, purpose, *, user=None, **claims):
    """A token for ``purpose`` naming ``user`` (default: the signed-in user) and ``claims``."""
    user = user or request.user
    payload = {
        **claims,
        "u": user.pk,
        "h": _user_digest(user),
        "o": site_origin(request),
        "g": translation.get_language() or settings.LANGUAGE_CODE,
        "p": period(),
    }
    return signing.Signer(salt=_salt(purpose)).sign_object(payload, compress=True)


def read(purpose, token):
    """The claims of a token issued for ``purpose`` in this or the previous period.

    A forged, altered, other-purpose or expired token is not found (404).
    """
    try:
        claims = signing.Signer(salt=_salt(purpose)).unsign_object(token)
    except (signing.BadSignature, ValueError):
        raise Http404 from None
    if not isinstance(claims, dict) or claims.get("p") not in (period(), period() - 1):
        raise Http404
    return claims


def token_user(claims):
    """The active user the token was issued to, if their password has not changed since."""
    user = get_user_model().objects.filter(pk=claims.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(_user_digest(user), str(claims.get("h", ""))):
        raise Http404
    return user


def sign_timed(purpose, **claims):
    """A token that carries when it was made (see :func:`read_timed`)."""
    return signing.dumps(claims, salt=_salt(purpose), compress=True)


def read_timed(purpose, token, max_age):
    """The claims of a :func:`sign_timed` token at most ``max_age`` seconds old, or None."""
    try:
        claims = signing.loads(str(token), salt=_salt(purpose), max_age=max_age)
    except (signing.BadSignature, ValueError):
        return None
    return claims if isinstance(claims, dict) else None


# Responses.


def page_policy(claims):
    """The Content-Security-Policy of a content page (a player, a SCORM runtime, a SCO).

    Packaged code needs inline scripts, ``eval`` and inline styles; everything
    else comes from the content origin itself. Only the site page that asked
    for it (and the content origin, for nested frames) may frame it. Without a
    content origin the page is sandboxed by its own policy, so that opening it
    outside its frame gives it an opaque origin too.
    """
    ancestors = " ".join(dict.fromkeys([claims.get("o") or "'none'", "'self'"]))
    directives = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {ancestors}",
    ]
    if not configured_origin():
        directives.append(f"sandbox {SANDBOX}")
    return "; ".join(directives)


def content_page(response, claims):
    """Mark ``response`` (a content page) with its own policy instead of the site's."""
    response["Content-Security-Policy"] = page_policy(claims)
    response._csp_exempt = True  # django-csp: the policy above is the page's policy
    response.xframe_options_exempt = True  # framed by the site: frame-ancestors decides
    return response


def allow_any_origin(response):
    """Let a frame with an opaque origin read the answer (it carries no cookies)."""
    if not configured_origin():
        response["Access-Control-Allow-Origin"] = "*"
    return response


def file_policy(content_type, claims):
    """The policy a package file is served with, whatever the site's own policy says."""
    base = content_type.split(";", 1)[0].strip().lower()
    if base in PAGE_TYPES:
        return page_policy(claims)
    if base in SCRIPT_TYPES:
        return None
    if base == "application/pdf":
        return PDF_POLICY
    return INERT_POLICY


def guess_type(name):
    return mimetypes.guess_type(posixpath.basename(name))[0] or "application/octet-stream"


def serve_file(storage, name, *, area, claims, cache_control):
    """A package file's response: streamed, or handed to the front server.

    ``area`` names the storage for the front server's internal location
    (``<ACCEL_REDIRECT_PREFIX><area>/<name>``, see deploy/nginx.conf); with no
    prefix configured, or a storage without local paths (S3), the file is
    streamed from here. Either way it carries its own Content-Security-Policy
    (an SVG with a script is shown, never run), ``nosniff`` and no referrer.
    """
    content_type = guess_type(name)
    prefix = lms_settings.ACCEL_REDIRECT_PREFIX
    local = _has_paths(storage)
    if prefix and local:
        if not storage.exists(name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"/{prefix.strip('/')}/{area}/{quote(name)}"
    else:
        try:
            response = FileResponse(storage.open(name, "rb"), content_type=content_type)
        except (FileNotFoundError, OSError):
            raise Http404 from None
    policy = file_policy(content_type, claims)
    if policy:
        response["Content-Security-Policy"] = policy
    response._csp_exempt = True
    response.xframe_options_exempt = True
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = cache_control
    return allow_any_origin(response)


def _has_paths(storage):
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


# The middleware.


class ContentOriginMiddleware:
    """Keep the site and its packaged content apart (list it before the session middleware).

    * A content URL never sees a cookie: the Cookie header is removed before
      the session, CSRF and authentication middleware read it, and any cookie
      a response would set is dropped. Its answers carry no referrer (the
      tokens are in the URLs).
    * With a content origin configured, its host serves content URLs and
      static files only; any other path is sent to the same path on the site
      (``WAGTAILADMIN_BASE_URL``). The site's own host answers content URLs
      with 404, and the pages that frame content (:func:`frames_content`)
      may frame the content origin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = configured_origin()
        path = request.path_info
        on_content_host = bool(origin) and is_content_host(request)
        is_content = path.startswith(CONTENT_PREFIX)
        if on_content_host or is_content:
            request.META.pop("HTTP_COOKIE", None)
        if on_content_host and not (is_content or path.startswith(settings.STATIC_URL)):
            return self._to_site(request)
        if origin and is_content and not on_content_host:
            return HttpResponseNotFound()
        response = self.get_response(request)
        if on_content_host or is_content:
            for name in list(response.cookies):
                del response.cookies[name]
            response["Referrer-Policy"] = "no-referrer"
        elif origin and getattr(request, "_lms_frames_content", False):
            _allow_frames_from(response, origin)
        return response

    @staticmethod
    def _to_site(request):
        site = normalise_origin(getattr(settings, "WAGTAILADMIN_BASE_URL", None))
        if site is None or site == configured_origin():
            return HttpResponseNotFound()
        return HttpResponseRedirect(site + request.get_full_path())


def _allow_frames_from(response, origin):
    """Add the content origin to ``frame-src`` of the site page's policy."""
    header = "Content-Security-Policy"
    policy = response.get(header)
    if not policy:
        return
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    if "frame-src" in names:
        index = names.index("frame-src")
        if origin not in directives[index].split()[1:]:
            directives[index] += f" {origin}"
    else:
        fallback = next(
            (d for d, n in zip(directives, names, strict=True) if n == "child-src"), None
        )
        fallback = fallback or next(
            (d for d, n in zip(directives, names, strict=True) if n == "default-src"), None
        )
        sources = fallback.split()[1:] if fallback else []
        if "'none'" in sources:
            sources = []
        directives.append(" ".join(["frame-src", *sources, origin]))
    response[header] = "; ".join(directives)
