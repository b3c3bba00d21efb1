"""The H5P-specific checks on an uploaded package, on top of :mod:`lms.packages`.

Usage::

    with open_h5p(uploaded_file) as checked:
        checked.metadata["title"], checked.libraries

Nothing is written anywhere; :class:`~lms.packages.PackageError` names the
first problem found, in words an author can act on.
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from lms.packages import PackageError, PackageLimits, open_package

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
# The newest H5P core API the bundled player (h5p-standalone 3.x) implements.
DEFAULT_CORE_API = (1, 24)
_MACHINE_NAME = re.compile(r"^[\w.-]{1,255}$")


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
    libraries: list = field(default_factory=list)  # "Machine.Name-1.2" folders used

    def close(self):
        self.package.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _json(package, name):
    try:
        return json.loads(package.read(name).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
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
    if not isinstance(name, str) or not _MACHINE_NAME.match(name):
        raise PackageError(_("A dependency has an invalid name."))
    return f"{name}-{major}.{minor}"


def open_h5p(fileobj):
    """Open and check ``fileobj`` as an H5P package; return :class:`CheckedH5P`."""
    package = open_package(fileobj, limits())
    try:
        metadata, libraries = _check(package)
    except PackageError:
        package.close()
        raise
    return CheckedH5P(package=package, metadata=metadata, libraries=libraries)


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

    core = supported_core_api()
    seen = []
    queue = [_folder(dep) for dep in metadata["preloadedDependencies"]]
    main_found = False
    while queue:
        folder = queue.pop(0)
        if folder in seen:
            continue
        seen.append(folder)
        if not package.has(f"{folder}/library.json"):
            raise PackageError(
                _("The library “%(library)s” is missing from the package.") % {"library": folder}
            )
        library = _json(package, f"{folder}/library.json")
        if not isinstance(library, dict) or not library.get("machineName"):
            raise PackageError(
                _("%(library)s/library.json does not describe a library.") % {"library": folder}
            )
        if library["machineName"] == metadata["mainLibrary"]:
            main_found = True
        api = library.get("coreApi") or {}
        try:
            wanted = (int(api.get("majorVersion", 1)), int(api.get("minorVersion", 0)))
        except (TypeError, ValueError):
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
        for kind in ("preloadedJs", "preloadedCss"):
            for entry in library.get(kind) or []:
                path = entry.get("path") if isinstance(entry, dict) else None
                if not isinstance(path, str) or not package.has(f"{folder}/{path}"):
                    raise PackageError(
                        _("The library “%(library)s” lacks its file “%(path)s”.")
                        % {"library": folder, "path": path}
                    )
        queue += [_folder(dep) for dep in library.get("preloadedDependencies") or []]
    if not main_found:
        raise PackageError(
            _("The main library “%(library)s” is not among the preloaded dependencies.")
            % {"library": metadata["mainLibrary"]}
        )
    return metadata, seen
