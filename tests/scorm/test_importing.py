"""Importing SCORM packages: real 2004 samples, a 1.2 package, and refusals that leave nothing."""

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from content_packages.archives import PackageError
from scorm.importing import import_package
from scorm.manifest import parse_manifest
from scorm.models import ScormPackage

from .conftest import import_shared, shared_package
from .packages import MANIFEST_12, make_zip, scorm12_files, scorm12_zip

pytestmark = pytest.mark.django_db


def stored_files():
    root = os.path.join(settings.MEDIA_ROOT, "scorm")
    return sorted(
        os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names
    )


def test_the_single_sco_2004_sample_imports_with_its_passing_score():
    package = import_shared("golf_2004_3rd_advanced_runtime.zip")
    assert package.version == "2004"
    assert package.title == "Golf Explained - Run-time Advanced Calls"
    assert [sco["launch"] for sco in package.scos] == ["shared/launchpage.html"]
    assert package.scos[0]["mastery"] == pytest.approx(0.8)
    assert package.scos[0]["objectives"] == [
        "PRIMARYOBJ",
        "obj_etiquette",
        "obj_handicapping",
        "obj_havingfun",
        "obj_playing",
    ]
    assert "shared/launchpage.html" in package.files


def test_the_multi_sco_2004_sample_imports_every_item_in_order():
    package = import_shared("golf_2004_3rd_multi_sco.zip")
    assert package.version == "2004"
    assert len(package.scos) == 18
    assert package.scos[0]["launch"] == "Playing/Playing.html"
    quiz = package.sco("playing_quiz_item")
    assert quiz["parameters"] == "questions=Playing"


def test_a_scorm_12_package_imports_with_its_mastery_score():
    package = import_package(scorm12_zip())
    assert package.version == "1.2"
    assert package.title == "Tiny SCORM 1.2"
    assert package.scos == [
        {
            "identifier": "item1",
            "title": "The only SCO",
            "launch": "index.html",
            "parameters": "",
            "mastery": 0.8,
            "sco": True,
            "visible": True,
            "flow": True,
            "choice": True,
            "completion_threshold": None,
            "objectives": [],
        }
    ]
    assert any(name.endswith("/index.html") for name in stored_files())


def test_the_manifest_is_read_whatever_the_namespace_prefixes_and_case():
    xml = MANIFEST_12.replace("adlcp:", "x:").replace("xmlns:adlcp", "xmlns:x")
    xml = xml.replace("scormtype", "scormType")
    manifest = parse_manifest(xml.format(href="index.html").encode())
    assert manifest.version == "1.2"
    assert manifest.scos[0]["mastery"] == 0.8


def test_xml_base_is_applied_to_the_launch_address():
    xml = MANIFEST_12.format(href="index.html").replace(
        "<resources>", '<resources xml:base="content/">'
    )
    manifest = parse_manifest(xml.encode())
    assert manifest.scos[0]["launch"] == "content/index.html"


def broken(files):
    return make_zip(files)


def without(name):
    files = scorm12_files()
    del files[name]
    return files


NO_SCO = MANIFEST_12.replace(
    '<item identifier="item1" identifierref="res1">', '<item identifier="item1">'
).format(href="index.html")


@pytest.mark.parametrize(
    ("archive", "reason"),
    [
        (lambda: make_zip(without("imsmanifest.xml")), "no imsmanifest.xml"),
        (
            lambda: make_zip({**scorm12_files(), "imsmanifest.xml": "<manifest><oops"}),
            "not well-formed XML",
        ),
        (lambda: make_zip({**scorm12_files(), "imsmanifest.xml": NO_SCO}), "no launchable SCO"),
        (lambda: make_zip(without("index.html")), "launch file “index.html” is not in the package"),
        (lambda: scorm12_zip(href="../../etc/passwd"), "points outside the package"),
        (lambda: scorm12_zip(href="https://example.org/x.html"), "points outside the package"),
        (lambda: make_zip({**scorm12_files(), "evil.exe": b"MZ"}), "not allowed"),
        (lambda: make_zip({**scorm12_files(), "../escape.html": "x"}), ""),
        (lambda: io.BytesIO(b"not a zip at all"), "not a readable zip"),
    ],
    ids=[
        "no-manifest",
        "bad-xml",
        "no-sco",
        "missing-launch",
        "dotdot",
        "remote",
        "exe",
        "path",
        "notzip",
    ],
)
def test_a_package_that_cannot_be_launched_is_refused_and_leaves_nothing(archive, reason):
    before = stored_files()
    with pytest.raises(PackageError) as refused:
        import_package(archive())
    assert reason in " ".join(refused.value.messages)
    assert ScormPackage.objects.count() == 0
    assert stored_files() == before


def test_an_xml_bomb_in_the_manifest_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    with pytest.raises(PackageError, match="not well-formed"):
        import_package(make_zip({**scorm12_files(), "imsmanifest.xml": bomb}))
    assert ScormPackage.objects.count() == 0


