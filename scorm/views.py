"""Launching a SCORM package: the launch page, its runtime, its files and the commits.

The launch page (:func:`launch`) stays on the site: the table of contents, the
parts' buttons and the way back to the lesson. The package runs on the
content origin (:mod:`lms.content`), never with the site's session: the launch
page frames :func:`run` there, a page that holds the SCORM runtime
(scorm-again, as ``window.API`` or ``window.API_1484_11``) and frames the
SCO's files (:func:`content`), so a SCO that looks for the API in
``window.parent`` finds it. The runtime commits to :func:`commit` on the
content origin, and hands navigation requests (``adl.nav.request``) to the
launch page with ``postMessage``.

Those three take a capability token that names the learner, the lesson, the
block and the package; each checks again that the learner may see the lesson
(learners enrolled in its course and the page's editors) while it is live.
Commits are written only to the token's learner's own attempt.
"""

import posixpath
import secrets
from urllib.parse import quote

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from lms import content as content_origin
from lms import safejson, services
from lms.access import study_access

from .recording import record_asset, save_commit, sco_attempts
from .runtime import initial_cmi

MAX_COMMIT_BYTES = 512 * 1024
RUN = "scorm.run"


class Access:
    """What the user may reach: the live lesson, its SCORM block and package.

    ``enrolled`` is true when ``lms.access`` records the user's work (an
    enrolled learner), false for an editor's preview, which records nothing.
    """

    def __init__(self, lesson, block_id, package, enrolled, required=True):
        self.lesson, self.block_id, self.package = lesson, block_id, package
        self.enrolled, self.required = enrolled, required


def _lesson_block(user, lesson_uuid, block_id):
    """The live lesson, block and package, or 404 for anyone who may not study the lesson.

    ``lms.access.study_access`` answers who may (enrolled learners of a lesson
    open to them, and the lesson's editors, as for H5P) and whose work is
    recorded (only enrolled learners').
    """
    lesson = get_object_or_404(LessonPage.objects.live(), lesson_uuid=lesson_uuid)
    block = next(
        (b for b in lesson.body if b.block_type == "scorm" and b.id == str(block_id)), None
    )
    package = block.value["package"] if block is not None else None
    if package is None:
        raise Http404
    decision = study_access(user, lesson.lesson_uuid, page=lesson)
    if not decision:
        raise Http404  # The lesson is not this user's to see.
    return Access(lesson, block.id, package, decision.recorded, bool(block.value["required"]))


def _token_access(token):
    """The token's user and what they may reach (404 if the token or the access is gone)."""
    claims = content_origin.read(RUN, token)
    user = content_origin.token_user(claims)
    access = _lesson_block(user, claims["l"], claims["b"])
    if access.package.pk != claims["k"]:  # the block now holds another package
        raise Http404
    return claims, user, access


def navigation(package, current, base_url, lesson_url):
    """Where the launch page's buttons and the SCO's ``adl.nav.request`` lead.

    Flow (continue/previous) follows the manifest's item order, skipping
    nothing but stopping where the cluster's controlMode has flow="false";
    choice reaches any item whose cluster allows choice. The table of
    contents lists only visible items (``isvisible``).
    """
    items = package.scos
    index = next(i for i, item in enumerate(items) if item["identifier"] == current["identifier"])

    def url(item):
        return f"{base_url}?sco={quote(item['identifier'])}"

    flow = current.get("flow", True)
    previous = items[index - 1] if index > 0 else None
    following = items[index + 1] if index + 1 < len(items) else None
    return {
        "previous": url(previous) if flow and previous and previous.get("flow", True) else None,
        "continue": url(following) if flow and following and following.get("flow", True) else None,
        "choice": {item["identifier"]: url(item) for item in items if item.get("choice", True)},
        "exit": lesson_url,
    }


