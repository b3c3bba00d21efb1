"""Course content as Wagtail pages: catalogue, course, module and lesson.

Authoring uses Wagtail's own drafts, revisions, previews, workflows and
permissions. Learner records live in :mod:`lms`; this app tells lms about
lesson structure (:mod:`courses.structure`) and reports learning through
:func:`lms.services.record_learning`.
"""
