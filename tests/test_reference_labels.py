"""Reference data is named in Azerbaijani, Russian and English, and reads in the visitor's.

Districts, institutions, programmes, competency frameworks and the library's
centres, subjects, languages and formats have a column per language
(django-modeltranslation, ``ui.translated``). What the site ships (by its
migrations) is named in every language; the demo's rows are checked where
seed_demo runs (tests/demo/test_seed_demo.py uses :func:`assert_every_label_translated`).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from competencies.loading import build_framework
from courses.models import Programme
from library.models import AccessibleFormat, Language, Subject
from lms.models import District
from ui.translated import localized, localized_values, missing_translations, registered_fields

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[А-Яа-яЁё]")


def assert_every_label_translated():
    """No reference label lacks az or ru, and the Russian one is in Russian."""
    assert missing_translations() == []
    for model, fields in registered_fields().items():
        for field in fields:
            if model._meta.get_field(field).blank:
                continue
            for row in model._default_manager.rewrite(False).values(*localized(field)):
                # Catches an English name copied into Russian (Azerbaijani may
                # rightly equal English: places keep their Azerbaijani spelling).
                assert CYRILLIC.search(row[f"{field}_ru"]), (model.__name__, field, row)


def test_what_the_site_ships_is_named_in_every_language():
    assert District.objects.count() > 70
    assert_every_label_translated()


def test_places_keep_their_azerbaijani_spelling_and_russian_has_its_own():
    for language, expected in (("az", "Şəki"), ("en", "Şəki"), ("ru", "Шеки")):
        with translation.override(language):
            assert str(District.objects.get(slug="shaki")) == expected


@pytest.mark.parametrize(
    "language, braille, programme",
    [
        ("az", "Brayl", "İnklüziv təhsil"),
        ("ru", "Шрифт Брайля", "Инклюзивное образование"),
        ("en", "Braille", "Inclusive education"),
    ],
)
def test_a_label_reads_in_the_active_language(language, braille, programme):
    with translation.override(language):
        assert str(AccessibleFormat.objects.get(code="braille")) == braille
        assert str(Programme.objects.get(slug="inclusive-education")) == programme


def test_a_name_missing_in_one_language_reads_in_azerbaijani_then_english():
    subject = Subject.objects.create(
        slug="sensory", name_az="Sensor inteqrasiya", name_en="Sensory"
    )
    with translation.override("ru"):
        assert str(Subject.objects.get(pk=subject.pk)) == "Sensor inteqrasiya"
    only_english = Subject.objects.create(slug="play", name_en="Play")
    with translation.override("ru"):
        assert str(Subject.objects.get(pk=only_english.pk)) == "Play"
    assert (only_english.pk, "az") in {(pk, lang) for _m, pk, _f, lang in missing_translations()}


def test_filters_and_ordering_follow_the_active_language():
    with translation.override("ru"):
        assert Language.objects.get(name="Английский").code == "en"
        names = list(Language.objects.values_list("name", flat=True))
        assert names == sorted(names)
    with translation.override("az"):
        assert Language.objects.get(name="İngilis dili").code == "en"


def test_values_from_the_catalogues_fill_every_language():
    values = localized_values("name", "Dyslexia and reading")  # demo/locale
    assert values == {
        "name": "Dyslexia and reading",
        "name_az": "Disleksiya və oxu",
        "name_ru": "Дислексия и чтение",
        "name_en": "Dyslexia and reading",
    }


def test_a_module_packs_framework_is_named_in_every_language():
    framework, _missing = build_framework(
        {
            "slug": "inclusive-teacher",
            "name": "Inclusive teacher competencies",
            "competencies": [
                {"code": "1", "kind": "area", "title": "Valuing learner diversity"},
            ],
        }
    )
    framework.refresh_from_db()
    assert framework.name_ru == "Компетенции инклюзивного учителя"
    assert framework.name_az == "İnklüziv müəllimin səriştələri"
    competency = framework.competencies.get()
    with translation.override("ru"):
        assert competency.title == "Ценить разнообразие учащихся"


def test_an_editor_names_a_district_in_every_language(admin_client):
    response = admin_client.get(reverse("district:add"))
    assert response.status_code == 200
    for field in ("name_az", "name_ru", "name_en"):
        assert f'name="{field}"' in response.content.decode()
    response = admin_client.post(
        reverse("district:add"),
        {
            "name_az": "Naxçıvan şəhəri",
            "name_ru": "город Нахчыван",
            "name_en": "Naxçıvan city",
            "slug": "nakhchivan-city",
            "kind": "city",
        },
    )
    assert response.status_code == 302
    district = District.objects.get(slug="nakhchivan-city")
    with translation.override("ru"):
        assert str(district) == "город Нахчыван"


def test_a_district_needs_its_azerbaijani_name(admin_client):
    response = admin_client.post(
        reverse("district:add"),
        {
            "name_az": "",
            "name_ru": "Где-то",
            "name_en": "Somewhere",
            "slug": "somewhere",
            "kind": "district",
        },
    )
    assert response.status_code == 200
    assert not District.objects.filter(slug="somewhere").exists()
