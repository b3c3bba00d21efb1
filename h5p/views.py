"""The player frame, the package files, the xAPI statements and saved state.

Every view checks on the server who asks: a lesson's activity is for users
who may study that lesson (enrolled learners, its editors) and only while the
lesson is live; the admin preview is for users who may edit H5P activities.
Statements and saved state are always the requesting user's own.
"""

import mimetypes
import posixpath

from csp.decorators import csp_update
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage
from courses.packs import may_study
from lms import safejson, services
from lms.models import CourseItem, Enrolment, LessonProgress

from .importing import content_path
from .models import H5PActivity, H5PUserData
from .results import MAX_STATEMENTS, record_statements
from .storage import h5p_storage

# Only for the player page (docs/h5p.md): h5p-standalone writes H5PIntegration into
# its content frame as an inline script, H5P libraries use eval and style attributes.
# Everything still comes from this site only ('self').
PLAYER_CSP = {
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "media-src": ["blob:"],
}
ACCESS_SECONDS = 300


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


def _may_study(request, lesson):
    if not request.user.is_authenticated or not may_study(request.user, lesson):
        raise PermissionDenied(_("Enrol in the course to use its activities."))


def _may_preview(user):
    return user.is_authenticated and user.has_perms(
        ["wagtailadmin.access_admin", "h5p.change_h5pactivity"]
    )


def _player_options(request, activity, files_url, *, lesson=None):
    options = {
        "h5pJsonPath": files_url.rstrip("/"),
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "fullScreen": True,
        "frame": False,
        "copyright": True,
        "title": activity.title,
    }
    data = {"options": options, "statementsUrl": None}
    if lesson is not None:
        user = request.user
        options.update(
            {
                "saveFreq": h5p_options("SAVE_SECONDS", 10),
                "user": {"name": user.get_username(), "mail": f"{user.pk}@learners.invalid"},
                "ajax": {
                    "contentUserDataUrl": reverse(
                        "h5p:state",
                        args=[lesson.lesson_uuid, activity.pk, ":dataType", ":subContentId"],
                    )
                },
                "customJs": [static("h5p/frame-csrf.js")],
            }
        )
        # H5P core reads the saved state synchronously when it starts the content
        # (its own user-data GET would answer too late to resume).
        saved = _saved_state(user, activity)
        if saved is not None:
            options["contentUserData"] = saved
        data["statementsUrl"] = reverse("h5p:statements", args=[lesson.lesson_uuid, activity.pk])
    return data


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


@xframe_options_sameorigin
@csp_update(PLAYER_CSP)
@never_cache
@require_GET
def play(request, lesson_uuid, activity_id):
    """The activity of a lesson, in the page the lesson frames."""
    lesson, _rules = _lesson_and_rules(lesson_uuid, activity_id)
    _may_study(request, lesson)
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    files_url = reverse(
        "h5p:file", args=[lesson.lesson_uuid, activity.pk, activity.version, "h5p.json"]
    )
    data = _player_options(request, activity, files_url.rsplit("/", 1)[0], lesson=lesson)
    return TemplateResponse(request, "h5p/player.html", {"activity": activity, "player": data})


@xframe_options_sameorigin
@csp_update(PLAYER_CSP)
@require_GET
def preview(request, activity_id):
    """The activity for an editor, from the admin; nothing is recorded."""
    if not _may_preview(request.user):
        raise PermissionDenied
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    files_url = reverse("h5p:preview_file", args=[activity.pk, activity.version, "h5p.json"])
    data = _player_options(request, activity, files_url.rsplit("/", 1)[0])
    return TemplateResponse(
        request, "h5p/player.html", {"activity": activity, "player": data, "preview": True}
    )


