"""What the H5P app keeps about a person, for their data download and erasure.

The player's statements and the attempts they make are learning records in
lms (``lms/privacy.py``); here are the saved states ("resume where I left
off"), which served only the learner, and the activities an editor uploaded.
"""

from accounts.privacy import DELETE, keep, personal_data

from .models import H5PActivity, H5PUserData

personal_data.register(
    H5PUserData,
    "learner",
    export=["activity__title", "data_type", "sub_content_id", "data", "updated_at"],
    erase=DELETE,
)
personal_data.register(
    H5PActivity,
    "uploaded_by",
    export=["title", "uploaded_at"],
    erase=keep("an editor's own work, used in lessons others take"),
)
