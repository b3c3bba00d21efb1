"""Keep lms's view of each course (:class:`lms.models.CourseItem`) in step with the page tree.

A lesson counts when it is live and its module is live. Publishing a lesson
upserts one item; unpublishing or deleting it deactivates it; moves and
module-level changes re-sync the whole course, because positions and
membership change.
"""

from lms.structure import (
    ItemSpec,
    RulesSpec,
    deactivate_items,
    sync_course_items,
    sync_course_rules,
    upsert_item,
)

from .models import CoursePage, LessonPage, ModulePage


def lesson_spec(lesson, course=None, module=None, *, active=None):
    course = course or lesson.course
    module = module or lesson.get_parent()
    if active is None:
        active = bool(lesson.live and module.live and course.live)
    return ItemSpec(
        uuid=lesson.lesson_uuid,
        course_id=course.pk,
        module_id=module.pk if module else None,
        page_id=lesson.pk,
        title=lesson.title,
        path=lesson.path,
        required=lesson.required,
        completion_rule=lesson.completion_rule,
        min_score=lesson.min_score,
        is_active=active,
        trusted_sources=tuple(lesson.trusted_sources),
    )


def register_lesson(lesson):
    """Tell lms about one lesson (called when it is published or saved live)."""
    course = lesson.course
    if course is None:
        return None
    item = upsert_item(lesson_spec(lesson, course, lesson.get_parent()))
    if course.final_assessment_id == lesson.pk or _translates_final_assessment(course, lesson):
        sync_rules(course)
    return item


def _translates_final_assessment(course, lesson):
    """Whether ``lesson`` is, in ``course``'s language, the final assessment its source names."""
    return bool(
        course.final_assessment_id
        and lesson.locale_id == course.locale_id
        and LessonPage.objects.filter(
            pk=course.final_assessment_id, translation_key=lesson.translation_key
        )
        .exclude(locale_id=course.locale_id)
        .exists()
    )


def final_assessment(course):
    """The lesson that must be passed to complete ``course``, in the course's own language.

    wagtail-localize copies a link to a page as it is: a translated course
    names its source's lesson. Its learners take the translation of that
    lesson, once there is one (until then, the source's).
    """
    final = course.final_assessment
    if final is not None and final.locale_id != course.locale_id:
        final = final.get_translation_or_none(course.locale_id) or final
    return final


def withdraw_lessons(lessons):
    """Stop counting these lessons; their learners' records stay."""
    deactivate_items([lesson.lesson_uuid for lesson in lessons])


def sync_course(course):
    """Re-sync every lesson of ``course`` in one go (three queries plus writes)."""
    modules = {m.path: m for m in ModulePage.objects.child_of(course)}
    specs = []
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        module = modules.get(lesson.path[: -LessonPage.steplen])
        specs.append(
            lesson_spec(
                lesson,
                course,
                module,
                active=bool(lesson.live and module is not None and module.live and course.live),
            )
        )
    sync_course_items(course.pk, specs)
    sync_rules(course)


def sync_rules(course):
    """Tell lms what completes ``course``: time, final assessment, prerequisites."""
    final = final_assessment(course)
    module_requirements = tuple(
        (module.pk, required.pk)
        for module in ModulePage.objects.child_of(course).prefetch_related("prerequisites")
        for required in module.prerequisites.all()
    )
    sync_course_rules(
        RulesSpec(
            course_id=course.pk,
            title=course.title,
            programme=course.programme.slug,
            audience=course.audience,
            cpd_hours=course.cpd_hours,
            min_time_spent=course.min_time_minutes * 60,
            final_assessment=final.lesson_uuid if final else None,
            prerequisite_ids=tuple(course.prerequisites.values_list("pk", flat=True)),
            module_requirements=module_requirements,
        )
    )


def course_of(page):
    """The course page a page belongs to (itself if it is one), or None."""
    page = page.specific_deferred
    if isinstance(page, CoursePage):
        return page
    if isinstance(page, ModulePage | LessonPage):
        return page.course
    return None
