"""Installing H5P library code is an administrator's act, not every trainer's.

The attack: a trainer allowed to add H5P activities uploaded a package whose
library folder carried their own JavaScript under a known library's name and
version; the importer stored it as an installed library, code that runs for
everyone who plays an activity using it. Now storing library code takes the
``h5p.install_h5plibrary`` permission (superusers, or a group given it on
purpose); without it a package is accepted only if every library folder in it
is installed already with the same name, version and bytes, and a refusal
names each library and stores nothing.
"""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from courses.roles import ensure_authoring_roles
from h5p.importing import LibrariesNotInstalled, import_package, may_install_libraries
from h5p.models import H5PActivity, H5PLibrary
from h5p.storage import h5p_storage
from tests.h5p.packages import LIBRARY_JSON, REAL, tiny

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_h5p_h5pactivity:add"
PATCHED_JS = {"H5P.Tiny-1.0/tiny.js": b"H5P.Tiny = function () { steal(document.cookie); };"}


def stored_files():
    root = Path(h5p_storage().location)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def real(stem):
    return next(path for path in REAL if path.stem == stem)


def upload(fileobj, name="activity.h5p"):
    return SimpleUploadedFile(name, fileobj.getvalue(), "application/zip")


def real_upload(stem):
    return SimpleUploadedFile(f"{stem}.h5p", real(stem).read_bytes(), "application/zip")


@pytest.fixture
def trainer(catalogue):
    """A member of the Trainers group: may add and change H5P activities, not install code."""
    trainers, _reviewers, _workflow = ensure_authoring_roles(catalogue)
    user = UserFactory(username="leyla")
    user.groups.add(trainers)
    assert user.has_perm("h5p.add_h5pactivity") and user.has_perm("h5p.change_h5pactivity")
    return user


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def form_errors(response):
    assert response.status_code == 200, response
    return " ".join(str(error) for error in response.context["form"].errors.get("upload", []))


def test_only_superusers_and_those_given_it_on_purpose_may_install(trainer, admin_user):
    assert may_install_libraries(admin_user)
    assert not may_install_libraries(trainer)
    installers = Group.objects.create(name="H5P library installers")
    installers.permissions.add(Permission.objects.get(codename="install_h5plibrary"))
    trainer.groups.add(installers)
    trainer = type(trainer).objects.get(pk=trainer.pk)  # permissions are cached per object
    assert may_install_libraries(trainer)


def test_a_trainer_uploading_a_new_library_is_refused_by_name_and_nothing_is_stored(
    trainer_client,
):
    before = stored_files()
    response = trainer_client.post(reverse(ADD), {"title": "", "upload": upload(tiny())})
    assert form_errors(response) == (
        "H5P.Tiny 1.0 is not installed yet: ask an administrator to upload this package first."
    )
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert stored_files() == before


def test_the_same_package_uploads_for_the_trainer_once_an_administrator_installed_it(
    admin_client, trainer_client, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(reverse(ADD), {"upload": upload(tiny())}).status_code == 302
        response = trainer_client.post(reverse(ADD), {"title": "Mine", "upload": upload(tiny())})
    assert response.status_code == 302
    mine = H5PActivity.objects.get(title="Mine")
    assert mine.uploaded_by == trainer
    # The trainer's activity uses the administrator's copy; no second one is stored.
    assert H5PLibrary.objects.count() == 1
    assert list(mine.shared_libraries.all()) == list(H5PLibrary.objects.all())


def test_one_edited_byte_of_library_code_is_refused_for_the_trainer_and_named(
    admin_client, trainer_client
):
    assert admin_client.post(reverse(ADD), {"upload": upload(tiny())}).status_code == 302
    before = stored_files()
    edited = tiny(**{"H5P.Tiny-1.0/tiny.js": b"H5P.Tiny = function () {};\n"})
    response = trainer_client.post(reverse(ADD), {"title": "X", "upload": upload(edited)})
    assert form_errors(response) == (
        "H5P.Tiny 1.0 differs from the installed copy: ask an administrator to upload "
        "this package first."
    )
    assert H5PActivity.objects.count() == 1 and H5PLibrary.objects.count() == 1
    assert stored_files() == before


def test_an_administrators_upload_installs_even_a_changed_library(admin_client):
    assert admin_client.post(reverse(ADD), {"upload": upload(tiny())}).status_code == 302
    response = admin_client.post(reverse(ADD), {"upload": upload(tiny(**PATCHED_JS))})
    assert response.status_code == 302
    assert H5PLibrary.objects.filter(folder="H5P.Tiny-1.0").count() == 2


def test_a_trainer_may_not_replace_an_activitys_file_with_new_library_code(
    admin_client, trainer_client
):
    assert admin_client.post(reverse(ADD), {"upload": upload(tiny())}).status_code == 302
    activity = H5PActivity.objects.get()
    before = (stored_files(), activity.storage_prefix)
    edit = reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk])
    response = trainer_client.post(edit, {"title": "Tiny", "upload": upload(tiny(**PATCHED_JS))})
    assert "H5P.Tiny 1.0 differs from the installed copy" in form_errors(response)
    activity.refresh_from_db()
    assert (stored_files(), activity.storage_prefix) == before


