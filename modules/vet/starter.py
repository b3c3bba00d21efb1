"""Starter content of the VET pack: a course for VET instructors on competence-based training."""

from __future__ import annotations

COURSES = [
    {
        "slug": "competence-based-training",
        "title": "Competence-based training and assessment for VET instructors",
        "programme": "vet",
        "audience": "vet_instructors",
        "language": "en",
        "cpd_hours": 6,
        "duration_minutes": 300,
        "summary": (
            "A practical course for instructors in vocational education and training: "
            "how to plan, teach and assess so that learners leave able to do the job "
            "to the standard employers expect."
        ),
        "intro": (
            "<p>Azerbaijan is modernising its vocational education and training (VET) "
            "system. With support from the European Union, the State Agency on "
            "Vocational Education is working with VET providers to introduce "
            "innovation, modernise workshops and equipment, and build the capacity of "
            "staff, so that institutions deliver competence-based training suited to "
            "the needs of the labour market.</p>"
            "<p>For an instructor, competence-based training changes the central "
            "question. It is no longer 'Have I covered the syllabus?' but 'Can each "
            "learner now do the work, to the required standard, in conditions like a "
            "real workplace?' This course walks through what that means in practice: "
            "reading an occupational standard, planning a session, working with "
            "employers, assessing fairly, including every learner and taking part in "
            "your provider's quality assurance.</p>"
            "<p>Each lesson takes about half an hour and ends with a task you can carry "
            "out with your own group and programme. Examples come from several trades; "
            "translate them to your own occupation as you go.</p>"
        ),
        "learning_outcomes": [
            "Explain what competence-based training is and why Azerbaijan's VET reform "
            "is moving towards it.",
            "Trace the path from an occupational standard to units, learning outcomes "
            "and assessment criteria for your own programme.",
            "Plan and deliver a competence-based session built around demonstration, "
            "practice and feedback.",
            "Organise workplace learning in partnership with employers.",
            "Assess competence fairly, using valid, sufficient, authentic and current "
            "evidence from observation, questioning and portfolios.",
            "Make training and assessment accessible to all learners and contribute to "
            "quality assurance in your provider.",
        ],
        "modules": [
            {
                "slug": "understanding-cbt",
                "title": "Understanding competence-based training",
                "summary": (
                    "What competence-based training is, why the reform needs it and how "
                    "standards become assessable outcomes."
                ),
                "lessons": [
                    {
                        "slug": "what-is-competence-based-training",
                        "title": "What competence-based training is",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>A competence is the ability to apply knowledge, "
                                    "skills and attitudes to carry out a work task to "
                                    "the standard expected in employment. A competent "
                                    "cook does not just know the temperature at which "
                                    "chicken is safe; she checks it every time, under "
                                    "pressure, during a busy service, and keeps the "
                                    "kitchen clean while doing so.</p>"
                                    "<p>Competence-based training (CBT) organises "
                                    "teaching, learning and assessment around such "
                                    "competences. It starts from what the workplace "
                                    "needs and works backwards to what learners must "
                                    "practise.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "How it differs from traditional training",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Starting point</strong>: traditional "
                                    "courses start from subjects and textbooks; CBT "
                                    "starts from occupational standards that describe "
                                    "real work.</li>"
                                    "<li><strong>Focus</strong>: from what the "
                                    "instructor teaches to what the learner can "
                                    "do.</li>"
                                    "<li><strong>Time</strong>: from fixed hours for "
                                    "everyone to progress when competence is shown, "
                                    "as far as the programme allows.</li>"
                                    "<li><strong>Assessment</strong>: from marks and "
                                    "averages on written tests to a judgement of "
                                    "'competent' or 'not yet competent' against clear "
                                    "criteria, based mostly on performance.</li>"
                                    "<li><strong>Setting</strong>: from the classroom "
                                    "to realistic workshops and real "
                                    "workplaces.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Knowledge still matters", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>CBT is sometimes misread as 'practical only'. "
                                    "In fact underpinning knowledge, such as safety "
                                    "rules, materials science, calculations or "
                                    "regulations, is part of every competence. The "
                                    "difference is that knowledge is taught and "
                                    "assessed because the work needs it, and as close "
                                    "as possible to the task where it is used.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "An electrical installation group in Gəncə",
                                    "body": (
                                        "<p>An instructor in Gəncə used to teach a "
                                        "month of electrical theory before learners "
                                        "touched a cable. In the competence-based "
                                        "programme, the first week starts with a real "
                                        "task: wiring a lighting circuit on a training "
                                        "board. Ohm's law, cable sizing and safe "
                                        "isolation are taught as learners need them "
                                        "for the task. Learners ask more questions, "
                                        "because the theory now answers a problem in "
                                        "front of them.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Task",
                                    "body": (
                                        "<p>Write down three tasks a newly qualified "
                                        "worker in your occupation does in a typical "
                                        "day. For each, note the knowledge it needs. "
                                        "Compare the list with the order of topics in "
                                        "your current programme.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "vet-reform-in-azerbaijan",
                        "title": "Why Azerbaijan's VET reform moves to competence",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Employers need workers who can do the job from "
                                    "the first day, using current equipment and "
                                    "methods. Young people need qualifications that "
                                    "lead to work. A VET system that teaches from old "
                                    "syllabuses on old equipment serves neither. "
                                    "That is why the reform of vocational education "
                                    "in Azerbaijan aims at training that is both "
                                    "competence-based and suited to the needs of the "
                                    "labour market.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The State Agency and the reform", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The State Agency on Vocational Education leads "
                                    "the creation of a coherent national VET system, "
                                    "covering institution building, system development "
                                    "and system delivery. The EU-funded project 'VET "
                                    "for the future: development of VET providers' "
                                    "excellence in Azerbaijan' supports this work with "
                                    "three pillars:</p>"
                                    "<ol>"
                                    "<li>introducing innovation in selected VET "
                                    "providers;</li>"
                                    "<li>modernising infrastructure and equipment in "
                                    "those providers;</li>"
                                    "<li>developing the capacity of VET providers "
                                    "across the country.</li>"
                                    "</ol>"
                                    "<p>Alongside these, the project helps the Agency "
                                    "to develop and test a competitive financing "
                                    "mechanism (small grants) for VET providers, to "
                                    "carry out a communication strategy on VET reform, "
                                    "and to run pilot actions that engage young people "
                                    "in VET.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "What it means for instructors", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>New workshops and equipment only raise quality "
                                    "if teaching changes too. Capacity development is "
                                    "therefore a pillar in its own right. For you it "
                                    "means working from standards rather than "
                                    "textbooks, spending more time coaching practice "
                                    "and less time lecturing, assessing performance "
                                    "rather than recall, and keeping in touch with "
                                    "employers so that training keeps pace with the "
                                    "workplace. Small grants and innovation "
                                    "projects also give instructors a chance to "
                                    "propose improvements of their own.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "Attracting young people",
                                    "body": (
                                        "<p>The reform also works to change how young "
                                        "people and their families see VET. Every "
                                        "learner who finds good work after your "
                                        "programme is an argument for vocational "
                                        "education in the community. Keep in touch with "
                                        "former learners and invite them back to talk "
                                        "to new groups.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Questions to discuss",
                                    "items": [
                                        {
                                            "title": "Labour-market signals",
                                            "body": (
                                                "<p>How do you currently learn what "
                                                "employers in your region need? Which "
                                                "source is most reliable: visits, "
                                                "former learners, job advertisements, "
                                                "employer meetings?</p>"
                                            ),
                                        },
                                        {
                                            "title": "An idea for a small grant",
                                            "body": (
                                                "<p>If your provider could apply for a "
                                                "small grant, what one change would "
                                                "improve training in your occupation "
                                                "most, and how would you show it had "
                                                "worked?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "standards-to-assessment-criteria",
                        "title": "From occupational standards to assessment criteria",
                        "minutes": 40,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Competence-based programmes are built as a "
                                    "chain. Each link is derived from the one before, "
                                    "so that what is assessed at the end is what the "
                                    "workplace needs at the start. If you understand "
                                    "the chain, you can read any programme and check "
                                    "that your teaching and assessment really serve "
                                    "it.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The chain", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol>"
                                    "<li><strong>Occupational standard</strong>: "
                                    "describes the main functions and tasks of an "
                                    "occupation and the standard to which they must be "
                                    "performed. It is developed with employers and "
                                    "experienced workers.</li>"
                                    "<li><strong>Units</strong>: the standard is "
                                    "grouped into units of competence, each a "
                                    "coherent piece of work that can be learned and "
                                    "assessed, such as 'prepare hot dishes' or "
                                    "'install a lighting circuit'.</li>"
                                    "<li><strong>Learning outcomes</strong>: "
                                    "statements of what the learner will be able to "
                                    "do after learning, each starting with an action "
                                    "verb: 'select', 'measure', 'install', "
                                    "'test'.</li>"
                                    "<li><strong>Assessment criteria</strong>: the "
                                    "observable standard that shows an outcome has "
                                    "been achieved, including any conditions, "
                                    "tolerances or safety requirements.</li>"
                                    "</ol>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "A worked example", "level": "h3"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Occupation: cook. Unit: prepare and cook "
                                    "poultry dishes. One learning outcome: 'Cook "
                                    "poultry safely using different methods.' Its "
                                    "assessment criteria might include: selects the "
                                    "method suited to the cut and the dish; checks "
                                    "the core temperature with a probe thermometer "
                                    "and records it; keeps raw and cooked products "
                                    "apart; presents the dish within the set time. "
                                    "Each criterion can be observed or checked, so two "
                                    "assessors watching the same learner should reach "
                                    "the same decision.</p>"
                                ),
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Glossary",
                                    "items": [
                                        {
                                            "title": "Competence",
                                            "body": (
                                                "<p>The proven ability to use "
                                                "knowledge, skills and attitudes in work "
                                                "situations to the required "
                                                "standard.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Underpinning knowledge",
                                            "body": (
                                                "<p>The facts, principles and rules a "
                                                "worker must understand to perform a "
                                                "task correctly and safely.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Performance criteria",
                                            "body": (
                                                "<p>Another common name for assessment "
                                                "criteria describing the quality of "
                                                "performance required.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Task",
                                    "body": (
                                        "<p>Take one unit from your programme. Check "
                                        "that every learning outcome starts with an "
                                        "observable action and that every assessment "
                                        "criterion could be checked by a colleague "
                                        "without asking you what you meant. Rewrite one "
                                        "that fails the test.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "teaching-for-competence",
                "title": "Teaching for competence",
                "summary": (
                    "Planning sessions, learning in the workplace and making training "
                    "accessible to every learner."
                ),
                "lessons": [
                    {
                        "slug": "planning-a-session",
                        "title": "Planning a competence-based session",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>A competence-based session is planned from "
                                    "the learning outcome, not from the textbook "
                                    "chapter. Most of the time should go to learners "
                                    "doing the task, with the instructor coaching, "
                                    "rather than to learners listening.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "A structure that works", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol>"
                                    "<li><strong>Set the goal</strong>: state the "
                                    "outcome and show what a finished, correct piece "
                                    "of work looks like.</li>"
                                    "<li><strong>Connect</strong>: link to the "
                                    "workplace and to what learners already "
                                    "know.</li>"
                                    "<li><strong>Explain and demonstrate</strong>: "
                                    "show the task at normal speed, then slowly, step "
                                    "by step, naming the key points and the safety "
                                    "checks.</li>"
                                    "<li><strong>Guided practice</strong>: learners "
                                    "try the task while you observe, correct and "
                                    "question.</li>"
                                    "<li><strong>Independent practice</strong>: "
                                    "learners repeat the task to the standard, with "
                                    "less help each time.</li>"
                                    "<li><strong>Review</strong>: learners check their "
                                    "work against the criteria; you give feedback and "
                                    "record progress.</li>"
                                    "</ol>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Before the session", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Check that tools, materials and personal "
                                    "protective equipment are ready for the whole "
                                    "group, that the workshop is safe and that the "
                                    "task can be completed in the time. Plan what "
                                    "faster learners will do next (a more complex "
                                    "variant of the task) and how you will support "
                                    "learners who struggle (a job card with "
                                    "photographs of each step, a partner, a repeat "
                                    "demonstration). Decide what evidence of progress "
                                    "you will record.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "Brake pads in a Sumqayıt workshop",
                                    "body": (
                                        "<p>A motor vehicle instructor in Sumqayıt has "
                                        "a 90-minute session and four training cars. "
                                        "He spends ten minutes on the goal and a "
                                        "demonstration of replacing front brake pads, "
                                        "then splits the group into four teams with a "
                                        "job card at each car. He moves between teams, "
                                        "asking 'Why do you check the disc thickness?' "
                                        "Each learner completes one side under "
                                        "observation. The last fifteen minutes are a "
                                        "review: each team checks its work against the "
                                        "criteria and names one thing to improve.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Task",
                                    "body": (
                                        "<p>Plan your next practical session using the "
                                        "six steps. Estimate the minutes for each step "
                                        "and aim for at least half the time on learner "
                                        "practice.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "workplace-learning-and-employers",
                        "title": "Workplace learning and working with employers",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>However good a training workshop is, it is "
                                    "not a real workplace. Real work brings customers, "
                                    "deadlines, teamwork, the latest equipment and "
                                    "the standards of people who are paid to do the "
                                    "job. Learning in the workplace is therefore a "
                                    "core part of competence-based training, not an "
                                    "extra at the end.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Making a placement work", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>A written agreement</strong> between "
                                    "the provider, the employer and the learner: "
                                    "dates, hours, tasks, safety, insurance and who to "
                                    "contact.</li>"
                                    "<li><strong>A named workplace mentor</strong> who "
                                    "knows the learning outcomes and has time to "
                                    "guide the learner.</li>"
                                    "<li><strong>A plan of tasks</strong> linked to "
                                    "units of the programme, so that the placement "
                                    "covers what the learner still needs to "
                                    "practise.</li>"
                                    "<li><strong>A logbook or workbook</strong> in "
                                    "which the learner records tasks and the mentor "
                                    "signs them off.</li>"
                                    "<li><strong>Visits or calls</strong> by the "
                                    "instructor to check progress and solve problems "
                                    "early.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Employers as partners", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Employers can do much more than host "
                                    "placements. They can help develop occupational "
                                    "standards and programmes, lend or advise on "
                                    "equipment, give guest sessions, take part in "
                                    "final assessments and tell you where your "
                                    "graduates are strong or weak. Treat the "
                                    "relationship as a partnership: ask what they need, "
                                    "keep your promises, and thank them publicly.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A hotel kitchen in Quba",
                                    "body": (
                                        "<p>A cookery instructor in Quba agreed with a "
                                        "local hotel that two learners at a time would "
                                        "spend four weeks in its kitchen. The head chef "
                                        "received the list of units the learners still "
                                        "needed and signed their logbooks each week. "
                                        "After the first year the chef suggested adding "
                                        "regional dishes to the programme, and the "
                                        "provider now invites him to its final practical "
                                        "assessments.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Task",
                                    "body": (
                                        "<p>List the employers in your area that hire "
                                        "people in your occupation. Choose one you do "
                                        "not yet work with and plan a first visit: what "
                                        "will you offer, and what will you ask?</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "inclusive-practice-in-vet",
                        "title": "Inclusive practice in VET",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Vocational education can open the door to "
                                    "work and independence for young people who are "
                                    "often left out: learners with disabilities, "
                                    "learners who left school early, and young women "
                                    "or men entering occupations where they are few. "
                                    "The UN Convention on the Rights of Persons with "
                                    "Disabilities, which Azerbaijan ratified in 2008, "
                                    "requires in article 24 that persons with "
                                    "disabilities can access vocational training, "
                                    "adult education and lifelong learning without "
                                    "discrimination and on an equal basis with "
                                    "others, and that reasonable accommodation is "
                                    "provided.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Same standard, different route", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>In CBT the standard of the competence does not "
                                    "change: a weld must hold, a circuit must be safe. "
                                    "What can change is how the learner reaches and "
                                    "shows it. Reasonable accommodations in VET "
                                    "include:</p>"
                                    "<ul>"
                                    "<li>job cards with photographs or pictograms, and "
                                    "instructions given one step at a time;</li>"
                                    "<li>written as well as spoken instructions for a "
                                    "learner with a hearing impairment, and visual "
                                    "signals in noisy workshops;</li>"
                                    "<li>adjusted workbenches, clear aisles and "
                                    "accessible toilets and entrances;</li>"
                                    "<li>adapted tool handles, jigs and magnifiers;</li>"
                                    "<li>more time for practice, and theory tested "
                                    "orally rather than in writing where reading is "
                                    "not part of the competence.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Look at the task, not the label", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Do not decide in advance which occupations "
                                    "suit which learners. Break the competence down "
                                    "into its tasks, talk with the learner about "
                                    "which tasks may be difficult, and look for "
                                    "adjustments together. Involve employers early so "
                                    "that workplace placements are accessible too. "
                                    "The inclusive education resource centres and "
                                    "specialist organisations can advise on assistive "
                                    "devices.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A computer repair learner in Bakı",
                                    "body": (
                                        "<p>A learner with a hearing impairment joined a "
                                        "computer hardware programme in Bakı. The "
                                        "instructor gave him printed step lists for "
                                        "each demonstration, stood where he could see "
                                        "her face when explaining, and agreed with the "
                                        "class to use a raised hand instead of shouting "
                                        "across the workshop. He passed every practical "
                                        "unit at the same standard as his group.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "assessment-and-quality",
                "title": "Assessment and quality",
                "summary": (
                    "Gathering evidence of competence, making fair decisions and "
                    "improving the quality of your provider."
                ),
                "lessons": [
                    {
                        "slug": "assessing-competence",
                        "title": "Assessing competence: evidence and observation",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Assessing competence means collecting enough "
                                    "evidence to judge, against the assessment "
                                    "criteria, whether a learner can perform to the "
                                    "standard. The result is not a mark out of ten but "
                                    "a decision: <strong>competent</strong> or "
                                    "<strong>not yet competent</strong>. 'Not yet' "
                                    "matters: it tells the learner what to practise "
                                    "before trying again.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The rules of evidence", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Valid</strong>: the evidence shows "
                                    "the competence described in the unit, not "
                                    "something else. A written test about welding is "
                                    "not valid evidence that someone can weld.</li>"
                                    "<li><strong>Sufficient</strong>: there is enough "
                                    "of it, over time and in different situations, "
                                    "to be confident the performance is "
                                    "consistent.</li>"
                                    "<li><strong>Authentic</strong>: it is the "
                                    "learner's own work.</li>"
                                    "<li><strong>Current</strong>: it shows what the "
                                    "learner can do now, with today's methods and "
                                    "equipment.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Observation", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Observation of real or realistic work is the "
                                    "main assessment method in CBT. Use an observation "
                                    "checklist built from the assessment criteria, "
                                    "with space to note what you saw. Tell the "
                                    "learner in advance what will be assessed, under "
                                    "what conditions and how long they will have. "
                                    "During the task, observe without helping unless "
                                    "safety requires it. Afterwards, ask short "
                                    "questions to check underpinning knowledge, such "
                                    "as 'What would you do if the reading were "
                                    "higher?' Record the decision and give feedback "
                                    "straight away.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "Safety comes first",
                                    "body": (
                                        "<p>Stop any assessment at once if a learner "
                                        "acts unsafely. Working safely is part of every "
                                        "competence, so an unsafe performance is 'not "
                                        "yet competent', however good the finished "
                                        "product looks.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Task",
                                    "body": (
                                        "<p>Turn the assessment criteria of one unit "
                                        "into an observation checklist with columns "
                                        "for 'observed', 'not observed' and 'comments'. "
                                        "Ask a colleague to use it while watching the "
                                        "same learner as you, and compare your "
                                        "decisions.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "portfolios-and-fair-decisions",
                        "title": "Portfolios, questioning and fair decisions",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Observation alone is rarely sufficient. Some "
                                    "tasks happen only occasionally, some take place "
                                    "in the workplace when you are not there, and "
                                    "some knowledge is best checked by asking. A good "
                                    "assessment plan combines several methods.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Other sources of evidence", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Portfolio</strong>: a collection of "
                                    "evidence gathered over time, such as photographs "
                                    "of finished work, job sheets, logbook entries "
                                    "signed by a workplace mentor and short "
                                    "reflections by the learner. Each item should "
                                    "say which criteria it covers.</li>"
                                    "<li><strong>Oral or written questions</strong> "
                                    "for underpinning knowledge, for example safety "
                                    "regulations or reasons for choosing a "
                                    "method.</li>"
                                    "<li><strong>Products</strong>: the finished item, "
                                    "checked against specifications and "
                                    "tolerances.</li>"
                                    "<li><strong>Third-party reports</strong> from "
                                    "employers or mentors.</li>"
                                    "<li><strong>Recognition of prior learning</strong>: "
                                    "evidence that an experienced worker already has "
                                    "the competence, so they need not repeat "
                                    "training.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Principles of fair assessment", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Assessment should be <strong>valid</strong> "
                                    "(it assesses what it claims to), "
                                    "<strong>reliable</strong> (different assessors "
                                    "reach the same decision on the same evidence), "
                                    "<strong>fair</strong> (no learner is "
                                    "disadvantaged by things unrelated to the "
                                    "competence, and reasonable adjustments are made) "
                                    "and <strong>flexible</strong> (it allows "
                                    "different ways and places of showing "
                                    "competence). Learners should know how to appeal "
                                    "against a decision. Regular moderation, in which "
                                    "instructors compare decisions on the same "
                                    "evidence, keeps standards consistent across "
                                    "groups.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A hairdressing portfolio in Şəki",
                                    "body": (
                                        "<p>Hairdressing learners in Şəki build a "
                                        "portfolio during their salon placement: before "
                                        "and after photographs taken with clients' "
                                        "consent, service records signed by the salon "
                                        "owner and short notes on each client's "
                                        "request. The instructor still observes two "
                                        "services herself, and uses the portfolio to "
                                        "confirm that the learner performs consistently "
                                        "with different clients.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "quality-assurance-in-a-vet-provider",
                        "title": "Quality assurance in a VET provider",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Quality assurance is the way a provider makes "
                                    "sure that its training does what it promises, and "
                                    "keeps improving. It is not a file of documents "
                                    "for inspectors; it is everyone's work, and "
                                    "instructors are at its centre because they see "
                                    "quality, or its absence, every day.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The quality cycle", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The European Quality Assurance Reference "
                                    "Framework for VET (EQAVET) describes quality "
                                    "assurance as a continuous cycle:</p>"
                                    "<ol>"
                                    "<li><strong>Planning</strong>: set clear goals, "
                                    "linked to labour-market needs and learner "
                                    "needs.</li>"
                                    "<li><strong>Implementation</strong>: deliver "
                                    "training with the staff, equipment and partners "
                                    "needed to reach those goals.</li>"
                                    "<li><strong>Evaluation</strong>: collect and "
                                    "analyse evidence of results.</li>"
                                    "<li><strong>Review</strong>: decide on changes "
                                    "and put them into the next plan.</li>"
                                    "</ol>"
                                    "<p>Universities in Azerbaijan are building "
                                    "internal quality assurance in line with European "
                                    "standards in the same spirit: a quality culture "
                                    "in which the institution checks and improves its "
                                    "own work rather than waiting to be checked.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "What an instructor contributes", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li>Keep accurate records of attendance, "
                                    "progress and assessment decisions.</li>"
                                    "<li>Collect learner feedback at the end of each "
                                    "unit, and act on it.</li>"
                                    "<li>Take part in moderation and peer "
                                    "observation.</li>"
                                    "<li>Ask employers how your graduates perform, and "
                                    "follow up where former learners found work.</li>"
                                    "<li>Report problems with equipment, materials or "
                                    "safety promptly, with a proposed solution.</li>"
                                    "<li>Keep your own occupational skills current, "
                                    "for example through time in industry.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Final task",
                                    "body": (
                                        "<p>Choose one indicator for your programme, "
                                        "such as the share of learners who complete, or "
                                        "employers' ratings of placements. Find this "
                                        "year's figure, set a realistic target for next "
                                        "year, and write down one change to your "
                                        "teaching that could help reach it.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
]
