"""Made-up learners' histories, played back through the platform's own services.

The demo's learners study over the past months, so their records carry past
dates. Rather than writing records and back-dating them, the history is
played at the time it happened: :class:`Clock` stands in for
``django.utils.timezone.now`` while :func:`replaying` is active, and every
service (the recording service, quiz attempts, certificates, the audit log)
stamps its rows with that time, as it would have then.

What a learner does to a lesson follows the lesson's completion rule:

* a reading lesson is marked complete on its page (the learner's own report);
* a lesson completed by its quiz is passed through a real attempt: questions
  served as the quiz page serves them, answers graded by :mod:`quizzes.scoring`;
* a lesson completed only by its H5P activity or SCORM package, which the
  demo cannot play, is recorded as the platform's own record (source
  "system"), so no record claims an activity session that never happened.

    history = History(random.Random(2026))
    with replaying(history.clock):
        history.clock.set(when)
        history.complete(learner, item, language="az")
"""

from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

from django.utils import timezone, translation

from courses.models import LessonPage
from lms import services
from lms.models import CompletionRule, Source, Verb
from quizzes import serving
from quizzes.models import Question
from quizzes.scoring import graded_answer

_real_now = timezone.now


class Clock:
    """The time the history being played has reached; the real time until it is set.

    It never passes ``limit`` (by default five minutes before it was made): the
    history stays in the past, however long a learner's story runs.
    """

    def __init__(self, limit=None):
        self.limit = limit or _real_now() - timedelta(minutes=5)
        self.now = None

    def __call__(self):
        return self.now if self.now is not None else _real_now()

    def set(self, when):
        self.now = min(when, self.limit)
        return self.now

    def advance(self, **delta):
        return self.set(self() + timedelta(**delta))


@contextmanager
def replaying(clock):
    """Make ``clock`` the time every service reads (``django.utils.timezone.now``)."""
    with mock.patch.object(timezone, "now", clock):
        yield clock


def _assessed(item):
    return item.completion_rule in (CompletionRule.ON_SCORE, CompletionRule.ON_PASS)


def by_quiz(item):
    return Source.QUIZ in item.trusted_sources


def by_activity(item):
    """Whether only an activity the demo cannot play (H5P, SCORM, xAPI) completes ``item``."""
    return bool(item.trusted_sources) and not by_quiz(item)


