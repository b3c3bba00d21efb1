"""Wagtail's own admin reports, with their CSV/XLSX downloads neutralised.

Wagtail's reports (site history, locked and aging pages, workflows, page
types) download page titles and people's names as typed by editors; a title
such as ``=HYPERLINK(…)`` would run as a formula in a spreadsheet. The site
mounts these patterns before Wagtail's admin (``portal/urls.py``), so the same
addresses serve the same views with every cell passed through
:func:`operations.exports.neutralise`; the listings themselves are unchanged.
"""

from django.urls import path
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from .exports import neutralised_view

# Only the index views download (``?export=csv``); their results views do not.
REPORTS = [
    ("locked/", LockedPagesView),
    ("workflow/", WorkflowView),
    ("workflow_tasks/", WorkflowTasksView),
    ("site-history/", LogEntriesView),
    ("aging-pages/", AgingPagesView),
    ("page-types-usage/", PageTypesUsageReportView),
]

urlpatterns = [path(route, neutralised_view(view).as_view()) for route, view in REPORTS]
