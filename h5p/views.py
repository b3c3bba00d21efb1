"""The player, the package files, the xAPI statements and saved state.

Packaged code runs on the content origin (:mod:`lms.content`), never with the
site's session:

* The lesson frames the player page ``/content/h5p/<token>/play/`` on the
  content origin. The token names the learner, the lesson and the activity;
  every content view checks again on the server that this user may study the
  lesson (enrolled learners, its editors) and that the lesson is live. The
  package's files (``…/files/<version>/<path>``) and H5P's saved state
  (``…/state/<dataType>/<subContentId>/``) take the same token, so they need no
  cookie and no CSRF token.
* The player page hands its xAPI statements to the lesson page with
  ``postMessage``; the lesson page (``h5p/lesson.js``) posts them with the
  learner's session and CSRF token to :func:`statements`, together with the
  signed attempt token the player page was opened with: results are taken
  only from a player this learner opened for this lesson and activity.
* The admin preview (:func:`preview`, editors only) frames the same player on
  the content origin with a preview token; nothing is recorded.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from lms import access, content, safejson, services
from lms.agents import LEARNER_DOMAIN
from lms.models import LessonProgress
from lms.statements import StatementConflict

from .importing import content_path
from .l10n import core_translations
from .models import H5PActivity, H5PUserData
from .results import MAX_STATEMENTS, ForeignActor, record_statements
from .storage import h5p_storage

ACCESS_SECONDS = 300
# How long after the player was opened its statements are taken.
ATTEMPT_SECONDS = 24 * 60 * 60
PLAY, PREVIEW, ATTEMPT = "h5p.play", "h5p.preview", "h5p.attempt"


def h5p_options(name, default):
    return getattr(settings, "H5P", {}).get(name, default)


def lesson_rules(lesson):
    """The values of the lesson's H5P blocks, read from the raw body (no queries)."""
    rules = []
    for block in lesson.body.raw_data:
        if block.get("type") == "h5p" and isinstance(block.get("value"), dict):
            value = dict(block["value"])
            value["id"] = block.get("id")
            rules.append(value)
    return rules


def _lesson_and_rules(lesson_uuid, activity_id):
    lesson = LessonPage.objects.live().filter(lesson_uuid=lesson_uuid).first()
    if lesson is None:
        raise Http404
    rules = lesson_rules(lesson)
    if not any(rule.get("activity") == activity_id for rule in rules):
        raise Http404
    return lesson, rules


def _may_study(user, lesson):
    """Refuse whoever ``lms.access`` does not let open the lesson (403; 404 if unavailable).

    Enrolled learners and the lesson's editors (a preview) may play it.
    """
    access.require_study(user, lesson.lesson_uuid, page=lesson)


def _may_preview(user):
    return user.is_authenticated and user.has_perms(
        ["wagtailadmin.access_admin", "h5p.change_h5pactivity"]
    )


# The site side: what the lesson page and the admin hand to the content origin.


def player_frame(request, lesson_uuid, activity):
    """What a lesson page needs to frame an activity for the signed-in user, or None."""
    if not request.user.is_authenticated:
        return None
    content.frames_content(request)
    token = content.issue(request, PLAY, l=str(lesson_uuid), a=activity.pk)
    return {
        "src": content.content_url(request, reverse("h5p_content:play", args=[token])),
        "sandbox": content.frame_sandbox(),
        "origin": content.message_origin(),
        "statements": reverse("h5p:statements", args=[lesson_uuid, activity.pk]),
    }


@require_GET
def preview(request, activity_id):
    """The activity for an editor, framed from the content origin; nothing is recorded."""
    if not _may_preview(request.user):
        raise PermissionDenied
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    content.frames_content(request)
    token = content.issue(request, PREVIEW, a=activity.pk)
    frame = {
        "src": content.content_url(request, reverse("h5p_content:preview", args=[token])),
        "sandbox": content.frame_sandbox(),
        "origin": content.message_origin(),
    }
    return TemplateResponse(request, "h5p/preview.html", {"activity": activity, "frame": frame})


