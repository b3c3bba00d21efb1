"""What a SCO's commit means: CMI data of SCORM 1.2 or 2004 read into an attempt.

The runtime (scorm-again) sends the CMI data as flattened keys
(``{"cmi.core.lesson_status": "passed", ...}``); :func:`apply_commit` copies
them onto a :class:`~scorm.models.ScormAttempt` and :func:`initial_cmi` gives
the runtime what it needs to resume.
"""

import re

ISO_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<mo>\d+(?:\.\d+)?)M)?(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
CMI_TIMESPAN = re.compile(r"^(?P<h>\d{2,4}):(?P<m>\d{2}):(?P<s>\d{2}(?:\.\d{1,2})?)$")
MAX_SESSION_SECONDS = 24 * 3600


def seconds(value):
    """Seconds in a SCORM 1.2 timespan (HHHH:MM:SS.SS) or a 2004 ISO 8601 duration."""
    value = (value or "").strip()
    match = CMI_TIMESPAN.match(value)
    if match:
        total = int(match["h"]) * 3600 + int(match["m"]) * 60 + float(match["s"])
    else:
        match = ISO_DURATION.match(value)
        if not match or value in ("P", "PT"):
            return 0.0
        parts = {key: float(number or 0) for key, number in match.groupdict().items()}
        total = (
            parts["y"] * 365 * 86400
            + parts["mo"] * 30 * 86400
            + parts["d"] * 86400
            + parts["h"] * 3600
            + parts["mi"] * 60
            + parts["s"]
        )
    return min(max(total, 0.0), MAX_SESSION_SECONDS)


def _float(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _indexed(data, prefix):
    """``cmi.interactions.0.id`` and friends gathered into a list of dicts."""
    rows = {}
    pattern = re.compile(rf"^{re.escape(prefix)}\.(\d+)\.(.+)$")
    for key, value in data.items():
        match = pattern.match(key)
        if match and int(match[1]) < 1000:
            rows.setdefault(int(match[1]), {})[match[2]] = value
    return [rows[index] for index in sorted(rows)]


def read_cmi(data, version):
    """The fields of an attempt from a flattened CMI dict of ``version``."""
    get = lambda key: str(data.get(key, "") or "")  # noqa: E731
    if version == "1.2":
        status = get("cmi.core.lesson_status")
        completion = "completed" if status in ("completed", "passed", "failed") else status
        success = status if status in ("passed", "failed") else ""
        fields = {
            "completion_status": completion,
            "success_status": success,
            "score_raw": _float(data.get("cmi.core.score.raw")),
            "score_min": _float(data.get("cmi.core.score.min")),
            "score_max": _float(data.get("cmi.core.score.max")),
            "score_scaled": None,
            "location": get("cmi.core.lesson_location"),
            "session_time": get("cmi.core.session_time"),
        }
    else:
        fields = {
            "completion_status": get("cmi.completion_status"),
            "success_status": get("cmi.success_status"),
            "score_raw": _float(data.get("cmi.score.raw")),
            "score_min": _float(data.get("cmi.score.min")),
            "score_max": _float(data.get("cmi.score.max")),
            "score_scaled": _float(data.get("cmi.score.scaled")),
            "location": get("cmi.location"),
            "session_time": get("cmi.session_time"),
        }
    fields["location"] = fields["location"][:1000]
    fields["session_time"] = fields["session_time"][:64]
    fields["completion_status"] = fields["completion_status"][:20]
    fields["success_status"] = fields["success_status"][:20]
    fields["suspend_data"] = get("cmi.suspend_data")[:64000]
    fields["interactions"] = _indexed(data, "cmi.interactions")
    fields["objectives"] = _indexed(data, "cmi.objectives")
    return fields


def scaled_score(attempt):
    """The attempt's score from 0 to 1, or None when it has none."""
    if attempt.score_scaled is not None:
        return min(max(attempt.score_scaled, 0.0), 1.0)
    if attempt.score_raw is None:
        return None
    low = attempt.score_min or 0.0
    high = attempt.score_max if attempt.score_max not in (None, low) else 100.0
    if high <= low:
        return None
    return min(max((attempt.score_raw - low) / (high - low), 0.0), 1.0)


def initial_cmi(attempt, version, learner, item=None):
    """The CMI data the runtime starts from: resume when the learner has been here before.

    For SCORM 2004 the item's passing score (``cmi.scaled_passing_score``) and
    ``adlcp:completionThreshold`` (``cmi.completion_threshold``) come from the
    manifest, so the runtime judges success and completion as the package asks.
    """
    name = learner.get_full_name() or learner.get_username()
    resuming = attempt is not None and (attempt.location or attempt.suspend_data)
    if version == "1.2":
        core = {"student_id": str(learner.pk), "student_name": name}
        data = {"core": core}
        if attempt is not None:
            core["entry"] = "resume" if resuming else ""
            core["lesson_location"] = attempt.location
            if attempt.cmi.get("data", {}).get("cmi.core.lesson_status"):
                core["lesson_status"] = attempt.cmi["data"]["cmi.core.lesson_status"]
            data["suspend_data"] = attempt.suspend_data
        else:
            core["entry"] = "ab-initio"
        return data
    data = {"learner_id": str(learner.pk), "learner_name": name}
    if item is not None and item.get("mastery") is not None:
        data["scaled_passing_score"] = str(item["mastery"])
    if item is not None and item.get("completion_threshold") is not None:
        data["completion_threshold"] = str(item["completion_threshold"])
    objectives = _objectives(attempt, item)
    if objectives:
        data["objectives"] = objectives
    if attempt is not None:
        data["entry"] = "resume" if resuming else ""
        data["location"] = attempt.location
        data["suspend_data"] = attempt.suspend_data
        if attempt.completion_status:
            data["completion_status"] = attempt.completion_status
        if attempt.success_status:
            data["success_status"] = attempt.success_status
    else:
        data["entry"] = "ab-initio"
    return data


OBJECTIVE_KEYS = {"success_status", "completion_status", "progress_measure", "description"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}


def _objectives(attempt, item):
    """SCORM 2004 ``cmi.objectives``: the learner's last ones, then the manifest's ids.

    The LMS must offer the objectives the manifest declares (packages look
    them up by id); a resumed attempt gets back their statuses and scores.
    """
    rows = []
    for stored in (attempt.objectives if attempt is not None else []) or []:
        if not isinstance(stored, dict) or not stored.get("id"):
            continue
        row = {"id": str(stored["id"])}
        for key, value in stored.items():
            if value in (None, ""):
                continue
            if key in OBJECTIVE_KEYS:
                row[key] = str(value)
            elif key.startswith("score.") and key[6:] in SCORE_KEYS:
                row.setdefault("score", {})[key[6:]] = str(value)
        rows.append(row)
    known = {row["id"] for row in rows}
    for identifier in (item or {}).get("objectives", []):
        if identifier not in known:
            rows.append({"id": identifier})
            known.add(identifier)
    return rows
