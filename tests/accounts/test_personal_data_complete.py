"""Every relation to a person, in every installed model, is declared for their data and erasure.

The walk below reads the models themselves, not the registry, so that a new
app (or a new version of Django or Wagtail) with a foreign key to the user
model fails here until it says what the person's download shows of those rows
and what erasure does to them (see ``accounts/privacy.py`` and
``docs/privacy.md``).
"""

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.privacy import DELETE, PersonalDataRegistry, keep, personal_data, redact, scrub
from lms.models import Certificate, Cohort, Enrolment

from .relations import describe, user_relations


def test_every_relation_to_the_user_model_is_registered_for_personal_data():
    missing = [
        describe(model, field)
        for model, field in user_relations()
        if not personal_data.covers(model, field.name)
    ]
    assert not missing, (
        "These models point at a person but say nothing of their personal data; register"
        " each in its app's privacy.py (see docs/privacy.md):\n  " + "\n  ".join(missing)
    )


def test_the_walk_sees_many_to_many_tables_proxies_and_page_columns_once():
    found = {(model._meta.label, field.name) for model, field in user_relations()}
    assert ("lms.Cohort_trainers", "user") in found
    assert ("accounts.User_groups", "user") in found
    assert ("wagtailcore.Page", "owner") in found
    assert ("courses.CoursePage", "owner") not in found
    assert ("authtoken.TokenProxy", "user") not in found


def test_registering_a_field_that_does_not_reach_a_person_is_refused():
    registry = PersonalDataRegistry()
    with pytest.raises(ImproperlyConfigured, match="does not reach the user model"):
        registry.register(Enrolment, "course", export=["progress"], erase=DELETE)
    with pytest.raises(ImproperlyConfigured, match="has no field"):
        registry.register(Enrolment, "learner", export=["no_such_field"], erase=DELETE)
    with pytest.raises(ImproperlyConfigured, match="has no field"):
        registry.register(Enrolment, "learner", export=["progress"], erase=scrub(nope=""))


def test_a_relation_is_registered_once_and_every_kept_row_says_why():
    registry = PersonalDataRegistry()
    registry.register(Certificate, "learner", export=["code"], erase=keep("counted"))
    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(Certificate, "learner", export=["code"], erase=DELETE)
    with pytest.raises(ImproperlyConfigured, match="why"):
        keep("")
    with pytest.raises(ImproperlyConfigured, match="text and JSON"):
        redact("cpd_hours").check(Certificate)


def test_a_model_with_several_user_fields_may_decide_for_each():
    registry = PersonalDataRegistry()
    registry.register(Cohort.trainers.through, "user", export=["cohort__name"], erase=DELETE)
    registry.register(
        Certificate, "learner", export=["code"], erase=scrub(learner_name="Erased learner")
    )
    registry.register(Certificate, "revoked_by", export=["code"], erase=keep("staff decision"))
    assert registry.covers(Certificate, "learner") and registry.covers(Certificate, "revoked_by")
    assert not registry.covers(Certificate, "enrolment")
    assert [relation.label for relation in registry.relations()] == [
        "lms.Cohort_trainers.user",
        "lms.Certificate.learner",
        "lms.Certificate.revoked_by",
    ]
