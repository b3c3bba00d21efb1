"""The report exports a person asked for, in their data download; erasure deletes them.

Registered in :data:`accounts.privacy.personal_data` (found by
:func:`accounts.privacy.autodiscover`); the files go with the rows.
"""

from accounts.privacy import DELETE, personal_data

from .models import ReportExport

personal_data.register(
    ReportExport,
    "requester",
    export=[
        "report",
        "title",
        "query",
        "format",
        "status",
        "row_count",
        "created_at",
        "finished_at",
    ],
    erase=DELETE,
)
