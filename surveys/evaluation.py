"""The course evaluation's questions: one short form for every course."""

from django.utils.translation import gettext_lazy as _

# field name → question; every rating is 1 (strongly disagree) to 5 (strongly agree).
RATING_QUESTIONS = [
    ("relevance", _("The course was relevant to my work.")),
    ("clarity", _("The lessons were clear and well organised.")),
    ("practice", _("I can use what I learned in my classroom.")),
    ("workload", _("The time the course took was reasonable.")),
    ("overall", _("Overall, I am satisfied with the course.")),
]

SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]

# Fewer answers than this from one cohort are not shown apart: they could be recognised.
MIN_GROUP_SIZE = 3
