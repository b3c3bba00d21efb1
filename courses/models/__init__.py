"""Course models, split by kind: page types and snippets."""

from .pages import (
    Audience,
    CatalogueIndexPage,
    CourseLearningOutcome,
    CoursePage,
    LessonPage,
    ModulePage,
)
from .snippets import Programme

__all__ = [
    "Audience",
    "CatalogueIndexPage",
    "CourseLearningOutcome",
    "CoursePage",
    "LessonPage",
    "ModulePage",
    "Programme",
]
