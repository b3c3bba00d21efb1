"""A learner's competency profile: evidence recorded on completion, read as aggregates."""

from django.db.models import Count

from .models import Competency, CompetencyLesson, Evidence, Framework


def record_completed_lesson(learner_id, lesson_uuid, completed_at):
    """Record evidence for every competency the lesson builds (two queries, idempotent)."""
    competency_ids = CompetencyLesson.objects.filter(lesson__lesson_uuid=lesson_uuid).values_list(
        "competency_id", flat=True
    )
    Evidence.objects.bulk_create(
        [
            Evidence(
                learner_id=learner_id,
                competency_id=competency_id,
                lesson_uuid=lesson_uuid,
                recorded_at=completed_at,
            )
            for competency_id in set(competency_ids)
        ],
        ignore_conflicts=True,
    )


def learner_profile(learner):
    """Frameworks with their competencies in tree order, each with ``done``/``total`` lessons.

    Three queries whatever the size of the frameworks. A competency without
    lessons of its own counts those of the competencies under it.
    """
    frameworks = list(Framework.objects.order_by("name"))
    competencies = list(
        Competency.objects.annotate(
            total=Count("lesson_links", distinct=True),
        ).order_by("framework_id", "sort_order", "code")
    )
    done = dict(
        Evidence.objects.filter(learner=learner)
        .values("competency_id")
        .annotate(n=Count("lesson_uuid", distinct=True))
        .values_list("competency_id", "n")
    )
    by_id = {competency.pk: competency for competency in competencies}
    for competency in competencies:
        competency.done = done.get(competency.pk, 0)
        competency.child_nodes = []
    roots = []
    for competency in competencies:
        parent = by_id.get(competency.parent_id)
        (parent.child_nodes if parent else roots).append(competency)

    for framework in frameworks:
        framework.nodes = []
    frameworks_by_id = {framework.pk: framework for framework in frameworks}
    for root in roots:
        _roll_up(root, 0)
        frameworks_by_id[root.framework_id].nodes.extend(_flatten(root))
    for framework in frameworks:
        tops = [node for node in framework.nodes if node.depth == 0]
        framework.achieved = sum(1 for node in framework.nodes if node.achieved)
        framework.done = sum(node.done for node in tops)
        framework.total = sum(node.total for node in tops)
        framework.percent = round(100 * framework.done / framework.total) if framework.total else 0
    return [framework for framework in frameworks if framework.nodes]


def _roll_up(node, depth):
    node.depth = depth
    for child in node.child_nodes:
        _roll_up(child, depth + 1)
    if node.total == 0 and node.child_nodes:
        node.done = sum(child.done for child in node.child_nodes)
        node.total = sum(child.total for child in node.child_nodes)
    node.percent = round(100 * node.done / node.total) if node.total else 0
    node.achieved = bool(node.total) and node.done >= node.total


def _flatten(node):
    yield node
    for child in node.child_nodes:
        yield from _flatten(child)
