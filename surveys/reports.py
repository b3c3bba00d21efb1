"""Survey reports as database aggregates: course evaluations, community survey progress and results.

The screen and the CSV/XLSX export read the same rows. Queries do not grow
with the number of respondents. Evaluation reports never show one person's
answers: a cohort with fewer than ``MIN_GROUP_SIZE`` answers is not shown
apart, and comments are listed in alphabetical order with no date.
"""

from collections import Counter, defaultdict

from django.db.models import Avg, Count, Q
from django.db.models.fields.json import KeyTextTransform
from django.utils.translation import gettext as _

from lms.models import Cohort
from lms.reports import sees_everyone, visible_cohorts

from .evaluation import MIN_GROUP_SIZE, RATING_QUESTIONS, SCALE
from .models import EvaluationResponse, SurveyFormField, SurveySubmission, choice_lines

SCALE_VALUES = [value for value, _label in SCALE]
CHOICE_FIELD_TYPES = ("dropdown", "radio", "checkboxes", "checkbox")


def visible_course_ids(user):
    """Courses whose evaluations ``user`` may read (None: all, for managers).

    Trainers read the courses of the cohorts they run.
    """
    if sees_everyone(user):
        return None
    return Cohort.objects.filter(trainers=user).values("courses")


def _responses(user):
    responses = EvaluationResponse.objects.all()
    course_ids = visible_course_ids(user)
    return responses if course_ids is None else responses.filter(course_id__in=course_ids)


def course_rows(user):
    """One row per evaluated course: answers, mean of each rating, share who would recommend."""
    rows = (
        _responses(user)
        .values("course_id", "course__title")
        .annotate(
            n=Count("id"),
            recommend=Count("id", filter=Q(would_recommend=True)),
            **{f"mean_{name}": Avg(name) for name, _label in RATING_QUESTIONS},
        )
        .order_by("course__title")
    )
    return [_finish(row) for row in rows]


def _finish(row):
    row["recommend_percent"] = round(100 * row["recommend"] / row["n"]) if row["n"] else 0
    row["means"] = [
        {"name": name, "label": label, "mean": round(row[f"mean_{name}"] or 0, 2)}
        for name, label in RATING_QUESTIONS
    ]
    row["shown"] = row["n"] >= MIN_GROUP_SIZE
    return row


def course_report(course, user, cohort=None):
    """Distribution of each rating, rows per visible cohort, and comments: four queries."""
    responses = EvaluationResponse.objects.filter(course=course)
    cohorts = visible_cohorts(user)
    if cohort is not None:
        responses = responses.filter(cohort=cohort)
    aggregates = {
        "n": Count("id"),
        "recommend": Count("id", filter=Q(would_recommend=True)),
        **{f"mean_{name}": Avg(name) for name, _label in RATING_QUESTIONS},
        **{
            f"{name}_{value}": Count("id", filter=Q(**{name: value}))
            for name, _label in RATING_QUESTIONS
            for value in SCALE_VALUES
        },
    }
    totals = _finish(responses.aggregate(**aggregates))
    questions = []
    for name, label in RATING_QUESTIONS:
        counts = [totals[f"{name}_{value}"] for value in SCALE_VALUES]
        questions.append(
            {
                "name": name,
                "label": label,
                "mean": round(totals[f"mean_{name}"] or 0, 2),
                "counts": counts,
                "segments": _segments(counts),
            }
        )
    cohort_rows = [
        _finish(row)
        for row in EvaluationResponse.objects.filter(course=course, cohort__in=cohorts)
        .values("cohort_id", "cohort__name")
        .annotate(
            n=Count("id"),
            recommend=Count("id", filter=Q(would_recommend=True)),
            **{f"mean_{name}": Avg(name) for name, _label in RATING_QUESTIONS},
        )
        .order_by("cohort__name")
    ]
    comments = []
    if totals["shown"]:
        comments = list(
            responses.exclude(comment="").order_by("comment").values_list("comment", flat=True)
        )
    return {"totals": totals, "questions": questions, "cohorts": cohort_rows, "comments": comments}


def _segments(counts):
    """Stacked-bar segments (x and width in percent) for an SVG chart."""
    total = sum(counts)
    segments, x = [], 0.0
    for (value, label), count in zip(SCALE, counts, strict=True):
        width = 100 * count / total if total else 0
        segments.append(
            {
                "value": value,
                "label": label,
                "count": count,
                "x": round(x, 2),
                "width": round(width, 2),
            }
        )
        x += width
    return segments


