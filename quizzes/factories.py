"""Test-data factories for the question bank, kept as public code for sites' own tests.

``QuestionFactory(kind="single", options=[("Yes", True), ("No", False)])``
builds a question with its options; for matching give ``(text, match)`` pairs,
for ordering the items in their right order, for short text the accepted
answers.
"""

import factory

from .models import Question, QuestionCategory, QuestionOption


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory

    name = factory.Sequence(lambda n: f"Topic {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    category = factory.SubFactory(QuestionCategoryFactory)
    kind = Question.Kind.SINGLE
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    feedback_correct = "Well done."
    feedback_incorrect = "Look again at the lesson."

    @factory.post_generation
    def options(question, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for index, spec in enumerate(extracted):
            if question.kind == Question.Kind.MATCHING:
                text, match = spec
                option = QuestionOption(text=text, match=match)
            elif question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
                text, correct = spec
                option = QuestionOption(text=text, is_correct=correct)
            else:
                option = QuestionOption(text=spec, is_correct=True)
            option.question = question
            option.sort_order = index
            option.save()
