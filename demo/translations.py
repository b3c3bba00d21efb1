"""The demo content in Azerbaijani and Russian, through wagtail-localize.

The demo is written in English (its source documents are) and translated as a
trainer would translate a course in the admin: wagtail-localize splits each
page and snippet into segments, and each segment's translation comes from the
demo's translation catalogues, ``demo/translations/<language>/*.po`` (ordinary
PO files, one per source: ``site.po``, one per course, ``questions.po``). A
translation is then a real wagtail-localize translation of its source: the
admin shows it in step with the source, marks segments out of date when the
source changes, and exports and imports it as PO.

``manage.py demo_translations export`` writes every segment of the demo's
sources into those files (keeping the translations already there, adding new
segments untranslated) so translators can fill them in;
``demo_translations check`` lists what is missing. ``seed_demo`` calls
:func:`translate_all`.

Segments are matched by their English text, not by their place in a page, so
a translation survives the source being rebuilt with new block ids; a segment
with no translation keeps its English text (the admin then shows it as not
translated).

What is not text is not in the PO files. A lesson's H5P activity or SCORM
package (translatable snippets) is translated as a whole: before a page is
translated, each snippet it points at gets its translation in the language,
for the demo's own packages imported from that language's files
(:mod:`demo.activities`), for any other a copy, as wagtail-localize makes in
the admin; wagtail-localize then points the translated page at it. The
video's file and captions (Wagtail documents, not translatable) are
overridable segments: each translation overrides them with the documents of
its language. Quiz questions are translated before the pages, so a translated
quiz asks the translated questions.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page

FOLDER = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("az", "ru")
SOURCE_LANGUAGE = "en"


def catalogue(language, folder=FOLDER):
    """``{English text: translation}`` from every PO file of ``language`` (fuzzy ones left out)."""
    found = {}
    for path in sorted((folder / language).glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.fuzzy and not entry.obsolete:
                found[entry.msgid] = entry.msgstr
    return found


@dataclass
class Source:
    """A demo page or snippet to translate, and the PO file its segments belong to."""

    instance: object
    name: str


def sources():
    """The demo's translatable sources in the source language: snippets, then pages, parents
    before children (a page's translation points at its snippets' translations)."""
    from courses.models import CoursePage

    english = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    found = []
    for model in translatable_snippets():
        for instance in model.objects.filter(locale=english).order_by("pk"):
            found.append(Source(instance, model._meta.label_lower.replace(".", "-")))
    pages = Page.objects.filter(locale=english, depth__gt=1).order_by("path").specific()
    courses = {course.path: course.slug for course in CoursePage.objects.filter(locale=english)}
    for page in pages:
        course = next((slug for path, slug in courses.items() if page.path.startswith(path)), None)
        found.append(Source(page, course or "site"))
    return found


def translatable_snippets():
    """The snippet models of the demo that wagtail-localize translates (quiz questions...)."""
    from django.apps import apps

    models = []
    if apps.is_installed("quizzes"):
        from quizzes.models import Question, QuestionCategory

        models += [QuestionCategory, Question]
    return models


def _translation(instance, locale):
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def translate_related(source, locale):
    """Give each translatable snippet ``source`` points at its translation in ``locale``.

    The demo's own packages come from their language's files
    (:func:`demo.activities.translation_of`); any other snippet is copied into
    the language, as wagtail-localize does when a page is translated in the
    admin. Without this, wagtail-localize would keep the source's snippet in
    the translation.
    """
    from demo import activities

    for segment in source.relatedobjectsegment_set.select_related("object"):
        if segment.object.has_translation(locale):
            continue
        # The snippet in the source's language; in a database made before the
        # snippets were translatable, it may be in the default language instead.
        model = segment.object.content_type.model_class()
        versions = model.objects.filter(translation_key=segment.object.translation_key)
        related = versions.filter(locale=source.locale).first() or versions.first()
        if related is not None and activities.translation_of(related, locale.language_code) is None:
            related.copy_for_translation(locale).save()


def override_documents(source, instance, locale):
    """Each video of ``instance`` plays (and captions) the demo's documents of ``locale``.

    The video's file and captions are overridable segments of the page
    (``body.<block id>.file``, ``….captions``); only those of video blocks
    showing the demo's English documents are overridden.
    """
    from wagtail_localize.models import OverridableSegment, SegmentOverride

    from demo import activities

    body = getattr(instance, "body", None)
    videos = [block["id"] for block in getattr(body, "raw_data", []) if block["type"] == "video"]
    if not videos:
        return
    documents = activities.document_translations(locale.language_code)
    paths = {f"body.{block}.{name}" for block in videos for name in ("file", "captions")}
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if segment.context.path in paths and segment.data in documents:
            SegmentOverride.objects.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data_json": json.dumps(documents[segment.data])},
            )


def translate(instance, language, strings):
    """Create or update the translation of ``instance`` into ``language``; publish it."""
    locale = Locale.objects.get(language_code=language)
    translation = _translation(instance, locale)
    translate_related(translation.source, locale)
    override_documents(translation.source, instance, locale)
    po = translation.export_po()
    for entry in po:
        # Every language keeps the page's address (Wagtail serves the reader's
        # translation at the same path).
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else strings.get(entry.msgid, "")
    with transaction.atomic():
        translation.import_po(po, tool_name="demo translations")
        if not isinstance(instance, Page):
            translation.save_target(publish=True)
            return instance.get_translation(locale)
        # wagtail-localize would publish a page when the outermost transaction
        # commits; save a draft and publish it here, so that the next source (a
        # child page) builds on it, inside seed_demo's transaction or a test's.
        translation.save_target(publish=False)
        page = instance.get_translation(locale).specific.get_latest_revision_as_object()
        after_translation(page, language)
        page.save_revision().publish()
    return page


def after_translation(page, language):
    """What a translator sets by hand: the language a course is taught in."""
    from courses.models import CoursePage

    if isinstance(page, CoursePage):
        page.language = language


def translate_all(languages=LANGUAGES, stdout=None):
    """Translate every demo source into ``languages``; return the untranslated segment counts."""
    missing = {}
    for language in languages:
        strings = catalogue(language)
        found = sources()
        for source in found:
            translate(source.instance, language, strings)
        # Again for the courses: their final assessment now has a translation to
        # point at (a course is translated before its lessons).
        for source in found:
            if getattr(source.instance, "final_assessment_id", None):
                translate(source.instance, language, strings)
        missing[language] = len(untranslated(language, strings))
        if stdout is not None:
            stdout.write(
                f"Demo content translated into {language}: "
                f"{missing[language]} segments still in English."
            )
    return missing


def translate_reference_data(languages=LANGUAGES):
    """Name the demo's reference rows (institutions, subjects...) in ``languages``.

    Rows the demo makes from English text get each language's name from the
    gettext catalogues (the text is marked with ``gettext_noop`` where the demo
    or a module pack defines it), where a row has none yet: a name an editor
    gave is kept. Returns how many names were filled in.
    """
    from ui.translated import localized_values, registered_fields

    filled = 0
    for model, fields in registered_fields().items():
        for row in model._default_manager.rewrite(False).all():
            changed = []
            for field in fields:
                english = getattr(row, f"{field}_{SOURCE_LANGUAGE}")
                if not english:
                    continue
                translated = localized_values(field, english)
                for language in languages:
                    column = f"{field}_{language}"
                    if not getattr(row, column):
                        setattr(row, column, translated[column])
                        changed.append(column)
            if changed:
                row.save(update_fields=changed)
                filled += len(changed)
    return filled


def segments(source):
    """The English texts of a source's segments, in order, without repeats."""
    from wagtail_localize.models import TranslationSource

    translation_source, _created = TranslationSource.update_or_create_from_instance(source.instance)
    return list(
        dict.fromkeys(
            entry.msgid for entry in translation_source.export_po() if entry.msgctxt != "slug"
        )
    )


def untranslated(language, strings=None):
    strings = catalogue(language) if strings is None else strings
    return [
        (source.name, text)
        for source in sources()
        for text in segments(source)
        if text not in strings
    ]


def export(folder=FOLDER, languages=LANGUAGES):
    """Write every source segment into the PO files, keeping translations already made."""
    by_file = {}
    for source in sources():
        for text in segments(source):
            by_file.setdefault(source.name, {})[text] = None
    written = []
    for language in languages:
        (folder / language).mkdir(parents=True, exist_ok=True)
        known = catalogue(language, folder)
        for name, texts in by_file.items():
            path = folder / language / f"{name}.po"
            old = polib.pofile(str(path)) if path.exists() else None
            po = polib.POFile()  # wrapped at 78 columns, as the committed files are
            po.metadata = {
                "Project-Id-Version": "teacher-training-platform demo content",
                "Language": language,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
            }
            comments = {entry.msgid: entry.tcomment for entry in old} if old else {}
            for text in texts:
                po.append(
                    polib.POEntry(
                        msgid=text, msgstr=known.get(text, ""), tcomment=comments.get(text, "")
                    )
                )
            po.save(str(path))
            written.append(path)
    return written
