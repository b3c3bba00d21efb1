"""The demo's own H5P activities, SCORM package and video, from ``demo/packages/``.

Every package exists in each demo language, as a language of its own: the
English one is the source the demo's lessons are built with, and the
Azerbaijani and Russian ones are its translations (the same translation key,
another locale), imported from that language's files, never translated
segment by segment (their content differs as a whole). ``demo.translations``
asks for them when it translates a lesson, so wagtail-localize points each
translated lesson at the package of its language.

Usage::

    activity = h5p_activity("article-24", "az")   # imported once, then found
    package = scorm_package("ru")
    video, captions = video_documents("en")

Nothing is read from outside the repository: the ``.h5p`` and SCORM zips are
built in memory from ``demo/packages/`` (an activity's ``h5p.json`` and
``content/``, and only the libraries its dependencies name, from the one copy
in ``demo/packages/h5p/libraries/``), then checked and stored by the real
importers (:func:`h5p.importing.import_package`,
:func:`scorm.importing.import_package`).
"""

import io
import json
import uuid
import zipfile
from functools import cache
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.models import Locale

PACKAGES = Path(__file__).resolve().parent / "packages"
H5P_FOLDER = PACKAGES / "h5p"
LIBRARIES = H5P_FOLDER / "libraries"
SCORM_FOLDER = PACKAGES / "scorm" / "inclusive-school-check"
VIDEO_FOLDER = PACKAGES / "video"
LANGUAGES = ("en", "az", "ru")

# The translation key of each demo package, the same in every database, so a
# package is found again (seed_demo is idempotent) whatever its title.
_NAMESPACE = uuid.UUID("5b0f8a1e-4c3d-4f6e-9a7b-2d1c0e9f8a6b")
H5P_ACTIVITIES = ("article-24", "reasonable-accommodation", "iep-cycle")
H5P_KEYS = {slug: uuid.uuid5(_NAMESPACE, f"h5p:{slug}") for slug in H5P_ACTIVITIES}
SCORM_KEY = uuid.uuid5(_NAMESPACE, "scorm:inclusive-school-check")


def _locale(language):
    return Locale.objects.get(language_code=language)


def _library_folder(dependency):
    return f"{dependency['machineName']}-{dependency['majorVersion']}.{dependency['minorVersion']}"


@cache
def _library_files(folder):
    """``(archive name, path)`` of every file of a library folder, in a stable order."""
    root = LIBRARIES / folder
    if not root.is_dir():
        raise FileNotFoundError(f"The H5P library {folder} is not in {LIBRARIES}.")
    return tuple(
        (f"{folder}/{path.relative_to(root).as_posix()}", path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    )


def libraries_needed(metadata):
    """The library folders an activity needs: its dependencies and theirs, in load order."""
    needed, queue = [], [_library_folder(d) for d in metadata["preloadedDependencies"]]
    while queue:
        folder = queue.pop(0)
        if folder in needed:
            continue
        needed.append(folder)
        library = json.loads((LIBRARIES / folder / "library.json").read_text(encoding="utf-8"))
        queue += [_library_folder(d) for d in library.get("preloadedDependencies") or []]
    return needed


def h5p_archive(slug, language):
    """The ``.h5p`` file of activity ``slug`` in ``language``, built in memory."""
    folder = H5P_FOLDER / slug / language
    metadata = json.loads((folder / "h5p.json").read_text(encoding="utf-8"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.write(folder / "h5p.json", "h5p.json")
        for path in sorted((folder / "content").rglob("*")):
            if path.is_file():
                archive.write(path, f"content/{path.relative_to(folder / 'content').as_posix()}")
        for library in libraries_needed(metadata):
            for name, path in _library_files(library):
                archive.write(path, name)
    buffer.seek(0)
    buffer.name = f"{slug}-{language}.h5p"
    return buffer


def scorm_archive(language):
    """The SCORM zip of the inclusive school check in ``language``, built in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder in (SCORM_FOLDER / language, SCORM_FOLDER / "common"):
            for path in sorted(folder.iterdir()):
                archive.write(path, path.name)
    buffer.seek(0)
    buffer.name = f"inclusive-school-check-{language}.zip"
    return buffer


def h5p_activity(slug, language):
    """The demo's H5P activity ``slug`` in ``language``: imported the first time, then found."""
    from h5p.importing import import_package
    from h5p.models import H5PActivity

    locale = _locale(language)
    key = H5P_KEYS[slug]
    found = H5PActivity.objects.filter(translation_key=key, locale=locale).first()
    if found is not None:
        return found
    return import_package(
        h5p_archive(slug, language), activity=H5PActivity(translation_key=key, locale=locale)
    )


def scorm_package(language):
    """The demo's SCORM package in ``language``: imported the first time, then found."""
    from scorm.importing import import_package
    from scorm.models import ScormPackage

    locale = _locale(language)
    found = ScormPackage.objects.filter(translation_key=SCORM_KEY, locale=locale).first()
    if found is not None:
        return found
    return import_package(
        scorm_archive(language), instance=ScormPackage(translation_key=SCORM_KEY, locale=locale)
    )


def translation_of(instance, language):
    """The demo's own translation of a demo package (imported from its files), or None.

    ``instance`` is an H5P activity or SCORM package in any language; None
    when it is not one of the demo's.
    """
    from h5p.models import H5PActivity
    from scorm.models import ScormPackage

    if isinstance(instance, H5PActivity):
        slug = next((s for s, key in H5P_KEYS.items() if key == instance.translation_key), None)
        return h5p_activity(slug, language) if slug else None
    if isinstance(instance, ScormPackage) and instance.translation_key == SCORM_KEY:
        return scorm_package(language)
    return None


@cache
def video_script():
    """``{language: {"title", "slides": [{"heading", "lines", "captions"}]}}`` of the video."""
    return json.loads((VIDEO_FOLDER / "iep-cycle.json").read_text(encoding="utf-8"))


def transcript(language):
    """The video's transcript as rich text: one paragraph per slide, its spoken phrases."""
    return "".join(
        f"<p>{' '.join(slide['captions'])}</p>" for slide in video_script()[language]["slides"]
    )


def video_documents(language):
    """The video file and its WebVTT captions in ``language`` (Wagtail documents), made once."""
    Document = get_document_model()
    title = video_script()[language]["title"]
    documents = []
    files = (("", f"iep-cycle-{language}.mp4"), (" (WebVTT)", f"iep-cycle-{language}.vtt"))
    for suffix, name in files:
        document = Document.objects.filter(title=f"{title}{suffix}").first()
        if document is None:
            with open(VIDEO_FOLDER / name, "rb") as fileobj:
                document = Document(title=f"{title}{suffix}", file=File(fileobj, name=name))
                document.save()
        documents.append(document)
    return tuple(documents)


def document_translations(language):
    """``{English document pk: pk of the same document in language}`` for the demo's video."""
    english = video_documents(LANGUAGES[0])
    translated = video_documents(language)
    return {source.pk: target.pk for source, target in zip(english, translated, strict=True)}