def test_a_zip_bomb_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in scorm12_files().items():
            archive.writestr(name, data)
        archive.writestr("big.txt", b"0" * 20_000_000)
    buffer.seek(0)
    with pytest.raises(PackageError):
        import_package(buffer)
    assert ScormPackage.objects.count() == 0


def test_import_scorm_command_imports_a_shared_sample_with_a_title(capsys):
    call_command("import_scorm", shared_package("golf_2004_3rd_multi_sco.zip"), "--title", "Golf")
    assert ScormPackage.objects.get().title == "Golf"
    assert "SCORM 2004" in capsys.readouterr().out


def test_import_scorm_command_reports_the_reason_of_a_refusal(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(make_zip(without("imsmanifest.xml")).getvalue())
    with pytest.raises(CommandError, match="imsmanifest.xml"):
        call_command("import_scorm", str(path))
    assert ScormPackage.objects.count() == 0


def test_deleting_a_package_removes_its_files(django_capture_on_commit_callbacks):
    before = stored_files()
    package = import_package(scorm12_zip())
    assert len(stored_files()) == len(before) + 4  # the zip and its three files
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    assert stored_files() == before


def admin_client(client):
    from accounts.factories import UserFactory

    client.force_login(UserFactory(username="trainer", is_superuser=True, is_staff=True))
    return client


def test_a_trainer_uploads_a_package_in_the_admin(client):
    client = admin_client(client)
    upload = scorm12_zip()
    upload.name = "tiny.zip"
    response = client.post(reverse("wagtailsnippets_scorm_scormpackage:add"), {"file": upload})
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert package.title == "Tiny SCORM 1.2" and package.uploaded_by.username == "trainer"
    listing = client.get(reverse("wagtailsnippets_scorm_scormpackage:list"))
    assert "Tiny SCORM 1.2" in listing.content.decode()


def test_the_admin_refuses_a_broken_package_with_its_reason(client):
    client = admin_client(client)
    before = stored_files()
    upload = make_zip(without("index.html"))
    response = client.post(reverse("wagtailsnippets_scorm_scormpackage:add"), {"file": upload})
    assert response.status_code == 200
    assert "is not in the package" in response.content.decode()
    assert ScormPackage.objects.count() == 0
    assert stored_files() == before


def test_the_admin_renames_a_package_and_its_files_stay(client):
    client = admin_client(client)
    package = import_package(scorm12_zip())
    url = reverse("wagtailsnippets_scorm_scormpackage:edit", args=[package.pk])
    assert client.post(url, {"title": "Renamed"}).status_code == 302
    package.refresh_from_db()
    assert package.title == "Renamed" and package.scos[0]["launch"] == "index.html"


def trainer_with(catalogue, *codenames):
    """A member of the Trainers group, with the given SCORM package permissions."""
    from django.contrib.auth.models import Permission

    from accounts.factories import UserFactory
    from courses.roles import ensure_authoring_roles

    trainers, _reviewers, _workflow = ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="leyla")
    trainer.groups.add(trainers)
    trainer.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="scorm", codename__in=codenames)
    )
    return trainer


def test_a_trainer_uploads_a_sample_and_places_it_in_a_lesson_that_then_launches_it(
    client, catalogue, lessons, learner, enrolled
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    # The Trainers group's own permissions are enough.
    trainer = trainer_with(catalogue)
    client.force_login(trainer)
    with open(shared_package("golf_2004_3rd_multi_sco.zip"), "rb") as upload:
        response = client.post(reverse("wagtailsnippets_scorm_scormpackage:add"), {"file": upload})
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert package.uploaded_by == trainer and len(package.scos) == 18

    # The trainer adds the SCORM block to a lesson in the page editor (a draft).
    lesson = lessons[2]
    form = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": "",
            "body": streamfield([("scorm", {"package": package.pk, "required": "on"})]),
            "estimated_minutes": 10,
            "required": "on",
            "completion_rule": lesson.completion_rule,
            "min_score_percent": "",
            "comments": inline_formset([]),
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), form)
    assert response.status_code == 302, response.context["form"].errors
    draft = lesson.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["scorm"]
    assert draft.body[0].value["package"] == package
    lesson.get_latest_revision().publish()  # a course reviewer approves it

    from tests.content import content_get

    client.force_login(learner)
    lesson.refresh_from_db()
    block_id = lesson.body[0].id
    launch = reverse("scorm:launch", args=[lesson.lesson_uuid, block_id])
    assert launch in client.get(lesson.url).content.decode()
    response = client.get(launch)
    assert 'id="scorm-frame"' in response.content.decode()
    # The package itself runs in the frame, on the content origin.
    run = content_get(client, response.context["config"]["frameSrc"])
    assert "Playing/Playing.html" in run.content.decode()


def test_an_admin_user_without_the_package_permission_cannot_upload(client, catalogue):
    from django.contrib.auth.models import Permission

    from accounts.factories import UserFactory

    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    with open(shared_package("golf_2004_3rd_multi_sco.zip"), "rb") as upload:
        response = client.post(reverse("wagtailsnippets_scorm_scormpackage:add"), {"file": upload})
    assert response.status_code in (302, 403)
    assert not ScormPackage.objects.exists()
