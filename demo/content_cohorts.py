"""The demo programme, half-way through: cohorts of learners at every stage, and its targets.

About 500 made-up learners (Azerbaijani names, :mod:`demo.names`) study in
twenty cohorts: student teachers at the Azerbaijan State Pedagogical
University in Bakı and its Quba and Şəki branches, Gəncə and Sumqayıt State
Universities; in-service teachers in groups around the seven districts with a
resource centre, from every district of the country (the districts far from a
centre study in distance groups); and VET instructors. Cohorts began between
three weeks and seven months ago, so some have finished, some are under way
and some have only just started:

* invited: imported by the trainer, has not signed in yet;
* enrolled: has signed in, not started a lesson;
* in progress: some lessons done, the next one begun, some with a failed quiz;
* completed: every lesson done (the final quiz passed), certificate issued,
  and about half of them evaluated the course; a few certificates revoked.

Everything goes through the platform's services, played at the time it
happened (:mod:`demo.learning`): learners come in through the cohort import
(:mod:`lms.imports`), lessons are recorded by :func:`lms.services.record_learning`,
quizzes are taken and graded as the quiz pages do, certificates are issued by
the completion itself and revoked by :func:`lms.services.revoke_certificate`.

The targets are the demo's own, at the demo's scale (:data:`TARGETS`): the
programme's real ones (11,300 teachers) would show a few hundred learners as
a sliver of a bar. ``seed_demo --learners N`` builds the same programme with
about N learners (targets scaled alike); ``--learners 0`` builds none.
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from lms import imports, services
from lms.models import Certificate, Cohort, CourseItem, District, Institution, Role, Target
from surveys.services import submit_evaluation

from .learning import Clock, History, by_quiz, replaying
from .names import FEMALE, MALE, ascii_name, make_person

# Learners' addresses: example.org is reserved, nothing is ever delivered there.
EMAIL_DOMAIN = "learners.example.org"

INCLUSIVE, VET = "inclusive-education", "vet"
LANGUAGES = ("az", "ru", "en")
FOUNDATIONS = "foundations-of-inclusive-education"
IN_PRACTICE = "inclusive-education-in-practice"
COMPETENCE = "competence-based-training"

ADPU = "Azərbaycan Dövlət Pedaqoji Universiteti"
INSTITUTIONS = [
    # names (Azerbaijani, Russian, English), kind, district (slug), parent (its
    # Azerbaijani name). Places keep their Azerbaijani spelling in English.
    (
        (ADPU, "Азербайджанский государственный педагогический университет",
         "Azerbaijan State Pedagogical University"),
        Institution.Kind.UNIVERSITY, "baku", None,
    ),
    (
        ("ADPU-nun Quba filialı", "Губинский филиал АГПУ", "ASPU Quba branch"),
        Institution.Kind.BRANCH, "guba", ADPU,
    ),
    (
        ("ADPU-nun Şəki filialı", "Шекинский филиал АГПУ", "ASPU Şəki branch"),
        Institution.Kind.BRANCH, "shaki", ADPU,
    ),
    (
        ("Gəncə Dövlət Universiteti", "Гянджинский государственный университет",
         "Gəncə State University"),
        Institution.Kind.UNIVERSITY, "ganja", None,
    ),
    (
        ("Sumqayıt Dövlət Universiteti", "Сумгайытский государственный университет",
         "Sumqayıt State University"),
        Institution.Kind.UNIVERSITY, "sumgayit", None,
    ),
    (
        ("Bakı Dövlət Peşə Təhsil Mərkəzi",
         "Бакинский государственный центр профессионального образования",
         "Bakı State Vocational Education Centre"),
        Institution.Kind.VET, "baku", None,
    ),
    (
        ("Sumqayıt Dövlət Peşə Təhsil Mərkəzi",
         "Сумгайытский государственный центр профессионального образования",
         "Sumqayıt State Vocational Education Centre"),
        Institution.Kind.VET, "sumgayit", None,
    ),
    (
        ("Gəncə Dövlət Peşə Təhsil Mərkəzi",
         "Гянджинский государственный центр профессионального образования",
         "Gəncə State Vocational Education Centre"),
        Institution.Kind.VET, "ganja", None,
    ),
]  # fmt: skip

# Where in-service teachers come from (district slugs), around each resource
# centre (its district first) and in the distance groups; together every
# district of pages' migration 0008.
REGIONS = {
    "baku": ["baku", "absheron"],
    "sumgayit": ["sumgayit", "khizi", "gobustan", "shamakhi", "agsu"],
    "ganja": [
        "ganja", "goygol", "dashkasan", "gadabay", "samukh", "shamkir", "goranboy",
        "naftalan", "mingachevir", "yevlakh",
    ],
    "guba": ["guba", "gusar", "khachmaz", "shabran", "siyazan"],
    "shaki": ["shaki", "oghuz", "gakh", "zagatala", "balakan", "gabala", "ismayilli"],
    "agjabadi": [
        "agjabadi", "barda", "beylagan", "imishli", "saatly", "sabirabad", "zardab", "ujar",
        "kurdamir", "goychay", "agdash", "hajigabul",
    ],
    "gazakh": ["gazakh", "aghstafa", "tovuz"],
    "karabakh": [
        "shusha", "khankendi", "agdam", "fuzuli", "khojavend", "khojaly", "lachin",
        "gubadli", "zangilan", "jabrayil", "tartar", "kalbajar",
    ],
    "south": [
        "lankaran", "astara", "lerik", "yardimli", "masally", "jalilabad", "bilasuvar",
        "salyan", "neftchala", "shirvan",
    ],
    "nakhchivan": [
        "nakhchivan", "babek", "julfa", "kangarli", "ordubad", "sadarak", "shahbuz", "sharur",
    ],
}  # fmt: skip

INVITED, ENROLLED, IN_PROGRESS, COMPLETED = "invited", "enrolled", "in progress", "completed"
STAGES = (INVITED, ENROLLED, IN_PROGRESS, COMPLETED)

# How far a cohort has come: the share of its learners at each stage.
FINISHED = {INVITED: 0.04, ENROLLED: 0.06, IN_PROGRESS: 0.15, COMPLETED: 0.75}
MIDWAY = {INVITED: 0.08, ENROLLED: 0.10, IN_PROGRESS: 0.40, COMPLETED: 0.42}
STARTING = {INVITED: 0.30, ENROLLED: 0.25, IN_PROGRESS: 0.40, COMPLETED: 0.05}


@dataclass(frozen=True)
class CohortPlan:
    name: str
    course: str  # the course's slug
    language: str  # the language version of the course the cohort takes
    role: str
    size: int  # learners in the full demo
    started_days_ago: int
    weeks: int
    stages: dict
    # Student teachers: their university; teachers: their region (REGIONS).
    institution: str = ""
    region: str = ""

    @property
    def programme(self):
        return VET if self.course == COMPETENCE else INCLUSIVE

    @property
    def audience(self):
        return {
            Role.STUDENT_TEACHER: "pre_service",
            Role.VET_INSTRUCTOR: "vet_instructors",
        }.get(self.role, "in_service")


def _students(name, institution, size, started, weeks, stages):
    return CohortPlan(
        name, FOUNDATIONS, "az", Role.STUDENT_TEACHER, size, started, weeks, stages, institution
    )


def _teachers(name, region, size, started, stages, language="az", weeks=12):
    return CohortPlan(
        name, IN_PRACTICE, language, Role.TEACHER, size, started, weeks, stages, region=region
    )


def _vet(name, region, size, started, stages):
    return CohortPlan(
        name, COMPETENCE, "az", Role.VET_INSTRUCTOR, size, started, 10, stages, region=region
    )


COHORTS = [
    _students("ADPU, Bakı – inklüziv təhsil, payız semestri", ADPU, 44, 190, 16, FINISHED),
    _students("ADPU, Bakı – inklüziv təhsil, yaz semestri", ADPU, 30, 40, 16, STARTING),
    _students("ADPU Quba filialı – inklüziv təhsil", "ADPU-nun Quba filialı", 20, 120, 20, MIDWAY),
    _students("ADPU Şəki filialı – inklüziv təhsil", "ADPU-nun Şəki filialı", 20, 120, 20, MIDWAY),
    _students(
        "Gəncə Dövlət Universiteti – inklüziv təhsil",
        "Gəncə Dövlət Universiteti",
        30,
        150,
        18,
        MIDWAY,
    ),
    _students(
        "Sumqayıt Dövlət Universiteti – inklüziv təhsil",
        "Sumqayıt Dövlət Universiteti",
        26,
        175,
        16,
        FINISHED,
    ),
    _teachers("Bakı – müəllimlər, 1-ci qrup", "baku", 36, 210, FINISHED),
    _teachers("Bakı – müəllimlər, 2-ci qrup", "baku", 28, 30, STARTING),
    _teachers("Bakı – rus bölməsinin müəllimləri", "baku", 22, 100, MIDWAY, language="ru"),
    _teachers("Sumqayıt və ətraf rayonlar – müəllimlər", "sumgayit", 26, 95, MIDWAY),
    _teachers("Gəncə və ətraf rayonlar – müəllimlər", "ganja", 34, 180, FINISHED),
    _teachers("Quba-Xaçmaz – müəllimlər", "guba", 26, 85, MIDWAY),
    _teachers("Şəki-Zaqatala – müəllimlər", "shaki", 28, 110, MIDWAY),
    _teachers("Ağcabədi və ətraf rayonlar – müəllimlər", "agjabadi", 30, 150, FINISHED),
    _teachers("Qazax-Tovuz – müəllimlər", "gazakh", 20, 75, MIDWAY),
    _teachers("Qarabağ – distant qrup", "karabakh", 18, 70, MIDWAY, weeks=14),
    _teachers("Cənub rayonları – distant qrup", "south", 24, 60, MIDWAY, weeks=14),
    _teachers("Naxçıvan – distant qrup", "nakhchivan", 14, 20, STARTING, weeks=14),
    _vet("Peşə təhsili müəllimləri – Bakı və Sumqayıt", "vet-baku", 16, 80, MIDWAY),
    _vet("Peşə təhsili müəllimləri – Gəncə", "vet-ganja", 12, 150, FINISHED),
]
FULL_SIZE = sum(plan.size for plan in COHORTS)

# VET instructors' providers, by the district they teach in.
VET_PROVIDERS = {
    "vet-baku": {
        "baku": "Bakı Dövlət Peşə Təhsil Mərkəzi",
        "sumgayit": "Sumqayıt Dövlət Peşə Təhsil Mərkəzi",
    },
    "vet-ganja": {"ganja": "Gəncə Dövlət Peşə Təhsil Mərkəzi"},
}

# Demo figures, at the demo's scale (the programme's real targets are 11,300
# teachers: 10,000 in service, 1,300 student teachers): programme, district
# (slug), audience, learners to train.
TARGETS = [
    (INCLUSIVE, None, "", 560),
    (INCLUSIVE, None, "in_service", 380),
    (INCLUSIVE, None, "pre_service", 180),
    (INCLUSIVE, "baku", "", 150),
    (INCLUSIVE, "sumgayit", "", 50),
    (INCLUSIVE, "ganja", "", 60),
    (INCLUSIVE, "guba", "", 35),
    (INCLUSIVE, "shaki", "", 35),
    (INCLUSIVE, "agjabadi", "", 16),
    (INCLUSIVE, "gazakh", "", 16),
    (VET, None, "", 40),
]

# What learners who evaluate a course write, in the language they studied it in.
COMMENTS = {
    "az": [
        "Kənd məktəblərindən daha çox nümunə olsa, yaxşı olardı.",
        "Fərdi təhsil proqramı haqqında dərs ən faydalı hissə idi.",
        "Bəzi dərsləri telefonda oxumaq uzun çəkdi.",
        "Real inklüziv dərsin videosunu görmək istərdim.",
        "",
        "",
    ],
    "ru": [
        "Хотелось бы больше примеров из сельских школ.",
        "Самым полезным был урок об индивидуальной программе обучения.",
        "Некоторые уроки долго читать с телефона.",
        "",
        "",
    ],
    "en": ["", ""],
}

# Why a trainer revoked a certificate (they write in Azerbaijani).
REVOKE_REASONS = [
    "Müəllim platformada iki hesabla qeydiyyatdan keçib; sertifikat digər hesaba veriləcək.",
    "Yekun testi başqa şəxsin keçdiyi müəyyən edildi; müəllim kursu yenidən keçməlidir.",
    "Sertifikat səhv kohorta görə verilib; müəllim yaz qrupunda oxuyur.",
]
# One certificate in this many is revoked (at least one when there are a few).
REVOKED_ONE_IN = 45


def build(course_pages, trainer=None, learners=None):
    """Create the institutions, the cohorts with their learners' histories, and the targets.

    ``course_pages`` maps the demo courses' slugs to their pages in the source
    language; a cohort takes the version in its own language. ``learners``
    (about how many; None: the full demo) scales the programme. Idempotent:
    nothing is added once the demo's learners exist.
    """
    if learners is not None and learners <= 0:
        return
    scale = 1.0 if learners is None else learners / FULL_SIZE
    institutions = ensure_institutions()
    User = get_user_model()
    if not User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        Programme(course_pages, institutions, trainer, scale).build()
    ensure_targets(scale)


def ensure_institutions():
    """The universities and VET providers, by their Azerbaijani names."""
    districts = {district.slug: district for district in District.objects.all()}
    institutions = {}
    for names, kind, district, parent in INSTITUTIONS:
        institutions[names[0]] = institution(
            names, districts[district], kind=kind, parent=institutions.get(parent)
        )
    return institutions


def institution(names, district, **defaults):
    """The institution named ``names`` (Azerbaijani, Russian, English) in ``district``."""
    found, _created = Institution.objects.get_or_create(
        name_az=names[0],
        district=district,
        defaults={
            "name": names[2],
            **{f"name_{language}": name for language, name in zip(LANGUAGES, names, strict=True)},
            **defaults,
        },
    )
    return found


def ensure_targets(scale):
    districts = {district.slug: district for district in District.objects.all()}
    for programme, district, audience, target in TARGETS:
        Target.objects.get_or_create(
            programme=programme,
            district=districts[district] if district else None,
            audience=audience,
            defaults={"target": max(1, round(target * scale))},
        )


def stage_counts(size, shares):
    """``size`` learners split by ``shares`` (largest remainder), in :data:`STAGES` order."""
    exact = {stage: size * shares[stage] for stage in STAGES}
    counts = {stage: int(value) for stage, value in exact.items()}
    by_remainder = sorted(STAGES, key=lambda stage: exact[stage] - counts[stage], reverse=True)
    for stage in by_remainder[: size - sum(counts.values())]:
        counts[stage] += 1
    return counts


def school_names(district, number):
    """A state school's names: "Quba rayonu 3 nömrəli tam orta məktəb" and in ru, en."""
    kind = "şəhəri" if district.kind == District.Kind.CITY else "rayonu"
    return (
        f"{district.name_az} {kind} {number} nömrəli tam orta məktəb",
        f"Полная средняя школа № {number} ({district.name_ru})",
        f"Secondary school No. {number}, {district.name_en}",
    )


