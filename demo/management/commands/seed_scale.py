"""Build a programme-scale data set quickly, for benchmarks.

    manage.py seed_scale           # 50,000 learners, 20 × 100 lessons, 5 M progress rows
    manage.py seed_scale --learners 2000 --courses 4 --lessons 20 --materials 500

Courses are real Wagtail pages (so the lesson page and the catalogue are the
real ones); everything else (learners, profiles, enrolments with their
aggregates, lesson progress, cohorts, library materials and copies) goes in
with bulk inserts. Every learner takes ``--courses-per-learner`` courses and
has a progress row for ``--touched`` of each course's lessons, the first half
of them complete. Re-running adds nothing that exists: rows are keyed on the
``scale-`` prefix and the command refuses to run twice.
"""

import itertools
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from courses.models import CatalogueIndexPage, CoursePage, LessonPage, ModulePage, Programme
from courses.models.pages import Audience
from courses.starter import publish
from library.models import Centre, Copy, Material
from lms.models import (
    Cohort,
    CohortMembership,
    CourseItem,
    District,
    Enrolment,
    LearnerProfile,
    LessonProgress,
)

PREFIX = "scale-"
PASSWORD = "scale-bench-2026"  # noqa: S105 (a benchmark data set, never a real site)


class Command(BaseCommand):
    help = "Build a large benchmark data set with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=50_000)
        parser.add_argument("--courses", type=int, default=20)
        parser.add_argument("--lessons", type=int, default=100, help="lessons per course")
        parser.add_argument("--courses-per-learner", type=int, default=2)
        parser.add_argument(
            "--touched", type=int, default=None, help="lessons with progress per enrolment"
        )
        parser.add_argument("--cohorts", type=int, default=500)
        parser.add_argument("--materials", type=int, default=10_000)
        parser.add_argument("--copies", type=int, default=50_000)
        parser.add_argument("--batch", type=int, default=5_000)

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username__startswith=PREFIX).exists():
            raise CommandError("The scale data set is already here; use a fresh database.")
        if not District.objects.exists():
            raise CommandError("Run migrate first: the districts are missing.")
        self.batch = options["batch"]
        touched = options["touched"]
        if touched is None:
            touched = max(1, options["lessons"] // options["courses_per_learner"])
        touched = min(touched, options["lessons"])
        started = time.perf_counter()

        courses = self.step("courses", self.build_courses, options["courses"], options["lessons"])
        learners = self.step("learners", self.build_learners, options["learners"])
        self.step(
            "enrolments and progress",
            self.build_progress,
            learners,
            courses,
            options["courses_per_learner"],
            touched,
        )
        self.step("cohorts", self.build_cohorts, learners, courses, options["cohorts"])
        self.step("library", self.build_library, options["materials"], options["copies"])
        self.step("statistics", self.analyze)
        self.stdout.write(
            self.style.SUCCESS(f"Scale data set built in {time.perf_counter() - started:.0f} s.")
        )
        self.stdout.write(f"Sign in as {PREFIX}learner-0 / {PASSWORD}.")

    def analyze(self):
        """Refresh the planner's statistics after the bulk load.

        Without them PostgreSQL still believes the tables are nearly empty and
        picks nested loops: the library search took 4.5 s instead of 47 ms.
        """
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def step(self, name, function, *args):
        started = time.perf_counter()
        result = function(*args)
        self.stdout.write(f"{name}: {time.perf_counter() - started:.1f} s")
        return result

    def bulk(self, model, rows):
        """Insert ``rows`` (an iterable of unsaved instances) in batches; return the count."""
        count = 0
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, self.batch)):
            with transaction.atomic():
                model.objects.bulk_create(chunk, batch_size=self.batch)
            count += len(chunk)
        return count

    def build_courses(self, count, lessons):
        catalogue = CatalogueIndexPage.objects.first()
        if catalogue is None:
            raise CommandError("Run seed_demo first: the catalogue page is missing.")
        programme = Programme.objects.first()
        modules = max(1, lessons // 10)
        per_module = -(-lessons // modules)
        courses = []
        for c in range(count):
            course = CoursePage(
                title=f"Scale course {c + 1}",
                slug=f"{PREFIX}course-{c + 1}",
                summary="A course of the benchmark data set.",
                programme=programme,
                language="az",
                audience=Audience.IN_SERVICE,
            )
            catalogue.add_child(instance=course)
            publish(course)
            made = 0
            for m in range(modules):
                module = course.add_child(
                    instance=ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}")
                )
                publish(module)
                for _ in range(per_module):
                    if made == lessons:
                        break
                    made += 1
                    lesson = module.add_child(
                        instance=LessonPage(
                            title=f"Lesson {made}",
                            slug=f"lesson-{made}",
                            body=[("paragraph", "<p>" + "Reading for the lesson. " * 40 + "</p>")],
                        )
                    )
                    publish(lesson)
            courses.append(course)
        return courses

    def build_learners(self, count):
        User = get_user_model()
        password = make_password(PASSWORD)
        self.bulk(
            User,
            (
                User(
                    username=f"{PREFIX}learner-{i}",
                    email=f"{PREFIX}learner-{i}@example.org",
                    first_name="Learner",
                    last_name=str(i),
                    password=password,
                )
                for i in range(count)
            ),
        )
        learners = list(
            User.objects.filter(username__startswith=f"{PREFIX}learner-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        districts = list(District.objects.values_list("pk", flat=True))
        self.bulk(
            LearnerProfile,
            (
                LearnerProfile(user_id=pk, district_id=districts[i % len(districts)])
                for i, pk in enumerate(learners)
            ),
        )
        return learners

    def build_progress(self, learners, courses, per_learner, touched):
        now = timezone.now()
        items = {
            course.pk: list(
                CourseItem.objects.filter(course_id=course.pk, is_active=True)
                .order_by("path")
                .values_list("pk", "uuid")
            )
            for course in courses
        }
        done = touched // 2

        def plan():
            for i, learner in enumerate(learners):
                for k in range(per_learner):
                    course = courses[(i + k) % len(courses)]
                    yield learner, course.pk, items[course.pk]

        self.bulk(
            Enrolment,
            (
                Enrolment(
                    learner_id=learner,
                    course_id=course,
                    progress=done / len(lessons) if lessons else 0.0,
                    lessons_completed=done,
                    time_spent=touched * 300.0,
                    last_item_id=lessons[touched - 1][0] if lessons else None,
                    last_activity_at=now,
                )
                for learner, course, lessons in plan()
            ),
        )
        self.bulk(
            LessonProgress,
            (
                LessonProgress(
                    learner_id=learner,
                    item_id=item[1],
                    progress=1.0 if n < done else 0.5,
                    time_spent=300.0,
                    first_visited_at=now,
                    last_visited_at=now,
                    completed_at=now if n < done else None,
                )
                for learner, _course, lessons in plan()
                for n, item in enumerate(lessons[:touched])
            ),
        )

    def build_cohorts(self, learners, courses, count):
        if not count:
            return
        districts = list(District.objects.values_list("pk", flat=True))
        self.bulk(
            Cohort,
            (
                Cohort(
                    name=f"{PREFIX}cohort-{c + 1}",
                    programme="inclusive",
                    district_id=districts[c % len(districts)],
                )
                for c in range(count)
            ),
        )
        cohorts = list(
            Cohort.objects.filter(name__startswith=f"{PREFIX}cohort-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        self.bulk(
            CohortMembership,
            (
                CohortMembership(cohort_id=cohorts[i % len(cohorts)], learner_id=learner)
                for i, learner in enumerate(learners)
            ),
        )
        through = Cohort.courses.through
        self.bulk(
            through,
            (
                through(cohort_id=cohort, page_id=courses[c % len(courses)].pk)
                for c, cohort in enumerate(cohorts)
            ),
        )

    def build_library(self, materials, copies):
        if not materials:
            return
        if not Centre.objects.exists():
            call_command("seed_library", stdout=self.stdout)
        centres = list(Centre.objects.order_by("pk").values_list("pk", flat=True))
        kinds = [kind for kind, _label in Material.Kind.choices]
        words = ["inclusive", "reading", "sign", "braille", "autism", "classroom", "play", "maths"]
        self.bulk(
            Material,
            (
                Material(
                    title=f"{words[m % len(words)].title()} guide {m + 1}",
                    identifier=f"{PREFIX}{m + 1}",
                    authors=f"Author {m % 997}",
                    kind=kinds[m % len(kinds)],
                    description=f"Material {m + 1} about {words[(m * 7) % len(words)]} teaching.",
                )
                for m in range(materials)
            ),
        )
        made = list(
            Material.objects.filter(identifier__startswith=PREFIX)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        self.bulk(
            Copy,
            (
                Copy(
                    material_id=made[n % len(made)],
                    home_centre_id=centres[n % len(centres)],
                    current_centre_id=centres[n % len(centres)],
                    barcode=f"SC{n:09d}",
                )
                for n in range(copies)
            ),
        )
        backend = get_search_backend()
        queryset = Material.objects.filter(pk__in=made).prefetch_related("subjects", "formats")
        for start in range(0, len(made), self.batch):
            backend.add_bulk(
                Material, list(queryset.filter(pk__in=made[start : start + self.batch]))
            )
