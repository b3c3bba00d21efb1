"""A learner's competency evidence in their data download; erasure keeps it.

Registered in :data:`accounts.privacy.personal_data` (found by
:func:`accounts.privacy.autodiscover`).
"""

from accounts.privacy import keep, personal_data

from .models import Evidence

personal_data.register(
    Evidence,
    "learner",
    export=[
        "competency__framework__name",
        "competency__code",
        "competency__title",
        "lesson_uuid",
        "recorded_at",
    ],
    erase=keep(
        "follows the completed lessons that programme totals count; holds no name or free text"
    ),
)