class Programme:
    """Builds the cohorts of :data:`COHORTS` and plays their learners' histories."""

    def __init__(self, course_pages, institutions, trainer, scale):
        self.rng = random.Random(2026)
        self.now = timezone.now()
        self.history = History(self.rng, Clock(limit=self.now - timedelta(minutes=5)))
        self.institutions = institutions
        self.trainer = trainer
        self.scale = scale
        self.districts = {district.slug: district for district in District.objects.all()}
        self.courses = self.language_versions(course_pages)
        self.taken_emails = set()
        self.certificates = []
        self.signed_in = {}  # user id: (joined, last seen)

    @staticmethod
    def language_versions(course_pages):
        """``{(slug, language): course page}``, the source's page where no translation exists."""
        found = {}
        for locale in Locale.objects.all():
            for slug, page in course_pages.items():
                translated = page.get_translation_or_none(locale)
                found[slug, locale.language_code] = (translated or page).specific
        return found

    def build(self):
        with replaying(self.history.clock):
            for plan in COHORTS:
                self.cohort(plan)
            self.revoke_some()
        self.note_sign_ins()

    # The cohort and its learners -------------------------------------------------

    def cohort(self, plan):
        course = self.courses.get((plan.course, plan.language))
        if course is None or Cohort.objects.filter(name=plan.name).exists():
            return
        size = max(1, round(plan.size * self.scale))
        starts = self.local_moment(self.now - timedelta(days=plan.started_days_ago), hour=10)
        ends = starts + timedelta(weeks=plan.weeks)
        clock = self.history.clock
        clock.set(starts)
        cohort = Cohort.objects.create(
            name=plan.name,
            programme=plan.programme,
            audience=plan.audience,
            institution=self.institutions.get(plan.institution),
            district=self.home_district(plan),
            starts_on=timezone.localdate(starts),
            ends_on=timezone.localdate(ends),
        )
        cohort.courses.add(course)
        if self.trainer is not None:
            cohort.trainers.add(self.trainer)
        rows = [self.learner_row(plan, index) for index in range(size)]
        checked = imports.validate(rows)
        imports.apply(cohort, checked, base_url=settings.WAGTAILADMIN_BASE_URL)
        users = {
            user.email: user
            for user in get_user_model().objects.filter(email__in=[row["email"] for row in rows])
        }
        stages = [stage for stage, n in stage_counts(size, plan.stages).items() for _ in range(n)]
        self.rng.shuffle(stages)
        items = list(course_items(course))
        for row, stage in zip(rows, stages, strict=True):
            self.story(users[row["email"]], stage, course, items, plan.language, starts, ends)

    def home_district(self, plan):
        """Where the cohort meets: its university's district, or its region's centre."""
        if plan.institution:
            return self.institutions[plan.institution].district
        places = (
            VET_PROVIDERS[plan.region] if plan.region in VET_PROVIDERS else REGIONS[plan.region]
        )
        return self.districts[next(iter(places))]

    def learner_row(self, plan, index):
        """One line of the cohort's import file: who the learner is and where they teach."""
        rng = self.rng
        if plan.role == Role.STUDENT_TEACHER:
            gender = FEMALE if rng.random() < 0.72 else MALE
            university = self.institutions[plan.institution]
            district, school, role = university.district.slug, plan.institution, plan.role
        elif plan.role == Role.VET_INSTRUCTOR:
            gender = FEMALE if rng.random() < 0.4 else MALE
            district, school = rng.choice(list(VET_PROVIDERS[plan.region].items()))
            role = plan.role
        else:
            gender = FEMALE if rng.random() < 0.78 else MALE
            region = REGIONS[plan.region]
            # The first learners come one from each district of the region, the
            # rest mostly from the centre's own.
            if index < len(region):
                district = region[index]
            else:
                district = region[0] if rng.random() < 0.6 else rng.choice(region)
            school = self.school(district)
            role = Role.SCHOOL_LEADER if rng.random() < 0.08 else Role.TEACHER
        person = make_person(rng, gender)
        return {
            "email": self.email(person),
            "first_name": person.first_name,
            "last_name": person.last_name,
            "district": district,
            "institution": school,
            "role": role,
        }

    def school(self, district):
        """The Azerbaijani name of a school in ``district`` (a slug) for a teacher's import line."""
        number = self.rng.choice([6, 23, 132, 220, 245] if district == "baku" else [1, 2, 3, 4])
        names = school_names(self.districts[district], number)
        if (names[0], district) not in self.institutions:
            self.institutions[names[0], district] = institution(
                names, self.districts[district], kind=Institution.Kind.SCHOOL
            )
        return names[0]

    def email(self, person):
        base = f"{ascii_name(person.first_name)}.{ascii_name(person.last_name)}"
        email, n = f"{base}@{EMAIL_DOMAIN}", 1
        while email in self.taken_emails:
            n += 1
            email = f"{base}{n}@{EMAIL_DOMAIN}"
        self.taken_emails.add(email)
        return email

    # A learner's story -------------------------------------------------------------

    def story(self, learner, stage, course, items, language, starts, ends):
        """Play ``learner``'s history on ``course`` up to ``stage``."""
        rng, clock = self.rng, self.history.clock
        if stage == INVITED:
            self.signed_in[learner.pk] = (starts, None)
            return
        first_visit = clock.set(
            max(
                self.local_moment(starts + timedelta(days=rng.uniform(0.2, 8))),
                starts + timedelta(hours=1),
            )
        )
        self.signed_in[learner.pk] = (starts, first_visit)
        if stage == ENROLLED or not items:
            return
        latest = min(ends, clock.limit - timedelta(days=1))
        if stage == COMPLETED:
            done = len(items)
            finished = first_visit + max(
                timedelta(days=2), (latest - first_visit) * rng.uniform(0.5, 1.0)
            )
        else:
            done = rng.randint(1, len(items) - 1) if len(items) > 1 else 0
            finished = first_visit + (latest - first_visit) * rng.uniform(0.1, 1.0)
        step = (finished - first_visit) / max(1, done)
        skill = rng.uniform(0.55, 0.95)
        for index, item in enumerate(items[:done]):
            planned = self.local_moment(first_visit + step * (index + rng.uniform(0.3, 0.9)))
            # A lesson after the one before, however the times of day fell.
            clock.set(max(planned, clock() + timedelta(minutes=rng.randint(10, 40))))
            self.history.complete(learner, item, language=language, skill=skill)
        if stage == COMPLETED:
            self.completed(learner, course, language)
        elif done < len(items):
            following = items[done]
            gap = timedelta(minutes=rng.randint(20, 60 * 24 * 3))
            clock.set(clock() + min(gap, (clock.limit - clock()) / 2))
            if by_quiz(following):
                if rng.random() < 0.5:
                    self.history.fail_quiz(learner, following, language=language)
            else:
                self.history.start(learner, following)
        self.signed_in[learner.pk] = (starts, clock())

    def completed(self, learner, course, language):
        """The course is complete: note the certificate; about half evaluate the course."""
        certificate = Certificate.objects.filter(learner=learner, enrolment__course=course).first()
        if certificate is not None:
            self.certificates.append(certificate)
        if self.rng.random() < 0.5:
            self.history.clock.advance(minutes=self.rng.randint(3, 90))
            self.evaluate(learner, course, language)

    def evaluate(self, learner, course, language):
        rng = self.rng
        base = rng.choice([3, 4, 4, 5, 5])
        answers = {
            name: max(1, min(5, base + rng.choice([-1, 0, 0, 1])))
            for name in ("relevance", "clarity", "practice", "workload", "overall")
        }
        answers["would_recommend"] = base >= 4 or rng.random() < 0.3
        answers["comment"] = rng.choice(COMMENTS.get(language, [""]))
        submit_evaluation(learner, course, answers)

    def revoke_some(self):
        """A few certificates revoked by the trainer, days after they were issued."""
        limit = self.history.clock.limit
        # Certificates issued long enough ago for the trainer to have looked again.
        candidates = [c for c in self.certificates if c.completed_at < limit - timedelta(days=4)]
        if len(candidates) < 3:
            return
        chosen = candidates[2::REVOKED_ONE_IN]
        for index, certificate in enumerate(chosen):
            room = limit - certificate.completed_at
            later = timedelta(days=self.rng.randint(3, 20), hours=2)
            self.history.clock.set(certificate.completed_at + min(later, room / 2))
            services.revoke_certificate(
                certificate,
                revoked_by=self.trainer,
                reason=REVOKE_REASONS[index % len(REVOKE_REASONS)],
            )

    def note_sign_ins(self):
        """When each learner's account was made, and when they were last seen (never: None)."""
        users = list(get_user_model().objects.filter(pk__in=self.signed_in))
        for user in users:
            user.date_joined, user.last_login = self.signed_in[user.pk]
        get_user_model().objects.bulk_update(users, ["date_joined", "last_login"], batch_size=500)

    def local_moment(self, when, hour=None):
        """``when`` moved to a plausible time of day in Azerbaijan (09:00-21:59), or ``hour``."""
        local = timezone.localtime(when)
        hour = self.rng.randint(9, 21) if hour is None else hour
        moment = datetime.combine(local.date(), time(hour, self.rng.randint(0, 59)))
        return timezone.make_aware(moment)


def course_items(course):
    """The course's required lessons in course order, as the learning records know them."""
    return CourseItem.objects.filter(course=course, required=True, is_active=True).order_by("path")
