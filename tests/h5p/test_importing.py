"""Importing H5P packages: every real one is accepted, every hostile one refused cleanly."""

import json
import os

import pytest
from django.core.management import CommandError, call_command

from content_packages.archives import PackageError
from h5p.importing import import_package
from h5p.models import H5PActivity
from h5p.storage import h5p_storage

from .packages import H5P_JSON, LIBRARY_JSON, REAL, make_zip, tiny, tiny_members

pytestmark = pytest.mark.django_db


def stored_files():
    root = h5p_storage().location
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.fixture(autouse=True)
def empty_storage():
    for name in stored_files():
        os.remove(name)


def test_the_nine_shared_packages_exist():
    assert len(REAL) == 9


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_every_real_package_imports_with_its_metadata(path):
    with open(path, "rb") as fileobj:
        activity = import_package(fileobj)
    assert activity.main_library == path.stem
    assert activity.title
    assert any(folder.startswith(path.stem + "-") for folder in activity.libraries)
    storage = h5p_storage()
    assert storage.exists(f"{activity.storage_prefix}/h5p.json")
    assert storage.exists(f"{activity.storage_prefix}/content/content.json")
    assert storage.exists(activity.package.name)


def test_licence_and_authors_come_from_h5p_json():
    activity = import_package(tiny(), title="Why inclusion")
    assert activity.title == "Why inclusion"
    assert activity.licence == "CC BY"
    assert activity.author_names == "Aysel"
    assert activity.libraries == ["H5P.Tiny-1.0"]


def hostile_corpus():
    bomb = tiny_members(**{"content/big.txt": b"0" * (30 * 1024 * 1024)})
    many = tiny_members(**{f"content/f{i}.json": b"{}" for i in range(5_001)})
    no_preload = dict(LIBRARY_JSON, preloadedJs=[{"path": "gone.js"}])
    new_core = dict(LIBRARY_JSON, coreApi={"majorVersion": 1, "minorVersion": 99})
    missing_field = {k: v for k, v in H5P_JSON.items() if k != "mainLibrary"}
    missing_library = dict(
        H5P_JSON,
        preloadedDependencies=[
            *H5P_JSON["preloadedDependencies"],
            {"machineName": "H5P.Gone", "majorVersion": 1, "minorVersion": 2},
        ],
    )
    return {
        "zip slip": (make_zip(tiny_members(**{"../evil.js": b"x"})), "outside the package"),
        "absolute path": (make_zip(tiny_members(**{"/etc/evil.json": b"{}"})), "absolute path"),
        "symlink": (
            make_zip(tiny_members(), symlinks=[("content/link.json", "/etc/passwd")]),
            "symbolic link",
        ),
        "zip bomb": (make_zip(bomb), "zip bomb"),
        "too many files": (make_zip(many), "more than 5000 files"),
        "forbidden type": (tiny(**{"content/run.php": b"<?php"}), "“php” are not allowed"),
        "missing h5p.json": (tiny(**{"h5p.json": None}), "no h5p.json"),
        "broken h5p.json": (tiny(**{"h5p.json": b"{nope"}), "“h5p.json” is not valid JSON"),
        "h5p.json lacks a field": (
            tiny(**{"h5p.json": json.dumps(missing_field).encode()}),
            "lacks required fields: mainLibrary",
        ),
        "broken content.json": (
            tiny(**{"content/content.json": b"[1,"}),
            "“content/content.json” is not valid JSON",
        ),
        "missing content.json": (tiny(**{"content/content.json": None}), "no content/content.json"),
        "missing library": (
            tiny(**{"h5p.json": json.dumps(missing_library).encode()}),
            "“H5P.Gone-1.2” is missing",
        ),
        "broken library.json": (
            tiny(**{"H5P.Tiny-1.0/library.json": b"nope"}),
            "library.json” is not valid JSON",
        ),
        "missing preloaded file": (
            tiny(**{"H5P.Tiny-1.0/library.json": json.dumps(no_preload).encode()}),
            "lacks its file “gone.js”",
        ),
        "unsupported core API": (
            tiny(**{"H5P.Tiny-1.0/library.json": json.dumps(new_core).encode()}),
            "needs H5P core 1.99",
        ),
        "corrupt archive": (make_corrupt(), "not a readable zip"),
    }


