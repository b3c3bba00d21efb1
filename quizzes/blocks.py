"""The quiz block for lesson bodies."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

REVIEW_CHOICES = [
    ("correctness", _("Whether each answer is right")),
    ("feedback", _("Feedback")),
    ("right_answer", _("The right answers")),
]


class QuizBlock(blocks.StructBlock):
    """A quiz drawn from the question bank: fixed questions and/or N at random from a category."""

    title = blocks.CharBlock(label=_("Title"), max_length=255)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(
        SnippetChooserBlock("quizzes.Question"), label=_("Fixed questions"), default=[]
    )
    category = SnippetChooserBlock(
        "quizzes.QuestionCategory", label=_("Random questions from"), required=False
    )
    random_count = blocks.IntegerBlock(
        label=_("How many random questions"), min_value=0, default=0, required=False
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=0, max_value=100, default=70
    )
    attempts_allowed = blocks.IntegerBlock(
        label=_("Attempts allowed"), min_value=0, default=0, help_text=_("0 for unlimited.")
    )
    time_limit_minutes = blocks.IntegerBlock(
        label=_("Time limit (minutes)"), min_value=0, default=0, help_text=_("0 for none.")
    )
    shuffle_questions = blocks.BooleanBlock(label=_("Shuffle questions"), required=False)
    shuffle_options = blocks.BooleanBlock(label=_("Shuffle options"), required=False, default=True)
    # What a learner sees of an attempt, as Moodle's review options: after an
    # attempt while attempts remain, and once the quiz is passed or out of attempts.
    review_while_open = blocks.MultipleChoiceBlock(
        label=_("Show after each attempt"),
        choices=REVIEW_CHOICES,
        default=["correctness", "feedback"],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("While the learner has attempts left and has not passed."),
    )
    review_when_closed = blocks.MultipleChoiceBlock(
        label=_("Show once passed or out of attempts"),
        choices=REVIEW_CHOICES,
        default=["correctness", "feedback", "right_answer"],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("After the attempt that passes the quiz or uses the last attempt, and later."),
    )

    def completion_source(self, value, *, assessed):
        """A lesson with a quiz is completed by it, never by "Mark as complete".

        An assessed lesson completes on the quiz's pass (or the lesson's minimum
        score); any other lesson once an attempt is submitted.
        """
        return "quiz"

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "quizzes/quiz_block.html"

    def clean(self, value):
        value = super().clean(value)
        has_random = value.get("category") and value.get("random_count")
        if not value.get("questions") and not has_random:
            raise blocks.StructBlockValidationError(
                non_block_errors=[
                    _("Choose questions, or a category and how many to draw from it.")
                ]
            )
        return value

    def get_context(self, value, parent_context=None):
        from lms.models import QUIZ, Attempt

        context = super().get_context(value, parent_context)
        request = context.get("request")
        page = context.get("page")
        attempts = []
        if request is not None and request.user.is_authenticated and page is not None:
            attempts = list(
                Attempt.objects.filter(
                    learner=request.user,
                    item_id=getattr(page, "lesson_uuid", None),
                    activity=QUIZ,
                ).order_by("number")
            )
        finished = [attempt for attempt in attempts if attempt.is_submitted]
        allowed = value["attempts_allowed"]
        context.update(
            {
                "attempts": finished,
                "open_attempt": next((a for a in attempts if not a.is_submitted), None),
                "best": max((a.score or 0 for a in finished), default=None),
                "attempts_left": None if not allowed else max(0, allowed - len(finished)),
                "question_count": len(value["questions"]) + (value["random_count"] or 0),
            }
        )
        return context
