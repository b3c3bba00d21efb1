"""The H5P validator checks every library folder of a package, as H5P core does.

The attack: the validator followed only the libraries ``h5p.json`` preloads,
so a package could carry a folder nothing referenced (badly named, without a
usable ``library.json``, with broken language files) and have it stored and
served beside the activity. Now every library folder is checked: its name is
``Machine.Name-major.minor`` and matches its ``library.json``, which has every
required field with the right type; preloaded files exist; ``language/*.json``
files are named as core names them and are valid JSON. A failing folder
refuses the upload with a message naming it, and nothing is stored.
"""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content_packages.archives import PackageError
from h5p.importing import import_package
from h5p.models import H5PActivity, H5PLibrary
from h5p.storage import h5p_storage
from h5p.validation import open_h5p
from tests.h5p.packages import LIBRARY_JSON, REAL, make_zip, tiny, tiny_members

pytestmark = pytest.mark.django_db

LIBRARY = "H5P.Tiny-1.0/library.json"


def stored_files():
    root = Path(h5p_storage().location)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def library_json(**changes):
    """H5P.Tiny's library.json with ``changes`` (``...`` drops a field)."""
    described = {**LIBRARY_JSON, **changes}
    return json.dumps({k: v for k, v in described.items() if v is not ...}).encode()


def unused_library(folder="H5P.Unused-1.0", **changes):
    """The members of a library folder that nothing in the package uses."""
    name, version = folder.rsplit("-", 1)
    major, minor = version.split(".") if "." in version else (version, "0")
    described = {
        **LIBRARY_JSON,
        "title": "Unused",
        "machineName": name,
        "majorVersion": int(major) if major.isdigit() else major,
        "minorVersion": int(minor) if minor.isdigit() else minor,
        **changes,
    }
    described = {k: v for k, v in described.items() if v is not ...}
    return {
        f"{folder}/library.json": json.dumps(described).encode(),
        f"{folder}/tiny.js": b"void 0;",
        f"{folder}/tiny.css": b"",
    }


