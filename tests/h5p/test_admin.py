"""The admin: upload, refuse with the reason, replace, and see where an activity is used."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from h5p.models import H5PActivity

from .packages import tiny

pytestmark = pytest.mark.django_db


def upload(name="tiny.h5p", **overrides):
    return SimpleUploadedFile(name, tiny(**overrides).getvalue(), "application/zip")


def test_an_editor_uploads_an_activity_and_sees_what_the_file_says(admin_client):
    add = reverse("wagtailsnippets_h5p_h5pactivity:add")
    assert admin_client.get(add).status_code == 200
    response = admin_client.post(add, {"title": "", "upload": upload()})
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.title == "Tiny" and activity.licence == "CC BY"
    edit = admin_client.get(reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk]))
    assert "H5P.Tiny-1.0" in edit.content.decode()


def test_a_broken_upload_is_refused_in_the_form_with_the_reason(admin_client):
    add = reverse("wagtailsnippets_h5p_h5pactivity:add")
    response = admin_client.post(add, {"title": "X", "upload": upload(**{"h5p.json": None})})
    assert response.status_code == 200
    assert "no h5p.json" in response.content.decode()
    assert not H5PActivity.objects.exists()


def test_the_usage_view_lists_the_lesson_that_uses_it(admin_client, h5p_lesson, multichoice):
    from wagtail.models import ReferenceIndex

    ReferenceIndex.create_or_update_for_object(h5p_lesson)
    usage = reverse("wagtailsnippets_h5p_h5pactivity:usage", args=[multichoice.pk])
    assert "Try it" in admin_client.get(usage).content.decode()
