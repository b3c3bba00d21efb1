"""Starter content of the inclusive-education pack: two courses drawn from the programme's source documents."""

from __future__ import annotations

COURSES = [
    # ------------------------------------------------------------------
    # Course 1: in-service teachers
    # ------------------------------------------------------------------
    {
        "slug": "inclusive-education-in-practice",
        "title": "Inclusive education in practice",
        "programme": "inclusive-education",
        "audience": "in_service",
        "language": "en",
        "cpd_hours": 6,
        "duration_minutes": 300,
        "summary": (
            "A practical course for serving teachers: what the right to inclusive "
            "education means for your own classroom, and how to plan, adapt, assess "
            "and work with families so that every child learns."
        ),
        "intro": (
            "<p>Azerbaijan is moving children with disabilities into regular schools. "
            "Of the 72,000 children with registered disabilities in the country, about "
            "54,000 are of school age, yet only around one in five of them is enrolled "
            "in any education programme, and until recently none had access to "
            "inclusive education. The State Programme on Development of Inclusive "
            "Education for 2018-2024 set out to change that, and it depends on "
            "teachers in ordinary schools.</p>"
            "<p>This course is about your classroom tomorrow morning. Each lesson "
            "takes about half an hour and ends with something you can try with your "
            "own class: a way of presenting a topic in more than one form, a quick "
            "adaptation checklist, a better first conversation with a parent, a "
            "request to your nearest resource centre.</p>"
            "<p>You do not need to be a specialist. Inclusive teaching is mostly good "
            "teaching, planned from the start for the whole range of children in the "
            "room. Where a child needs more, you will learn how an individual "
            "education plan, the child's family and the nine inclusive education "
            "resource centres can support you.</p>"
            "<p>The CPD hours for this course include the short classroom tasks at "
            "the end of the lessons. Keep brief notes on what you tried and what "
            "happened: you will use them in the final module.</p>"
        ),
        "learning_outcomes": [
            "Explain what article 24 of the UN Convention on the Rights of Persons "
            "with Disabilities requires of an ordinary school and its teachers.",
            "Describe the situation of children with disabilities in Azerbaijan and "
            "the aims of the State Programme on inclusive education for 2018-2024.",
            "Plan a lesson using the three principles of universal design for "
            "learning, with concrete options for engagement, representation, and "
            "action and expression.",
            "Adapt classroom activities and assessment for a learner without "
            "lowering expectations or singling the learner out.",
            "Contribute to an individual education plan and use it in daily teaching.",
            "Work in partnership with parents and make use of the inclusive "
            "education resource centres.",
        ],
        "modules": [
            {
                "slug": "rights-and-principles",
                "title": "Why inclusion: rights and the Azerbaijani context",
                "summary": (
                    "The international right to inclusive education, the national "
                    "picture in Azerbaijan and the attitudes that help or hinder it."
                ),
                "lessons": [
                    {
                        "slug": "uncrpd-article-24",
                        "title": "What article 24 of the UNCRPD asks of your school",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The United Nations Convention on the Rights of "
                                    "Persons with Disabilities (UNCRPD) was adopted in "
                                    "2006. Azerbaijan ratified it in 2008. By ratifying, "
                                    "the state accepted a legal duty, and that duty "
                                    "reaches every school: article 24 of the Convention "
                                    "is about education.</p>"
                                    "<p>Article 24 begins by recognising the right of "
                                    "persons with disabilities to education, without "
                                    "discrimination and on the basis of equal "
                                    "opportunity, and requires an inclusive education "
                                    "system at all levels. Paragraph 2 then says what "
                                    "states must ensure.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "The words of article 24, paragraph 2",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>In realizing this right, States Parties shall "
                                    "ensure that:</p>"
                                    "<ul>"
                                    "<li>(a) Persons with disabilities are not excluded from "
                                    "the general education system on the basis of "
                                    "disability, and that children with disabilities are "
                                    "not excluded from free and compulsory primary "
                                    "education, or from secondary education, on the "
                                    "basis of disability;</li>"
                                    "<li>(b) Persons with disabilities can access an "
                                    "inclusive, quality and free primary education and "
                                    "secondary education on an equal basis with others "
                                    "in the communities in which they live;</li>"
                                    "<li>(c) Reasonable accommodation of the individual's "
                                    "requirements is provided;</li>"
                                    "<li>(d) Persons with disabilities receive the support "
                                    "required, within the general education system, to "
                                    "facilitate their effective education;</li>"
                                    "<li>(e) Effective individualized support measures are "
                                    "provided in environments that maximize academic "
                                    "and social development, consistent with the goal "
                                    "of full inclusion.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "What this means in an ordinary classroom",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Read the five points as a teacher rather than as "
                                    "a lawyer:</p>"
                                    "<ul>"
                                    "<li><strong>In the communities in which they live</strong>: "
                                    "the starting point is the local school, your "
                                    "school, not a distant special or residential "
                                    "school.</li>"
                                    "<li><strong>Reasonable accommodation</strong>: "
                                    "changes made for one learner so that they can take "
                                    "part on an equal basis, such as a seat near the "
                                    "board, enlarged worksheets or extra time. Refusing "
                                    "a reasonable accommodation is a form of "
                                    "discrimination under the Convention.</li>"
                                    "<li><strong>Within the general education system</strong>: "
                                    "support comes to the child in the ordinary class; "
                                    "the child is not sent away to get it.</li>"
                                    "<li><strong>Academic and social development</strong>: "
                                    "being in the room is not enough. The child must "
                                    "learn and must belong.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Try this tomorrow",
                                    "body": (
                                        "<p>Pick one child in your class who finds "
                                        "something hard: reading the board, sitting "
                                        "still, following spoken instructions. Write "
                                        "down one reasonable accommodation you could "
                                        "make at no cost this week, make it, and note "
                                        "what changed.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Questions to discuss with colleagues",
                                    "items": [
                                        {
                                            "title": "Is our school 'in the community' for every child?",
                                            "body": (
                                                "<p>Are there children of school age in "
                                                "your area who study at home or travel "
                                                "to another school because of a "
                                                "disability? What would need to change "
                                                "for them to attend yours?</p>"
                                            ),
                                        },
                                        {
                                            "title": "Where is the line of 'reasonable'?",
                                            "body": (
                                                "<p>List accommodations your school "
                                                "already makes, then ones that seem "
                                                "difficult. Which of the difficult ones "
                                                "are really about habit rather than "
                                                "cost?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "inclusion-in-azerbaijan",
                        "title": "Inclusive education in Azerbaijan today",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Inclusive education means children of all "
                                    "abilities learning side by side in the same "
                                    "classrooms. It is still a relatively new idea in "
                                    "the Azerbaijani education system, and the numbers "
                                    "show why it matters.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "The numbers behind the programme",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li>Azerbaijan has about 72,000 children with "
                                    "registered disabilities.</li>"
                                    "<li>UNICEF estimates that about 54,000 of them are "
                                    "of primary and secondary school age.</li>"
                                    "<li>Government data show only 14,638 of these "
                                    "children enrolled in education, most of them in "
                                    "home-based learning (almost 9,355) or in special "
                                    "or residential schools (about 2,725).</li>"
                                    "<li>That is only about 20% of school-aged children "
                                    "with registered disabilities, and none of them had "
                                    "access to inclusive education as the UNCRPD "
                                    "requires.</li>"
                                    "</ul>"
                                    "<p>Behind each figure is a child who could be "
                                    "sitting in a class like yours.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "The State Programme for 2018-2024",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>To let all children, including children with "
                                    "disabilities, go to school in their own "
                                    "communities and reach their full potential, the "
                                    "Government adopted the <em>State Programme on "
                                    "Development of Inclusive Education in Azerbaijan "
                                    "Republic for 2018-2024</em>. It puts into practice "
                                    "the principles of the UNCRPD and of the UN "
                                    "Convention on the Rights of the Child.</p>"
                                    "<p>Making inclusion work across the country needs "
                                    "several things at once:</p>"
                                    "<ul>"
                                    "<li>laws and policies with a clear definition of "
                                    "inclusive education;</li>"
                                    "<li>inclusive learning opportunities that every "
                                    "student can secure;</li>"
                                    "<li>physically accessible schools, with assistive "
                                    "technology where possible;</li>"
                                    "<li>teachers in regular schools able to support "
                                    "accessible learning;</li>"
                                    "<li>better data for registering children with "
                                    "disabilities;</li>"
                                    "<li>awareness among parents, teachers and society "
                                    "at large.</li>"
                                    "</ul>"
                                    "<p>Teachers are directly responsible for one of "
                                    "these and influence most of the others. With "
                                    "European Union funding, UNICEF and the Ministry of "
                                    "Education set out to support more than 10,000 "
                                    "teachers and school managers with in-service "
                                    "training, of which this course is a part, and to "
                                    "open learning opportunities for up to 5,000 "
                                    "children with disabilities at once and up to "
                                    "20,000 over five years.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "note",
                                    "title": "Why it is worth it",
                                    "body": (
                                        "<p>Inclusive education raises the employment "
                                        "prospects of adults with disabilities, reduces "
                                        "their dependence on others, builds children's "
                                        "social skills and reduces discrimination. "
                                        "Children without disabilities gain too: they "
                                        "learn understanding and how to work with "
                                        "people who are different from them. The result "
                                        "is greater social cohesion.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Find out about your own school",
                                    "body": (
                                        "<p>Ask your school leader how many children "
                                        "with disabilities attend, how many in your "
                                        "district learn at home, and whether the "
                                        "building is accessible. Write the answers "
                                        "down: you will need them in module 3.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "attitudes-and-language",
                        "title": "Attitudes, language and the social inclusion campaign",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Ramps and large-print books matter, but the "
                                    "biggest barriers are often in people's heads. "
                                    "Opinions and assumptions held by parents, "
                                    "teachers and society at large can reduce or "
                                    "prevent acceptance of the right of children with "
                                    "disabilities to learn in ordinary schools. That is "
                                    "why the inclusive education programme includes a "
                                    "public behavioural and social change campaign "
                                    "that raises awareness of the rights of children "
                                    "with disabilities and works to change attitudes "
                                    "to their inclusion in regular schools.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Assumptions you will meet", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li>'The other children will be held back.' "
                                    "Well-planned inclusive lessons use clearer "
                                    "explanations, more varied activities and more "
                                    "feedback, which help every learner.</li>"
                                    "<li>'A special school is kinder.' Separation "
                                    "removes the friendships, the models of language "
                                    "and behaviour and the expectations that an "
                                    "ordinary class provides.</li>"
                                    "<li>'I am not trained for this.' You already "
                                    "adapt to differences every day. Training, the "
                                    "resource centres and colleagues help with the "
                                    "rest.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Language that respects", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Words shape how classmates see a child. Talk "
                                    "about the child first and the impairment second, "
                                    "and only when it is relevant: 'a girl who uses a "
                                    "wheelchair', not 'the wheelchair girl'; 'a pupil "
                                    "with a hearing impairment', not 'the deaf one'. "
                                    "Avoid words that suggest suffering or pity, and "
                                    "never use a diagnosis as a nickname. Correct such "
                                    "language calmly when pupils use it, and explain "
                                    "why.</p>"
                                    "<p>Children copy adults. When you greet a child "
                                    "with a disability in the same way as everyone "
                                    "else, give them real responsibilities and expect "
                                    "their best work, the class learns that they "
                                    "belong.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A new classmate in Şəki",
                                    "body": (
                                        "<p>Before a boy with cerebral palsy joined her "
                                        "Grade 4 class in Şəki, Ms Aygün talked with "
                                        "his mother about what he enjoyed and what he "
                                        "wanted his classmates to know. On his first "
                                        "day she did not give a talk about disability. "
                                        "Instead she gave him the job he had asked for, "
                                        "handing out the class readers, and arranged "
                                        "the desks so that he could move between them. "
                                        "When a pupil asked why he walked differently, "
                                        "she let him answer in his own words. Within a "
                                        "month the questions had stopped; the class "
                                        "argued instead about whose turn it was to sit "
                                        "next to him.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Try this tomorrow",
                                    "body": (
                                        "<p>Listen for one day to how children and "
                                        "adults in your school talk about difference. "
                                        "Note one phrase you would like to change and "
                                        "plan how you will model a better one.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "planning-for-every-learner",
                "title": "Planning lessons for every learner",
                "summary": (
                    "Universal design for learning, practical adaptations and fair "
                    "assessment for the whole class."
                ),
                "lessons": [
                    {
                        "slug": "universal-design-for-learning",
                        "title": "Universal design for learning in your classroom",
                        "minutes": 40,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>A ramp built for wheelchair users also helps "
                                    "parents with prams and delivery workers with "
                                    "trolleys. Universal design for learning (UDL) "
                                    "applies the same idea to teaching: instead of "
                                    "planning for an imaginary 'average' pupil and "
                                    "then patching the lesson for those who do not "
                                    "fit, you plan from the start for the real range of "
                                    "learners in the room. Options built in for one "
                                    "child usually help many.</p>"
                                    "<p>UDL rests on three principles.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "1. Multiple means of engagement", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The 'why' of learning: interest, effort and "
                                    "self-regulation. Connect the topic to pupils' "
                                    "lives, offer some choice (which text, which "
                                    "partner, which problem first), break long tasks "
                                    "into short steps with visible goals, and give "
                                    "frequent, specific feedback. A visual timetable on "
                                    "the wall helps pupils who find change hard.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "2. Multiple means of representation",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The 'what' of learning: how information is "
                                    "presented. Say it and write it; show a picture, a "
                                    "diagram or a real object; model the task before "
                                    "pupils try it. Pre-teach key vocabulary, use large "
                                    "clear print, and read instructions aloud. A pupil "
                                    "with low vision, a pupil still learning the "
                                    "language of instruction and a pupil who missed "
                                    "yesterday's lesson all benefit.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "3. Multiple means of action and expression",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The 'how' of learning: how pupils show what "
                                    "they know. Allow an oral answer instead of a "
                                    "written one, a drawing or model, a labelled "
                                    "diagram, sorting cards, or pointing to a choice. "
                                    "Offer tools such as number lines, word banks and "
                                    "writing frames. Keep the learning goal the same; "
                                    "vary the route.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "Fractions in a Grade 3 class in Sumqayıt",
                                    "body": (
                                        "<p>Ms Günel's Grade 3 class in Sumqayıt has 28 "
                                        "pupils, including a boy with a visual "
                                        "impairment and a girl who rarely speaks in "
                                        "class. To introduce halves and quarters she "
                                        "cuts real flatbread, then gives each pair paper "
                                        "circles to fold (engagement and "
                                        "representation). Fraction words are on the "
                                        "board in large letters and on a card on each "
                                        "desk. Pupils show their answers by holding up "
                                        "folded shapes, by writing, or by telling their "
                                        "partner (action and expression). The boy uses "
                                        "a circle with raised edges; the quiet girl "
                                        "shows her folded quarter without having to "
                                        "speak in front of the class.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Try this tomorrow",
                                    "body": (
                                        "<p>Take one lesson you will teach this week. "
                                        "Add one extra way of presenting the key idea "
                                        "and one extra way for pupils to show their "
                                        "answer. Afterwards, note who used each "
                                        "option.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "adapting-lessons",
                        "title": "Adapting a lesson: content, process, product and environment",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>UDL reduces the number of barriers, but some "
                                    "pupils will still need adaptations made for them. "
                                    "An adaptation changes how a pupil reaches the "
                                    "learning goal. It should be the smallest change "
                                    "that works, it should keep the pupil with the "
                                    "class, and it should be planned, not improvised "
                                    "when the pupil is already stuck.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Four things you can adapt", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Content</strong>: the amount and "
                                    "complexity of material. Fewer examples, a "
                                    "shorter text on the same topic, or the core "
                                    "vocabulary only.</li>"
                                    "<li><strong>Process</strong>: how the pupil works. "
                                    "Step-by-step instruction cards, a partner, "
                                    "concrete objects, more time, short breaks.</li>"
                                    "<li><strong>Product</strong>: how the pupil shows "
                                    "learning. Oral instead of written, matching "
                                    "instead of free writing, a photo of a model "
                                    "instead of an essay.</li>"
                                    "<li><strong>Environment</strong>: where and with "
                                    "whom. Seating near the teacher or away from the "
                                    "door, a quieter corner, good light on the "
                                    "teacher's face for a pupil who lip-reads, clear "
                                    "paths between desks.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Keep expectations high", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The most common mistake is to adapt by giving "
                                    "less: colouring while others write, or no "
                                    "homework at all. Ask first whether the pupil can "
                                    "reach the same goal by a different route. Only if "
                                    "that is not possible should the goal itself be "
                                    "changed, and then it should be agreed in the "
                                    "pupil's individual education plan, not decided on "
                                    "the spot.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A word problem in Quba",
                                    "body": (
                                        "<p>In a Grade 5 class in Quba, Mr Rəşad's "
                                        "pupils solve word problems about prices at the "
                                        "market. One pupil has dyslexia and reads "
                                        "slowly. Rəşad gives her the same problems, "
                                        "printed in a larger font with the key numbers "
                                        "in bold, and lets her partner read each "
                                        "problem aloud once. She does the calculations "
                                        "herself. Same goal, different process: she "
                                        "solves as many problems as most of the "
                                        "class.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "A quick adaptation checklist",
                                    "items": [
                                        {
                                            "title": "Before the lesson",
                                            "body": (
                                                "<ul><li>What exactly must every pupil "
                                                "learn today?</li><li>Which pupils may "
                                                "meet a barrier, and where?</li><li>What "
                                                "is the smallest change that removes "
                                                "it?</li><li>Are the materials ready in "
                                                "the right format?</li></ul>"
                                            ),
                                        },
                                        {
                                            "title": "During the lesson",
                                            "body": (
                                                "<ul><li>Is the pupil working with the "
                                                "class, not beside it?</li><li>Does the "
                                                "adaptation single the pupil out? Could "
                                                "it be offered to everyone?</li></ul>"
                                            ),
                                        },
                                        {
                                            "title": "After the lesson",
                                            "body": (
                                                "<ul><li>Did the pupil reach the goal?"
                                                "</li><li>Keep, change or drop the "
                                                "adaptation?</li><li>Note it for the "
                                                "pupil's plan.</li></ul>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "fair-assessment",
                        "title": "Adapting assessment fairly",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Assessment should tell you what a pupil knows "
                                    "and can do. If a test also measures something "
                                    "else, such as reading speed in a mathematics "
                                    "test or neat handwriting in a history test, a "
                                    "pupil with a disability may fail for the wrong "
                                    "reason. Fair assessment removes those unrelated "
                                    "barriers while keeping the standard that matters "
                                    "the same.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Accommodations and modifications",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>An <strong>accommodation</strong> changes how "
                                    "a pupil takes an assessment, not what is "
                                    "assessed. Examples:</p>"
                                    "<ul>"
                                    "<li>extra time or rest breaks;</li>"
                                    "<li>questions read aloud by an adult (except when "
                                    "reading itself is being assessed);</li>"
                                    "<li>answering orally, with an adult writing the "
                                    "answers down exactly as given;</li>"
                                    "<li>large print, braille or a clearer layout with "
                                    "one question per page;</li>"
                                    "<li>a quiet room or a seat away from "
                                    "distractions.</li>"
                                    "</ul>"
                                    "<p>A <strong>modification</strong> changes what is "
                                    "assessed, for example fewer or simpler "
                                    "objectives. Modifications should follow the "
                                    "goals in the pupil's individual education plan, "
                                    "and the pupil's record should say clearly what "
                                    "was assessed.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Use formative assessment every day",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Short checks during lessons show progress that "
                                    "a single test can miss: mini whiteboards, "
                                    "thumbs up or down, exit cards with one question, "
                                    "or watching a pupil sort cards. They let you "
                                    "adjust teaching the same day, and they give "
                                    "pupils who struggle with formal tests a fair "
                                    "chance to show what they know. Compare each "
                                    "pupil's progress with their own starting point as "
                                    "well as with the class.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "Do not wait for the test",
                                    "body": (
                                        "<p>Agree accommodations before the assessment, "
                                        "record them, and let the pupil practise with "
                                        "them in ordinary lessons. An accommodation "
                                        "that is new on test day can confuse more than "
                                        "it helps.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Try this tomorrow",
                                    "body": (
                                        "<p>Look at your next test. For each question, "
                                        "ask: what skill is this really testing? Is "
                                        "there a barrier in it that has nothing to do "
                                        "with that skill? Change one question to remove "
                                        "it.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "support-and-partnership",
                "title": "Individual support and partnership",
                "summary": (
                    "Individual education plans, working with families and using the "
                    "resource centres."
                ),
                "lessons": [
                    {
                        "slug": "individual-education-plans",
                        "title": "Writing and using an individual education plan",
                        "minutes": 40,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Some pupils need more than good general "
                                    "planning. Article 24 asks for 'effective "
                                    "individualized support measures'. In school, that "
                                    "support is written down in an individual "
                                    "education plan (IEP): a short, practical document "
                                    "that says what the pupil will work towards, how "
                                    "the school will help, and when everyone will check "
                                    "progress.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Who writes the plan", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>An IEP is written by a team, not by one "
                                    "person. The team usually includes the class "
                                    "teacher (or, in secondary school, the main subject "
                                    "teachers), the parents, the pupil wherever "
                                    "possible, and the specialists who know the pupil, "
                                    "such as a school psychologist, speech therapist or "
                                    "support teacher. A school leader makes sure that "
                                    "the resources promised in the plan are provided. "
                                    "The class teacher's knowledge of the pupil in "
                                    "daily lessons is essential: you see things that "
                                    "no assessment shows.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "What the plan contains", "level": "h2"},
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "The parts of an IEP",
                                    "items": [
                                        {
                                            "title": "Present levels",
                                            "body": (
                                                "<p>What the pupil can do now, in "
                                                "learning, communication, social skills "
                                                "and independence. Start with strengths "
                                                "and interests, then the difficulties, "
                                                "described as observed behaviour, not "
                                                "labels.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Goals",
                                            "body": (
                                                "<p>Three to five priority goals for the "
                                                "term, specific and measurable. 'Reads "
                                                "and retells a short story of about 100 "
                                                "words' is a goal; 'improves reading' is "
                                                "not.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Adaptations",
                                            "body": (
                                                "<p>The accommodations and "
                                                "modifications in teaching and "
                                                "assessment, subject by subject where "
                                                "needed, and any changes to the "
                                                "environment.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Support",
                                            "body": (
                                                "<p>Who provides what, how often and "
                                                "where: for example, a speech therapist "
                                                "twice a week, a peer buddy at break, "
                                                "large-print materials from the resource "
                                                "centre.</p>"
                                            ),
                                        },
                                        {
                                            "title": "Review dates",
                                            "body": (
                                                "<p>When the team will meet again, at "
                                                "least once a term, and how progress on "
                                                "each goal will be measured and "
                                                "recorded.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>A plan that stays in a folder helps no one. "
                                    "Keep a copy of the goals where you plan your "
                                    "lessons, link one activity each week to a goal, "
                                    "and jot down short observations. At the review "
                                    "meeting these notes are your evidence.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A first IEP meeting in Gəncə",
                                    "body": (
                                        "<p>For a Grade 2 pupil with autism in Gəncə, "
                                        "the team (class teacher, mother, school "
                                        "psychologist and deputy principal) agreed "
                                        "three goals: to follow the morning routine "
                                        "using a picture timetable, to ask for help with "
                                        "a card instead of leaving his seat, and to read "
                                        "ten new sight words. The teacher noted each day "
                                        "whether he used the help card. At the review "
                                        "after eight weeks, the notes showed he used it "
                                        "most days, so the team set a new goal.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "working-with-parents",
                        "title": "Working with parents and families",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Parents know their child better than anyone. "
                                    "They know what calms the child, what motivates "
                                    "them, how they communicate at home and what has "
                                    "worked or failed before. Many parents of children "
                                    "with disabilities have also had difficult "
                                    "experiences with schools and may arrive worried or "
                                    "defensive. A good partnership is one of the "
                                    "strongest supports a pupil can have.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The first conversation", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li>Meet in a private, quiet place and allow "
                                    "enough time.</li>"
                                    "<li>Start with the child's strengths and what the "
                                    "family hopes for.</li>"
                                    "<li>Ask more than you tell: 'What works at home?' "
                                    "'What should I know on the first day?'</li>"
                                    "<li>Avoid jargon; explain any term you use.</li>"
                                    "<li>Agree one or two next steps and how you will "
                                    "stay in touch.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Staying in touch", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Regular, short contact is better than rare, "
                                    "long meetings. A home-school notebook or a brief "
                                    "weekly message can share one success and one "
                                    "thing to practise at home. Contact parents with "
                                    "good news, not only with problems. Invite them to "
                                    "IEP meetings as full members of the team and "
                                    "send the agreed goals home in plain language.</p>"
                                    "<p>Parents can also help the whole school. "
                                    "Community projects in Azerbaijan have engaged "
                                    "parents in monitoring the quality of primary "
                                    "education, with the aim of making schools more "
                                    "transparent and accountable and improving the home "
                                    "environment for learning. Parents of children with "
                                    "disabilities can help other families, speak at "
                                    "parent meetings and challenge assumptions in the "
                                    "community.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A notebook that travels",
                                    "body": (
                                        "<p>In a village school near Ağcabədi, a Grade 1 "
                                        "teacher and the father of a girl with a "
                                        "hearing impairment agreed to use a small "
                                        "notebook. Each Friday the teacher wrote the "
                                        "five new words of the week with a picture; at "
                                        "home the father practised them with his "
                                        "daughter and wrote back what she had managed. "
                                        "After a month the girl was joining in the "
                                        "Monday word game with her classmates.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Try this tomorrow",
                                    "body": (
                                        "<p>Send one parent a short message with a "
                                        "specific piece of good news about their child. "
                                        "Note how they respond.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "resource-centres",
                        "title": "Using the inclusive education resource centres",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>You are not expected to include every child on "
                                    "your own. To give local professional support to "
                                    "teachers, school principals and parents, the "
                                    "programme established nine inclusive education "
                                    "resource centres, based in existing schools, in "
                                    "seven districts: <strong>Bakı, Sumqayıt, Gəncə, "
                                    "Quba, Şəki, Ağcabədi and Qazax</strong>. "
                                    "Together they can offer guidance and "
                                    "methodological support to up to 44,000 teachers, "
                                    "other education professionals and parents.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "What a resource centre offers", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Guidance</strong>: advice from "
                                    "centre staff on a particular pupil, on adapting "
                                    "lessons or on preparing an individual education "
                                    "plan.</li>"
                                    "<li><strong>Methodological support</strong>: "
                                    "training sessions, demonstration lessons and "
                                    "meetings where teachers share practice.</li>"
                                    "<li><strong>A lending library</strong>: each "
                                    "centre keeps a library of inclusive education "
                                    "materials, such as guides and toolkits, "
                                    "educational games, assistive devices and books "
                                    "in accessible formats like large print, braille, "
                                    "audio and easy-read, that teachers, principals "
                                    "and parents can borrow.</li>"
                                    "<li><strong>Equipment</strong>: the education "
                                    "materials and equipment that a single school "
                                    "rarely owns.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "How to borrow", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Search the public catalogue on this platform "
                                    "to see which centre holds a copy and whether it "
                                    "is free. Reserve it, collect it from the centre, "
                                    "and return or renew it before the due date so "
                                    "that the next teacher can use it. If the item is "
                                    "at a distant centre, ask your local centre whether "
                                    "it can be transferred.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "Large print in Qazax",
                                    "body": (
                                        "<p>A Grade 6 teacher in Qazax had a new pupil "
                                        "with low vision. She searched the catalogue, "
                                        "found a large-print edition of the class "
                                        "reader and a hand-held magnifier at her "
                                        "district centre, and reserved both. When she "
                                        "collected them, centre staff showed her how "
                                        "to enlarge her own worksheets on the school "
                                        "copier and suggested where the pupil should "
                                        "sit. The pupil read the same book as everyone "
                                        "else the following week.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "Your final task",
                                    "body": (
                                        "<p>Look back at your notes from this course. "
                                        "Choose one pupil and one lesson, and list what "
                                        "you will change: one UDL option, one "
                                        "adaptation, one message to the family and one "
                                        "item or piece of advice to request from your "
                                        "nearest resource centre.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Course 2: pre-service (student) teachers
    # ------------------------------------------------------------------
    {
        "slug": "foundations-of-inclusive-education",
        "title": "Foundations of inclusive education",
        "programme": "inclusive-education",
        "audience": "pre_service",
        "language": "en",
        "cpd_hours": 6,
        "duration_minutes": 315,
        "summary": (
            "An introduction for student teachers to the ideas, rights and "
            "practices of inclusive education, with reflective tasks for your "
            "studies and teaching practice."
        ),
        "intro": (
            "<p>This course is written for student teachers at the universities that "
            "train Azerbaijan's future teachers: the Azerbaijan State Pedagogical "
            "University in Bakı and its Quba and Şəki branches, Gəncə State "
            "University and Sumqayıt State University. Inclusive education modules "
            "have been added to teacher training so that new teachers build the "
            "skills they need before they enter an inclusive classroom.</p>"
            "<p>The course is foundational. It asks what inclusion is, how we think "
            "about disability, what the law requires, and what kind of teacher you "
            "want to become. Each lesson includes questions for reflection. Keep a "
            "reflective journal as you go and bring it to your seminars and to your "
            "teaching practice.</p>"
            "<p>There are no quick recipes here. The aim is to give you ideas that will "
            "hold up when you meet real children, real classes and real doubts, and "
            "the habit of asking 'what is stopping this child from learning, and what "
            "can I change?'</p>"
        ),
        "learning_outcomes": [
            "Define inclusive education and distinguish it from exclusion, segregation "
            "and integration.",
            "Compare medical and social ways of thinking about disability and explain "
            "what each means for teaching.",
            "Summarise the rights in article 24 of the UNCRPD and Azerbaijan's national "
            "commitments to inclusive education.",
            "Explain the principles of universal design for learning and apply them "
            "when planning a lesson on teaching practice.",
            "Describe the purpose and parts of an individual education plan and the "
            "role of families in it.",
            "Reflect on your own beliefs and practice, and identify where to find "
            "support as a new teacher.",
        ],
        "modules": [
            {
                "slug": "understanding-inclusion",
                "title": "Understanding inclusion",
                "summary": (
                    "What inclusive education is, how we think about disability and "
                    "the rights that underpin inclusion."
                ),
                "lessons": [
                    {
                        "slug": "what-is-inclusive-education",
                        "title": "What is inclusive education?",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>In the simplest terms, inclusive education means "
                                    "children of all abilities learning side by side in "
                                    "the same classrooms. It is a relatively new concept "
                                    "for the Azerbaijani education system. It is also "
                                    "more demanding than it first sounds, because "
                                    "being in the same room is only the beginning.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Four different situations", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The UN Committee on the Rights of Persons with "
                                    "Disabilities, in its General Comment No. 4 (2016) "
                                    "on article 24, distinguishes four situations:</p>"
                                    "<ul>"
                                    "<li><strong>Exclusion</strong>: the child receives "
                                    "no education at all.</li>"
                                    "<li><strong>Segregation</strong>: the child is "
                                    "educated separately, in a special school or "
                                    "class, or at home, because of disability.</li>"
                                    "<li><strong>Integration</strong>: the child is "
                                    "placed in an ordinary school but must fit in to "
                                    "it as it is; nothing about the teaching "
                                    "changes.</li>"
                                    "<li><strong>Inclusion</strong>: the school changes "
                                    "its teaching, materials, environment and "
                                    "attitudes so that all children can learn and take "
                                    "part together.</li>"
                                    "</ul>"
                                    "<p>The Committee is clear that placing children "
                                    "with disabilities in ordinary classes without "
                                    "these changes is integration, not inclusion.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Why it matters beyond the classroom",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The case for inclusion is first a matter of "
                                    "rights, but its effects reach far. Educated adults "
                                    "with disabilities have better chances of "
                                    "employment and depend less on others. Children "
                                    "with disabilities develop social skills among "
                                    "their peers. Children without disabilities gain "
                                    "understanding of people who are different from "
                                    "them. Discrimination falls and society becomes "
                                    "more cohesive.</p>"
                                    "<p>Inclusion is also not only about disability. "
                                    "A school that learns to remove barriers for a "
                                    "child who is blind usually becomes better for "
                                    "children from poor families, children who speak "
                                    "another language at home and children who simply "
                                    "learn differently.</p>"
                                ),
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Your own schooling",
                                            "body": (
                                                "<p>Were there children with "
                                                "disabilities in your school? If not, "
                                                "where were they? Which of the four "
                                                "situations above describes what you "
                                                "saw?</p>"
                                            ),
                                        },
                                        {
                                            "title": "Your first fears",
                                            "body": (
                                                "<p>Write down honestly what worries "
                                                "you about teaching an inclusive class. "
                                                "Keep the note; you will return to it at "
                                                "the end of the course.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "ways-of-thinking-about-disability",
                        "title": "Ways of thinking about disability",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>How a teacher thinks about disability shapes "
                                    "what that teacher does. Two broad ways of "
                                    "thinking, often called 'models', are worth "
                                    "knowing well.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The medical model", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The medical model locates the problem in the "
                                    "person. Disability is a deficit to be diagnosed, "
                                    "treated or cured, and the expert is the doctor or "
                                    "specialist. In education, this way of thinking "
                                    "leads to questions like 'What is wrong with this "
                                    "child?' and answers like 'She belongs in a special "
                                    "school'. Medical knowledge is valuable: a diagnosis "
                                    "can explain needs and open access to support. The "
                                    "danger is when the diagnosis becomes the whole "
                                    "story.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "The social model and the rights-based approach",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The social model separates impairment (a "
                                    "physical, sensory, intellectual or mental "
                                    "condition) from disability (the disadvantage "
                                    "created when society does not take that "
                                    "condition into account). A pupil who uses a "
                                    "wheelchair is disabled by stairs, not by the "
                                    "wheelchair. A pupil with a hearing impairment is "
                                    "disabled by a teacher who talks while facing the "
                                    "board.</p>"
                                    "<p>The UNCRPD builds on this idea. It describes "
                                    "disability as resulting from the interaction "
                                    "between persons with impairments and attitudinal "
                                    "and environmental barriers that hinder their full "
                                    "and effective participation in society on an "
                                    "equal basis with others. The question for the "
                                    "teacher becomes 'What barriers does this child "
                                    "meet in my lesson, and which can I remove?'</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "Two teachers, one pupil",
                                    "body": (
                                        "<p>A Grade 4 pupil in Bakı has a visual "
                                        "impairment. One teacher writes in her report: "
                                        "'Cannot read the board; weak in all written "
                                        "work.' Another teacher, the next year, moves "
                                        "her to the front, provides large-print copies "
                                        "of board work and reads key points aloud. He "
                                        "writes: 'Reads and writes at the level of the "
                                        "class when materials are enlarged.' The pupil's "
                                        "eyes did not change. The barriers did.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Listening for the models",
                                            "body": (
                                                "<p>During your next school visit, note "
                                                "three things adults say about pupils "
                                                "who struggle. Which model does each "
                                                "reflect?</p>"
                                            ),
                                        },
                                        {
                                            "title": "Barriers in a lesson",
                                            "body": (
                                                "<p>Think of a lesson you observed "
                                                "recently. List the barriers it might "
                                                "have created for a pupil who could not "
                                                "see well, hear well or sit still for "
                                                "long.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "rights-and-policy",
                        "title": "Rights and policy: from the UNCRPD to the State Programme",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Inclusive education in Azerbaijan rests on "
                                    "international commitments that the country has "
                                    "accepted. As a teacher you will be one of the "
                                    "people who turn those commitments into daily "
                                    "practice, so it is worth knowing them.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "A short timeline", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>2006</strong>: the United Nations "
                                    "adopts the Convention on the Rights of Persons "
                                    "with Disabilities (UNCRPD).</li>"
                                    "<li><strong>2008</strong>: the Government of "
                                    "Azerbaijan ratifies the UNCRPD.</li>"
                                    "<li><strong>2018-2024</strong>: the Government "
                                    "implements the State Programme on Development of "
                                    "Inclusive Education in Azerbaijan Republic for "
                                    "2018-2024, putting into practice the principles "
                                    "of the UNCRPD and the UN Convention on the Rights "
                                    "of the Child.</li>"
                                    "<li><strong>2018-2020</strong>: UNICEF, with the "
                                    "Ministry of Education and European Union funding, "
                                    "implements a project to expand quality inclusive "
                                    "education, including new inclusive education "
                                    "modules for over 1,300 future teachers.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Article 24 in brief", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Article 24 recognises the right of persons "
                                    "with disabilities to education and requires an "
                                    "inclusive education system at all levels. Among "
                                    "other things, its second paragraph says that "
                                    "States Parties shall ensure that:</p>"
                                    "<ul>"
                                    "<li>(b) 'Persons with disabilities can access an "
                                    "inclusive, quality and free primary education "
                                    "and secondary education on an equal basis with "
                                    "others in the communities in which they "
                                    "live;'</li>"
                                    "<li>(d) 'Persons with disabilities receive the "
                                    "support required, within the general education "
                                    "system, to facilitate their effective "
                                    "education;'</li>"
                                    "<li>(e) 'Effective individualized support "
                                    "measures are provided in environments that "
                                    "maximize academic and social development, "
                                    "consistent with the goal of full inclusion.'</li>"
                                    "</ul>"
                                    "<p>The same paragraph also requires that children "
                                    "are not excluded from the general education system "
                                    "on the basis of disability (a) and that reasonable "
                                    "accommodation of the individual's requirements is "
                                    "provided (c).</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "The gap to close", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Of about 72,000 children with registered "
                                    "disabilities in Azerbaijan, about 54,000 are of "
                                    "school age, yet government data show only 14,638 "
                                    "enrolled in any education programme, mostly at "
                                    "home or in special or residential schools: about "
                                    "20%. Your generation of teachers will be the one "
                                    "that meets the rest of these children in ordinary "
                                    "classrooms.</p>"
                                ),
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Rights and resources",
                                            "body": (
                                                "<p>Some people argue that inclusion "
                                                "must wait until every school is fully "
                                                "equipped. How would you answer them, "
                                                "using the words 'reasonable "
                                                "accommodation' and 'support within the "
                                                "general education system'?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "learning-and-teaching-for-all",
                "title": "Learning and teaching for all",
                "summary": (
                    "Learner diversity, the principles of universal design for learning "
                    "and an inclusive classroom climate."
                ),
                "lessons": [
                    {
                        "slug": "learner-diversity",
                        "title": "Every class is diverse",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>There is no such thing as a uniform class. Any "
                                    "group of thirty children differs in what they "
                                    "already know, how quickly they process "
                                    "information, how they pay attention, what "
                                    "languages they speak at home, how they feel about "
                                    "school and what is happening in their families. "
                                    "Disability is one part of this variety, not a "
                                    "separate category outside it.</p>"
                                    "<p>Teachers sometimes plan for the 'average' pupil "
                                    "in the middle of the class. But the average pupil "
                                    "does not exist: each child is stronger in some "
                                    "things and weaker in others. Planning for the "
                                    "average leaves many pupils at the edges "
                                    "behind.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Barriers to learning and participation",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Instead of asking what is wrong with a pupil, "
                                    "an inclusive teacher asks what is getting in the "
                                    "way. Barriers can be:</p>"
                                    "<ul>"
                                    "<li><strong>physical</strong>: stairs, narrow "
                                    "aisles, poor lighting, noise;</li>"
                                    "<li><strong>in the curriculum and "
                                    "materials</strong>: small print, only written "
                                    "texts, only one way to answer;</li>"
                                    "<li><strong>in teaching</strong>: long spoken "
                                    "explanations, no examples, little feedback;</li>"
                                    "<li><strong>in attitudes</strong>: low "
                                    "expectations, pity, teasing;</li>"
                                    "<li><strong>in the system</strong>: lack of "
                                    "support staff, rigid timetables or tests.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Start from strengths", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Every pupil can do something well and is "
                                    "interested in something. A pupil who struggles "
                                    "to write may be an excellent storyteller; a pupil "
                                    "who cannot sit still may be a careful builder. "
                                    "Strengths are where learning can begin and where "
                                    "a pupil's confidence comes from.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "An observation task for teaching practice",
                                    "body": (
                                        "<p>With your mentor's permission, watch one "
                                        "pupil for a whole lesson. Write down, without "
                                        "judging, when the pupil was engaged and when "
                                        "not, what they did well and where they met a "
                                        "barrier. Use initials only and keep the notes "
                                        "confidential.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Your own learning profile",
                                            "body": (
                                                "<p>In what ways do you learn best? "
                                                "What kinds of lessons made you switch "
                                                "off at school? What does this tell you "
                                                "about the pupils you will teach?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "principles-of-udl",
                        "title": "The principles of universal design for learning",
                        "minutes": 40,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Universal design began in architecture: "
                                    "design buildings and products so that as many "
                                    "people as possible can use them without later "
                                    "changes. A lowered kerb at a crossing was made "
                                    "for wheelchair users, yet it helps anyone with a "
                                    "pram, a suitcase or a bicycle. Universal design "
                                    "for learning (UDL), developed from the 1990s "
                                    "onwards by the US research organisation CAST, "
                                    "brings the same thinking to teaching.</p>"
                                    "<p>UDL starts from learner variability: if pupils "
                                    "differ in predictable ways, a lesson can be "
                                    "designed for that variety from the beginning, "
                                    "rather than adapted afterwards for those who do "
                                    "not fit. It is organised around three "
                                    "principles.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Engagement, representation, action and expression",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Multiple means of engagement</strong> "
                                    "(the 'why' of learning): different ways to spark "
                                    "interest and keep effort going, such as choice of "
                                    "topic or task, links to pupils' own lives, "
                                    "co-operative work, clear goals and regular "
                                    "feedback.</li>"
                                    "<li><strong>Multiple means of "
                                    "representation</strong> (the 'what'): different "
                                    "ways to present information, such as spoken and "
                                    "written words, pictures, diagrams, real objects, "
                                    "demonstrations, and explanation of key "
                                    "vocabulary.</li>"
                                    "<li><strong>Multiple means of action and "
                                    "expression</strong> (the 'how'): different ways "
                                    "for pupils to work and show what they know, such "
                                    "as speaking, writing, drawing, building, acting "
                                    "out or choosing from options, with tools like "
                                    "word banks and number lines.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Firm goals, flexible means", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>UDL does not mean lowering goals or letting "
                                    "pupils do whatever they like. The learning goal "
                                    "stays clear and the same for the class; what "
                                    "varies is the path to it. If the goal is to "
                                    "explain the water cycle, a pupil might explain it "
                                    "in writing, in a labelled drawing or aloud to a "
                                    "partner. If the goal is to write a paragraph, "
                                    "then writing is the point, but pupils can still "
                                    "have a writing frame or a word bank.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A student teacher's lesson in Sumqayıt",
                                    "body": (
                                        "<p>On teaching practice in a Grade 3 class in "
                                        "Sumqayıt, a student teacher planned a lesson "
                                        "on plants. She brought a real plant, showed a "
                                        "labelled picture and said each part aloud "
                                        "(representation). Pupils chose whether to "
                                        "label a worksheet, build a plant from "
                                        "coloured paper or explain the parts to a "
                                        "partner (action and expression). She began by "
                                        "asking who had a garden or plants at home "
                                        "(engagement). Her mentor noted that two "
                                        "pupils who usually did little joined in "
                                        "fully.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Redesign a lesson",
                                            "body": (
                                                "<p>Take a lesson plan from your "
                                                "methods course. For each of the three "
                                                "principles, add one option. Which "
                                                "addition would help the most pupils?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "inclusive-classroom-climate",
                        "title": "Building an inclusive classroom climate",
                        "minutes": 30,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Article 24 speaks of environments that "
                                    "maximise academic and social development. Pupils "
                                    "learn best when they feel safe, accepted and "
                                    "expected to succeed. For a child with a "
                                    "disability, who may have been kept apart from "
                                    "other children for years, belonging in the class "
                                    "is as important as any adaptation of the "
                                    "curriculum.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "What builds belonging", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ul>"
                                    "<li><strong>Predictable routines</strong>: a clear "
                                    "start and end to lessons and a visual timetable "
                                    "reduce anxiety for many pupils.</li>"
                                    "<li><strong>Co-operative learning</strong>: work "
                                    "in pairs and small groups with defined roles lets "
                                    "each pupil contribute and learn from peers.</li>"
                                    "<li><strong>Real roles</strong>: every pupil, "
                                    "including a pupil with a disability, has "
                                    "responsibilities in the class and helps others, "
                                    "not only receives help.</li>"
                                    "<li><strong>Clear, positive rules</strong>, agreed "
                                    "with the class, including how we treat each "
                                    "other.</li>"
                                    "<li><strong>High expectations</strong>, shown in "
                                    "how you question, praise and give feedback.</li>"
                                    "</ul>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Behaviour is communication", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>When a pupil shouts, refuses or runs out of "
                                    "the room, ask what the behaviour is telling you. "
                                    "The task may be too hard, the room too noisy, the "
                                    "instruction unclear, or the pupil may have no "
                                    "other way to ask for a break. Look for patterns: "
                                    "when, where and after what does it happen? "
                                    "Changing the situation often works better than "
                                    "punishment, and teaching the pupil a better way to "
                                    "communicate the same need, such as a break card, "
                                    "works best of all.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "warning",
                                    "title": "Kindness that excludes",
                                    "body": (
                                        "<p>Doing everything for a pupil, excusing them "
                                        "from all tasks or always pairing them with the "
                                        "same 'helper' can feel kind but sends the "
                                        "message that they are not a real member of the "
                                        "class. Aim for support that builds "
                                        "independence.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Signs of belonging",
                                            "body": (
                                                "<p>In a class you observe, who is "
                                                "chosen as a partner, who is left out, "
                                                "and who speaks? What could the teacher "
                                                "do to change the pattern?</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "becoming-an-inclusive-teacher",
                "title": "Becoming an inclusive teacher",
                "summary": (
                    "Individual education plans, partnership with families and "
                    "communities, and reflective practice."
                ),
                "lessons": [
                    {
                        "slug": "iep-purpose-and-parts",
                        "title": "Individual education plans: purpose and parts",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Good general teaching meets the needs of most "
                                    "pupils. Some pupils need more: planned, "
                                    "individual support. The UNCRPD calls for "
                                    "'effective individualized support measures', and "
                                    "schools record these in an individual education "
                                    "plan (IEP). As a new teacher you will probably not "
                                    "lead an IEP, but you will certainly use one and "
                                    "contribute to it.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Why write a plan at all", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>An IEP turns good intentions into commitments. "
                                    "It makes sure that everyone who works with the "
                                    "pupil, including the family, pursues the same "
                                    "priorities; that support is actually provided "
                                    "and not forgotten; and that progress is checked "
                                    "and the plan changed if it is not working. It is a "
                                    "working tool for teaching, not a label or a "
                                    "report.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Who is involved and what it contains",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>The plan is prepared by a team: the class or "
                                    "subject teachers, the parents, the pupil where "
                                    "possible, specialists such as a psychologist or "
                                    "speech therapist, and a school leader who can "
                                    "commit resources. Most IEPs contain:</p>"
                                    "<ol>"
                                    "<li><strong>present levels</strong> of learning "
                                    "and development, starting with strengths;</li>"
                                    "<li>a small number of specific, measurable "
                                    "<strong>goals</strong> for the coming term;</li>"
                                    "<li>the <strong>adaptations</strong> in teaching, "
                                    "materials, environment and assessment;</li>"
                                    "<li>the <strong>support</strong> to be provided: "
                                    "by whom, how often and where;</li>"
                                    "<li><strong>review dates</strong> and how "
                                    "progress will be measured.</li>"
                                    "</ol>"
                                ),
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Practice: good and weak goals",
                                    "items": [
                                        {
                                            "title": "'Will improve his behaviour'",
                                            "body": (
                                                "<p>Weak: not specific and not "
                                                "measurable. Better: 'Will use a break "
                                                "card instead of leaving the room, in "
                                                "at least four of five lessons a "
                                                "day.'</p>"
                                            ),
                                        },
                                        {
                                            "title": "'Will count objects to 20 and write the number'",
                                            "body": (
                                                "<p>Good: specific, observable and can "
                                                "be checked in class. Add when it "
                                                "should be achieved.</p>"
                                            ),
                                        },
                                        {
                                            "title": "'Will be happier at school'",
                                            "body": (
                                                "<p>A worthy aim, but not a goal. What "
                                                "would you see if it happened? For "
                                                "example: 'Will join a group game at "
                                                "break at least twice a week.'</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "tip",
                                    "title": "On teaching practice",
                                    "body": (
                                        "<p>Ask your mentor whether any pupil in your "
                                        "class has an IEP. If you may see it, find one "
                                        "goal you can support in the lessons you teach, "
                                        "and plan for it.</p>"
                                    ),
                                },
                            },
                        ],
                    },
                    {
                        "slug": "families-and-community",
                        "title": "Families, communities and schools",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>A school does not educate a child alone. "
                                    "Families are the first and longest-lasting "
                                    "teachers of their children, and the community "
                                    "around a school, including local government, "
                                    "employers and respected local residents, shapes "
                                    "what the school can do and how it is seen.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {
                                    "text": "Families of children with disabilities",
                                    "level": "h2",
                                },
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Parents of a child with a disability are "
                                    "experts on their child. Many have fought to get "
                                    "their child into school and may have heard more "
                                    "about what their child cannot do than about what "
                                    "they can. Some may themselves doubt that an "
                                    "ordinary school is the right place. Respect, "
                                    "honesty and regular, positive contact build the "
                                    "trust that partnership needs. Treat parents as "
                                    "full members of the IEP team, ask for their "
                                    "knowledge and use plain language.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Schools and their communities", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Projects in Azerbaijan show what communities "
                                    "can contribute. In rural communities, "
                                    "community-based civic groups have worked to raise "
                                    "enrolment of three- to five-year-olds in "
                                    "pre-primary education and to engage parents in "
                                    "monitoring the quality of primary education, "
                                    "aiming at greater transparency, accountability and "
                                    "a better home environment for learning. In Bakı, a "
                                    "project on school-community relations surveyed "
                                    "teachers, parents, local business owners and local "
                                    "government to find ways for them to take a bigger "
                                    "part in education, including families on low "
                                    "incomes.</p>"
                                    "<p>For inclusion, community support matters "
                                    "because attitudes matter. The programme's public "
                                    "social change campaign aims to change attitudes "
                                    "towards children with disabilities in regular "
                                    "schools, and teachers are among its most "
                                    "trusted messengers.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A parents' meeting in Gəncə",
                                    "body": (
                                        "<p>When a girl with Down syndrome was due to "
                                        "join a Grade 1 class in Gəncə, some parents "
                                        "asked whether their own children would fall "
                                        "behind. The class teacher invited them to a "
                                        "meeting, explained how the class would work "
                                        "and how all the children would benefit from "
                                        "varied activities, and answered questions "
                                        "openly without sharing private details. The "
                                        "girl's mother spoke briefly about her "
                                        "daughter's love of songs. Most of the doubts "
                                        "faded once the children started to play "
                                        "together.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Reflect",
                                    "items": [
                                        {
                                            "title": "Confidentiality",
                                            "body": (
                                                "<p>What may you share with other "
                                                "parents about a pupil's disability, and "
                                                "what must stay private? Who decides?</p>"
                                            ),
                                        },
                                        {
                                            "title": "Reaching every family",
                                            "body": (
                                                "<p>Which families are hardest for a "
                                                "school to reach, and why? Suggest two "
                                                "ways to involve them.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                    {
                        "slug": "reflective-practice-and-support",
                        "title": "Your teaching practice: reflecting and finding support",
                        "minutes": 35,
                        "body": [
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>No course can prepare you for every child you "
                                    "will meet. What it can give you is a habit: "
                                    "watching carefully, trying something, looking at "
                                    "what happened and adjusting. Reflective practice "
                                    "is how teachers keep learning throughout their "
                                    "careers, and it is at the heart of inclusive "
                                    "teaching, where there is rarely one right "
                                    "answer.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "A simple reflective cycle", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<ol>"
                                    "<li><strong>Describe</strong> what happened, "
                                    "factually.</li>"
                                    "<li><strong>Analyse</strong>: which barriers or "
                                    "supports were at work? What did pupils' responses "
                                    "tell you?</li>"
                                    "<li><strong>Learn</strong>: what would you do the "
                                    "same or differently, and why?</li>"
                                    "<li><strong>Plan</strong> one concrete change for "
                                    "the next lesson, and try it.</li>"
                                    "</ol>"
                                    "<p>Write short entries in your journal after "
                                    "lessons on teaching practice. Discuss them with "
                                    "your mentor and fellow students; colleagues often "
                                    "see what we miss.</p>"
                                ),
                            },
                            {
                                "type": "heading",
                                "value": {"text": "Where to find support", "level": "h2"},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>As a new teacher you will not be on your own. "
                                    "Within your school there are experienced "
                                    "colleagues, school leaders and, in many schools, "
                                    "a psychologist or support staff. Beyond it, nine "
                                    "inclusive education resource centres in Bakı, "
                                    "Sumqayıt, Gəncə, Quba, Şəki, Ağcabədi and Qazax "
                                    "offer guidance and methodological support to "
                                    "teachers, principals and parents, and each keeps a "
                                    "library of inclusive education materials to "
                                    "borrow: guides, games, assistive devices and books "
                                    "in accessible formats. You can search their "
                                    "catalogue on this platform, and in-service courses "
                                    "here will continue your training after you "
                                    "qualify.</p>"
                                ),
                            },
                            {
                                "type": "callout",
                                "value": {
                                    "kind": "case_study",
                                    "title": "A journal entry from Şəki",
                                    "body": (
                                        "<p>A student teacher on practice in Şəki "
                                        "wrote: 'My instructions for the group task "
                                        "were too long. Three pupils, including the "
                                        "boy with an attention difficulty, started the "
                                        "wrong task. Next time I will give one step at "
                                        "a time and write the steps on the board.' Her "
                                        "next lesson went more smoothly for the whole "
                                        "class, not only for those three.</p>"
                                    ),
                                },
                            },
                            {
                                "type": "accordion",
                                "value": {
                                    "title": "Final reflection",
                                    "items": [
                                        {
                                            "title": "Return to your first fears",
                                            "body": (
                                                "<p>Read the note you wrote in the "
                                                "first lesson. Which worries have "
                                                "changed? Which remain, and who could "
                                                "help you with them?</p>"
                                            ),
                                        },
                                        {
                                            "title": "Your commitment",
                                            "body": (
                                                "<p>Write three sentences beginning 'As "
                                                "an inclusive teacher, I will...' and "
                                                "share them with your seminar "
                                                "group.</p>"
                                            ),
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                ],
            },
        ],
    },
]


# A closing quiz for the in-service course: seed_demo adds it as the course's
# final assessment (a lesson completed by passing it).
FINAL_QUIZ = {
    "course": "inclusive-education-in-practice",
    "category": "Inclusive education in practice",
    "lesson": {
        "slug": "check-your-understanding",
        "title": "Check your understanding",
        "minutes": 15,
        "summary": "Seven questions on the course. Pass with 70% to complete it; you may try three times.",
    },
    "settings": {
        "title": "Final quiz",
        "intro": "Answer every question, then submit. You will see your score at once.",
        "pass_mark": 70,
        "attempts_allowed": 3,
        "time_limit_minutes": 0,
        "shuffle_questions": False,
        "shuffle_options": True,
        # Right/wrong and feedback after each attempt; the right answers once passed or
        # after the third attempt (the feedback when wrong gives hints, never the answer).
        "review_while_open": ["correctness", "feedback"],
        "review_when_closed": ["correctness", "feedback", "right_answer"],
    },
    "questions": [
        {
            "kind": "single",
            "prompt": "Which article of the UN Convention on the Rights of Persons with Disabilities sets out the right to inclusive education?",
            "options": [("Article 9", False), ("Article 24", True), ("Article 30", False)],
            "feedback_correct": "Right: article 24 is about education.",
            "feedback_incorrect": "Look for the article on education: it requires an inclusive education system at all levels.",
        },
        {
            "kind": "true_false",
            "prompt": "Inclusive education means that children of all abilities learn side by side in the same classroom.",
            "true_is_correct": True,
            "feedback_correct": "Yes: learning together, with the support each child needs.",
            "feedback_incorrect": "Inclusion is learning side by side, not in separate classes or schools.",
        },
        {
            "kind": "multiple",
            "prompt": "Which are the three principles of universal design for learning?",
            "options": [
                ("Multiple means of engagement", True),
                ("Multiple means of representation", True),
                ("Multiple means of action and expression", True),
                ("One textbook for every pupil", False),
            ],
            "feedback_correct": "Engagement, representation, action and expression.",
            "feedback_incorrect": "UDL offers several ways to engage, to take in information and to show learning.",
        },
        {
            "kind": "matching",
            "prompt": "Match each part of an individual education plan with what it records.",
            "options": [
                ("Present levels", "What the child can do now"),
                ("Goals", "What the child will learn next, measurably"),
                ("Adaptations", "Changes to teaching, materials or assessment"),
                ("Review date", "When the team checks progress together"),
            ],
        },
        {
            "kind": "ordering",
            "prompt": "Put the steps of the individual education plan cycle in order.",
            "options": [
                "Find out what the child can already do",
                "Agree goals with the family",
                "Plan adaptations and support",
                "Teach and observe",
                "Review and set new goals",
            ],
        },
        {
            "kind": "short_text",
            "prompt": "How many inclusive education resource centres support teachers and parents? (Answer with a number or a word.)",
            "accepted": ["nine", "9"],
            "feedback_correct": "Nine centres in seven districts.",
            "feedback_incorrect": "Look again at the lesson on the resource centres: they serve seven districts.",
        },
        {
            "kind": "numeric",
            "prompt": "In which year did Azerbaijan ratify the UNCRPD?",
            "numeric_answer": 2008,
            "numeric_tolerance": 0,
            "feedback_incorrect": "Azerbaijan ratified the Convention two years after the UN adopted it.",
        },
    ],
}
