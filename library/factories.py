"""Test-data factories for the library, kept as public code for sites' own tests.

Circulation records are made through :mod:`library.services`, as the desk
makes them, so statuses are always consistent::

    centre = CentreFactory()
    staff = CentreStaffFactory(centre=centre).user
    copy = CopyFactory(home_centre=centre)
    patron = PatronFactory(home_centre=centre)
    loan = LoanFactory(copy=copy, patron=patron, staff=staff)
"""

from datetime import timedelta

import factory
from django.utils import timezone

from . import services
from .models import Centre, CentreStaff, Copy, District, Hold, Loan, LoanRule, Material, Patron


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Resource centre {n}")
    code = factory.Sequence(lambda n: f"rc{n}")
    district = District.BAKU
    email = factory.LazyAttribute(lambda centre: f"{centre.code}@centres.example.org")


class CentreStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CentreStaff

    centre = factory.SubFactory(CentreFactory)
    user = factory.SubFactory("accounts.factories.UserFactory")


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Inclusive classroom guide {n}")
    authors = "UNICEF Azerbaijan"
    kind = Material.Kind.GUIDE
    description = "Practical ideas for teaching every child in a regular class."

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.languages.set(extracted)

    @factory.post_generation
    def formats(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.formats.set(extracted)


class CopyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Copy

    material = factory.SubFactory(MaterialFactory)
    home_centre = factory.SubFactory(CentreFactory)
    current_centre = factory.SelfAttribute("home_centre")


class PatronFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patron

    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"patron{n}@example.org")
    home_centre = factory.SubFactory(CentreFactory)
    category = "teacher"
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))


class LoanRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LoanRule

    loan_days = 14
    renewals_allowed = 1
    max_loans = 3
    max_holds = 2


class LoanFactory(factory.django.DjangoModelFactory):
    """A loan made through :func:`library.services.checkout` by a staff member of the centre."""

    class Meta:
        model = Loan

    copy = factory.SubFactory(CopyFactory)
    patron = factory.SubFactory(
        PatronFactory, home_centre=factory.SelfAttribute("..copy.current_centre")
    )

    @classmethod
    def _create(cls, model_class, copy, patron, staff=None, now=None, **kwargs):
        centre = copy.current_centre
        if staff is None:
            staff = CentreStaffFactory(centre=centre).user
        return services.checkout(staff, centre, patron, copy.barcode, now=now)


class HoldFactory(factory.django.DjangoModelFactory):
    """A hold placed through :func:`library.services.place_hold`."""

    class Meta:
        model = Hold

    material = factory.SubFactory(MaterialFactory)
    patron = factory.SubFactory(PatronFactory)
    pickup_centre = factory.SelfAttribute("patron.home_centre")

    @classmethod
    def _create(cls, model_class, material, patron, pickup_centre, now=None, **kwargs):
        return services.place_hold(patron, material, pickup_centre, now=now)