class History:
    """Plays learners' actions on lessons (:class:`~lms.models.CourseItem`) at the clock's time."""

    def __init__(self, rng, clock=None):
        self.rng = rng
        self.clock = clock or Clock()
        self._quizzes = {}

    def complete(self, learner, item, *, language, skill=0.8):
        """``learner`` completes ``item`` (a quiz: attempts until one passes).

        Returns the quiz attempts made (none for other lessons).
        """
        if by_quiz(item):
            return self.pass_quiz(learner, item, language=language, skill=skill)
        seconds = self.rng.randint(12, 35) * 60
        if not by_activity(item):
            services.record_learning(
                learner, item.uuid, Verb.MARKED_COMPLETE, time_spent=seconds, item=item
            )
        elif _assessed(item):
            services.record_learning(
                learner,
                item.uuid,
                Verb.SCORED,
                score=round(self.rng.uniform(max(item.min_score or 0.0, 0.8), 1.0), 2),
                passed=True,
                time_spent=seconds,
                source=Source.SYSTEM,
                item=item,
            )
        else:
            services.record_learning(
                learner,
                item.uuid,
                Verb.MARKED_COMPLETE,
                time_spent=seconds,
                source=Source.SYSTEM,
                item=item,
            )
        return []

    def start(self, learner, item):
        """``learner`` opens ``item`` and reads part of it (a quiz or an activity: opens it)."""
        if item.trusted_sources or _assessed(item):
            services.record_learning(learner, item.uuid, Verb.VIEWED, time_spent=120, item=item)
            return
        services.record_learning(
            learner,
            item.uuid,
            Verb.PROGRESSED,
            progress=round(self.rng.uniform(0.2, 0.8), 2),
            time_spent=self.rng.randint(4, 15) * 60,
            item=item,
        )

    def pass_quiz(self, learner, item, *, language, skill):
        """Attempts at ``item``'s quiz until one passes; the last one allowed always does."""
        allowed = self.quiz_of(item).value["attempts_allowed"] or 3
        attempts = []
        for number in range(1, allowed + 1):
            if number > 1:  # days later, leaving time for the attempts still to come
                gap = timedelta(days=self.rng.randint(1, 6), minutes=self.rng.randint(0, 600))
                room = (self.clock.limit - self.clock()) / (allowed - number + 2)
                self.clock.set(self.clock() + min(gap, room))
            attempt = self.take_quiz(
                learner, item, language=language, skill=skill, sure=number == allowed
            )
            attempts.append(attempt)
            if attempt.passed:
                break
            skill = min(1.0, skill + 0.15)  # they read the lessons again
        return attempts

    def fail_quiz(self, learner, item, *, language):
        """One attempt at ``item``'s quiz that does not pass (a third of the answers right)."""
        return self.take_quiz(learner, item, language=language, skill=1.0, fail=True)

    def take_quiz(self, learner, item, *, language, skill, sure=False, fail=False):
        """One attempt at ``item``'s quiz, started and submitted as the quiz pages do.

        Each answer is right with probability ``skill``; ``sure`` answers all
        right, ``fail`` only the first third.
        """
        quiz = self.quiz_of(item)
        # Questions are served in the language of the course, as the learner reads it.
        with translation.override(language):
            settings, content = serving.new_attempt(quiz, self.rng)
        attempt = services.start_attempt(
            learner,
            item.uuid,
            content,
            time_limit_seconds=settings["time_limit_seconds"],
            attempts_allowed=settings["attempts_allowed"],
        )
        self.clock.advance(minutes=self.rng.randint(6, 18), seconds=self.rng.randint(0, 59))
        questions = serving.load_questions(attempt.content)
        if fail:
            rights = [index < len(questions) // 3 for index in range(len(questions))]
        else:
            rights = [sure or self.rng.random() < skill for _question in questions]
        answers = [
            graded_answer(question, answer(question, right, self.rng))
            for question, right in zip(questions, rights, strict=True)
        ]
        attempt, _result = services.submit_attempt(
            attempt, answers, pass_mark=settings["pass_mark"]
        )
        return attempt

    def quiz_of(self, item):
        """The quiz block of ``item``'s lesson page (read once per lesson)."""
        if item.uuid not in self._quizzes:
            self._quizzes[item.uuid] = LessonPage.objects.get(lesson_uuid=item.uuid).quiz_block
        return self._quizzes[item.uuid]


def answer(question_item, right, rng):
    """A right or wrong answer to one served question, as :func:`quizzes.serving.read_answer`
    reads one from the quiz form."""
    question = question_item["question"]
    options = question_item["options"]
    kind = question.kind
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        correct = [option.pk for option in options if option.is_correct]
        wrong = [option.pk for option in options if not option.is_correct]
        if right or not wrong:
            return correct if kind == Question.Kind.MULTIPLE else correct[:1]
        return [rng.choice(wrong)]
    if kind == Question.Kind.TRUE_FALSE:
        return "true" if question.true_is_correct == right else "false"
    if kind == Question.Kind.MATCHING:
        ids = [option.pk for option in options]
        shift = 0 if right or len(ids) < 2 else 1
        return {str(pk): ids[(index + shift) % len(ids)] for index, pk in enumerate(ids)}
    if kind == Question.Kind.ORDERING:
        ids = [option.pk for option in question.options.all()]  # the authored, right order
        return ids if right else list(reversed(ids))
    if kind == Question.Kind.SHORT_TEXT:
        accepted = [option.text for option in options]
        return accepted[0] if right and accepted else ""
    if kind == Question.Kind.NUMERIC:
        value = question.numeric_answer or 0
        return str(value if right else value + question.numeric_tolerance + 7)
    return ""
