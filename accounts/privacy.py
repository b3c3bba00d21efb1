"""A person's own data: everything we hold about them, and erasing what identifies them.

Every model that points at the user model (a foreign key, a one-to-one, or
the table behind a many-to-many) is declared in one registry,
:data:`personal_data`, with what goes into the person's data download and
what erasure does to its rows. The download and the erasure read nothing
else, and ``tests/accounts/test_personal_data_complete.py`` walks every
installed model and fails on a relation nobody declared, so a new app cannot
forget one.

An app declares its models in ``<app>/privacy.py``, which
:func:`autodiscover` imports when the site starts (as Django's admin finds
``admin.py``); models of Django, Wagtail and other installed packages are
declared by the site in :mod:`accounts.privacy_defaults`. Usage::

    from django.utils.translation import gettext_lazy as _

    from accounts.privacy import DELETE, keep, personal_data, redact, scrub

    personal_data.register(
        LearnerWork, "learner", export=["kind", "data", "updated_at"], erase=DELETE
    )
    personal_data.register(
        Certificate,
        "learner",
        export=["code", "learner_name", "course_title"],
        erase=[scrub(learner_name=_("Erased learner")), redact("revoke_reason")],
    )
    personal_data.register(
        Loan,
        ["issued_by", "returned_by"],
        export=["copy__barcode", "issued_at"],
        erase=keep("the desk's circulation record, counted in the centres' statistics"),
    )

``user_fields`` names the field that holds the person, or a lookup that
reaches them through another row (``"attempt__learner"``). ``export`` lists
fields and lookups (read with ``QuerySet.values()``), or is a callable
``fn(row) -> dict``. ``erase`` is one of these decisions, a callable
``fn(rows, person)``, or a list of them applied in turn:

* :data:`DELETE`: the rows go, with the files their file fields hold;
* :func:`scrub`: named fields are overwritten (blank, or a replacement
  text) and the rows stay;
* :func:`redact`: the person's names, username and email are cut out of
  named text or JSON fields (a trainer's note about them) and the rows stay;
* :func:`keep`: the rows stay as they are, for a reason given in the code
  (counted in programme totals; an editor's own work).

The download has one section per model, keyed ``app_label.ModelName``, with
one entry per row about the person; ``linked_as`` in each entry says which of
the model's user fields hold them.

Two Wagtail hooks remain for what is not a row pointing at the person (files
named after them, rows keyed by their username): ``personal_data_export``,
``fn(user) -> (name, data)``, adds ``data`` under ``name`` at the top of the
download, and ``personal_data_erase``, ``fn(user)``, runs inside the
erasing transaction.
"""

import json
import re
from functools import partial

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.constants import LOOKUP_SEP
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

# Erasure decisions


class Delete:
    """Erasure deletes the rows, and afterwards the files their file fields hold."""

    def check(self, model):
        pass

    def apply(self, rows, person):
        file_fields = [
            field
            for field in rows.model._meta.concrete_fields
            if isinstance(field, models.FileField)
        ]
        stored = []
        for row in rows if file_fields else ():
            for field in file_fields:
                value = getattr(row, field.attname)
                if value:
                    stored.append((value.storage, value.name))
        rows.delete()
        if stored:
            # Only once the rows are surely gone: a rolled-back erasure keeps its files.
            transaction.on_commit(partial(_delete_files, stored))

    def __repr__(self):
        return "DELETE"


DELETE = Delete()


def _delete_files(stored):
    for storage, name in stored:
        storage.delete(name)


class Keep:
    """Erasure leaves the rows as they are; ``reason`` says why they may stay."""

    def __init__(self, reason):
        if not str(reason).strip():
            raise ImproperlyConfigured("Say why the rows are kept: keep(reason).")
        self.reason = reason

    def check(self, model):
        pass

    def apply(self, rows, person):
        pass

    def __repr__(self):
        return f"keep({self.reason!r})"


def keep(reason):
    """Keep the rows (counted in programme totals, an editor's own work...): say why."""
    return Keep(reason)


class Scrub:
    """Erasure overwrites the named fields with fixed values and keeps the rows."""

    def __init__(self, values):
        if not values:
            raise ImproperlyConfigured("scrub() needs the fields to overwrite.")
        self.values = values

    def check(self, model):
        for name in self.values:
            _concrete_field(model, name)

    def resolved(self):
        """The values to write, replacement texts in the active language."""
        return {
            name: str(value) if isinstance(value, Promise) else value
            for name, value in self.values.items()
        }

    def apply(self, rows, person):
        rows.update(**self.resolved())

    def __repr__(self):
        return f"scrub({self.values!r})"