@require_GET
def launch(request, lesson_uuid, block_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    access = _lesson_block(request.user, lesson_uuid, block_id)
    package = access.package
    scos = package.scos
    current = package.sco(request.GET.get("sco", "")) or scos[0]
    attempts = {}
    if access.enrolled:
        attempts = sco_attempts(request.user, package, access.lesson.lesson_uuid)
        if not current.get("sco", True):  # an asset is done once opened
            record_asset(request.user, access, current)
    content_origin.frames_content(request)
    token = content_origin.issue(
        request, RUN, l=str(access.lesson.lesson_uuid), b=str(access.block_id), k=package.pk
    )
    if content_origin.configured_origin():
        frame = reverse("scorm_content:run", args=[token]) + f"?sco={quote(current['identifier'])}"
    elif not current.get("sco", True):
        # Without a content origin the frame has an opaque origin of its own, and a
        # SCO there cannot reach a runtime in another frame; an asset needs none.
        frame = _launch_file(token, current)
    else:
        frame = None
    nav = navigation(
        package,
        current,
        reverse("scorm:launch", args=[lesson_uuid, access.block_id]),
        access.lesson.url,
    )
    config = {
        "version": package.version,
        "sco": current["identifier"],
        "record": access.enrolled,
        "frameSrc": content_origin.content_url(request, frame) if frame else None,
        "origin": content_origin.message_origin(),
        "nav": nav,
        "messages": {
            "ended": _("This part has ended. Choose another part, or go back to the lesson."),
            "unavailable": _("That part cannot be opened from here."),
        },
    }
    items = [
        {**sco, "attempt": attempts.get(sco["identifier"]), "current": sco is current}
        for sco in scos
        if sco.get("visible", True) or sco is current
    ]
    return TemplateResponse(
        request,
        "scorm/launch.html",
        {
            "page": access.lesson,
            "lesson": access.lesson,
            "package": package,
            "items": items,
            "current": current,
            "config": config,
            "nav": nav,
            "sandbox": content_origin.frame_sandbox(),
        },
    )


def _launch_file(token, item):
    """The address of an item's launch file, with the manifest's parameters."""
    base = reverse("scorm_content:content", args=[token, ""])
    return base + item["launch"] + ("?" + item["parameters"] if item["parameters"] else "")


@never_cache
@require_GET
def run(request, token):
    """The SCORM runtime for one SCO, on the content origin; the SCO is framed inside it."""
    claims, user, access = _token_access(token)
    package = access.package
    current = package.sco(request.GET.get("sco", "")) or package.scos[0]
    attempt = None
    # An asset never talks to the runtime: what the launch page recorded for it
    # (done once opened) is no runtime attempt to resume.
    if access.enrolled and current.get("sco", True):
        attempt = sco_attempts(user, package, access.lesson.lesson_uuid).get(current["identifier"])
    src = _launch_file(token, current)
    config = {
        "version": package.version,
        "sco": current["identifier"],
        "session": secrets.token_hex(8),
        "commitUrl": reverse("scorm_content:commit", args=[token]),
        "record": access.enrolled,
        "cmi": initial_cmi(attempt, package.version, user, current),
        "src": src,
        "siteOrigin": claims["o"],
    }
    with translation.override(claims.get("g")):
        response = TemplateResponse(
            request,
            "scorm/run.html",
            {"package": package, "current": current, "config": config},
        ).render()
    return content_origin.content_page(response, claims)


@require_GET
def content(request, token, path):
    """A file of the package, for the runtime's frame (on the content origin)."""
    claims, _user, access = _token_access(token)
    name = posixpath.normpath(path) if path else ""
    if not name or name.startswith(("/", "..")) or name not in set(access.package.files):
        raise Http404
    return content_origin.serve_file(
        default_storage,
        f"{access.package.storage_prefix}/{name}",
        area="media",
        claims=claims,
        cache_control="private, max-age=3600",
    )


@csrf_exempt  # no cookie authenticates it: the token in the URL does
@require_POST
def commit(request, token):
    """Store the runtime's CMI data for the token's learner's own attempt and record progress."""
    if len(request.body) > MAX_COMMIT_BYTES:
        return JsonResponse({"result": False, "errorCode": 101}, status=413)
    try:
        body = safejson.loads(request.body or b"{}")
    except safejson.UnsafeJSON as unsafe:
        return JsonResponse({"result": False, "error": str(unsafe)}, status=400)
    if not isinstance(body, dict):
        return JsonResponse({"result": False, "error": _("The commit is not JSON.")}, status=400)
    _claims, user, access = _token_access(token)
    sco = access.package.sco(str(body.get("sco", "")))
    data = body.get("data")
    if sco is None or not isinstance(data, dict):
        return JsonResponse({"result": False, "error": _("Unknown SCO or no data.")}, status=400)
    if not access.enrolled:
        return JsonResponse({"result": True, "errorCode": 0, "recorded": False})
    session = str(body.get("session", ""))[:32]
    try:
        recorded = save_commit(user, access, sco, data, session)
    except services.Locked as locked:
        return JsonResponse({"result": False, "error": str(locked)}, status=403)
    except ValidationError as error:
        return JsonResponse({"result": False, "error": " ".join(error.messages)}, status=400)
    return JsonResponse({"result": True, "errorCode": 0, "recorded": recorded})
