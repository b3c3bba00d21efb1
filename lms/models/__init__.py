"""Models of the learning records, split by kind."""

from .records import Enrolment, LearningSession, LessonProgress, Source, Verb
from .structure import CompletionRule, CourseItem

__all__ = [
    "CompletionRule",
    "CourseItem",
    "Enrolment",
    "LearningSession",
    "LessonProgress",
    "Source",
    "Verb",
]
