"""Models of the learning records, split by kind."""

from .assessment import Attempt, AttemptAnswer
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
from .structure import CompletionRule, CourseItem, CourseRules, ModuleRequirement

__all__ = [
    "Attempt",
    "AttemptAnswer",
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
    "Source",
    "Target",
    "Verb",
]
