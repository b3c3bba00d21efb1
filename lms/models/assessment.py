"""Assessment records in Kolibri's shape: one row per attempt, one per question answered.

Every source's attempts are rows of :class:`Attempt`: the platform's quizzes,
H5P activities (one per top-level result the player sends), SCORM packages
(one per SCO, its CMI data in ``state``) and scored xAPI statements. They
share the attempt number, start and finish, score, pass and the rule that
judged them, so best and latest results, attempt limits and reports read the
same for all. ``activity`` tells the parts of one lesson apart.

The questions themselves are content (see the ``quizzes`` app); these rows
keep what was asked, what the learner answered and how it scored, so an
attempt can be shown and audited even after the questions change. A
submitted quiz attempt is never changed.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .records import Source

QUIZ = "quiz"
# An attempt's rule as the sources store it: "<source>: <kind>", a score rule with its percent.
RULE = re.compile(
    r"(?P<source>\w+)(?::\s*(?P<kind>score|passed|completed or passed|completed))?"
    r"(?:\s*>=\s*(?P<percent>\d+(?:\.\d+)?)%)?"
)


def h5p_activity(activity_id):
    """The ``activity`` key of an H5P activity's attempts."""
    return f"h5p:{activity_id}"


def scorm_activity(package_id, sco):
    """The ``activity`` key of a SCORM package's SCO's attempts."""
    return f"scorm:{package_id}:{sco}"


class Attempt(models.Model):
    """One try at a lesson's assessment or activity (Kolibri's MasteryLog).

    ``passed`` is the source's own verdict (the quiz's pass mark, the H5P
    result's success, the SCO's success status); ``rule`` names the rule that
    judged the attempt for the lesson and ``counted`` whether it met it.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        db_column="lesson_uuid",
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    # The part of the lesson tried: "quiz", "h5p:<activity>", "scorm:<package>:<sco>", "xapi".
    activity = models.CharField(_("activity"), max_length=300)
    number = models.PositiveIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started"))
    # When a time limit applies: answers after this (plus a short grace) do not count.
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)
    points = models.FloatField(_("points"), default=0)
    max_points = models.FloatField(_("maximum points"), default=0)
    passed = models.BooleanField(_("passed"), null=True)
    completed = models.BooleanField(_("completed"), null=True)
    # The rule that judged the attempt ("pass mark 70%", "h5p: passed", …) and its verdict.
    rule = models.CharField(_("rule"), max_length=64, blank=True)
    counted = models.BooleanField(_("counted"), null=True)
    # What a source keeps while the attempt runs (a SCO's CMI data: location, suspend data…).
    state = models.JSONField(_("state"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The questions served, in order, with their option order: what the
    # learner saw, fixed at the start so scoring and review use the same.
    content = models.JSONField(_("questions served"), default=dict)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["learner", "item", "activity", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "item", "activity", "number"],
                name="lms_attempt_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=1)),
                name="lms_attempt_score_range",
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.item_id} {self.activity} #{self.number}"

    @property
    def is_submitted(self):
        return self.finished_at is not None

    @property
    def rule_display(self):
        """The rule that judged the attempt, in the reader's language.

        ``rule`` is stored as data ("quiz: score >= 70%", "h5p: passed"), never
        in the language of whoever happened to submit the attempt.
        """
        match = RULE.fullmatch(self.rule or "")
        if match is None:
            return self.rule
        percent = match["percent"]
        kind = match["kind"] or ("" if match["source"] == Source.XAPI else None)
        if kind == "score" and self.source == Source.QUIZ:
            return _("Pass mark %(percent)s%%") % {"percent": percent}
        if kind == "score":
            return _("A score of at least %(percent)s%%") % {"percent": percent}
        return {
            "passed": _("Passed"),
            "completed": _("Completed"),
            "completed or passed": _("Completed or passed"),
            "": _("Reported by an external tool"),
        }.get(kind, self.rule)

    @property
    def percent(self):
        return None if self.score is None else round(self.score * 100)


class AttemptSummary(models.Model):
    """A learner's attempts at one activity, kept as each attempt is added.

    How many finished attempts there are, the best score, whether one met its
    rule and the last number given, updated in the transaction that adds an
    attempt through :func:`lms.attempts.add_attempt` (H5P activities and xAPI
    clients). Reading an activity's results then costs one row, however long
    the learner's history: no aggregate over every attempt on each result.
    ``manage.py check_attempt_summaries`` recounts them from the attempts.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="attempt_summaries",
    )
    item = models.ForeignKey(
        "lms.CourseItem",
        verbose_name=_("lesson"),
        to_field="uuid",
        db_column="lesson_uuid",
        on_delete=models.CASCADE,
        related_name="attempt_summaries",
    )
    activity = models.CharField(_("activity"), max_length=300)
    attempts = models.PositiveIntegerField(_("finished attempts"), default=0)
    last_number = models.PositiveIntegerField(_("last attempt number"), default=0)
    best_score = models.FloatField(_("best score"), null=True, blank=True)
    counted = models.BooleanField(_("an attempt met the rule"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("attempt summary")
        verbose_name_plural = _("attempt summaries")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "item", "activity"], name="lms_attempt_summary_unique"
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.item_id} {self.activity}: {self.attempts}"


class AttemptAnswer(models.Model):
    """One question answered in an attempt (Kolibri's AttemptLog)."""

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    # Identifier of the question in its content store.
    question_ref = models.CharField(_("question"), max_length=64)
    answer = models.JSONField(_("answer"), null=True, blank=True)
    answer_text = models.TextField(_("answer as text"), blank=True)
    correct = models.FloatField(_("correct"), default=0)
    points = models.FloatField(_("points"), default=0)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="lms_answer_unique"),
            models.CheckConstraint(
                condition=Q(correct__gte=0) & Q(correct__lte=1), name="lms_answer_correct_range"
            ),
        ]

    def __str__(self):
        return f"{self.attempt} Q{self.position}: {self.correct:.0%}"
