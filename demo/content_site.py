"""Demo content for the site's own pages: the home page and public guidance."""

HOME = {
    "title": "Learning for inclusive and vocational education",
    "lead": (
        "Free online courses for Azerbaijan's teachers, student teachers, school "
        "leaders and VET instructors, with support from nine resource centres."
    ),
    "intro": (
        "<p>Azerbaijan is moving children with disabilities into regular schools. "
        "More than 10,000 teachers and school managers, and over 1,300 future "
        "teachers at the Azerbaijan State Pedagogical University (Bakı, Quba and "
        "Şəki), Gəncə State University and Sumqayıt State University, are learning "
        "how to teach every child side by side.</p>"
        "<p>Vocational providers are moving to competence-based training suited to "
        "the labour market. The courses here support both: study at your own pace, "
        "on a phone or a computer, and earn continuing professional development "
        "hours.</p>"
    ),
}

GUIDANCE_PAGES = [
    {
        "title": "Inclusive education resource centres",
        "slug": "resource-centres",
        "summary": (
            "Nine centres in seven districts give teachers, principals and parents "
            "guidance and lend materials."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Nine inclusive education resource centres have been set up in "
                    "existing schools in seven districts: Bakı, Sumqayıt, Gəncə, Quba, "
                    "Şəki, Ağcabədi and Qazax. They provide local professional "
                    "support and resources to teachers, school principals and parents, "
                    "and can offer guidance and methodological support to up to 44,000 "
                    "school teachers, other education professionals and parents.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "What a centre offers", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Advice on adapting lessons, assessment and the classroom "
                    "for a child with a disability.</li><li>A library of inclusive "
                    "education materials (guides, toolkits, games and assistive "
                    "devices) that teachers and parents can borrow.</li><li>Help with "
                    "preparing and reviewing an individual education plan.</li>"
                    "<li>Meetings and training for school teams and families.</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "title": "Before you visit",
                    "body": (
                        "<p>Bring a short description of what the child can already do "
                        "and what you want to try next. Staff can then suggest materials "
                        "to borrow on the same day.</p>"
                    ),
                },
            },
        ],
    },
]
