"""The registry of reports that export in the background, and what a report's function returns.

Apps register through :mod:`operations.exports` (which re-exports these names);
the export task (:mod:`operations.tasks`) reads the registry from here.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

# What the report's function raises when the user may not have the report.
REFUSALS = (PermissionDenied, Http404, ValidationError)


@dataclass
class Table:
    """Headings and rows (any iterable of sequences) of a report, and its file name."""

    headings: list
    rows: object
    filename: str
    sheet_title: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ExportableReport:
    key: str
    title: object
    build: object  # (user, QueryDict) -> Table


_registry = {}


def register(key, title, build):
    _registry[key] = ExportableReport(key, title, build)
    return build


def get(key):
    return _registry.get(key)


def registered():
    return dict(_registry)
