"""Programme reports in the Wagtail admin, every one a database aggregate.

Each report's rows come from one function; the screen and its CSV/XLSX
export read the same rows, so they always agree. Exports are made in the
background for the person who asks (:mod:`lms.exports`, registered with
:mod:`operations.exports`). Queries do not grow with
the number of learners. Trainers see the learners of the cohorts they run;
programme managers (``lms.view_all_reports``) see everyone.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Subquery
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton

from operations.exports import start_export

from .models import (
    Attempt,
    Certificate,
    Cohort,
    CohortMembership,
    CourseItem,
    CourseRules,
    Enrolment,
    LessonProgress,
    Target,
)
from .programmes import audience_name, audience_names, programme_name, programme_names
from .scopes import (  # the scoping rules; other apps import them from here too
    REPORT_PERMISSION,
    sees_everyone,
    taught_by,  # noqa: F401
    visible_cohorts,
    visible_enrolments,
    visible_statements,
)


def completion_counts(enrolments, group_by, label):
    """Rows of enrolled / completed / completion rate / average progress per group."""
    rows = (
        enrolments.values(*group_by)
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            average_progress=Avg("progress"),
        )
        .order_by(*group_by)
    )
    result = []
    for row in rows:
        enrolled = row["enrolled"]
        result.append(
            {
                "name": label(row),
                "enrolled": enrolled,
                "completed": row["completed"],
                "completion_rate": round(100 * row["completed"] / enrolled) if enrolled else 0,
                "average_progress": round(100 * (row["average_progress"] or 0)),
            }
        )
    return result


def rows_by_course(user):
    return completion_counts(
        visible_enrolments(user), ["course_id", "course__title"], lambda r: r["course__title"]
    )


def rows_by_district(user):
    return completion_counts(
        visible_enrolments(user),
        ["learner__learner_profile__district__name"],
        lambda r: r["learner__learner_profile__district__name"] or _("Not given"),
    )


def rows_by_institution(user):
    return completion_counts(
        visible_enrolments(user),
        ["learner__learner_profile__institution__name"],
        lambda r: r["learner__learner_profile__institution__name"] or _("Not given"),
    )


def rows_by_cohort(user):
    """Enrolments of each cohort's members in that cohort's own courses."""
    cohorts = visible_cohorts(user)
    in_cohort_course = Cohort.courses.through.objects.filter(
        cohort_id=OuterRef("cohort"), page_id=OuterRef("course_id")
    )
    enrolments = (
        Enrolment.objects.filter(learner__cohort_memberships__cohort__in=cohorts)
        .annotate(cohort=F("learner__cohort_memberships__cohort_id"))
        .filter(Exists(in_cohort_course))
    )
    names = dict(cohorts.values_list("pk", "name"))
    by_id = {
        row["name"]: row for row in completion_counts(enrolments, ["cohort"], lambda r: r["cohort"])
    }
    members = dict(
        CohortMembership.objects.filter(cohort__in=cohorts)
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    empty = {"enrolled": 0, "completed": 0, "completion_rate": 0, "average_progress": 0}
    return [
        {
            **empty,
            **by_id.get(pk, {}),
            "name": name,
            "learners": members.get(pk, 0),
            "cohort_id": pk,
        }
        for pk, name in sorted(names.items(), key=lambda item: item[1])
    ]


class CompletionReport(ReportView):
    """A completion table; subclasses say how rows are grouped."""

    header_icon = "table"
    paginate_by = 100
    rows = None
    name_label = gettext_lazy("Name")
    extra_columns = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        return [
            Column("name", label=self.name_label),
            *self.extra_columns,
            Column("enrolled", label=_("Enrolled")),
            Column("completed", label=_("Completed")),
            Column("completion_rate", label=_("Completion (%)")),
            Column("average_progress", label=_("Average progress (%)")),
        ]

    @property
    def list_export(self):
        return [column.name for column in self.columns]

    @property
    def export_headings(self):
        return {column.name: str(column.label) for column in self.columns}

    # The downloads are what a manager comes for: buttons in the header, not in its "…" menu.
    header_more_buttons = []

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Download XLSX"), url=self.xlsx_export_url, icon_name="download"),
            HeaderButton(_("Download CSV"), url=self.csv_export_url, icon_name="download"),
        ]

    def get(self, request, *args, **kwargs):
        # Downloads are made in the background (operations.exports), from the same rows.
        if "export" in request.GET:
            return start_export(request, self.export_key(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return type(self).rows(self.request.user)

    @classmethod
    def export_key(cls):
        return f"lms.{cls.index_url_name.split(':')[-1]}"

    @classmethod
    def export_filename_for(cls):
        return f"{cls.index_url_name.split(':')[-1]}-report"

    def get_filename(self):
        return self.export_filename_for()


class CompletionByCourse(CompletionReport):
    page_title = gettext_lazy("Completion by course")
    name_label = gettext_lazy("Course")
    index_url_name = "lms_reports:by_course"
    index_results_url_name = "lms_reports:by_course_results"
    rows = staticmethod(rows_by_course)


class CompletionByCohort(CompletionReport):
    page_title = gettext_lazy("Completion by cohort")
    name_label = gettext_lazy("Cohort")
    index_url_name = "lms_reports:by_cohort"
    index_results_url_name = "lms_reports:by_cohort_results"
    rows = staticmethod(rows_by_cohort)

    @property
    def extra_columns(self):
        return [Column("learners", label=_("Learners"))]


class CompletionByDistrict(CompletionReport):
    page_title = gettext_lazy("Completion by district")
    name_label = gettext_lazy("District")
    index_url_name = "lms_reports:by_district"
    index_results_url_name = "lms_reports:by_district_results"
    rows = staticmethod(rows_by_district)


class CompletionByInstitution(CompletionReport):
    page_title = gettext_lazy("Completion by institution")
    name_label = gettext_lazy("Institution")
    index_url_name = "lms_reports:by_institution"
    index_results_url_name = "lms_reports:by_institution_results"
    rows = staticmethod(rows_by_institution)


# The cohort grid, the learner record and the targets ------------------------


def cohort_grid_modules(cohort, course_ids=None):
    """The modules of a cohort's courses with their number of required lessons."""
    if course_ids is None:
        course_ids = cohort.courses.values("pk")
    return list(
        CourseItem.objects.filter(course_id__in=course_ids, required=True, is_active=True)
        .values("module_id", "module__title", "course__title")
        .annotate(total=Count("pk"))
        .order_by("course__title", "module__path")
    )


