"""A hostile PO file uploaded to a translation is refused with a message and changes
nothing: not a PO, another translation's, no header at all, or a file name as content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(course):
    source, _created = TranslationSource.get_or_create_from_instance(course)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="ru")
    )
    translation.save_target(publish=False)
    return translation


def upload(client, translation, content):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("hostile.po", content)},
    )


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not a po file",
        b"/etc/passwd",
        b'msgid "Inclusive classrooms"\nmsgstr "Chuzhoy"\n',
        (
            b'msgid ""\nmsgstr ""\n'
            b'"X-WagtailLocalize-TranslationID: 00000000-0000-0000-0000-000000000000\\n"\n\n'
            b'msgid "Inclusive classrooms"\nmsgstr "Chuzhoy"\n'
        ),
    ],
)
def test_a_hostile_po_file_is_refused_and_changes_nothing(client, translation, content):
    client.force_login(UserFactory(username="editor", is_superuser=True, is_staff=True))
    response = upload(client, translation, content)
    assert response.status_code in (302, 400)
    assert not any(entry.msgstr for entry in translation.export_po())


def test_someone_who_may_not_edit_the_page_cannot_upload(client, translation):
    client.force_login(UserFactory(username="learner"))
    response = upload(client, translation, translation.export_po().__unicode__().encode())
    assert response.status_code in (302, 403)
    assert not any(entry.msgstr for entry in translation.export_po())
