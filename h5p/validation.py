"""The H5P-specific checks on an uploaded package, on top of :mod:`content_packages.archives`.

Usage::

    with open_h5p(uploaded_file) as checked:
        checked.metadata["title"], checked.libraries

Nothing is written anywhere; :class:`~content_packages.archives.PackageError` names the
first problem found, in words an author can act on.

Every library folder in the archive is checked as H5P core checks it, whether
``h5p.json`` uses it or not: a ``Machine.Name-major.minor`` name that matches
its ``library.json``; the required fields with their types; preloaded files
present; ``semantics.json`` and each ``language/*.json`` valid JSON, the
language files named as core names them. Like core, names with a part starting
with "." or "_" are skipped (neither checked nor stored).
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from content_packages.archives import PackageError, PackageLimits, open_package
from lms import safejson

# H5P core's default allow-list of content file types, plus library code.
ALLOWED_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "xml",
        "csv",
        "diff",
        "patch",
        "swf",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "js",
        "css",
    ]
)
REQUIRED_FIELDS = ("title", "mainLibrary", "language", "preloadedDependencies", "embedTypes")
LIBRARY_FIELDS = (
    "title",
    "machineName",
    "majorVersion",
    "minorVersion",
    "patchVersion",
    "runnable",
)
# The newest H5P core API the bundled player (h5p-standalone 3.x) implements.
DEFAULT_CORE_API = (1, 24)
# Patterns are used with fullmatch (a "$" would let a trailing newline through).
_MACHINE_NAME = re.compile(r"[\w.-]{1,255}", re.ASCII)
# "H5P.MultiChoice-1.16": machine name, major and minor version (H5P core allows 5 digits).
_LIBRARY_FOLDER = re.compile(r"[\w.-]{1,255}-\d{1,5}\.\d{1,5}", re.ASCII)
# H5P core's ^(-?[a-z]+){1,7}\.json$ (case-insensitive), written without nested repetition.
_LANGUAGE_FILE = re.compile(r"-?[a-z]+(?:-[a-z]+){0,6}\.json", re.ASCII | re.IGNORECASE)
# H5P core skips (never validates nor stores) any file or folder whose name starts so.
_SKIPPED = re.compile(r"(^|/)[._]")
_MAX_VERSION = 99_999


def limits():
    options = getattr(settings, "H5P", {})
    return PackageLimits(
        max_files=options.get("MAX_FILES", 5_000),
        max_file_size=options.get("MAX_FILE_SIZE", 200 * 1024 * 1024),
        max_total_size=options.get("MAX_TOTAL_SIZE", 500 * 1024 * 1024),
        allowed_extensions=ALLOWED_EXTENSIONS,
    )


def supported_core_api():
    return tuple(getattr(settings, "H5P", {}).get("CORE_API", DEFAULT_CORE_API))


@dataclass
class CheckedH5P:
    """An opened package that passed every check; close it (or use ``with``)."""

    package: object
    metadata: dict
    libraries: list = field(default_factory=list)  # "Machine.Name-1.2" folders used, load order
    # Every library folder in the archive, used or not: {folder: [ZipInfo, ...]}.
    library_files: dict = field(default_factory=dict)
    # The activity's own files: h5p.json and content/.
    content_files: list = field(default_factory=list)

    def close(self):
        self.package.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _json(package, name):
    try:
        # Bounded by the archive's own size limits; nesting and text checked as for requests.
        return safejson.loads(package.read(name), max_bytes=None)
    except ValueError:  # UnsafeJSON and UnicodeDecodeError are ValueErrors
        raise PackageError(_("“%(name)s” is not valid JSON.") % {"name": name}) from None


def _folder(dependency):
    try:
        name = dependency["machineName"]
        major, minor = int(dependency["majorVersion"]), int(dependency["minorVersion"])
    except (KeyError, TypeError, ValueError):
        raise PackageError(
            _("A dependency is not described properly: %(dep)s")
            % {"dep": json.dumps(dependency)[:200]}
        ) from None
    if not isinstance(name, str) or not _MACHINE_NAME.fullmatch(name):
        raise PackageError(_("A dependency has an invalid name."))
    return f"{name}-{major}.{minor}"


def open_h5p(fileobj):
    """Open and check ``fileobj`` as an H5P package; return :class:`CheckedH5P`."""
    package = open_package(fileobj, limits())
    try:
        return _check(package)
    except PackageError:
        package.close()
        raise


def _sort_members(package):
    """``(content files, {library folder: files})``, as H5P core reads an archive.

    Names with a part starting with "." or "_" (``__MACOSX/``, ``language/.en.json``)
    are skipped, and so are loose files beside ``h5p.json``: core never stores them.
    """
    content, folders = [], {}
    for info in package.files:
        name = info.filename
        if _SKIPPED.search(name):
            continue
        if name == "h5p.json" or name.startswith("content/"):
            content.append(info)
        elif "/" in name:
            folders.setdefault(name.split("/", 1)[0], []).append(info)
    return content, folders


def _check(package):
    if not package.has("h5p.json"):
        raise PackageError(_("The package has no h5p.json: it is not an H5P file."))
    metadata = _json(package, "h5p.json")
    if not isinstance(metadata, dict):
        raise PackageError(_("h5p.json does not describe a package."))
    missing = [name for name in REQUIRED_FIELDS if not metadata.get(name)]
    if missing:
        raise PackageError(
            _("h5p.json lacks required fields: %(fields)s") % {"fields": ", ".join(missing)}
        )
    if not isinstance(metadata["preloadedDependencies"], list):
        raise PackageError(_("h5p.json lists its dependencies wrongly."))
    if not package.has("content/content.json"):
        raise PackageError(_("The package has no content/content.json."))
    _json(package, "content/content.json")

    content_files, library_files = _sort_members(package)
    # Every library folder is checked, whether the content uses it or not.
    described = {
        folder: _check_library(package, folder, library_files[folder])
        for folder in sorted(library_files)
    }
    used = []
    queue = [_folder(dep) for dep in metadata["preloadedDependencies"]]
    main_found = False
    while queue:
        folder = queue.pop(0)
        if folder in used:
            continue
        used.append(folder)
        library = described.get(folder)
        if library is None:
            raise PackageError(
                _("The library “%(library)s” is missing from the package.") % {"library": folder}
            )
        if library["machineName"] == metadata["mainLibrary"]:
            main_found = True
        queue += [_folder(dep) for dep in library.get("preloadedDependencies") or []]
    if not main_found:
        raise PackageError(
            _("The main library “%(library)s” is not among the preloaded dependencies.")
            % {"library": metadata["mainLibrary"]}
        )
    return CheckedH5P(
        package=package,
        metadata=metadata,
        libraries=used,
        library_files=library_files,
        content_files=content_files,
    )


def _is_version(value):
    return type(value) is int and 0 <= value <= _MAX_VERSION


def _check_library(package, folder, files):
    """Check one library folder as H5P core does; return its ``library.json``."""
    if len(folder) > 300 or not _LIBRARY_FOLDER.fullmatch(folder):
        raise PackageError(
            _(
                "“%(folder)s” is not a library folder: its name must be a library’s "
                "machine name and version, such as H5P.MultiChoice-1.16."
            )
            % {"folder": folder[:100]}
        )
    if not package.has(f"{folder}/library.json"):
        raise PackageError(
            _("The library folder “%(folder)s” has no library.json.") % {"folder": folder}
        )
    library = _json(package, f"{folder}/library.json")
    if not isinstance(library, dict):
        raise PackageError(
            _("%(library)s/library.json does not describe a library.") % {"library": folder}
        )
    missing = [name for name in LIBRARY_FIELDS if name not in library]
    if missing:
        raise PackageError(
            _("%(library)s/library.json lacks required fields: %(fields)s")
            % {"library": folder, "fields": ", ".join(missing)}
        )
    title, name = library["title"], library["machineName"]
    if not isinstance(title, str) or not 1 <= len(title) <= 255:
        raise PackageError(
            _("In %(library)s/library.json, “title” must be a text of 1 to 255 characters.")
            % {"library": folder}
        )
    if not isinstance(name, str) or not _MACHINE_NAME.fullmatch(name):
        raise PackageError(
            _(
                "In %(library)s/library.json, “machineName” must be made of letters, "
                "digits, dots, hyphens and underscores."
            )
            % {"library": folder}
        )
    for key in ("majorVersion", "minorVersion", "patchVersion"):
        if not _is_version(library[key]):
            raise PackageError(
                _("In %(library)s/library.json, “%(field)s” must be a whole number.")
                % {"library": folder, "field": key}
            )
    runnable = library["runnable"]
    if not (type(runnable) is bool or (type(runnable) is int and runnable in (0, 1))):
        raise PackageError(
            _("In %(library)s/library.json, “runnable” must be 0 or 1.") % {"library": folder}
        )
    expected = f"{name}-{library['majorVersion']}.{library['minorVersion']}"
    if folder != expected:
        raise PackageError(
            _(
                "The folder “%(folder)s” does not match its library.json, "
                "which describes “%(expected)s”."
            )
            % {"folder": folder, "expected": expected}
        )
    _check_core_api(folder, library)
    for key in ("preloadedJs", "preloadedCss"):
        entries = library.get(key)
        if entries is None:
            continue
        if not isinstance(entries, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("path"), str) for entry in entries
        ):
            raise PackageError(
                _("In %(library)s/library.json, “%(field)s” must be a list of files.")
                % {"library": folder, "field": key}
            )
        for entry in entries:
            if not package.has(f"{folder}/{entry['path']}"):
                raise PackageError(
                    _("The library “%(library)s” lacks its file “%(path)s”.")
                    % {"library": folder, "path": entry["path"]}
                )
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        dependencies = library.get(key)
        if dependencies is None:
            continue
        if not isinstance(dependencies, list):
            raise PackageError(
                _("In %(library)s/library.json, “%(field)s” must be a list of libraries.")
                % {"library": folder, "field": key}
            )
        for dependency in dependencies:
            _folder(dependency)
    if package.has(f"{folder}/semantics.json"):
        _json(package, f"{folder}/semantics.json")
    languages = f"{folder}/language/"
    for info in files:
        if not info.filename.startswith(languages):
            continue
        file = info.filename[len(languages) :]
        if not _LANGUAGE_FILE.fullmatch(file):
            raise PackageError(
                _(
                    "“%(name)s” in the library “%(library)s” is not named as a language "
                    "file (such as de.json or pt-br.json)."
                )
                % {"name": file[:100], "library": folder}
            )
        _json(package, info.filename)
    return library


def _check_core_api(folder, library):
    core = supported_core_api()
    api = library.get("coreApi") or {}
    try:
        wanted = (int(api.get("majorVersion", 1)), int(api.get("minorVersion", 0)))
    except (AttributeError, TypeError, ValueError):
        wanted = (99, 0)
    if wanted > core:
        raise PackageError(
            _("“%(library)s” needs H5P core %(wanted)s; the player supports %(core)s.")
            % {
                "library": folder,
                "wanted": "{}.{}".format(*wanted),
                "core": "{}.{}".format(*core),
            }
        )
