"""The course review task: a reviewer approves a course together with its new pages.

Wagtail's workflow publishes only the page that was submitted, so a new course,
its modules and its lessons would each need their own review. This task, used
in the "Trainer review" workflow (``courses.roles``), is Wagtail's group
approval plus one step: when the approval of a course or a module finishes its
workflow, and so publishes it, the unpublished pages under it that the
reviewer was shown (:func:`pages_going_live`) are published too, in the same
transaction. Put it last in a workflow: earlier tasks do not publish.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Page, WorkflowState

from .pages import CoursePage, ModulePage


def pages_going_live(page, user=None, only=None):
    """The pages under ``page`` that its approval publishes, in tree order.

    A page goes live with it when it is a draft or has unpublished changes, is
    not in a workflow of its own (that review decides it), ``user`` (when
    given) may publish it, it is among the ids ``only`` (when given: the pages
    the reviewer was shown), and its parent is live or goes live too, so
    nothing is published under a page that stays a draft. Only courses and
    modules carry their pages along; for any other page the list is empty.
    """
    page = getattr(page, "specific_deferred", page)
    if not isinstance(page, CoursePage | ModulePage):
        return []
    descendants = list(
        Page.objects.descendant_of(page)
        .order_by("path")
        .only("id", "title", "path", "depth", "live", "has_unpublished_changes", "content_type")
    )
    in_own_workflow = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=page.get_base_content_type(),
            object_id__in=[str(descendant.pk) for descendant in descendants],
        )
        .values_list("object_id", flat=True)
    )
    steplen = Page.steplen
    standing = {page.path}  # pages that are or will be live: their children may go
    going = []
    for descendant in descendants:
        if descendant.path[:-steplen] not in standing:
            continue
        pending = not descendant.live or descendant.has_unpublished_changes
        if (
            pending
            and (only is None or descendant.pk in only)
            and str(descendant.pk) not in in_own_workflow
            and (user is None or descendant.permissions_for_user(user).can_publish())
        ):
            going.append(descendant)
            standing.add(descendant.path)
        elif descendant.live:
            standing.add(descendant.path)
    return going


class PageIdsField(forms.Field):
    """The ids of the pages the reviewer was shown, sent back as hidden inputs."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str | int):
            value = [value]
        try:
            return [int(item) for item in value]
        except (TypeError, ValueError):
            raise ValidationError(
                _("The list of pages to publish was not understood. Reload and try again."),
                code="invalid",
            ) from None


class CourseApprovalForm(TaskStateCommentForm):
    """An approval's optional comment and the pages that go live with it."""

    pages = PageIdsField(required=False)


class CourseReviewTask(AbstractGroupApprovalTask):
    """A group approval that publishes a course's (or module's) new pages with it.

    Members of the task's groups approve; the approval dialog lists what goes
    live. Pages under another active workflow, and pages the reviewer may not
    publish, are left alone.
    """

    class Meta:
        verbose_name = _("course review task")
        verbose_name_plural = _("course review tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve a course or a module together with its "
            "unpublished modules and lessons, which go live with it."
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions or not isinstance(
            getattr(obj, "specific_deferred", obj), CoursePage | ModulePage
        ):
            return actions
        # One approval, always through the dialog that lists what goes live
        # (the editor's menu reads "Approve and Publish" when it finishes the workflow).
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), True),
        ]

    def get_form_for_action(self, action):
        if action == "approve":
            return CourseApprovalForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "courses/admin/course_review_approve_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, pages=None, **kwargs):
        """Approve or reject; an approval that publishes the page publishes its pages too.

        ``pages`` are the ids the reviewer was shown; only those of them that
        still qualify are published. ``None`` (a call from code, not from the
        dialog) publishes every page that qualifies.
        """
        result = super().on_action(task_state, user, action_name, **kwargs)
        if action_name != "approve":
            return result
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        if workflow_state.status != WorkflowState.STATUS_APPROVED:
            return result
        shown = None if pages is None else set(pages)
        for page in pages_going_live(workflow_state.content_object, user, only=shown):
            page = page.specific
            revision = page.get_latest_revision() or page.save_revision(user=user)
            revision.publish(user=user)
        return result