# The content origin: the player page, the files and the saved state.


def _player_options(activity, files_url):
    options = {
        "h5pJsonPath": files_url,
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "fullScreen": True,
        "frame": False,
        "copyright": True,
        "title": activity.title,
        # Before the content starts, in its frame: storage where the browser denies it.
        "customJs": [static("h5p/frame-storage.js")],
    }
    if not content.configured_origin():
        # In an opaque-origin sandbox a frame of the player's own would get
        # another opaque origin, out of the player's reach: the content is
        # drawn in the player page itself, already a frame of its own.
        options["embedType"] = "div"
    return options


def _saved_state(user, activity):
    """The learner's saved user data as H5P core preloads it.

    ``{sub-content id: {data type: JSON text}}``; sub-content ``"0"`` is the
    activity itself, whose ``"state"`` is what it resumes from.
    """
    preloaded = {}
    rows = H5PUserData.objects.filter(learner=user, activity=activity).values_list(
        "sub_content_id", "data_type", "data"
    )
    for sub_content_id, data_type, data in rows:
        preloaded.setdefault(sub_content_id, {})[data_type] = data
    return preloaded or None


def _player_page(request, claims, activity, data):
    with translation.override(claims.get("g")):
        # The player's own controls and dialogs in the learner's language (h5p.l10n).
        data["options"]["translations"] = core_translations()
        response = TemplateResponse(
            request, "h5p/player.html", {"activity": activity, "player": data}
        ).render()
    return content.content_page(response, claims)


@never_cache
@require_GET
def play(request, token):
    """The activity of a lesson, in the page the lesson frames (on the content origin)."""
    claims = content.read(PLAY, token)
    user = content.token_user(claims)
    lesson, _rules = _lesson_and_rules(claims["l"], claims["a"])
    _may_study(user, lesson)
    activity = get_object_or_404(H5PActivity, pk=claims["a"])
    files_url = reverse("h5p_content:file", args=[token, activity.version, "h5p.json"])
    options = _player_options(activity, files_url.rsplit("/", 1)[0])
    options.update(
        {
            "saveFreq": h5p_options("SAVE_SECONDS", 10),
            "user": {"name": user.get_username(), "mail": f"{user.pk}@{LEARNER_DOMAIN}"},
            "ajax": {
                "contentUserDataUrl": reverse(
                    "h5p_content:state", args=[token, ":dataType", ":subContentId"]
                )
            },
        }
    )
    # H5P core reads the saved state synchronously when it starts the content
    # (its own user-data GET would answer too late to resume).
    saved = _saved_state(user, activity)
    if saved is not None:
        options["contentUserData"] = saved
    attempt = content.sign_timed(ATTEMPT, u=user.pk, l=str(lesson.lesson_uuid), a=activity.pk)
    data = {"options": options, "siteOrigin": claims["o"], "attempt": attempt}
    return _player_page(request, claims, activity, data)


@never_cache
@require_GET
def preview_player(request, token):
    """The player for an editor's preview (on the content origin); nothing is recorded."""
    claims = content.read(PREVIEW, token)
    if not _may_preview(content.token_user(claims)):
        raise PermissionDenied
    activity = get_object_or_404(H5PActivity, pk=claims["a"])
    files_url = reverse("h5p_content:preview_file", args=[token, activity.version, "h5p.json"])
    options = _player_options(activity, files_url.rsplit("/", 1)[0])
    data = {"options": options, "siteOrigin": claims["o"], "attempt": None}
    return _player_page(request, claims, activity, data)


