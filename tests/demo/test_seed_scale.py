"""The benchmark data set builds the shape it promises, consistently."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.search.backends import get_search_backend

from courses.factories import ProgrammeFactory
from library.models import Copy, Material
from lms.models import Cohort, CohortMembership, CourseItem, Enrolment, LessonProgress


@pytest.mark.django_db
def test_seed_scale_builds_consistent_records(catalogue, capsys):
    ProgrammeFactory()
    call_command(
        "seed_scale",
        learners=30,
        courses=3,
        lessons=12,
        courses_per_learner=2,
        touched=6,
        cohorts=4,
        materials=20,
        copies=50,
    )
    assert CourseItem.objects.filter(course__slug__startswith="scale-").count() == 36
    assert get_user_model().objects.filter(username__startswith="scale-").count() == 30
    assert Enrolment.objects.count() == 60
    assert LessonProgress.objects.count() == 60 * 6
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 60 * 3
    # The aggregate agrees with the rows it summarises.
    enrolment = Enrolment.objects.first()
    assert enrolment.lessons_completed == 3
    assert enrolment.progress == pytest.approx(3 / 12)
    assert Cohort.objects.count() == 4
    assert CohortMembership.objects.count() == 30
    assert Material.objects.filter(identifier__startswith="scale-").count() == 20
    assert Copy.objects.filter(barcode__startswith="SC").count() == 50
    assert len(get_search_backend().search("braille", Material)) > 0
    assert "Scale data set built" in capsys.readouterr().out

    with pytest.raises(CommandError, match="already here"):
        call_command("seed_scale", learners=1, courses=0, materials=0)