def cohort_grid_headings(modules):
    return [_("Learner"), _("Email")] + [
        f"{m['course__title']} – {m['module__title']}" for m in modules
    ]


def cohort_grid_lines(rows):
    """The grid's rows as the export writes them: name, email, then done/total per module."""
    for r in rows:
        yield [r["learner"].get_full_name() or r["learner"].username, r["learner"].email] + [
            f"{c['done']}/{c['total']}" for c in r["cells"]
        ]


def cohort_grid(cohort):
    """Learners × modules of a cohort: required lessons done / required lessons, in 4 queries."""
    course_ids = list(cohort.courses.values_list("pk", flat=True))
    modules = cohort_grid_modules(cohort, course_ids)
    learners = list(
        get_user_model()
        .objects.filter(cohort_memberships__cohort=cohort)
        .order_by("last_name", "first_name", "username")
    )
    done = {
        (row["learner_id"], row["item__module_id"]): row["n"]
        for row in LessonProgress.objects.filter(
            learner__in=[learner.pk for learner in learners],
            item__course_id__in=course_ids,
            item__required=True,
            item__is_active=True,
            completed_at__isnull=False,
        )
        .values("learner_id", "item__module_id")
        .annotate(n=Count("pk"))
    }
    rows = []
    for learner in learners:
        cells = []
        for module in modules:
            count = done.get((learner.pk, module["module_id"]), 0)
            cells.append(
                {"done": count, "total": module["total"], "complete": count >= module["total"]}
            )
        rows.append({"learner": learner, "cells": cells})
    return modules, rows


