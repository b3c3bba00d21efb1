"""A learner's own work in the pack's blocks (IEPs, checklists, reflections): downloaded, erased.

Registered in :data:`accounts.privacy.personal_data` (found by
:func:`accounts.privacy.autodiscover`). The work is free text about real
classes and children, counted nowhere: erasure deletes it.
"""

from accounts.privacy import DELETE, personal_data

from .models import LearnerWork

personal_data.register(
    LearnerWork,
    "learner",
    export=["lesson_uuid", "block_id", "kind", "data", "updated_at"],
    erase=DELETE,
)
