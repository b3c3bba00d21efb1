"""Test-data factories for learning records, kept as public code for sites' own tests.

Enrolments go through :func:`lms.services.enrol`, so their aggregates are
right from the start.
"""

import factory

from . import services
from .models import Enrolment


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    learner = factory.SubFactory("accounts.factories.UserFactory")
    course = None  # required: a course page

    @classmethod
    def _create(cls, model_class, learner, course, method=Enrolment.Method.SELF, **kwargs):
        enrolment, _created = services.enrol(learner, course, method=method)
        return enrolment