def _serve(activity, version, path, claims):
    if version != activity.version:  # files of an upload since replaced
        raise Http404
    name = content_path(activity, path)
    if name is None:
        raise Http404
    top = path.split("/", 1)[0]
    # Only the package's own parts: h5p.json, content/ and library folders.
    if path != "h5p.json" and (top not in activity.libraries and top != "content"):
        raise Http404
    # Every upload is stored under a new prefix, named in the URL by its version:
    # a URL's bytes never change.
    seconds = h5p_options("CACHE_SECONDS", 86400)
    return content.serve_file(
        h5p_storage(),
        name,
        area="h5p",
        claims=claims,
        cache_control=f"private, max-age={seconds}",
    )


def _activity_for(claims, version):
    """The activity if the token's user may see it in that lesson (decision cached briefly).

    The decision is cached per version of the files, so a replaced package is
    looked up afresh at its new addresses.
    """
    lesson_uuid, activity_id = claims["l"], claims["a"]
    key = f"h5p:access:{claims['u']}:{claims['h']}:{lesson_uuid}:{activity_id}:{version}"
    cached = cache.get(key)
    if cached is not None:
        return H5PActivity(pk=activity_id, **cached)
    user = content.token_user(claims)
    lesson, _rules = _lesson_and_rules(lesson_uuid, activity_id)
    _may_study(user, lesson)
    activity = get_object_or_404(
        H5PActivity.objects.only("storage_prefix", "libraries", "library_paths"), pk=activity_id
    )
    if activity.version != version:
        raise Http404
    cache.set(
        key,
        {
            "storage_prefix": activity.storage_prefix,
            "libraries": activity.libraries,
            "library_paths": activity.library_paths,
        },
        ACCESS_SECONDS,
    )
    return activity


@require_GET
def content_file(request, token, version, path):
    claims = content.read(PLAY, token)
    return _serve(_activity_for(claims, version), version, path, claims)


@require_GET
def preview_file(request, token, version, path):
    claims = content.read(PREVIEW, token)
    if not _may_preview(content.token_user(claims)):
        raise PermissionDenied
    return _serve(get_object_or_404(H5PActivity, pk=claims["a"]), version, path, claims)


def _enrolled_learner(user, lesson_uuid, activity_id):
    """The live lesson and its H5P rules, for a learner whose work ``lms.access`` records.

    Anyone else is refused (403; 404 if the lesson is unavailable), the
    lesson's editors too: a preview records nothing.
    """
    access.require_study(user, lesson_uuid, record=True)
    lesson, rules = _lesson_and_rules(lesson_uuid, activity_id)
    return lesson, rules


def _error(message, status=400):
    return JsonResponse({"success": False, "message": message}, status=status)


def _attempt_is_theirs(token, user, lesson_uuid, activity_id):
    """Whether ``token`` is the attempt token of a player ``user`` opened for this activity."""
    claims = content.read_timed(ATTEMPT, token, ATTEMPT_SECONDS) if token else None
    return bool(
        claims
        and claims.get("u") == user.pk
        and claims.get("l") == str(lesson_uuid)
        and claims.get("a") == activity_id
    )


