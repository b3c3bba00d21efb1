"""A learner's evaluation receipts in their data download; erasure keeps them.

Registered in :data:`accounts.privacy.personal_data` (found by
:func:`accounts.privacy.autodiscover`). The answers themselves were stored
without the learner, so they are nobody's personal data.
"""

from accounts.privacy import keep, personal_data

from .models import EvaluationReceipt

personal_data.register(
    EvaluationReceipt,
    "learner",
    export=["course__title"],
    erase=keep("only says that the course's evaluation was answered: no answers, no time"),
)
