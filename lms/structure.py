"""How content apps tell lms which lessons a course has.

A content app calls these whenever its structure changes (a lesson is
published, unpublished, moved or deleted). lms never looks at content models
itself, so any content store (Wagtail pages, H5P, SCORM) can feed it.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from pagecache import cache as pagecache

from .models import CompletionRule, CourseItem, CourseRules, ModuleRequirement
from .services import refresh_course_aggregates


@dataclass(frozen=True)
class ItemSpec:
    """Everything lms needs to know about one lesson."""

    uuid: UUID
    course_id: int
    title: str
    path: str
    page_id: int | None = None
    module_id: int | None = None
    required: bool = True
    completion_rule: str = CompletionRule.ON_READ
    min_score: float | None = None
    is_active: bool = True
    # Sources that alone may score, pass or complete it (``CourseItem.trusted_sources``).
    trusted_sources: tuple = ()

    def as_defaults(self):
        return {
            "course_id": self.course_id,
            "module_id": self.module_id,
            "page_id": self.page_id,
            "title": self.title[:255],
            "path": self.path,
            "required": self.required,
            "completion_rule": self.completion_rule,
            "min_score": self.min_score,
            "is_active": self.is_active,
            "trusted_sources": sorted(set(self.trusted_sources)),
        }


FIELDS = [
    "course_id",
    "module_id",
    "page_id",
    "title",
    "path",
    "required",
    "completion_rule",
    "min_score",
    "is_active",
    "trusted_sources",
    "updated_at",
]


def upsert_item(spec: ItemSpec):
    """Create or update one lesson; refresh the course's aggregates if what counts changed."""
    with transaction.atomic():
        item = CourseItem.objects.select_for_update().filter(uuid=spec.uuid).first()
        if item is None:
            item = CourseItem.objects.create(uuid=spec.uuid, **spec.as_defaults())
            changed_courses = {spec.course_id} if item.counts_towards_completion else set()
        else:
            before = (item.course_id, item.counts_towards_completion)
            for field, value in spec.as_defaults().items():
                setattr(item, field, value)
            item.save()
            after = (item.course_id, item.counts_towards_completion)
            changed_courses = {before[0], after[0]} if before != after else set()
        for course_id in changed_courses:
            refresh_course_aggregates(course_id)
    # The saved item moves the page cache on (pagecache's post_save receiver).
    return item


def deactivate_items(uuids):
    """Stop counting these lessons (unpublished or deleted); their records stay."""
    with transaction.atomic():
        course_ids = set(
            CourseItem.objects.filter(uuid__in=uuids, is_active=True).values_list(
                "course_id", flat=True
            )
        )
        CourseItem.objects.filter(uuid__in=uuids).update(is_active=False)
        for course_id in course_ids:
            refresh_course_aggregates(course_id)
        # ``lms.services.active_item`` caches lesson items.
        transaction.on_commit(pagecache.invalidate)


def sync_course_items(course_id, specs):
    """Make a course's items match ``specs`` exactly, in one transaction.

    Items of this course that are not in ``specs`` are deactivated (never
    deleted: learners' records refer to them). Items that moved here from
    another course are re-pointed, and both courses' aggregates refreshed.
    """
    specs = list(specs)
    with transaction.atomic():
        existing = CourseItem.objects.select_for_update().in_bulk(
            [spec.uuid for spec in specs], field_name="uuid"
        )
        touched_courses = {course_id}
        to_create, to_update = [], []
        now = timezone.now()
        for spec in specs:
            item = existing.get(spec.uuid)
            if item is None:
                to_create.append(CourseItem(uuid=spec.uuid, **spec.as_defaults()))
            else:
                touched_courses.add(item.course_id)
                for field, value in spec.as_defaults().items():
                    setattr(item, field, value)
                item.updated_at = now
                to_update.append(item)
        CourseItem.objects.bulk_create(to_create)
        CourseItem.objects.bulk_update(to_update, FIELDS)
        CourseItem.objects.filter(course_id=course_id, is_active=True).exclude(
            uuid__in=[spec.uuid for spec in specs]
        ).update(is_active=False)
        for touched in touched_courses:
            refresh_course_aggregates(touched)
        transaction.on_commit(pagecache.invalidate)


@dataclass(frozen=True)
class RulesSpec:
    """What a course takes to complete, and what its certificate says."""

    course_id: int
    title: str
    programme: str = ""
    audience: str = ""
    cpd_hours: object = 0
    min_time_spent: int = 0
    final_assessment: UUID | None = None
    prerequisite_ids: tuple = ()
    # (module id, required module id) pairs.
    module_requirements: tuple = ()


def sync_course_rules(spec: RulesSpec):
    """Store a course's completion rules and module prerequisites, in one transaction."""
    with transaction.atomic():
        final = spec.final_assessment
        if final is not None and not CourseItem.objects.filter(uuid=final).exists():
            final = None
        rules, _created = CourseRules.objects.update_or_create(
            course_id=spec.course_id,
            defaults={
                "title": spec.title[:255],
                "programme": spec.programme,
                "audience": spec.audience,
                "cpd_hours": spec.cpd_hours,
                "min_time_spent": spec.min_time_spent,
                "final_assessment_id": final,
            },
        )
        rules.prerequisites.set(spec.prerequisite_ids)
        ModuleRequirement.objects.filter(course_id=spec.course_id).delete()
        ModuleRequirement.objects.bulk_create(
            ModuleRequirement(course_id=spec.course_id, module_id=module, requires_id=requires)
            for module, requires in spec.module_requirements
        )
        # ``lms.services.ensure_unlocked`` caches which modules wait for others.
        transaction.on_commit(pagecache.invalidate)
    return rules
