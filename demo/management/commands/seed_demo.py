"""Build the demo site: pages, courses, cohorts, the centres' libraries and demo users.

Idempotent: pages and users that exist are left alone (so trainers' edits
survive), missing ones are created. Demo users exist only with DEBUG on
(the dev settings), and their passwords are printed at the end.
"""

import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from courses.models import (
    CatalogueIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
)
from courses.packs import starter_content
from courses.roles import REVIEWERS, TRAINERS, ensure_authoring_roles
from courses.starter import build_course, publish
from demo import activities, content_cohorts, content_surveys, translations
from demo.content_site import GUIDANCE_PAGES, HOME
from lms import services
from lms.models import CompletionRule, Source, Verb
from lms.roles import PROGRAMME_MANAGERS, ensure_programme_managers
from modules.inclusive_ed import starter
from pages.models import GuidancePage, HomePage
from quizzes.models import Question, QuestionCategory, QuestionOption

CENTRE_STAFF = "Resource centre staff"
# The inclusive-education course that gets the demo's own packages (demo/packages):
# a practice lesson of H5P activities and a SCORM lesson in its first module, a
# lesson with the captioned video and a drag-the-words activity in its last.
H5P_COURSE = "foundations-of-inclusive-education"
PRACTICE_ACTIVITIES = ["article-24", "reasonable-accommodation"]

DEMO_USERS = [
    # username, first name, last name, groups, superuser, password
    ("teacher", "Aysel", "Məmmədova", [], False, "teacher-demo-2026"),
    ("student", "Murad", "Əliyev", [], False, "student-demo-2026"),
    ("trainer", "Leyla", "Həsənova", [TRAINERS], False, "trainer-demo-2026"),
    ("reviewer", "Elvin", "Quliyev", [REVIEWERS], False, "reviewer-demo-2026"),
    ("centre", "Sevinc", "Hüseynova", [CENTRE_STAFF], False, "centre-demo-2026"),
    ("manager", "Nurlan", "Abbasov", [PROGRAMME_MANAGERS], False, "manager-demo-2026"),
    ("admin", "Platform", "Administrator", [], True, "admin-demo-2026"),
]


