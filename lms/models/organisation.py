"""Who learners are, for reporting: districts, institutions, learner profiles, cohorts, targets.

Only what the programme's reports need is asked of a learner: their role,
institution and district.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    """A district (rayon) or city of Azerbaijan."""

    class Kind(models.TextChoices):
        CITY = "city", _("City")
        DISTRICT = "district", _("District")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DISTRICT)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Institution(models.Model):
    """A university (or branch), school, VET provider or resource centre in a district."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        BRANCH = "branch", _("University branch")
        SCHOOL = "school", _("School")
        VET = "vet", _("VET provider")
        RESOURCE_CENTRE = "resource_centre", _("Resource centre")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="institutions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="branches",
        help_text=_("For a branch: its university."),
    )

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "district"], name="lms_institution_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.district})"


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    STUDENT_TEACHER = "student_teacher", _("Student teacher")
    SCHOOL_LEADER = "school_leader", _("School leader")
    VET_INSTRUCTOR = "vet_instructor", _("VET instructor")
    OTHER = "other", _("Other")


class LearnerProfile(models.Model):
    """A learner's role, institution and district: what the programme reports count by."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="learner_profile",
        primary_key=True,
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.TEACHER)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learners",
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")
        indexes = [models.Index(fields=["district", "role"], name="lms_profile_district_role")]

    def __str__(self):
        return str(self.user)


class Cohort(models.Model):
    """A group of learners taken through courses together by trainers.

    Members are enrolled in every course of the cohort, including members and
    courses added later (:func:`lms.cohorts.sync_enrolments`).
    """

    name = models.CharField(_("name"), max_length=255)
    programme = models.CharField(
        _("programme"),
        max_length=120,
        help_text=_("The programme's slug, e.g. inclusive-education or vet."),
    )
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="cohorts_run"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        through="CohortMembership",
        related_name="cohorts",
    )
    courses = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("courses"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["name"]
        permissions = [("view_all_reports", _("Can see every cohort and programme report"))]

    def __str__(self):
        return self.name


class CohortMembership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort membership")
        verbose_name_plural = _("cohort memberships")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "learner"], name="lms_cohort_member_unique"),
        ]

    def __str__(self):
        return f"{self.learner} in {self.cohort}"


class Target(models.Model):
    """How many learners a programme aims to train, overall or for a district or audience."""

    programme = models.CharField(_("programme"), max_length=120)
    district = models.ForeignKey(
        District, verbose_name=_("district"), null=True, blank=True, on_delete=models.CASCADE
    )
    audience = models.CharField(_("audience"), max_length=20, blank=True)
    target = models.PositiveIntegerField(_("learners to train"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "district", "audience"], name="lms_target_unique"
            ),
        ]

    def __str__(self):
        return f"{self.programme}: {self.target}"