def make_corrupt():
    data = bytearray(tiny().getvalue())
    buffer = type(tiny())(bytes(data[: len(data) // 2]))
    return buffer


HOSTILE = hostile_corpus()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_broken_package_is_refused_with_its_reason_and_leaves_nothing(case):
    fileobj, reason = HOSTILE[case]
    fileobj.seek(0)
    with pytest.raises(PackageError) as refused:
        import_package(fileobj)
    assert reason in " ".join(refused.value.messages)
    assert not H5PActivity.objects.exists()
    assert stored_files() == []


def test_replacing_the_file_re_extracts_and_removes_the_old_files(
    django_capture_on_commit_callbacks,
):
    activity = import_package(tiny(), title="Kept title")
    old_prefix = activity.storage_prefix
    changed = dict(H5P_JSON, title="Second version", license="CC BY-SA")
    with django_capture_on_commit_callbacks(execute=True):
        import_package(tiny(**{"h5p.json": json.dumps(changed).encode()}), activity=activity)
    activity.refresh_from_db()
    assert activity.title == "Kept title"
    assert activity.licence == "CC BY-SA"
    assert activity.storage_prefix != old_prefix
    assert not h5p_storage().exists(f"{old_prefix}/h5p.json")
    assert H5PActivity.objects.count() == 1


def test_a_refused_replacement_keeps_the_old_content():
    activity = import_package(tiny())
    before = stored_files()
    with pytest.raises(PackageError):
        import_package(tiny(**{"content/content.json": b"[1,"}), activity=activity)
    activity.refresh_from_db()
    assert h5p_storage().exists(f"{activity.storage_prefix}/h5p.json")
    assert sorted(stored_files()) == sorted(before)


def test_the_command_imports_and_says_what_it_created(capsys):
    path = next(p for p in REAL if p.stem == "H5P.TrueFalse")
    call_command("import_h5p", str(path), "--title", "True or false?")
    assert "Created H5P activity" in capsys.readouterr().out
    assert H5PActivity.objects.get().title == "True or false?"


def test_the_command_refuses_a_broken_file_and_says_why(tmp_path):
    path = tmp_path / "broken.h5p"
    path.write_bytes(tiny(**{"h5p.json": None}).getvalue())
    with pytest.raises(CommandError, match="no h5p.json"):
        call_command("import_h5p", str(path))
    assert not H5PActivity.objects.exists()


def library_files():
    return [name for name in stored_files() if "/h5p/libraries/" in name]


def test_shared_libraries_are_stored_once_and_served_for_each_activity(
    client, admin_user, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from h5p.models import H5PLibrary
    from tests.content import content_get, token_for

    with django_capture_on_commit_callbacks(execute=True):
        first = import_package(tiny(), title="First")
        once = sorted(library_files())
        second = import_package(
            tiny(**{"content/content.json": b'{"question": "Where?"}'}), title="Second"
        )
    assert H5PLibrary.objects.count() == 1
    assert sorted(library_files()) == once and len(once) == 3
    assert first.library_paths == second.library_paths
    # Each activity keeps its own content; the library is read from the shared copy.
    assert not h5p_storage().exists(f"{second.storage_prefix}/H5P.Tiny-1.0/tiny.js")
    for activity, question in ((first, b"Why?"), (second, b"Where?")):
        token = token_for(admin_user, "h5p.preview", a=activity.pk)
        url = reverse(
            "h5p_content:preview_file", args=[token, activity.version, "H5P.Tiny-1.0/tiny.js"]
        )
        served = content_get(client, url).streaming_content
        assert b"".join(served) == b"H5P.Tiny = function () {};"
        url = reverse(
            "h5p_content:preview_file", args=[token, activity.version, "content/content.json"]
        )
        assert question in b"".join(content_get(client, url).streaming_content)


def test_the_same_library_version_with_other_bytes_is_stored_apart():
    from h5p.models import H5PLibrary

    import_package(tiny())
    import_package(tiny(**{"H5P.Tiny-1.0/tiny.js": b"H5P.Tiny = function () { /* patched */ };"}))
    assert H5PLibrary.objects.filter(folder="H5P.Tiny-1.0").count() == 2


def test_a_library_goes_when_the_last_activity_using_it_goes(django_capture_on_commit_callbacks):
    from h5p.models import H5PLibrary

    with django_capture_on_commit_callbacks(execute=True):
        first = import_package(tiny())
        second = import_package(tiny())
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert H5PLibrary.objects.count() == 1 and len(library_files()) == 3
    assert h5p_storage().exists(f"{second.storage_prefix}/h5p.json")
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()
    assert not H5PLibrary.objects.exists()
    assert stored_files() == []


def test_an_import_failing_after_extraction_leaves_no_new_library_behind(monkeypatch):
    from django.core.exceptions import ValidationError

    from h5p.models import H5PLibrary

    import_package(tiny())
    before = sorted(stored_files())

    def refuse(self, *args, **kwargs):
        raise ValidationError("refused late")

    monkeypatch.setattr(H5PActivity, "full_clean", refuse)
    with pytest.raises(ValidationError):
        import_package(tiny(**{"H5P.Tiny-1.0/tiny.js": b"H5P.Tiny = function () { /* b */ };"}))
    assert H5PLibrary.objects.count() == 1
    assert sorted(stored_files()) == before


def test_real_packages_share_their_common_libraries():
    from h5p.models import H5PLibrary

    for stem in ("H5P.MultiChoice", "H5P.TrueFalse", "H5P.Blanks"):
        with open(next(p for p in REAL if p.stem == stem), "rb") as fileobj:
            import_package(fileobj)
    folders = list(H5PLibrary.objects.values_list("folder", flat=True))
    # H5P.Question, H5P.JoubelUI and friends come once, not once per package.
    assert len(folders) == len(set(folders))
    assert H5PLibrary.objects.get(folder__startswith="H5P.Question-").activities.count() == 3


def test_an_import_looks_its_libraries_up_in_one_query():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from h5p.models import H5PLibrary

    path = next(p for p in REAL if p.stem == "H5P.MultiChoice")
    with open(path, "rb") as fileobj:
        import_package(fileobj)
    with open(path, "rb") as fileobj, CaptureQueriesContext(connection) as captured:
        second = import_package(fileobj)
    table = H5PLibrary._meta.db_table
    # Look-ups by folder; the many-to-many update reads the activity's own rows apart.
    lookups = [q["sql"] for q in captured.captured_queries if f'"{table}"."folder" IN' in q["sql"]]
    assert second.shared_libraries.count() > 3  # several libraries, all found again
    assert len(lookups) == 1, lookups
