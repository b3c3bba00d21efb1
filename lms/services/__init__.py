"""The one way to record learning, in modules by concern, with every name re-exported here.

Every source (a lesson page view, "mark as complete", the progress API, and
later H5P statements, quiz attempts and SCORM commits) calls
:func:`record_learning`. It writes the lesson summary, the session and the
course aggregate in one transaction and decides completion there, so a
learner's course is complete the moment their last required lesson is.

Nothing else writes progress.


Modules (each imports only those above it):

* :mod:`.exceptions`: why the service refuses;
* :mod:`.audit`: audit-trail notes about others' records;
* :mod:`.certificates`: issuing, revoking, a trainer's completion decision;
* :mod:`.completion`: trusted sources, module locks, course rules and aggregates;
* :mod:`.enrolment`: enrolling, and reading an enrolment with a lesson's record;
* :mod:`.recording`: :func:`record_learning` and the lesson visit;
* :mod:`.attempts`: quiz attempts.

Callers use the package: ``from lms import services; services.record_learning(...)``.
"""

from .attempts import DEADLINE_GRACE_SECONDS, start_attempt, submit_attempt
from .audit import log_enrolment
from .certificates import complete_for_learner, issue_certificate, revoke_certificate
from .completion import (
    ACTIVITY_SOURCES,
    DECIDING_SOURCES,
    ensure_unlocked,
    locked_modules,
    module_completion,
    refresh_course_aggregates,
    trusts,
)
from .enrolment import (
    ENROLMENT_WITH_RECORD,
    LOCKED_ENROLMENT,
    RECORD_FIELDS,
    _enrolment_with_record,
    enrol,
    is_open,
    learner_enrolment,
    missing_prerequisites,
    open_courses,
)
from .exceptions import (
    AttemptRefused,
    Locked,
    NotEnrolled,
    NotOpen,
    PrerequisitesNotMet,
    UnknownLesson,
    UntrustedSource,
)
from .recording import LOCKED_RECORD, LearningResult, active_item, record_learning, record_visit

__all__ = [
    "ACTIVITY_SOURCES",
    "DEADLINE_GRACE_SECONDS",
    "DECIDING_SOURCES",
    "ENROLMENT_WITH_RECORD",
    "LOCKED_ENROLMENT",
    "LOCKED_RECORD",
    "RECORD_FIELDS",
    "AttemptRefused",
    "LearningResult",
    "Locked",
    "NotEnrolled",
    "NotOpen",
    "PrerequisitesNotMet",
    "UnknownLesson",
    "UntrustedSource",
    "_enrolment_with_record",
    "active_item",
    "complete_for_learner",
    "enrol",
    "ensure_unlocked",
    "is_open",
    "issue_certificate",
    "learner_enrolment",
    "locked_modules",
    "log_enrolment",
    "missing_prerequisites",
    "module_completion",
    "open_courses",
    "record_learning",
    "record_visit",
    "refresh_course_aggregates",
    "revoke_certificate",
    "start_attempt",
    "submit_attempt",
    "trusts",
]