def cohort_grid_view(request, pk):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    cohort = get_object_or_404(visible_cohorts(request.user), pk=pk)
    export = request.GET.get("export")
    if export:
        return start_export(request, "lms.cohort_grid", export, query=QueryDict(f"cohort={pk}"))
    modules, rows = cohort_grid(cohort)
    return TemplateResponse(
        request,
        "lms/reports/cohort_grid.html",
        {"cohort": cohort, "modules": modules, "rows": rows},
    )


# How many of a learner's latest statements their record shows.
LEARNER_STATEMENTS = 100


def learner_record_view(request, pk):
    """One learner's enrolments, lessons, attempts of every source, statements and certificates."""
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    learners = get_user_model().objects.all()
    if not sees_everyone(request.user):
        learners = learners.filter(cohort_memberships__cohort__trainers=request.user).distinct()
    learner = get_object_or_404(learners, pk=pk)
    statements = visible_statements(request.user).filter(learner=learner)
    return TemplateResponse(
        request,
        "lms/reports/learner_record.html",
        {
            "learner": learner,
            "statements": statements.select_related("item")
            .defer("raw")
            .order_by("-stored", "-pk")[:LEARNER_STATEMENTS],
            "statement_count": statements.count(),
            "enrolments": Enrolment.objects.filter(learner=learner).select_related("course"),
            "lessons": LessonProgress.objects.filter(learner=learner)
            .select_related("item")
            .order_by("item__course_id", "item__path"),
            "attempts": Attempt.objects.filter(learner=learner, finished_at__isnull=False)
            .select_related("item")
            .order_by("-finished_at"),
            "certificates": Certificate.objects.filter(learner=learner),
        },
    )


# Targets ------------------------------------------------------------------


def trained_counts(programme):
    """Learners who completed a course of ``programme``: overall, by district, by audience.

    A completion whose certificate was revoked (issued in error, obtained
    unfairly) trains nobody: it is left out, though the enrolment keeps its date.
    """
    courses = CourseRules.objects.filter(programme=programme)
    completed = Enrolment.objects.filter(
        course_id__in=courses.values("course_id"), completed_at__isnull=False
    ).exclude(certificate__revoked_at__isnull=False)
    overall = completed.values("learner_id").distinct().count()
    by_district = dict(
        completed.values("learner__learner_profile__district_id")
        .annotate(n=Count("learner_id", distinct=True))
        .values_list("learner__learner_profile__district_id", "n")
    )
    audience = CourseRules.objects.filter(course_id=OuterRef("course_id")).values("audience")[:1]
    by_audience = dict(
        completed.annotate(audience=Subquery(audience))
        .values("audience")
        .annotate(n=Count("learner_id", distinct=True))
        .values_list("audience", "n")
    )
    return overall, by_district, by_audience


def target_rows():
    rows = []
    cache = {}
    names = programme_names()
    audiences = audience_names()
    for target in Target.objects.select_related("district").order_by("programme", "district__name"):
        if target.programme not in cache:
            cache[target.programme] = trained_counts(target.programme)
        overall, by_district, by_audience = cache[target.programme]
        if target.district_id:
            trained = by_district.get(target.district_id, 0)
            scope = target.district.name
        elif target.audience:
            trained = by_audience.get(target.audience, 0)
            scope = _("Audience: %(audience)s") % {
                "audience": audience_name(target.audience, audiences)
            }
        else:
            trained = overall
            scope = _("Overall")
        percent = min(100.0, round(100 * trained / target.target, 1)) if target.target else 0.0
        rows.append(
            {
                "programme": programme_name(target.programme, names),
                "scope": scope,
                "target": target.target,
                "trained": trained,
                "percent": percent,
            }
        )
    return rows


def targets_view(request):
    if not request.user.has_perm("lms.view_all_reports"):
        raise PermissionDenied
    export = request.GET.get("export")
    if export:
        return start_export(request, "lms.targets", export, query=QueryDict())
    rows = target_rows()
    return TemplateResponse(
        request,
        "lms/reports/targets.html",
        {"rows": rows, "export_url": reverse("lms_reports:targets")},
    )