class Command(BaseCommand):
    help = "Create the demo content and demo users (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Create content only, no demo accounts."
        )
        parser.add_argument(
            "--learners",
            type=int,
            default=None,
            help=(
                "About how many learners the demo programme has "
                f"(default: the full demo, {content_cohorts.FULL_SIZE}; 0: none)."
            ),
        )

    def handle(self, *args, **options):
        # Demo learners finishing courses would otherwise "email" their certificates,
        # imported ones their invitations; and each certificate's PDF is made when
        # it is first downloaded (lms.views) rather than hundreds of them here.
        # The demo is written in English: names typed here are the English ones
        # (django-modeltranslation stores them in the active language's column).
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
            ),
            translation.override(translations.SOURCE_LANGUAGE),
        ):
            self.build(**options)

    def build(self, **options):
        create_users = not options["no_users"]
        if create_users and not settings.DEBUG:
            raise CommandError(
                "Demo users have well-known passwords and are created only with DEBUG on. "
                "Use --no-users to create the content alone."
            )
        with transaction.atomic():
            home = self.home_page()
            catalogue = self.catalogue(home)
            # The installed module packs build their starter courses and frameworks.
            for _label, build_starter in starter_content():
                build_starter(catalogue, stdout=self.stdout)
            self.final_quiz(starter.FINAL_QUIZ)
            self.h5p_lesson()
            self.scorm_lesson()
            self.iep_cycle_lesson()
            for guidance in GUIDANCE_PAGES:
                self.guidance(home, guidance)
            ensure_authoring_roles(catalogue)
            ensure_programme_managers()
            Group.objects.get_or_create(name=CENTRE_STAFF)
            users = {}
            if create_users:
                users = self.users()
                self.sample_progress(users["student"], catalogue)
            content_surveys.build(home)
        # The content in Azerbaijani and Russian, from demo/translations/ (wagtail-localize).
        translations.translate_all(stdout=self.stdout)
        with transaction.atomic():
            # The programme half-way through, its cohorts taking the courses in their language.
            courses = {page.slug: page for page in CoursePage.objects.child_of(catalogue)}
            content_cohorts.build(
                courses, trainer=users.get("trainer"), learners=options["learners"]
            )
        # The resource centres' lending libraries (their own app, their own command).
        call_command("seed_library", stdout=self.stdout)
        # Institutions, subjects and frameworks named in Azerbaijani and Russian too.
        translations.translate_reference_data()
        self.stdout.write(self.style.SUCCESS(f"Demo site ready at {catalogue.url}"))
        if create_users:
            self.stdout.write("Demo accounts (development only):")
            for username, first, last, groups, superuser, password in DEMO_USERS:
                role = "administrator" if superuser else (", ".join(groups) or "learner")
                self.stdout.write(f"  {username:<9} {password:<20} {first} {last} ({role})")

    def home_page(self):
        # The demo is written in English and translated (demo.translations): its
        # source tree is the English one, whatever the site's default language.
        english = Locale.objects.get(language_code=translations.SOURCE_LANGUAGE)
        home = HomePage.objects.filter(locale=english).first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        # Wagtail's installation leaves a placeholder "Welcome" page; replace it.
        for placeholder in root.get_children().filter(slug="home"):
            placeholder.delete()
        home = root.add_child(instance=HomePage(slug="home", locale=english, **HOME))
        publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", is_default_site=True)
        site.root_page = home
        # The name the admin's dashboard greets reviewers with, not the host name.
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
        return home

    def catalogue(self, home):
        catalogue = CatalogueIndexPage.objects.child_of(home).first()
        if catalogue is None:
            catalogue = home.add_child(
                instance=CatalogueIndexPage(
                    title="Courses",
                    slug="courses",
                    intro=(
                        "<p>Free online courses for teachers, student teachers, school "
                        "leaders and VET instructors. Study at your own pace, on any "
                        "device, and earn CPD hours.</p>"
                    ),
                )
            )
            publish(catalogue)
        return catalogue

    def course(self, catalogue, data):
        return build_course(catalogue, data)

    def final_quiz(self, data):
        """The course's closing quiz lesson, made its final assessment."""
        course = CoursePage.objects.filter(slug=data["course"]).first()
        if course is None:  # its module pack is not installed
            return
        if LessonPage.objects.descendant_of(course).filter(slug=data["lesson"]["slug"]).exists():
            return
        category, _created = QuestionCategory.objects.get_or_create(
            name=data["category"], locale=course.locale, defaults={"course": course}
        )
        questions = [self.question(category, spec) for spec in data["questions"]]
        module = ModulePage.objects.child_of(course).order_by("-path").first()
        lesson = module.add_child(
            instance=LessonPage(
                title=data["lesson"]["title"],
                slug=data["lesson"]["slug"],
                summary=data["lesson"]["summary"],
                estimated_minutes=data["lesson"]["minutes"],
                completion_rule=CompletionRule.ON_PASS,
                body=[
                    {
                        "type": "quiz",
                        "value": {
                            **data["settings"],
                            # In ListBlock's block format (with ids), which
                            # wagtail-localize reads: each translation of the
                            # lesson then asks its language's questions.
                            "questions": [
                                {"type": "item", "value": question.pk, "id": str(uuid.uuid4())}
                                for question in questions
                            ],
                            "category": None,
                            "random_count": 0,
                        },
                    }
                ],
            )
        )
        publish(lesson)
        course.final_assessment = lesson
        publish(course)

    def h5p_lesson(self):
        """A practice lesson with the demo's own H5P activities on article 24 (demo/packages)."""
        module = self.foundations_module(first=True)
        if module is None or LessonPage.objects.child_of(module).filter(slug="practice").exists():
            return
        body = [{"type": "paragraph", "value": "<p>Try these short activities.</p>"}]
        body += [self.h5p_block(slug) for slug in PRACTICE_ACTIVITIES]
        lesson = module.add_child(
            instance=LessonPage(
                title="Practice: check your understanding",
                slug="practice",
                summary="Interactive H5P activities; your score counts towards the lesson.",
                estimated_minutes=5,
                completion_rule=CompletionRule.ON_MARK,
                body=body,
            )
        )
        publish(lesson)

    def h5p_block(self, slug):
        activity = activities.h5p_activity(slug, translations.SOURCE_LANGUAGE)
        value = {"activity": activity.pk, "completion": "passed", "min_score": None}
        return {"type": "h5p", "value": {**value, "required": True}}

    def foundations_module(self, *, first):
        """The first (or last) module of the course that gets the demo's packages, or None."""
        course = CoursePage.objects.filter(
            slug=H5P_COURSE, locale__language_code=translations.SOURCE_LANGUAGE
        ).first()
        if course is None:  # its module pack is not installed
            return None
        return ModulePage.objects.child_of(course).order_by("path" if first else "-path").first()

    def scorm_lesson(self):
        """A lesson that plays the demo's own SCORM package (demo/packages/scorm)."""
        module = self.foundations_module(first=True)
        if module is None or LessonPage.objects.child_of(module).filter(slug="scorm").exists():
            return
        package = activities.scorm_package(translations.SOURCE_LANGUAGE)
        lesson = module.add_child(
            instance=LessonPage(
                title="Practice: an e-learning package (SCORM)",
                slug="scorm",
                summary=(
                    "A SCORM package played in the platform: five situations from an ordinary "
                    "school; 80% passes and completes the lesson."
                ),
                estimated_minutes=10,
                completion_rule=CompletionRule.ON_PASS,
                body=[
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Much existing teacher-training e-learning comes as SCORM "
                            "packages. Open the activity, answer its five questions and press "
                            "<b>Check my answers</b>: your score appears here and in My "
                            "learning.</p>"
                        ),
                    },
                    {"type": "scorm", "value": {"package": package.pk, "required": True}},
                ],
            )
        )
        publish(lesson)

    def iep_cycle_lesson(self):
        """A lesson with the demo's captioned video of the IEP cycle and a drag-the-words check."""
        module = self.foundations_module(first=False)
        if module is None or LessonPage.objects.child_of(module).filter(slug="iep-cycle").exists():
            return
        video, captions = activities.video_documents(translations.SOURCE_LANGUAGE)
        lesson = module.add_child(
            instance=LessonPage(
                title="The IEP cycle: assess, plan, support, review",
                slug="iep-cycle",
                summary=(
                    "A one-minute video with captions and a transcript, then a short "
                    "drag-the-words activity that completes the lesson."
                ),
                estimated_minutes=5,
                completion_rule=CompletionRule.ON_MARK,
                body=[
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>An individual education plan works as a cycle. Watch the "
                            "video (it has captions, and its transcript is below it), then "
                            "put each step of the cycle in its place.</p>"
                        ),
                    },
                    {
                        "type": "video",
                        "value": {
                            "title": activities.video_script()["en"]["title"],
                            "embed": "",
                            "file": video.pk,
                            "captions": captions.pk,
                            # The page's language: each translation has captions in its own.
                            "captions_language": "",
                            "transcript": activities.transcript("en"),
                        },
                    },
                    self.h5p_block("iep-cycle"),
                ],
            )
        )
        publish(lesson)

    def question(self, category, spec):
        kind = spec["kind"]
        question = Question(
            locale=category.locale,
            category=category,
            kind=kind,
            prompt=spec["prompt"],
            true_is_correct=spec.get("true_is_correct", True),
            numeric_answer=spec.get("numeric_answer"),
            numeric_tolerance=spec.get("numeric_tolerance", 0),
            feedback_correct=spec.get("feedback_correct", ""),
            feedback_incorrect=spec.get("feedback_incorrect", ""),
        )
        if kind in ("single", "multiple"):
            options = [QuestionOption(text=t, is_correct=c) for t, c in spec["options"]]
        elif kind == "matching":
            options = [QuestionOption(text=t, match=m) for t, m in spec["options"]]
        elif kind == "ordering":
            options = [QuestionOption(text=t) for t in spec["options"]]
        elif kind == "short_text":
            options = [QuestionOption(text=t, is_correct=True) for t in spec["accepted"]]
        else:
            options = []
        question.options = options
        question.save()
        return question

    def guidance(self, home, data):
        if GuidancePage.objects.child_of(home).filter(slug=data["slug"]).exists():
            return
        publish(home.add_child(instance=GuidancePage(**data)))

    def users(self):
        User = get_user_model()
        users = {}
        for username, first, last, groups, superuser, password in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@demo.example.org",
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            user.groups.add(*Group.objects.filter(name__in=groups))
            users[username] = user
        return users

    def sample_progress(self, student, catalogue):
        """Give the student teacher a course under way, so dashboards show real numbers."""
        course = (
            CoursePage.objects.child_of(catalogue)
            .filter(slug="foundations-of-inclusive-education")
            .first()
        )
        if course is None:  # its module pack is not installed
            return
        _enrolment, created = services.enrol(student, course)
        if created:
            for lesson in course.get_lessons()[:3]:
                services.record_learning(student, lesson.lesson_uuid, Verb.VIEWED)
                # Seeded history: the platform's own record (a lesson with an
                # activity trusts no learner report to complete it).
                services.record_learning(
                    student,
                    lesson.lesson_uuid,
                    Verb.MARKED_COMPLETE,
                    time_spent=600,
                    source=Source.SYSTEM,
                )
