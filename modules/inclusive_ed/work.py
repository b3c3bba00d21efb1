"""Reading and checking a learner's work in the pack's blocks."""

from django.utils.translation import gettext as _

from .models import LearnerWork

MAX_TEXT = 4000


def saved_work(request, lesson_uuid):
    """The signed-in learner's work in one lesson, by block id: one query per request and lesson."""
    cache = request.__dict__.setdefault("_inclusive_ed_work", {})
    if lesson_uuid not in cache:
        cache[lesson_uuid] = {
            work.block_id: work
            for work in LearnerWork.objects.filter(learner=request.user, lesson_uuid=lesson_uuid)
        }
    return cache[lesson_uuid]


def _text(value, errors, key):
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        errors[key] = _("Keep this under %(limit)s characters.") % {"limit": MAX_TEXT}
    return value


def clean_work(kind, value, post):
    """``(data, errors, posted)`` for a block of ``kind`` (its value ``value``) from POST data."""
    errors = {}
    if kind == "iep":
        sections = {
            str(index): _text(post.get(f"section-{index}"), errors, str(index))
            for index in range(len(value["sections"]))
        }
        if not errors and not any(sections.values()):
            errors["form"] = _("Write something in at least one section before saving.")
        data = {"sections": sections}
        return data, errors, data
    if kind == "checklist":
        checked = []
        for raw in post.getlist("item"):
            try:
                index = int(raw)
            except ValueError:
                index = -1
            if not 0 <= index < len(value["items"]):
                errors["form"] = _("That adaptation is not on this checklist.")
                break
            checked.append(index)
        data = {"checked": sorted(set(checked))}
        return data, errors, data
    text = _text(post.get("text"), errors, "text")
    if not errors and not text:
        errors["text"] = _("Write your reflection before saving.")
    data = {"text": text}
    return data, errors, data