BROKEN = {
    "a folder name without a version": (
        tiny(**{"H5P.Loose/library.json": library_json()}),
        "“H5P.Loose” is not a library folder: its name must be a library’s machine name and "
        "version, such as H5P.MultiChoice-1.16.",
    ),
    "a folder name with a space": (
        tiny(**unused_library("H5P Spaced-1.0")),
        "“H5P Spaced-1.0” is not a library folder",
    ),
    "a folder without library.json": (
        tiny(**{"H5P.Bare-1.0/bare.js": b"alert(1)"}),
        "The library folder “H5P.Bare-1.0” has no library.json.",
    ),
    "library.json missing a required field": (
        tiny(**{LIBRARY: library_json(patchVersion=...)}),
        "H5P.Tiny-1.0/library.json lacks required fields: patchVersion",
    ),
    "library.json missing its title and runnable": (
        tiny(**{LIBRARY: library_json(title=..., runnable=...)}),
        "H5P.Tiny-1.0/library.json lacks required fields: title, runnable",
    ),
    "majorVersion a string": (
        tiny(**{LIBRARY: library_json(majorVersion="1")}),
        "In H5P.Tiny-1.0/library.json, “majorVersion” must be a whole number.",
    ),
    "patchVersion a boolean": (
        tiny(**{LIBRARY: library_json(patchVersion=True)}),
        "In H5P.Tiny-1.0/library.json, “patchVersion” must be a whole number.",
    ),
    "a title that is not text": (
        tiny(**{LIBRARY: library_json(title=["Tiny"])}),
        "In H5P.Tiny-1.0/library.json, “title” must be a text of 1 to 255 characters.",
    ),
    "an empty title": (
        tiny(**{LIBRARY: library_json(title="")}),
        "“title” must be a text of 1 to 255 characters.",
    ),
    "runnable 2": (
        tiny(**{LIBRARY: library_json(runnable=2)}),
        "In H5P.Tiny-1.0/library.json, “runnable” must be 0 or 1.",
    ),
    "a machineName with a slash": (
        tiny(**{LIBRARY: library_json(machineName="H5P/Tiny")}),
        "“machineName” must be made of letters, digits, dots, hyphens and underscores.",
    ),
    "a folder not matching its library.json": (
        tiny(**{LIBRARY: library_json(minorVersion=2)}),
        "The folder “H5P.Tiny-1.0” does not match its library.json, which describes "
        "“H5P.Tiny-1.2”.",
    ),
    "preloadedJs not a list of paths": (
        tiny(**{LIBRARY: library_json(preloadedJs=["tiny.js"])}),
        "In H5P.Tiny-1.0/library.json, “preloadedJs” must be a list of files.",
    ),
    "preloadedDependencies not a list": (
        tiny(**{LIBRARY: library_json(preloadedDependencies={"machineName": "X"})}),
        "In H5P.Tiny-1.0/library.json, “preloadedDependencies” must be a list of libraries.",
    ),
    "a broken language JSON": (
        tiny(**{"H5P.Tiny-1.0/language/fr.json": b'{"semantics": ['}),
        "“H5P.Tiny-1.0/language/fr.json” is not valid JSON.",
    ),
    "a badly named language file": (
        tiny(**{"H5P.Tiny-1.0/language/fr_FR.json": b"{}"}),
        "“fr_FR.json” in the library “H5P.Tiny-1.0” is not named as a language file "
        "(such as de.json or pt-br.json).",
    ),
    "a language file in a subfolder": (
        tiny(**{"H5P.Tiny-1.0/language/old/fr.json": b"{}"}),
        "“old/fr.json” in the library “H5P.Tiny-1.0” is not named as a language file",
    ),
    "a broken semantics.json": (
        tiny(**{"H5P.Tiny-1.0/semantics.json": b"[{"}),
        "“H5P.Tiny-1.0/semantics.json” is not valid JSON.",
    ),
    "an unused folder without a title": (
        tiny(**unused_library(title=...)),
        "H5P.Unused-1.0/library.json lacks required fields: title",
    ),
    "an unused folder with a broken library.json": (
        tiny(**{**unused_library(), "H5P.Unused-1.0/library.json": b"{nope"}),
        "“H5P.Unused-1.0/library.json” is not valid JSON.",
    ),
    "an unused folder with a broken language file": (
        tiny(**{**unused_library(), "H5P.Unused-1.0/language/de.json": b"nope"}),
        "“H5P.Unused-1.0/language/de.json” is not valid JSON.",
    ),
    "an unused folder missing a preloaded file": (
        tiny(**{**unused_library(), "H5P.Unused-1.0/tiny.js": None}),
        "The library “H5P.Unused-1.0” lacks its file “tiny.js”.",
    ),
    "an unused folder needing a newer core": (
        tiny(**unused_library(coreApi={"majorVersion": 2, "minorVersion": 0})),
        "“H5P.Unused-1.0” needs H5P core 2.0",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_library_folder_is_refused_with_its_name_and_problem(case):
    fileobj, message = BROKEN[case]
    fileobj.seek(0)
    before = stored_files()
    with pytest.raises(PackageError) as refused:
        import_package(fileobj)
    assert message in " ".join(refused.value.messages)
    assert not H5PActivity.objects.exists() and not H5PLibrary.objects.exists()
    assert stored_files() == before


def test_the_admin_form_shows_the_problem(admin_client):
    fileobj = tiny(**{"H5P.Tiny-1.0/language/fr.json": b"{"})
    upload = SimpleUploadedFile("broken.h5p", fileobj.getvalue(), "application/zip")
    response = admin_client.post(
        reverse("wagtailsnippets_h5p_h5pactivity:add"), {"title": "", "upload": upload}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["upload"] == [
        "“H5P.Tiny-1.0/language/fr.json” is not valid JSON."
    ]
    assert not H5PActivity.objects.exists()


@pytest.mark.parametrize(
    "name", ["en.json", "pt-br.json", "nb-NO.json", "zh-hans-cn.json", "-x.json"]
)
def test_language_files_named_as_h5p_core_allows_are_accepted(name):
    with open_h5p(tiny(**{f"H5P.Tiny-1.0/language/{name}": b'{"semantics": []}'})) as checked:
        assert checked.libraries == ["H5P.Tiny-1.0"]


def test_a_long_hostile_language_file_name_is_refused_at_once():
    name = "-a" * 2_000 + "!.json"
    with pytest.raises(PackageError, match="is not named as a language file"):
        open_h5p(tiny(**{f"H5P.Tiny-1.0/language/{name}": b"{}"}))


def test_names_h5p_core_skips_are_neither_checked_nor_stored(django_capture_on_commit_callbacks):
    """Core skips names starting with "." or "_": translators' templates, macOS debris."""
    members = tiny_members(
        **{
            "H5P.Tiny-1.0/language/.en.json": b"not json",
            "__MACOSX/H5P.Tiny-1.0/._tiny.js": b"\0\0",
            "content/_notes.txt": b"draft",
            "readme.txt": b"loose beside h5p.json",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        activity = import_package(make_zip(members))
    storage = h5p_storage()
    library = activity.library_paths["H5P.Tiny-1.0"]
    assert storage.exists(f"{library}/H5P.Tiny-1.0/tiny.js")
    assert not storage.exists(f"{library}/H5P.Tiny-1.0/language/.en.json")
    assert not storage.exists(f"{activity.storage_prefix}/__MACOSX/H5P.Tiny-1.0/._tiny.js")
    assert not storage.exists(f"{activity.storage_prefix}/content/_notes.txt")
    assert not storage.exists(f"{activity.storage_prefix}/readme.txt")
    assert storage.exists(f"{activity.storage_prefix}/content/content.json")


def test_the_nine_real_packages_are_all_here():
    assert len(REAL) == 9


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_every_real_package_still_validates_and_imports(path):
    with open(path, "rb") as fileobj:
        with open_h5p(fileobj) as checked:
            folders = set(checked.library_files)
            assert set(checked.libraries) <= folders
        activity = import_package(fileobj)
    assert activity.main_library == path.stem
    # Every library folder, the editor's ones too, is stored as a library.
    assert set(activity.library_paths) == folders
    assert activity.shared_libraries.count() == len(folders)
