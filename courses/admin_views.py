"""Admin views of page types: a create view that survives a double save.

:class:`CreatePageView` is Wagtail's page create view with one change: a page
that fails the model's own checks while it is being added to the tree gets
the errors on the form, not a server error. This happens when a new page is
saved twice at once: Wagtail's editor autosaves a new page by posting the
create form, and a "Save draft" pressed meanwhile posts it again; both forms
were validated before either page existed, so the second one's slug only
fails the page model's check (``Page.minimal_clean`` inside ``add_child``),
which raised ``ValidationError`` outside the form.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreatePageView(CreateView):
    def form_valid(self, form):
        try:
            # A savepoint: nothing of the failed save (the parent's child count) stays.
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            self.add_save_errors(form, error)
            return self.form_invalid(form)

    def add_save_errors(self, form, error):
        errors = error.error_dict if hasattr(error, "error_dict") else {None: error.error_list}
        for field, messages in errors.items():
            form.add_error(field if field in form.fields else None, messages)
        if "slug" in errors:
            form.add_error(
                None,
                _(
                    "This page may already have been saved a moment ago, for example by "
                    "autosave. Look for it under its parent page before saving again."
                ),
            )


class SafeCreatePageViewSet(PageViewSet):
    """Wagtail's views of a page type, with :class:`CreatePageView` to add one.

    Every page type of the platform's apps is registered with one (each app's
    ``wagtail_hooks``); ``tests/courses/test_create_race.py`` checks that none
    is missing.
    """

    add_view_class = CreatePageView
    # Keep Wagtail's own explorer listings of the parent pages.
    parent_models = ()
