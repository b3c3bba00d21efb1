"""A new page saved twice at once (autosave and "Save draft") gets a message, not a 500.

Wagtail 8's editor autosaves a new page by posting the create form (asking for
JSON): that request creates the page. A "Save draft" pressed while it runs
posts the same form again; its form was validated before the autosaved page
existed, so Wagtail's form check of the slug passed, and the page model's own
check (``Page.minimal_clean``, inside ``add_child``) then raised a
``ValidationError`` outside the form: a 500. The tests replay that order of
events by running the autosave request between the second request's form
validation and its save.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.factories import UserFactory
from courses.admin_views import CreatePageView
from courses.factories import ProgrammeFactory
from courses.models import CoursePage, ModulePage
from courses.roles import TRAINERS, ensure_authoring_roles

pytestmark = pytest.mark.django_db

JSON = {"accept": "application/json"}


@pytest.fixture
def trainer(client, catalogue):
    ensure_authoring_roles(catalogue)
    trainer = UserFactory(username="trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    client.force_login(trainer)
    return trainer


def module_form(title="First meeting", slug="first-meeting", **extra):
    return nested_form_data(
        {"title": title, "slug": slug, "summary": "", "comments": inline_formset([]), **extra}
    )


def create_url(course):
    return reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])


def autosave_after_validation(monkeypatch, client, url, form):
    """Run an autosave of the same new page just after the next form is validated."""
    original = WagtailAdminPageForm.is_valid
    calls = []

    def is_valid(self):
        valid = original(self)
        if not calls:
            calls.append("autosave")
            response = client.post(url, form, headers=JSON)
            assert response.status_code == 200 and json.loads(response.content)["success"]
        return valid

    monkeypatch.setattr(WagtailAdminPageForm, "is_valid", is_valid)


@pytest.fixture
def autosave_lands_first(client, monkeypatch):
    def arrange(course, form):
        autosave_after_validation(monkeypatch, client, create_url(course), form)

    return arrange


def test_save_draft_during_an_autosave_shows_the_slug_error_on_the_form(
    client, course, trainer, autosave_lands_first
):
    form = module_form()
    autosave_lands_first(course, form)
    response = client.post(create_url(course), form)
    assert response.status_code == 200
    page_form = response.context["form"]
    assert "slug" in page_form.errors
    assert "already in use" in page_form.errors["slug"][0]
    content = response.content.decode()
    assert "The page could not be created due to validation errors." in content
    assert "may already have been saved a moment ago" in content
    # One page, the autosaved one; the parent's child count is right.
    assert ModulePage.objects.filter(slug="first-meeting").count() == 1
    course.refresh_from_db()
    assert course.numchild == Page.objects.child_of(course).count()


def test_an_autosave_that_loses_the_race_answers_json_not_a_500(
    client, course, trainer, autosave_lands_first
):
    form = module_form()
    autosave_lands_first(course, form)
    response = client.post(create_url(course), form, headers=JSON)
    assert response.status_code == 400
    assert json.loads(response.content)["error_code"] == "validation_error"
    assert ModulePage.objects.filter(slug="first-meeting").count() == 1


def test_a_new_course_saved_during_an_autosave_also_gets_the_message(
    client, catalogue, trainer, monkeypatch
):
    # The same view serves every page type of the course tree.
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])
    course = CoursePage(title="Working with parents", slug="parents")
    form = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": "Plan a child's support with the family.",
            "intro": rich_text("<p>For class teachers.</p>"),
            "learning_outcomes": inline_formset([{"text": "Run a first meeting"}], min=1),
            "programme": ProgrammeFactory().pk,
            "audience": "in_service",
            "language": "en",
            "cpd_hours": "2",
            "duration_minutes": "60",
            "cover_image_alt": "",
            "min_time_minutes": "0",
            "comments": inline_formset([]),
        }
    )
    autosave_after_validation(monkeypatch, client, url, form)
    response = client.post(url, form)
    assert response.status_code == 200
    assert "already in use" in response.context["form"].errors["slug"][0]
    assert CoursePage.objects.filter(slug="parents").count() == 1


def test_save_draft_after_the_autosave_is_still_a_plain_form_error(client, course, trainer):
    form = module_form()
    assert client.post(create_url(course), form, headers=JSON).status_code == 200
    response = client.post(create_url(course), form)
    assert response.status_code == 200
    assert "already in use" in response.context["form"].errors["slug"][0]


def test_a_new_page_still_saves_as_a_draft(client, course, trainer):
    response = client.post(create_url(course), module_form())
    assert response.status_code == 302
    module = ModulePage.objects.get(slug="first-meeting")
    assert not module.live and module.get_parent().pk == course.pk


def test_every_page_type_of_the_platform_is_created_through_the_safe_view():
    """The class of defect, not the instance: no page type of ours uses Wagtail's plain view."""
    ours = [
        model
        for model in get_page_models()
        if model is not Page and not model.__module__.startswith("wagtail.")
    ]
    assert ours
    for model in ours:
        viewset = page_viewset_registry.get_by_type(model)
        assert issubclass(viewset.add_view_class, CreatePageView), model