def _serve(activity, version, path):
    if version != activity.version:  # files of an upload since replaced
        raise Http404
    name = content_path(activity, path)
    if name is None:
        raise Http404
    top = path.split("/", 1)[0]
    # Only the package's own parts: h5p.json, content/ and library folders.
    if path != "h5p.json" and (top not in activity.libraries and top != "content"):
        raise Http404
    storage = h5p_storage()
    try:
        fileobj = storage.open(name)
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = mimetypes.guess_type(posixpath.basename(name))[0] or "application/octet-stream"
    response = FileResponse(fileobj, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # Every upload is stored under a new prefix, named in the URL by its version:
    # a URL's bytes never change.
    patch_cache_control(response, private=True, max_age=h5p_options("CACHE_SECONDS", 86400))
    return response


def _activity_for(request, lesson_uuid, activity_id, version):
    """The activity if ``request.user`` may see it in that lesson (decision cached briefly).

    The decision is cached per version of the files, so a replaced package is
    looked up afresh at its new addresses.
    """
    key = f"h5p:access:{request.user.pk}:{lesson_uuid}:{activity_id}:{version}"
    cached = cache.get(key) if request.user.is_authenticated else None
    if cached is not None:
        return H5PActivity(pk=activity_id, **cached)
    lesson, _rules = _lesson_and_rules(lesson_uuid, activity_id)
    _may_study(request, lesson)
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
def content_file(request, lesson_uuid, activity_id, version, path):
    return _serve(_activity_for(request, lesson_uuid, activity_id, version), version, path)


@require_GET
def preview_file(request, activity_id, version, path):
    if not _may_preview(request.user):
        raise PermissionDenied
    return _serve(get_object_or_404(H5PActivity, pk=activity_id), version, path)


def _enrolled_learner(request, lesson_uuid, activity_id):
    if not request.user.is_authenticated:
        raise PermissionDenied
    lesson, rules = _lesson_and_rules(lesson_uuid, activity_id)
    course = CourseItem.objects.filter(uuid=lesson.lesson_uuid, is_active=True).values("course_id")
    if not Enrolment.objects.filter(learner=request.user, course_id__in=course[:1]).exists():
        raise PermissionDenied(_("Enrol in the course to record your results."))
    return lesson, rules


def _error(message, status=400):
    return JsonResponse({"success": False, "message": message}, status=status)


@require_POST
def statements(request, lesson_uuid, activity_id):
    """Store a batch of the player's xAPI statements for the requesting learner.

    The body is JSON ``{"statements": [...]}``, or a form field ``statements``
    holding that list (what ``navigator.sendBeacon`` can send on page unload).
    """
    lesson, rules = _enrolled_learner(request, lesson_uuid, activity_id)
    try:
        if request.content_type == "application/json":
            batch = safejson.loads(request.body).get("statements")
        else:
            batch = safejson.loads(request.POST.get("statements", ""))
    except safejson.UnsafeJSON as refusal:
        return _error(str(refusal))
    except (ValueError, AttributeError):
        return _error(_("The statements are not valid JSON."))
    if not isinstance(batch, list) or not 1 <= len(batch) <= MAX_STATEMENTS:
        return _error(_("Send between 1 and %(count)d statements.") % {"count": MAX_STATEMENTS})
    activity = get_object_or_404(H5PActivity.objects.only("pk"), pk=activity_id)
    try:
        outcome = record_statements(request.user, lesson, activity, rules, batch)
    except ValueError:
        return _error(_("A statement lacks its id or verb."))
    except (services.NotEnrolled, services.Locked) as refusal:
        return _error(str(refusal), status=403)
    except services.UnknownLesson:
        raise Http404 from None
    except OperationalError:
        # The database could not take the write now (a lock, a restart): nothing
        # was stored, and the player sends the same statements again.
        response = _error(_("The server is busy; your results will be sent again."), status=503)
        response["Retry-After"] = "2"
        return response
    summary = (
        LessonProgress.objects.filter(learner=request.user, item_id=lesson.lesson_uuid)
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


def state(request, lesson_uuid, activity_id, data_type, sub_content_id):
    """H5P's user-data calls: GET returns the saved state, POST saves (or clears) it."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    lesson, _rules = _enrolled_learner(request, lesson_uuid, activity_id)
    if len(data_type) > 64 or len(sub_content_id) > 64:
        return _error(_("Unknown saved state."))
    try:
        safejson.check_text(data_type)
        safejson.check_text(sub_content_id)
    except safejson.UnsafeJSON as refusal:
        return _error(str(refusal))
    key = {
        "learner": request.user,
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
