"""Competency frameworks that module packs register, mapped to lessons, and learners' profiles.

A framework is a tree of competencies (for VET: occupational standard →
units → learning outcomes → assessment criteria). Competencies are mapped to
lessons; when a learner completes a mapped lesson (``lms.signals.lesson_completed``)
the competency records the evidence, so the learner's profile fills in as
they learn.
"""