def course_export_rows(report):
    headings = [_("Question"), _("Mean (1–5)")] + [str(label) for _value, label in SCALE]
    rows = [[str(q["label"]), q["mean"], *q["counts"]] for q in report["questions"]]
    rows.append(
        [
            _("Would recommend (%)"),
            report["totals"]["recommend_percent"],
            *[""] * len(SCALE),
        ]
    )
    rows.append([_("Answers"), report["totals"]["n"], *[""] * len(SCALE)])
    for row in report["cohorts"]:
        if row["shown"]:
            rows.append(
                [_("Cohort: %(name)s") % {"name": row["cohort__name"]}, "", *[""] * len(SCALE)]
            )
            rows.extend([f"  {m['label']}", m["mean"], *[""] * len(SCALE)] for m in row["means"])
    rows.extend([_("Comment"), comment, *[""] * len(SCALE)] for comment in report["comments"])
    return headings, rows


# Community surveys -----------------------------------------------------------


def group_progress(page):
    """Each respondent group of the survey with its answers against its target (see the page)."""
    return page.group_progress()


def results_by_group(page):
    """For each choice question: answer counts per respondent group.

    Answers given on every translation of the survey count together, under
    ``page``'s groups (matched by translation key) and choices (a translated
    choice is the one at the same place in the list). Single-choice questions
    are counted in the database (one query each); multiple-choice and yes/no
    answers are counted from one streamed query.
    """
    groups = group_progress(page)
    pages = page.get_translations(inclusive=True).values("pk")
    all_fields = [
        field
        for field in SurveyFormField.objects.filter(page__in=pages).order_by("sort_order", "pk")
        if field.field_type in CHOICE_FIELD_TYPES
    ]
    fields = [field for field in all_fields if field.page_id == page.pk]
    choices = _choice_maps(page, fields, all_fields)
    submissions = SurveySubmission.objects.filter(page__in=pages)
    counts = {field.clean_name: defaultdict(Counter) for field in fields}
    streamed = []
    for field in fields:
        if field.field_type in ("dropdown", "radio"):
            rows = (
                submissions.annotate(answer=KeyTextTransform(field.clean_name, "form_data"))
                .values("group__translation_key", "page_id", "answer")
                .annotate(n=Count("id"))
            )
            for row in rows:
                answer = choices[field.clean_name].get(
                    (row["page_id"], row["answer"]), row["answer"]
                )
                counts[field.clean_name][answer][row["group__translation_key"]] += row["n"]
        else:
            streamed.append(field)
    if streamed:
        rows = submissions.values_list("group__translation_key", "page_id", "form_data")
        for group_key, page_id, data in rows.iterator():
            for field in streamed:
                answer = data.get(field.clean_name)
                answers = answer if isinstance(answer, list) else [_yes_no(answer)]
                for item in answers:
                    item = choices[field.clean_name].get((page_id, item), item)
                    counts[field.clean_name][item][group_key] += 1
    results = []
    for field in fields:
        options = _options(field)
        by_answer = counts[field.clean_name]
        extra = [
            answer for answer in by_answer if answer not in options and answer not in ("", None)
        ]
        rows = []
        for answer in options + extra:
            per_group = [by_answer[answer][group.translation_key] for group in groups]
            rows.append({"answer": answer, "counts": per_group, "total": sum(per_group)})
        results.append({"field": field, "rows": rows})
    return groups, results


def _choice_maps(page, fields, all_fields):
    """``{clean name: {(page id, choice as answered): page's choice at the same place}}``."""
    options = {field.clean_name: _options(field) for field in fields}
    maps = {field.clean_name: {} for field in fields}
    for field in all_fields:
        if field.page_id == page.pk or field.clean_name not in options:
            continue
        own = options[field.clean_name]
        for place, choice in enumerate(_options(field)[: len(own)]):
            maps[field.clean_name][(field.page_id, choice)] = own[place]
    return maps


def _yes_no(value):
    return _("Yes") if value else _("No")


def _options(field):
    if field.field_type == "checkbox":
        return [_("Yes"), _("No")]
    return choice_lines(field.choices)


def community_export_rows(groups, results):
    headings = [_("Question"), _("Answer")] + [group.name for group in groups] + [_("Total")]
    rows = [[_("Respondents"), ""] + [group.n for group in groups] + [sum(g.n for g in groups)]]
    rows.append(
        [_("Target"), ""] + [group.target for group in groups] + [sum(g.target for g in groups)]
    )
    for result in results:
        for row in result["rows"]:
            rows.append([result["field"].label, row["answer"], *row["counts"], row["total"]])
    return headings, rows
