"""The site's decisions on personal data in models it installs but does not write.

Django, Wagtail and Django REST framework keep rows that point at a person;
this module declares each of them in :data:`accounts.privacy.personal_data`,
with what the person's download shows and what erasure does, and why.
The accounts app's own many-to-many tables (groups and permissions) are here
too. A model whose app the site leaves out of ``INSTALLED_APPS`` is skipped.

Imported by :class:`accounts.apps.AccountsConfig` when the site starts.
"""

from django.apps import apps
from django.contrib.auth import get_user_model

from .privacy import DELETE, keep, personal_data, scrub

EDITORS_WORK = (
    "an editor's own work: the site and its history need it; the account behind it is anonymised"
)
AUDIT_TRAIL = "the audit trail of who did what; it names the account, which erasure anonymises"


def declare(label, user_fields, *, export, erase):
    """Register the model ``label`` when its app is installed."""
    app_label, _model_name = label.split(".")
    if app_label in apps.app_configs:
        personal_data.register(label, user_fields, export=export, erase=erase)


User = get_user_model()

# The account's groups and permissions: the access it had, gone with it.
personal_data.register(User.groups.through, "user", export=["group__name"], erase=DELETE)
personal_data.register(
    User.user_permissions.through,
    "user",
    export=["permission__content_type__app_label", "permission__codename"],
    erase=DELETE,
)

# Wagtail: the person's own settings, sessions and tokens go.
declare(
    "wagtailusers.UserProfile",
    "user",
    export=[
        "preferred_language",
        "current_time_zone",
        "avatar",
        "theme",
        "contrast",
        "density",
        "keyboard_shortcuts",
        "submitted_notifications",
        "approved_notifications",
        "rejected_notifications",
        "updated_comments_notifications",
    ],
    erase=DELETE,  # with the avatar file; Wagtail makes a fresh profile when asked
)
declare(
    "wagtailadmin.EditingSession",
    "user",
    export=["content_type__model", "object_id", "last_seen_at", "is_editing"],
    erase=DELETE,
)
declare(
    "wagtailadmin.FormState",
    "user",
    export=["content_type__model", "object_id", "last_updated_at", "data"],
    erase=DELETE,
)
declare(
    "wagtailcore.APIToken",
    "user",
    export=["name", "prefix", "created", "revoked_at", "last_used_at"],
    erase=DELETE,
)
declare(
    "wagtailcore.PageSubscription",
    "user",
    export=["page__title", "comment_notifications"],
    erase=DELETE,
)
declare(
    "wagtailcore.UploadedFile",
    "uploaded_by_user",
    export=["file", "for_content_type__model"],
    erase=DELETE,  # an upload still waiting for its form, and its file
)

# Wagtail: what the person made or decided as an editor stays.
declare(
    "wagtailcore.Page",
    "owner",
    export=["title", "url_path", "first_published_at", "last_published_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.Page",
    "locked_by",
    export=["title", "url_path", "locked_at"],
    # Nobody could unlock it otherwise: the lock goes, the page stays.
    erase=scrub(locked=False, locked_at=None, locked_by=None),
)
declare(
    "wagtailcore.Revision",
    "user",
    export=["content_type__model", "object_id", "object_str", "created_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.WorkflowState",
    "requested_by",
    export=["content_type__model", "object_id", "status", "created_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.TaskState",
    "finished_by",
    export=["task__name", "status", "started_at", "finished_at", "comment"],
    erase=keep("a reviewer's decision in the page's moderation history"),
)
declare(
    "wagtailcore.Comment",
    "user",
    export=["page__title", "text", "contentpath", "created_at", "updated_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.Comment",
    "resolved_by",
    export=["page__title", "resolved_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.CommentReply",
    "user",
    export=["comment__page__title", "text", "created_at", "updated_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailimages.Image",
    "uploaded_by_user",
    export=["title", "file", "created_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtaildocs.Document",
    "uploaded_by_user",
    export=["title", "file", "created_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtailcore.PageLogEntry",
    "user",
    export=["action", "label", "timestamp", "page_id"],
    erase=keep(AUDIT_TRAIL),
)
declare(
    "wagtailcore.ModelLogEntry",
    "user",
    export=["action", "label", "timestamp", "content_type__model", "object_id"],
    erase=keep(AUDIT_TRAIL),
)

# wagtail-localize: a translator's work on the content stays, like an editor's.
declare(
    "wagtail_localize.StringTranslation",
    "last_translated_by",
    export=["locale__language_code", "data", "updated_at"],
    erase=keep(EDITORS_WORK),
)
declare(
    "wagtail_localize.SegmentOverride",
    "last_translated_by",
    export=["locale__language_code", "updated_at"],
    erase=keep(EDITORS_WORK),
)

# Django's admin keeps its own history of changes.
declare(
    "admin.LogEntry",
    "user",
    export=["action_time", "action_flag", "content_type__model", "object_id", "object_repr"],
    erase=keep(AUDIT_TRAIL),
)

# Django REST framework: the token signs in as the person; never its key in the download.
declare("authtoken.Token", "user", export=["created"], erase=DELETE)
