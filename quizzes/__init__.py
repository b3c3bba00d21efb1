"""Quizzes: a question bank edited as snippets, a quiz block for lessons, server-side scoring.

Questions are content; attempts and answers are learner records and live in
:mod:`lms` (:func:`lms.services.start_attempt`, :func:`lms.services.submit_attempt`).
Correct answers never reach the browser before an attempt is submitted.
"""
