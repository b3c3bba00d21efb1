"""Course models, split by kind: page types, the review task and snippets."""

from .pages import (
    Audience,
    CatalogueIndexPage,
    CourseLearningOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
)
from .review import CourseReviewTask, pages_going_live
from .snippets import Programme

__all__ = [
    "Audience",
    "CatalogueIndexPage",
    "CourseLearningOutcome",
    "CoursePage",
    "CourseReviewTask",
    "LessonPage",
    "ModulePage",
    "Programme",
    "pages_going_live",
]
