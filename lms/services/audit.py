"""Notes in Wagtail's audit trail about learners' records that someone else changed."""

from wagtail.log_actions import log


def log_enrolment(enrolment, *, user=None, action="lms.enrol"):
    """Note in the audit trail that someone other than the learner enrolled them (or not).

    The user defaults to the one of Wagtail's log context (the admin request).
    """
    log(
        enrolment,
        action,
        user=user,
        title=f"{enrolment.course.title} (#{enrolment.learner_id})",
        data={
            "learner": enrolment.learner_id,
            "course": enrolment.course_id,
            "method": enrolment.method,
        },
    )
