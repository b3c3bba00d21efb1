"""Build courses from plain data (a module pack's starter content), idempotently.

``build_course(catalogue, data)`` creates the course, its modules and lessons
that do not exist yet (matched by slug) and publishes them; pages that exist
are left alone, so editors' changes survive a re-run. The data's shape is the
one of ``modules/inclusive_ed/starter.py``.
"""

from wagtail.fields import StreamField

from .models import CourseLearningOutcome, CoursePage, LessonPage, ModulePage, Programme


def in_block_format(page):
    """Read every block of ``page``'s StreamFields, so they are saved in Wagtail's block format.

    A body given as plain data is saved as given, block by block, until a block
    is read; a list inside a block then stays a bare list of values, without
    the ids wagtail-localize needs to translate it. Its accordion sections, plan
    headings and checklist items were left out of every translation, in English
    on Azerbaijani and Russian pages. Read, each list is saved with an id per
    item, as the page editor saves it.
    """
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for _block in getattr(page, field.name) or ():
                pass
    return page


def publish(page):
    """Save a revision of ``page`` (its StreamFields in block format) and publish it."""
    in_block_format(page).save_revision().publish()
    return page


def build_course(catalogue, data):
    course = CoursePage.objects.filter(slug=data["slug"]).first()
    if course is None:
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            intro=data["intro"],
            programme=Programme.objects.get(slug=data["programme"]),
            audience=data["audience"],
            language=data["language"],
            cpd_hours=data["cpd_hours"],
            duration_minutes=data["duration_minutes"],
        )
        course.learning_outcomes = [
            CourseLearningOutcome(text=text, sort_order=index)
            for index, text in enumerate(data["learning_outcomes"])
        ]
        catalogue.add_child(instance=course)
        publish(course)
    for module_data in data["modules"]:
        module = ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).first()
        if module is None:
            module = course.add_child(
                instance=ModulePage(
                    title=module_data["title"],
                    slug=module_data["slug"],
                    summary=module_data.get("summary", ""),
                )
            )
            publish(module)
        for lesson_data in module_data["lessons"]:
            if LessonPage.objects.child_of(module).filter(slug=lesson_data["slug"]).exists():
                continue
            lesson = module.add_child(
                instance=LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data.get("minutes", 10),
                    body=lesson_data["body"],
                )
            )
            publish(lesson)
    return course


def ensure_blocks(lesson, blocks):
    """Append to a live lesson each block whose type it does not hold yet; publish if changed."""
    present = {block.block_type for block in lesson.body}
    missing = [block for block in blocks if block["type"] not in present]
    if not missing:
        return False
    lesson.body = list(lesson.body.raw_data) + missing
    publish(lesson)
    return True
