"""The VET pack's starter course and its competence-based framework, built idempotently."""

from django.utils.translation import gettext_noop

from courses.starter import build_course

from . import starter

COURSE = "competence-based-training"


def _criterion(code, title, *lessons):
    return {
        "code": code,
        "kind": "criterion",
        "title": title,
        "lessons": [f"{COURSE}/{lesson}" for lesson in lessons],
    }


FRAMEWORK = {
    "slug": "vet-instructor-standard",
    "name": gettext_noop("VET instructor: competence-based teaching and assessment"),
    "description": gettext_noop(
        "An occupational standard for instructors at VET providers, broken into units, "
        "learning outcomes and assessment criteria, each criterion built by a lesson."
    ),
    "competencies": [
        {
            "code": "S",
            "kind": "standard",
            "title": gettext_noop("VET instructor (competence-based training)"),
            "children": [
                {
                    "code": "U1",
                    "kind": "unit",
                    "title": gettext_noop("Plan competence-based training"),
                    "children": [
                        {
                            "code": "U1.LO1",
                            "kind": "outcome",
                            "title": gettext_noop("Interpret an occupational standard"),
                            "children": [
                                _criterion(
                                    "U1.LO1.AC1",
                                    gettext_noop(
                                        "Explains what competence-based training is and why "
                                        "the VET reform moves towards it"
                                    ),
                                    "what-is-competence-based-training",
                                    "vet-reform-in-azerbaijan",
                                ),
                                _criterion(
                                    "U1.LO1.AC2",
                                    gettext_noop(
                                        "Traces a standard's units to learning outcomes and "
                                        "assessment criteria"
                                    ),
                                    "standards-to-assessment-criteria",
                                ),
                            ],
                        },
                        {
                            "code": "U1.LO2",
                            "kind": "outcome",
                            "title": gettext_noop("Plan a session from learning outcomes"),
                            "children": [
                                _criterion(
                                    "U1.LO2.AC1",
                                    gettext_noop(
                                        "Writes a session plan with practice in realistic conditions"
                                    ),
                                    "planning-a-session",
                                ),
                            ],
                        },
                    ],
                },
                {
                    "code": "U2",
                    "kind": "unit",
                    "title": gettext_noop("Deliver training with employers and for every learner"),
                    "children": [
                        {
                            "code": "U2.LO1",
                            "kind": "outcome",
                            "title": gettext_noop("Organise learning in the workplace"),
                            "children": [
                                _criterion(
                                    "U2.LO1.AC1",
                                    gettext_noop(
                                        "Agrees tasks, supervision and feedback with an employer"
                                    ),
                                    "workplace-learning-and-employers",
                                ),
                            ],
                        },
                        {
                            "code": "U2.LO2",
                            "kind": "outcome",
                            "title": gettext_noop("Include learners with different needs"),
                            "children": [
                                _criterion(
                                    "U2.LO2.AC1",
                                    gettext_noop(
                                        "Adapts practice and assessment without lowering the standard"
                                    ),
                                    "inclusive-practice-in-vet",
                                ),
                            ],
                        },
                    ],
                },
                {
                    "code": "U3",
                    "kind": "unit",
                    "title": gettext_noop("Assess competence and assure quality"),
                    "children": [
                        {
                            "code": "U3.LO1",
                            "kind": "outcome",
                            "title": gettext_noop("Assess against the assessment criteria"),
                            "children": [
                                _criterion(
                                    "U3.LO1.AC1",
                                    gettext_noop("Gathers evidence by observing real tasks safely"),
                                    "assessing-competence",
                                ),
                                _criterion(
                                    "U3.LO1.AC2",
                                    gettext_noop("Makes fair, recorded decisions from a portfolio"),
                                    "portfolios-and-fair-decisions",
                                ),
                            ],
                        },
                        {
                            "code": "U3.LO2",
                            "kind": "outcome",
                            "title": gettext_noop("Take part in the provider's quality assurance"),
                            "children": [
                                _criterion(
                                    "U3.LO2.AC1",
                                    gettext_noop(
                                        "Uses learner and employer feedback to improve a programme"
                                    ),
                                    "quality-assurance-in-a-vet-provider",
                                ),
                            ],
                        },
                    ],
                },
            ],
        }
    ],
}


def build_starter_content(catalogue, stdout=None):
    from competencies.loading import build_framework

    for data in starter.COURSES:
        build_course(catalogue, data)
    framework, missing = build_framework(FRAMEWORK, pack="vet")
    if missing and stdout is not None:
        stdout.write(f"{framework.name}: lessons not found: {', '.join(missing)}")
    return framework
