"""Models of the learning records, split by kind."""

from .assessment import (
    QUIZ,
    Attempt,
    AttemptAnswer,
    AttemptSummary,
    h5p_activity,
    scorm_activity,
)
from .audit import LearningLogEntry
from .certificates import Certificate, ManualCompletion
from .organisation import (
    Cohort,
    CohortMembership,
    District,
    Institution,
    LearnerProfile,
    Role,
    Target,
)
from .records import Enrolment, LearningSession, LessonProgress, RecordedReport, Source, Verb
from .statements import Statement
from .structure import CompletionRule, CourseItem, CourseRules, ModuleRequirement

__all__ = [
    "Attempt",
    "AttemptAnswer",
    "AttemptSummary",
    "Certificate",
    "Cohort",
    "CohortMembership",
    "CompletionRule",
    "CourseItem",
    "CourseRules",
    "District",
    "Enrolment",
    "Institution",
    "LearnerProfile",
    "LearningLogEntry",
    "LearningSession",
    "LessonProgress",
    "ManualCompletion",
    "ModuleRequirement",
    "RecordedReport",
    "Role",
    "QUIZ",
    "Source",
    "Statement",
    "Target",
    "Verb",
    "h5p_activity",
    "scorm_activity",
]
