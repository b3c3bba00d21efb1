"""Capital letters as Azerbaijani writes them (ui.casing), in Django's labels too."""

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst as django_capfirst
from django.utils.translation import gettext_lazy

from library.models import LoanRule
from ui.casing import capfirst, upper


@pytest.mark.parametrize(
    ("language", "text", "capitalised"),
    [
        ("az", "istifadəçi adı", "İstifadəçi adı"),
        ("az", "ılıq su", "Ilıq su"),
        ("az", "inventarizasiya", "İnventarizasiya"),
        ("en", "invitation", "Invitation"),
        ("ru", "имя", "Имя"),
        ("az", "", ""),
    ],
)
def test_the_first_letter_is_capitalised_as_the_language_writes_it(language, text, capitalised):
    with translation.override(language):
        assert capfirst(text) == capitalised
        # Django's own capfirst (labels made from verbose names) and the template filter.
        assert django_capfirst(text) == capitalised
        assert Template("{{ text|capfirst }}").render(Context({"text": text})) == capitalised


def test_capitals_keep_the_dot_of_the_i_in_azerbaijani():
    assert upper("İnklüziv təhsil", "az") == "İNKLÜZİV TƏHSİL"
    assert upper("ılıq", "az") == "ILIQ"
    assert upper("inclusive", "en") == "INCLUSIVE"


def test_a_lazy_label_is_capitalised_in_the_language_it_is_read_in():
    label = django_capfirst(gettext_lazy("username"))
    with translation.override("az"):
        assert str(label) == "İstifadəçi adı"
    with translation.override("en"):
        assert str(label) == "Username"


def test_form_labels_made_from_verbose_names_are_capitalised_in_azerbaijani():
    fields = [
        get_user_model()._meta.get_field("username"),
        LoanRule._meta.get_field("renewals_allowed"),
    ]
    with translation.override("az"):
        for field in fields:
            label = str(field.formfield().label)
            assert label[0] == "İ", label


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "unexpected"),
    [
        ("az", ["İstifadəçi adı", "Şifrə", "Şifrənin təsdiqi"], ["Istifadəçi", "Parol"]),
        ("ru", ["Имя пользователя", "Пароль", "Подтверждение пароля"], []),
    ],
)
def test_the_sign_up_form_names_the_password_with_one_word(client, language, expected, unexpected):
    """Django says şifrə, Django REST framework parol: the sign-up form says şifrə only."""
    html = client.get(reverse("signup"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in expected:
        assert f"{word}:" in html
    for word in unexpected:
        assert word not in html
