"""The walk of the installed models that finds every relation to a person."""

from django.apps import apps
from django.contrib.auth import get_user_model


def user_relations():
    """``(model, field)`` for each foreign key and one-to-one to the user model, installed anywhere.

    Tables behind many-to-many fields (``lms.Cohort_trainers``, created by
    Django) are models here too, so a many-to-many to the user model shows as
    its table's foreign key. A proxy has its concrete model's rows, and a child
    page its parent page's columns, so each relation is listed once: on the
    model whose table holds it.
    """
    user_model = get_user_model()._meta.concrete_model
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy:
            continue
        for field in model._meta.local_fields:
            related = field.related_model if field.is_relation else None
            if related is not None and related._meta.concrete_model is user_model:
                yield model, field


def describe(model, field):
    """``app_label.ModelName.field``, saying which many-to-many a Django-made table is behind."""
    name = f"{model._meta.label}.{field.name}"
    if model._meta.auto_created:
        owner = model._meta.auto_created._meta.label
        for m2m in model._meta.auto_created._meta.local_many_to_many:
            if m2m.remote_field.through is model:
                return f"{name} (the table behind {owner}.{m2m.name})"
    return name
