"""Catalogue admin (snippets scoped to the user's centres) and the demo command."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accounts.factories import UserFactory
from library.factories import CopyFactory, PatronFactory
from library.models import Centre, Copy, Hold, Loan, Material, Patron, Transfer
from library.roles import STAFF_GROUP, ensure_staff_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_group(db):
    return ensure_staff_group()


def refused(response):
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


@pytest.fixture
def admin_staff_client(client, staff, staff_group):
    staff.groups.add(staff_group)
    client.force_login(staff)
    return client


def test_staff_list_only_their_centres_copies_in_the_admin(
    admin_staff_client, centre, other_centre, material
):
    CopyFactory(material=material, home_centre=centre, barcode="MINE-1")
    CopyFactory(material=material, home_centre=other_centre, barcode="THEIRS-1")
    content = admin_staff_client.get(reverse("wagtailsnippets_library_copy:list")).content
    assert b"MINE-1" in content and b"THEIRS-1" not in content


def test_staff_cannot_edit_or_delete_another_centres_copy(
    admin_staff_client, other_centre, material
):
    theirs = CopyFactory(material=material, home_centre=other_centre, barcode="THEIRS-1")
    edit = reverse("wagtailsnippets_library_copy:edit", args=[theirs.pk])
    assert refused(admin_staff_client.get(edit))
    assert refused(admin_staff_client.post(edit, {"notes": "mine now"}))
    delete = reverse("wagtailsnippets_library_copy:delete", args=[theirs.pk])
    assert refused(admin_staff_client.post(delete))
    assert Copy.objects.filter(pk=theirs.pk).exists()
    theirs.refresh_from_db()
    assert theirs.notes == ""


def test_staff_can_edit_their_own_copy(admin_staff_client, copy):
    edit = reverse("wagtailsnippets_library_copy:edit", args=[copy.pk])
    assert admin_staff_client.get(edit).status_code == 200


def test_staff_cannot_add_a_copy_to_another_centre(admin_staff_client, other_centre, material):
    response = admin_staff_client.post(
        reverse("wagtailsnippets_library_copy:add"),
        {
            "material": material.pk,
            "home_centre": other_centre.pk,
            "current_centre": "",
            "barcode": "",
            "condition": "good",
            "shelf_mark": "",
            "notes": "",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not Copy.objects.filter(home_centre=other_centre).exists()


def test_staff_add_a_copy_with_a_generated_barcode(admin_staff_client, centre, material):
    admin_staff_client.post(
        reverse("wagtailsnippets_library_copy:add"),
        {
            "material": material.pk,
            "home_centre": centre.pk,
            "current_centre": "",
            "barcode": "",
            "condition": "good",
            "shelf_mark": "A-1",
            "notes": "",
        },
    )
    copy = Copy.objects.get(home_centre=centre)
    assert copy.barcode.startswith("BAK1") and copy.current_centre == centre


@pytest.mark.parametrize("view", ["edit", "copy", "history", "usage", "delete"])
def test_staff_cannot_open_another_centres_patron_in_any_admin_view(
    admin_staff_client, other_centre, view
):
    theirs = PatronFactory(home_centre=other_centre, name="Private Person")
    response = admin_staff_client.get(
        reverse(f"wagtailsnippets_library_patron:{view}", args=[theirs.pk])
    )
    assert refused(response)
    assert b"Private Person" not in response.content


@pytest.mark.parametrize("view", ["edit", "copy", "history", "usage"])
def test_staff_open_their_own_patron_in_the_admin(admin_staff_client, centre, view):
    mine = PatronFactory(home_centre=centre)
    response = admin_staff_client.get(
        reverse(f"wagtailsnippets_library_patron:{view}", args=[mine.pk])
    )
    assert response.status_code == 200


def test_learners_without_admin_access_cannot_open_the_catalogue_admin(client, learner):
    client.force_login(learner)
    response = client.get(reverse("wagtailsnippets_library_material:list"))
    assert response.status_code in (302, 403)


@override_settings(DEBUG=True)
def test_seed_library_builds_the_demo_and_is_idempotent(db):
    staff = UserFactory(username="centre")
    teacher = UserFactory(username="teacher")
    call_command("seed_library", verbosity=0)
    counts = (
        Centre.objects.count(),
        Material.objects.count(),
        Copy.objects.count(),
        Loan.objects.count(),
        Hold.objects.count(),
    )
    call_command("seed_library", verbosity=0)
    assert counts == (
        Centre.objects.count(),
        Material.objects.count(),
        Copy.objects.count(),
        Loan.objects.count(),
        Hold.objects.count(),
    )
    assert Centre.objects.count() == 9
    assert set(Centre.objects.values_list("district", flat=True)) == {
        "baku",
        "sumgayit",
        "ganja",
        "guba",
        "shaki",
        "agjabadi",
        "gazakh",
    }
    assert Material.objects.count() >= 50
    assert set(Material.objects.values_list("languages__code", flat=True)) >= {"az", "ru", "en"}
    assert Copy.objects.values("home_centre").distinct().count() == 9
    assert Loan.objects.filter(returned_at__isnull=True).count() >= 10
    assert Hold.objects.filter(status="waiting").exists()
    assert Hold.objects.filter(status="ready").exists()
    assert Transfer.objects.filter(received_at__isnull=True).exists()
    assert Patron.objects.get(user=teacher).loans.filter(returned_at__isnull=True).exists()
    assert Centre.objects.get(code="bak1").staff.filter(pk=staff.pk).exists()
    assert staff.groups.filter(name=STAFF_GROUP).exists()
    assert Group.objects.get(name=STAFF_GROUP).permissions.filter(codename="change_copy").exists()


@override_settings(DEBUG=True)
def test_the_demo_has_overdue_loans_and_the_demo_staff_member_runs_the_baku_desk(client, db):
    staff = UserFactory(username="centre")
    call_command("seed_library", verbosity=0)
    from django.utils import timezone

    assert Loan.objects.filter(returned_at__isnull=True, due_at__lt=timezone.now()).count() >= 3
    client.force_login(staff)
    assert client.get(reverse("library:desk")).url == reverse("library:desk_home", args=["bak1"])
    assert client.get(reverse("library:desk_home", args=["gan1"])).status_code == 403


def test_an_administrator_puts_a_member_of_the_staff_group_on_a_centres_desk(
    client, centre, staff_group
):
    newcomer = UserFactory(username="nigar")
    newcomer.groups.add(staff_group)
    outsider = UserFactory(username="outsider")
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_library_centre:edit", args=[centre.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["staff"].queryset) == [newcomer]
    response = client.post(
        url,
        {
            "name_az": centre.name,
            "name_ru": "",
            "name_en": "",
            "code": centre.code,
            "district": centre.district,
            "address_az": "",
            "address_ru": "",
            "address_en": "",
            "email": centre.email,
            "phone": "",
            "staff": [newcomer.pk],
        },
    )
    assert response.status_code == 302, form.errors
    assert list(centre.staff.all()) == [newcomer]
    assert outsider not in centre.staff.all()


def test_setup_library_roles_creates_the_staff_group(db, capsys):
    call_command("setup_library_roles")
    group = Group.objects.get(name=STAFF_GROUP)
    assert group.permissions.filter(codename="access_admin").exists()
    assert "Group ready" in capsys.readouterr().out
