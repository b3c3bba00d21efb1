"""What completes a lesson, a module and a course.

Trusted sources, module locks, the course's extra rules and its aggregates.
"""

from django.db import transaction
from django.db.models import Count, F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from pagecache import cache as pagecache

from ..models import (
    CompletionRule,
    CourseItem,
    CourseRules,
    Enrolment,
    LessonProgress,
    ModuleRequirement,
    Source,
    Verb,
)
from .certificates import issue_certificate
from .exceptions import Locked


def _assessed(item):
    return item.completion_rule in (CompletionRule.ON_SCORE, CompletionRule.ON_PASS)


# Sources that decide on the server: a person's decision or the platform itself.
DECIDING_SOURCES = frozenset({Source.TRAINER, Source.SYSTEM})

# Sources that score on the server, or in the lesson's own activity player.
ACTIVITY_SOURCES = frozenset({Source.QUIZ, Source.H5P, Source.SCORM})


def trusts(item, source):
    """Whether ``source`` may score, pass or complete ``item`` under its completion rule.

    A lesson whose rule names sources (``item.trusted_sources``: its quiz, its
    own H5P activities or SCORM package, xAPI for an external activity) trusts
    only those. A lesson that names none trusts the learner's own reports
    (page, progress API, xAPI) to read and mark it complete, but never to
    score it: an assessed lesson is then scored only by an activity source.
    A trainer's or the system's decision is always trusted.
    """
    source = Source(source)
    if source in DECIDING_SOURCES:
        return True
    named = item.trusted_sources
    if named:
        return source in named
    return source in ACTIVITY_SOURCES or not _assessed(item)


def _untrusted_message(item):
    if Source.XAPI in item.trusted_sources:
        return _("This lesson is completed by its external activity.")
    if Source.QUIZ in item.trusted_sources or _assessed(item):
        return _("This lesson is completed by passing its assessment.")
    return _("This lesson is completed by finishing its activity.")


def _completes(verb, item, source, *, score=None, passed=None, finished=False):
    """Whether ``verb`` from ``source`` completes ``item`` under its completion rule."""
    if not trusts(item, source):
        return False
    rule = item.completion_rule
    if verb == Verb.SCORED:
        if rule == CompletionRule.ON_PASS:
            return bool(passed)
        if rule == CompletionRule.ON_SCORE:
            return score >= item.min_score if item.min_score is not None else bool(passed)
        return bool(finished)  # a scored activity that is also done
    if _assessed(item):
        return False  # only a score completes an assessed lesson
    if verb == Verb.MARKED_COMPLETE:
        return True
    if source in item.trusted_sources and verb == Verb.REACHED_END:
        return True  # the lesson's own activity says it is finished
    if verb == Verb.VIEWED:
        return rule == CompletionRule.ON_VIEW
    if verb == Verb.REACHED_END:
        return rule in (CompletionRule.ON_VIEW, CompletionRule.ON_READ)
    return False


def _complete_if_rules_met(enrolment, now):
    """Complete the course now if its extra rules (time, final assessment) hold.

    Called inside the recording transaction with the enrolment locked and all
    required lessons done. Issues the certificate in the same transaction.
    """
    rules = CourseRules.objects.filter(course_id=enrolment.course_id).first()
    if rules is not None:
        if rules.min_time_spent and enrolment.time_spent < rules.min_time_spent:
            return False
        if (
            rules.final_assessment_id
            and not LessonProgress.objects.filter(
                learner_id=enrolment.learner_id,
                item_id=rules.final_assessment_id,
                passed_at__isnull=False,
            ).exists()
        ):
            return False
    enrolment.completed_at = now
    enrolment.save(update_fields=["completed_at"])
    issue_certificate(enrolment, rules)
    return True


