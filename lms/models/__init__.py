"""Models of the learning records, split by kind."""

from .assessment import Attempt, AttemptAnswer
from .certificates import Certificate, ManualCompletion
from .records import Enrolment, LearningSession, LessonProgress, Source, Verb
from .structure import CompletionRule, CourseItem, CourseRules, ModuleRequirement

__all__ = [
    "Attempt",
    "AttemptAnswer",
    "Certificate",
    "CompletionRule",
    "CourseItem",
    "CourseRules",
    "Enrolment",
    "LearningSession",
    "LessonProgress",
    "ManualCompletion",
    "ModuleRequirement",
    "Source",
    "Verb",
]