def test_a_real_package_names_only_the_libraries_not_installed_yet(admin_client, trainer_client):
    assert (
        admin_client.post(reverse(ADD), {"upload": real_upload("H5P.MultiChoice")}).status_code
        == 302
    )
    libraries = H5PLibrary.objects.count()
    response = trainer_client.post(reverse(ADD), {"upload": real_upload("H5P.TrueFalse")})
    errors = response.context["form"].errors["upload"]
    # H5P.Question, H5P.JoubelUI and the rest came with MultiChoice, byte for byte.
    assert sorted(errors) == [
        "H5P.TrueFalse 1.6 is not installed yet: ask an administrator to upload this "
        "package first.",
        "H5PEditor.RadioGroup 1.1 is not installed yet: ask an administrator to upload this "
        "package first.",
    ]
    assert H5PActivity.objects.count() == 1 and H5PLibrary.objects.count() == libraries
    assert (
        admin_client.post(reverse(ADD), {"upload": real_upload("H5P.TrueFalse")}).status_code == 302
    )
    response = trainer_client.post(
        reverse(ADD), {"title": "Mine", "upload": real_upload("H5P.TrueFalse")}
    )
    assert response.status_code == 302
    assert H5PActivity.objects.filter(title="Mine").exists()


def test_the_importer_refuses_the_trainer_before_writing_anything(trainer):
    before = stored_files()
    with pytest.raises(LibrariesNotInstalled) as refused:
        import_package(tiny(), user=trainer)
    assert refused.value.messages == [
        "H5P.Tiny 1.0 is not installed yet: ask an administrator to upload this package first."
    ]
    assert stored_files() == before
    assert not H5PActivity.objects.exists() and not H5PLibrary.objects.exists()


def test_the_importer_compares_the_bytes_not_only_the_version(trainer, admin_user):
    import_package(tiny(), user=admin_user)
    assert import_package(tiny(), user=trainer).uploaded_by == trainer
    before = stored_files()
    with pytest.raises(LibrariesNotInstalled, match="differs from the installed copy"):
        import_package(tiny(**PATCHED_JS), user=trainer)
    # A new patch version of the same library is new code too.
    newer = dict(LIBRARY_JSON, patchVersion=1)
    with pytest.raises(LibrariesNotInstalled, match="H5P.Tiny 1.0 differs"):
        import_package(
            tiny(**{"H5P.Tiny-1.0/library.json": json.dumps(newer).encode()}), user=trainer
        )
    assert stored_files() == before
    assert H5PLibrary.objects.count() == 1


def test_a_library_folder_the_content_does_not_use_is_library_code_too(trainer, admin_user):
    """An unused folder is still served beside the activity: it needs installing as well."""
    import_package(tiny(), user=admin_user)
    extra = dict(LIBRARY_JSON, machineName="H5P.Extra", title="Extra")
    smuggled = tiny(
        **{
            "H5P.Extra-1.0/library.json": json.dumps(extra).encode(),
            "H5P.Extra-1.0/tiny.js": b"alert(1)",
            "H5P.Extra-1.0/tiny.css": b"",
        }
    )
    with pytest.raises(LibrariesNotInstalled, match="H5P.Extra 1.0 is not installed yet"):
        import_package(smuggled, user=trainer)


def test_the_command_line_and_the_demo_act_for_the_operator_and_install():
    with open(real("H5P.TrueFalse"), "rb") as fileobj:
        activity = import_package(fileobj)
    assert activity.shared_libraries.filter(folder="H5P.TrueFalse-1.6").exists()


def test_the_permission_is_offered_in_the_wagtail_group_editor(admin_client):
    page = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    permission = Permission.objects.get(codename="install_h5plibrary")
    assert f'value="{permission.pk}"' in page
    assert "Can install or update H5P library code" in page
