"""Learning records: enrolments, progress, sessions and completion.

``lms`` owns every learner record and knows nothing about how content is
stored. Content apps describe their lessons to it (:mod:`lms.structure`) and
report what a learner did through one service (:mod:`lms.services`)::

    from lms import services
    from lms.models import Verb

    services.enrol(learner, course_page)
    result = services.record_learning(learner, lesson_uuid, Verb.MARKED_COMPLETE)
    result.course_completed_now  # True the moment the last required lesson is done
"""