def scrub(**values):
    """Overwrite fields on erasure: ``scrub(answer_text="", learner_name=_("Erased learner"))``."""
    return Scrub(values)


class Redact:
    """Erasure cuts the person's names, username and email out of the named fields.

    For free text that others wrote about the person (a trainer's reason for
    completing their course by hand): each mention becomes ``replacement``
    and the rest of the text stays. Text and JSON fields only; each row
    changed is written on its own.
    """

    def __init__(self, fields, replacement):
        if not fields:
            raise ImproperlyConfigured("redact() needs the fields to redact.")
        self.fields = fields
        self.replacement = replacement

    def check(self, model):
        for name in self.fields:
            field = _concrete_field(model, name)
            if not isinstance(field, models.CharField | models.TextField | models.JSONField):
                raise ImproperlyConfigured(
                    f"redact() takes text and JSON fields; {model._meta.label}.{name} is neither."
                )

    def apply(self, rows, person):
        pattern = identifying_pattern(person)
        if pattern is None:
            return
        replacement = str(self.replacement)
        for row in rows.only("pk", *self.fields):
            changes = {}
            for name in self.fields:
                value = getattr(row, name)
                redacted = _redact(value, pattern, replacement)
                if redacted != value:
                    changes[name] = redacted
            if changes:
                rows.model._base_manager.filter(pk=row.pk).update(**changes)

    def __repr__(self):
        return f"redact{self.fields!r}"


def redact(*fields, replacement="[…]"):
    """Cut the person's names and email out of free-text fields on erasure, keep the rest.

    ``replacement`` stands where a mention was: the editorial mark for text
    left out by default, or a translated phrase such as ``_("Erased learner")``.
    """
    return Redact(fields, replacement)


class Custom:
    """Erasure calls ``fn(rows, person)``, for what a plain decision cannot say."""

    def __init__(self, fn):
        self.fn = fn

    def check(self, model):
        pass

    def apply(self, rows, person):
        self.fn(rows, person)

    def __repr__(self):
        return f"Custom({self.fn.__module__}.{self.fn.__qualname__})"