def module_completion(learner, course_id):
    """``{module_id: (done, total)}`` over required active lessons, in two queries."""
    totals = dict(
        CourseItem.objects.filter(course_id=course_id, required=True, is_active=True)
        .values("module_id")
        .annotate(n=Count("pk"))
        .values_list("module_id", "n")
    )
    done = dict(
        LessonProgress.objects.filter(
            learner=learner,
            item__course_id=course_id,
            item__required=True,
            item__is_active=True,
            completed_at__isnull=False,
        )
        .values("item__module_id")
        .annotate(n=Count("pk"))
        .values_list("item__module_id", "n")
    )
    return {module_id: (done.get(module_id, 0), total) for module_id, total in totals.items()}


def locked_modules(learner, course_id):
    """``{module_id: [required module ids not yet complete]}`` for one learner and course."""
    if not _modules_with_requirements(course_id):
        return {}
    requirements = list(
        ModuleRequirement.objects.filter(course_id=course_id).values_list(
            "module_id", "requires_id"
        )
    )
    if not requirements:
        return {}
    completion = module_completion(learner, course_id)
    locked = {}
    for module_id, requires_id in requirements:
        done, total = completion.get(requires_id, (0, 0))
        if done < total:
            locked.setdefault(module_id, []).append(requires_id)
    return locked


def _modules_with_requirements(course_id):
    """The course's modules that wait for others (cached until the course is published again)."""
    return pagecache.cached(
        f"modules-with-requirements:{course_id}",
        lambda: set(
            ModuleRequirement.objects.filter(course_id=course_id).values_list(
                "module_id", flat=True
            )
        ),
    )


def ensure_unlocked(learner, item):
    """Raise :class:`Locked` if the item's module waits for modules not yet complete."""
    if item.module_id is None or item.module_id not in _modules_with_requirements(item.course_id):
        return
    required = list(
        ModuleRequirement.objects.filter(module_id=item.module_id).select_related("requires")
    )
    if not required:
        return
    completion = module_completion(learner, item.course_id)
    waiting = [
        requirement.requires
        for requirement in required
        if completion.get(requirement.requires_id, (0, 0))[0]
        < completion.get(requirement.requires_id, (0, 0))[1]
    ]
    if waiting:
        raise Locked(
            _("Complete these modules first: %(modules)s")
            % {"modules": ", ".join(page.title for page in waiting)},
            required=waiting,
        )


def refresh_course_aggregates(course_id, *, learner_id=None, learner_ids=None):
    """Recount every enrolment of a course (or one learner's) in one UPDATE.

    Called when the course's structure changes (a required lesson added or
    withdrawn). A course already completed stays completed; one whose
    remaining required lessons are now all done is completed now.
    """
    counted = CourseItem.objects.filter(course_id=course_id, required=True, is_active=True)
    total = counted.count()
    done = (
        LessonProgress.objects.filter(
            learner=OuterRef("learner"),
            item__in=counted,
            completed_at__isnull=False,
        )
        .order_by()
        .values("learner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrolments = Enrolment.objects.filter(course_id=course_id)
    if learner_id is not None:
        enrolments = enrolments.filter(learner_id=learner_id)
    if learner_ids is not None:
        enrolments = enrolments.filter(learner_id__in=learner_ids)
    enrolments.update(lessons_completed=Coalesce(Subquery(done), 0))
    if total:
        enrolments.update(
            progress=Least(
                Cast(F("lessons_completed"), FloatField()) / Value(float(total)), Value(1.0)
            )
        )
        now = timezone.now()
        for enrolment in enrolments.filter(
            completed_at__isnull=True, lessons_completed__gte=total
        ).select_related("learner"):
            with transaction.atomic():
                _complete_if_rules_met(enrolment, now)
    else:
        enrolments.update(progress=0.0)


def _course_counts(learner_id, course_id):
    total = CourseItem.objects.filter(course_id=course_id, required=True, is_active=True).count()
    done = LessonProgress.objects.filter(
        learner_id=learner_id,
        item__course_id=course_id,
        item__required=True,
        item__is_active=True,
        completed_at__isnull=False,
    ).count()
    return done, total
