"""What the SCORM app keeps about a person: the packages an editor uploaded.

A learner's SCO attempts are learning records in lms (``lms/privacy.py``).
"""

from accounts.privacy import keep, personal_data

from .models import ScormPackage

personal_data.register(
    ScormPackage,
    "uploaded_by",
    export=["title", "uploaded_at"],
    erase=keep("an editor's own work, used in lessons others take"),
)
