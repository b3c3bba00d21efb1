"""Who sees whose learning records: the scoping rules of reports, the audit trail and the API.

Trainers see the learners of the cohorts they run; programme managers
(``lms.view_all_reports``) see everyone. The rules import the model modules
they read, not the :mod:`lms.models` package, so that a model
(:class:`lms.models.audit.LearningLogEntry`) can scope its own queries by them.
:mod:`lms.reports` re-exports them.
"""

from django.db.models import Exists, OuterRef, Q

from .models.organisation import Cohort, CohortMembership
from .models.records import Enrolment
from .models.statements import Statement

REPORT_PERMISSION = "lms.view_cohort"


def sees_everyone(user):
    return user.has_perm("lms.view_all_reports")


def visible_cohorts(user):
    cohorts = Cohort.objects.all()
    return cohorts if sees_everyone(user) else cohorts.filter(trainers=user)


def taught_by(user, learner, course):
    """Memberships that put ``learner`` on ``course`` in a cohort ``user`` runs.

    ``learner`` and ``course`` may be instances, ids or ``OuterRef``s.
    """
    return CohortMembership.objects.filter(
        learner=learner, cohort__trainers=user, cohort__courses=course
    )


def visible_statements(user):
    """Statements ``user`` may read: their own, and their cohorts' learners' about those courses.

    Whoever sees every report sees every statement.
    """
    statements = Statement.objects.all()
    if sees_everyone(user):
        return statements
    taught = taught_by(user, OuterRef("learner"), OuterRef("item__course"))
    return statements.filter(Q(learner=user) | Exists(taught))


def visible_enrolments(user):
    enrolments = Enrolment.objects.all()
    if sees_everyone(user):
        return enrolments
    members = CohortMembership.objects.filter(cohort__trainers=user).values("learner_id")
    return enrolments.filter(learner_id__in=members)