def identifying_pattern(person):
    """A case-insensitive pattern of the person's username, email and names, as whole words."""
    full_name = f"{person.first_name} {person.last_name}".strip()
    values = {person.username, person.email, full_name, person.first_name, person.last_name}
    values = sorted((value for value in values if value), key=len, reverse=True)
    if not values:
        return None
    alternatives = "|".join(re.escape(value) for value in values)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _redact(value, pattern, replacement):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, dict):
        return {key: _redact(item, pattern, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_redact(item, pattern, replacement) for item in value]
    return value


# The registry


def _concrete_field(model, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        raise ImproperlyConfigured(f"{model._meta.label} has no field {name!r}.") from None
    if not field.concrete:
        raise ImproperlyConfigured(f"{model._meta.label}.{name} is not a column of the model.")
    return field


def _path(model, lookup):
    """The last field of ``lookup`` (``"item__page__title"``) from ``model``, checked."""
    field = None
    for name in lookup.split(LOOKUP_SEP):
        if model is None:
            raise ImproperlyConfigured(f"{lookup!r} goes past a field that is not a relation.")
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise ImproperlyConfigured(
                f"{model._meta.label} has no field {name!r} (in {lookup!r})."
            ) from None
        model = field.related_model if field.is_relation else None
    return field


def _is_user_model(model):
    user_model = get_user_model()
    return model is not None and model._meta.concrete_model is user_model._meta.concrete_model


class Relation:
    """One way rows of ``model`` are about a person: ``field`` (or a lookup) holds them.

    ``export`` is a list of fields and lookups or a callable ``fn(row) -> dict``;
    ``erase`` a tuple of decisions applied in turn.
    """

    def __init__(self, model, field, export, erase):
        self.model = model
        self.field = field
        self.export = export
        self.erase = erase

    @property
    def label(self):
        """``app_label.ModelName.field``, as the walk test and error messages name it."""
        return f"{self.model._meta.label}.{self.field}"

    def rows(self, person):
        """The rows about ``person``, whatever the model's default manager hides."""
        return self.model._base_manager.filter(**{self.field: person})

    def exported_rows(self, person):
        """``(pk, values)`` for each row about ``person``."""
        rows = self.rows(person)
        if callable(self.export):
            return [(row.pk, self.export(row)) for row in rows]
        exported = []
        for values in rows.values("pk", *self.export):
            pk = values["pk"] if "pk" in self.export else values.pop("pk")
            exported.append((pk, values))
        return exported

    def __repr__(self):
        return f"<Relation {self.label}: {', '.join(map(repr, self.erase))}>"


def _decisions(erase):
    items = erase if isinstance(erase, list | tuple) else [erase]
    decisions = []
    for item in items:
        if isinstance(item, Delete | Keep | Scrub | Redact | Custom):
            decisions.append(item)
        elif callable(item):
            decisions.append(Custom(item))
        else:
            raise ImproperlyConfigured(
                f"erase= takes DELETE, keep(), scrub(), redact() or a callable, not {item!r}."
            )
    if not decisions:
        raise ImproperlyConfigured("Say what erasure does: erase=DELETE, keep(reason), ...")
    return tuple(decisions)


class PersonalDataRegistry:
    """The models that hold rows about a person, each with its download and erasure."""

    def __init__(self):
        self._relations = {}

    def register(self, model, user_fields, *, export, erase):
        """Declare that rows of ``model`` whose ``user_fields`` hold a person are about them.

        ``model`` is a model class or an ``"app_label.ModelName"`` label.
        ``user_fields`` is a field or lookup, or a list of them sharing one
        ``export`` and ``erase``; register a model again for a user field
        that needs another decision. Raises ``ImproperlyConfigured`` for a
        field that does not reach the user model, an unknown export field or a
        relation registered twice.
        """
        if isinstance(model, str):
            model = apps.get_model(model)
        model = model._meta.concrete_model
        fields = [user_fields] if isinstance(user_fields, str) else list(user_fields)
        if not fields:
            raise ImproperlyConfigured(f"Name the user field(s) of {model._meta.label}.")
        decisions = _decisions(erase)
        for decision in decisions:
            decision.check(model)
        if not callable(export):
            export = tuple(export)
            for lookup in export:
                if lookup != "pk":
                    _path(model, lookup)
        for lookup in fields:
            field = _path(model, lookup)
            if not (field.is_relation and _is_user_model(field.related_model)):
                raise ImproperlyConfigured(
                    f"{model._meta.label}.{lookup} does not reach the user model."
                )
            if (model, lookup) in self._relations:
                raise ImproperlyConfigured(
                    f"{model._meta.label}.{lookup} is registered twice for personal data."
                )
            self._relations[model, lookup] = Relation(model, lookup, export, decisions)

    def relations(self):
        """Every registered relation, in the order erasure applies them."""
        return list(self._relations.values())

    def covers(self, model, field_name):
        """Whether rows of ``model`` holding a person in ``field_name`` are declared."""
        return (model._meta.concrete_model, field_name) in self._relations

    def export(self, person):
        """``{"app_label.ModelName": [entry, ...]}`` for the models with rows about ``person``.

        Each entry is one row, JSON-ready, with ``linked_as``: the user fields
        that hold ``person`` (a row may hold them in more than one).
        """
        sections = {}
        for relation in self._relations.values():
            entries = sections.setdefault(relation.model._meta.label, {})
            for pk, values in relation.exported_rows(person):
                entry = entries.setdefault(pk, {"linked_as": []})
                entry["linked_as"].append(relation.field)
                entry.update(values)
        return {
            label: json.loads(
                json.dumps([entries[pk] for pk in sorted(entries)], cls=DjangoJSONEncoder)
            )
            for label, entries in sections.items()
            if entries
        }

    def erase(self, person):
        """Apply every relation's erasure to the rows about ``person``."""
        for relation in self._relations.values():
            for decision in relation.erase:
                decision.apply(relation.rows(person), person)


personal_data = PersonalDataRegistry()


def autodiscover():
    """Import each installed app's ``privacy`` module, where it registers its models."""
    autodiscover_modules("privacy")


# The download and the erasure


def _when(value):
    return value.isoformat() if value else None


def export_personal_data(user):
    """Everything the platform holds about ``user``, as one JSON-ready dict.

    ``account`` is the account itself; ``records`` holds a section per model
    with rows about them (see :meth:`PersonalDataRegistry.export`).
    """
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
        "records": personal_data.export(user),
    }
    for fn in hooks.get_hooks("personal_data_export"):
        name, part = fn(user)
        data[name] = part
    return data


def erased_username(user):
    return f"erased-{user.pk}"


def erase_personal_data(user, *, by):
    """Anonymise ``user`` for good: their rows as registered, then the account itself.

    The account stays (inactive, unusable) so that the records that count
    towards programme totals keep their learner; the registry deletes,
    scrubs or redacts the rest. Logged as ``accounts.erase_personal_data``
    under the account's new name.
    """
    with transaction.atomic():
        old_username = user.username
        personal_data.erase(user)
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
