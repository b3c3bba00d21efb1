"""Why the recording service refuses: each a PermissionDenied or ValidationError a view can show."""

from django.core.exceptions import PermissionDenied, ValidationError


class NotEnrolled(PermissionDenied):
    """The learner is not enrolled in the course that holds this lesson."""


class UnknownLesson(ValidationError):
    """No active lesson has this UUID."""


class Locked(PermissionDenied):
    """The lesson's module waits for other modules; ``required`` names them."""

    def __init__(self, message, required=()):
        super().__init__(message)
        self.required = list(required)


class PrerequisitesNotMet(PermissionDenied):
    """The course needs other courses completed first; ``required`` names them."""

    def __init__(self, message, required=()):
        super().__init__(message)
        self.required = list(required)


class UntrustedSource(PermissionDenied):
    """The lesson's completion rule does not let this source score, pass or complete it."""


class AttemptRefused(PermissionDenied):
    """No (further) attempt is allowed, or the attempt was already submitted."""


class NotOpen(PermissionDenied):
    """The course has no live lesson yet: nobody may enrol themself in it."""
