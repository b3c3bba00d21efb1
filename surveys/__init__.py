"""Course evaluations (quality assurance) and community surveys.

- A learner who has completed a course answers its short evaluation once.
  The answers are stored without the learner (:class:`~.models.EvaluationResponse`);
  a separate :class:`~.models.EvaluationReceipt` only says that they answered,
  so trainers see aggregates per course and cohort, never a person's answers.
- A :class:`~.models.CommunitySurveyPage` is a Wagtail form-builder page with
  respondent groups, a target count per group, progress toward the targets
  and results by group.
"""