@require_POST
def statements(request, lesson_uuid, activity_id):
    """Store a batch of the player's xAPI statements for the requesting learner.

    The body is JSON ``{"statements": [...], "attempt": "<token>"}``, or form
    fields ``statements`` (that list as JSON) and ``attempt`` (what
    ``navigator.sendBeacon`` can send on page unload). ``attempt`` is the token
    the player page was opened with, at most a day ago, by this learner for this
    lesson and activity; without it nothing is stored (403).
    """
    lesson, rules = _enrolled_learner(request.user, lesson_uuid, activity_id)
    try:
        if request.content_type == "application/json":
            body = safejson.loads(request.body)
            batch, attempt = body.get("statements"), body.get("attempt")
        else:
            batch = safejson.loads(request.POST.get("statements", ""))
            attempt = request.POST.get("attempt")
    except safejson.UnsafeJSON as refusal:
        return _error(str(refusal))
    except (ValueError, AttributeError):
        return _error(_("The statements are not valid JSON."))
    if not isinstance(batch, list) or not 1 <= len(batch) <= MAX_STATEMENTS:
        return _error(_("Send between 1 and %(count)d statements.") % {"count": MAX_STATEMENTS})
    if not _attempt_is_theirs(attempt, request.user, lesson.lesson_uuid, activity_id):
        return _error(
            _("These results do not come from an activity you opened. Reload the page."),
            status=403,
        )
    activity = get_object_or_404(H5PActivity.objects.only("pk"), pk=activity_id)
    try:
        outcome, recorded = record_statements(request.user, lesson, activity, rules, batch)
    except ForeignActor as refusal:
        return _error(str(refusal))
    except StatementConflict as conflict:
        return _error(str(conflict), status=409)
    except ValueError:
        return _error(_("A statement lacks its id or verb."))
    except (services.NotEnrolled, services.Locked) as refusal:
        return _error(str(refusal), status=403)
    except services.UnknownLesson:
        raise Http404 from None
    except OperationalError:
        # The database could not take the write now (a lock, a restart): nothing
        # was stored, and the lesson page sends the same statements again.
        response = _error(_("The server is busy; your results will be sent again."), status=503)
        response["Retry-After"] = "2"
        return response
    # The lesson's progress as the recording service left it, or read when nothing was recorded.
    summary = (
        recorded.summary
        if recorded is not None
        else LessonProgress.objects.filter(learner=request.user, item_id=lesson.lesson_uuid)
        .only("completed_at")
        .first()
    )
    return JsonResponse(
        {
            "success": True,
            "met": outcome.met,
            "best_score": outcome.best_score,
            "lesson_completed": bool(summary and summary.completed_at),
            "message": outcome.message(),
        }
    )


@csrf_exempt  # no cookie authenticates it: the token in the URL does
def state(request, token, data_type, sub_content_id):
    """H5P's user-data calls: GET returns the saved state, POST saves (or clears) it."""
    if request.method == "OPTIONS":
        return _cors(HttpResponse())
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    claims = content.read(PLAY, token)
    user = content.token_user(claims)
    _lesson, _rules = _enrolled_learner(user, claims["l"], claims["a"])
    return _cors(_state(request, user, claims["a"], data_type, sub_content_id))


def _cors(response):
    response = content.allow_any_origin(response)
    if response.has_header("Access-Control-Allow-Origin"):
        response["Access-Control-Allow-Methods"] = "GET, POST"
        response["Access-Control-Allow-Headers"] = "Content-Type, X-Requested-With"
    return response


def _state(request, user, activity_id, data_type, sub_content_id):
    if len(data_type) > 64 or len(sub_content_id) > 64:
        return _error(_("Unknown saved state."))
    try:
        safejson.check_text(data_type)
        safejson.check_text(sub_content_id)
    except safejson.UnsafeJSON as refusal:
        return _error(str(refusal))
    key = {
        "learner": user,
        "activity_id": activity_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }
    if request.method == "GET":
        saved = H5PUserData.objects.filter(**key).values_list("data", flat=True).first()
        return JsonResponse({"success": True, "data": saved if saved is not None else False})
    data = request.POST.get("data")
    if data is None:
        return _error(_("No state was sent."))
    if len(data.encode()) > h5p_options("MAX_STATE_BYTES", 64 * 1024):
        return _error(_("The saved state is too large."), status=413)
    try:
        if data:  # H5P saves its state as JSON text: refuse what cannot be stored
            safejson.loads(data)
    except safejson.UnsafeJSON as refusal:
        return _error(str(refusal))
    try:
        if data == "0" or request.POST.get("invalidate") == "1" and data == "":
            H5PUserData.objects.filter(**key).delete()
        else:
            H5PUserData.objects.update_or_create(**key, defaults={"data": data})
    except OperationalError:
        # The database could not take the write now; the player saves again
        # at its next interval.
        response = _error(_("The server is busy; your place will be saved again."), status=503)
        response["Retry-After"] = "2"
        return response
    return JsonResponse({"success": True})
