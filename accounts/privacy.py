"""A person's own data: everything we hold about them, and erasing what identifies them.

Each app contributes through two Wagtail hooks, so that ``accounts`` knows
nothing of the others' models:

* ``personal_data_export``: ``fn(user) -> (name, data)``, ``data`` being
  anything JSON can hold; :func:`export_personal_data` gathers them.
* ``personal_data_erase``: ``fn(user)``, called inside the erasing
  transaction; it removes or overwrites what identifies ``user`` in that
  app's records and keeps what programme totals count (enrolments,
  progress, completions, certificates, loans).

Usage::

    @hooks.register("personal_data_export")
    def export_loans(user):
        return "library", {"loans": [...]}
"""

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry


def _when(value):
    return value.isoformat() if value else None


def export_personal_data(user):
    """Everything the platform holds about ``user``, as one JSON-ready dict."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
    }
    for fn in hooks.get_hooks("personal_data_export"):
        name, part = fn(user)
        data[name] = part
    return data


def erased_username(user):
    return f"erased-{user.pk}"


def erase_personal_data(user, *, by):
    """Anonymise ``user`` for good: name, email, username, password, profile details.

    The account stays (inactive, unusable) so that the records that count
    towards programme totals keep their learner; each app's eraser removes
    the rest. Logged as ``accounts.erase_personal_data`` under the account's new name.
    """
    with transaction.atomic():
        old_username = user.username
        for fn in hooks.get_hooks("personal_data_erase"):
            fn(user)
        user.username = erased_username(user)
        user.first_name = ""
        user.last_name = ""
        user.email = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.password = make_password(None)
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        # Earlier audit entries about the account named it; keep the entry, not the name.
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
        ).update(label=user.username)
        _forget_sign_in_attempts(old_username)
        log(user, "accounts.erase_personal_data", user=by, title=user.username)
    return user


def _forget_sign_in_attempts(username):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=username).delete()
