"""A person who did everything downloads every row about them, and erasure leaves none naming them.

Two people each do everything the platform records, as a learner, a trainer,
desk staff and an editor (:func:`did_everything`). The download of one holds,
for every model and user field found by walking the installed models, as
many entries as there are rows, and nothing of the other. Erasing them
deletes what the registry says to delete, blanks what it says to scrub,
leaves no row pointing at them that still holds their username, email or
names, and changes no programme total.
"""

import json
from types import SimpleNamespace

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    GroupApprovalTask,
    Locale,
    Page,
    PageSubscription,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TranslationSource,
)

from accounts.factories import UserFactory
from accounts.privacy import (
    Delete,
    PersonalDataRegistry,
    Scrub,
    erase_personal_data,
    export_personal_data,
    keep,
    personal_data,
)
from competencies.models import Competency, Evidence, Framework
from courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from h5p.models import H5PActivity, H5PUserData
from library import services as library
from library.factories import CentreFactory, CentreStaffFactory, CopyFactory, PatronFactory
from library.models import Hold, Loan, Notice, StockTake, Transfer
from lms import cohorts, services, statements
from lms.attempts import add_attempt
from lms.models import (
    Attempt,
    AttemptAnswer,
    Certificate,
    Cohort,
    CourseItem,
    District,
    Enrolment,
    LearnerProfile,
    LessonProgress,
    Role,
    Source,
    Verb,
    scorm_activity,
)
from lms.tasks import certificate_pdf_name
from modules.inclusive_ed.models import LearnerWork
from operations.models import ReportExport
from scorm.models import ScormPackage
from surveys.models import EvaluationReceipt

from .relations import user_relations

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home, course, lessons, catalogue):
    """What everyone shares: two courses, two library centres, a framework, a workflow."""
    workshop = CoursePageFactory(parent=catalogue, title="Face-to-face workshop", slug="workshop")
    LessonPageFactory(
        parent=ModulePageFactory(parent=workshop, title="Day one", slug="day-one"),
        title="Welcome",
        slug="welcome",
    )
    framework = Framework.objects.create(slug="inclusion", name="Inclusive teaching")
    workflow = Workflow.objects.create(name="Review")
    return SimpleNamespace(
        home=home,
        course=course,
        lessons=lessons,
        workshop=workshop,
        centre=CentreFactory(name="Guba resource centre", code="gub"),
        other_centre=CentreFactory(name="Shaki resource centre", code="shk"),
        competency=Competency.objects.create(
            framework=framework, code="1.1", kind="competency", title="Plans for every learner"
        ),
        workflow=workflow,
        task=GroupApprovalTask.objects.create(name="Editors approve"),
    )


def did_everything(person, world):
    """Make ``person`` leave a row in every registered relation: learner, trainer, desk, editor.

    Where they act on someone else's record, that is a colleague of their own
    (``colleague-<pk>``), so that two people's rows never meet. Names and
    titles made here hold no one's name unless a real one would.
    """
    now = timezone.now()
    colleague = UserFactory(
        username=f"colleague-{person.pk}", first_name="Leyla", last_name="Colleague"
    )
    page_type = ContentType.objects.get_for_model(Page)

    # The account's access.
    person.groups.add(Group.objects.create(name=f"Reading circle {person.pk}"))
    person.user_permissions.add(Permission.objects.get(codename="view_cohort"))

    # As a learner: profile, cohort, a course completed lesson by lesson, a quiz.
    LearnerProfile.objects.create(
        user=person, role=Role.TEACHER, district=District.objects.get(slug="guba")
    )
    cohort = Cohort.objects.create(name=f"Cohort {person.pk}")
    cohorts.add_courses(cohort, [world.course])
    cohorts.add_members(cohort, [person])
    for lesson in world.lessons:
        services.record_learning(
            person, lesson.lesson_uuid, Verb.MARKED_COMPLETE, request_id=f"{person.pk}-{lesson.pk}"
        )
    attempt = Attempt.objects.create(
        learner=person,
        item=CourseItem.objects.get(uuid=world.lessons[0].lesson_uuid),
        number=1,
        started_at=now,
        finished_at=now,
        score=0.5,
        passed=False,
    )
    AttemptAnswer.objects.create(
        attempt=attempt,
        position=1,
        question_ref="q1",
        answer={"text": "Seat Nigar near the board"},
        answer_text="Seat Nigar near the board",
        correct=0.5,
        points=1,
    )
    Evidence.objects.create(
        learner=person,
        competency=world.competency,
        lesson_uuid=world.lessons[0].lesson_uuid,
        recorded_at=now,
    )
    LearnerWork.objects.create(
        learner=person,
        lesson_uuid=world.lessons[0].lesson_uuid,
        block_id="iep1",
        kind=LearnerWork.Kind.IEP,
        data={"sections": {"0": "Nigar reads large print"}},
    )
    EvaluationReceipt.objects.create(learner=person, course=world.course)

    # The workshop, completed by hand for each other and revoked, the reasons naming them.
    theirs = services.complete_for_learner(
        person,
        world.workshop,
        decided_by=colleague,
        reason=f"{person.first_name} {person.last_name} attended the workshop in Guba",
    )
    services.revoke_certificate(
        theirs, revoked_by=colleague, reason=f"{person.first_name} asked to attend again"
    )
    colleagues = services.complete_for_learner(
        colleague, world.workshop, decided_by=person, reason="Leyla attended the workshop"
    )
    services.revoke_certificate(colleagues, revoked_by=person, reason="Issued in error")

    # As a trainer, and someone who asked for a report.
    Cohort.objects.create(name=f"Trainers' cohort {person.pk}").trainers.add(person)
    export = ReportExport.objects.create(
        requester=person, report="lms.by_course", title="Completion by course", format="csv"
    )
    export.file.save("by-course.csv", ContentFile(b"course,learners\n"))

    # At the library: a patron who borrows and holds, and desk staff who lend.
    CentreStaffFactory(centre=world.centre, user=person)
    CentreStaffFactory(centre=world.centre, user=colleague)
    patron = PatronFactory(
        user=person,
        name=f"{person.first_name} {person.last_name}",
        email=person.email,
        phone="+994 50 000 00 00",
        home_centre=world.centre,
    )
    loan = library.checkout(
        colleague, world.centre, patron, CopyFactory(home_centre=world.centre).barcode
    )
    held = CopyFactory(home_centre=world.centre)
    library.place_hold(patron, held.material, world.centre)
    Notice.objects.create(patron=patron, kind="due_soon", sent_on=now.date(), items=[loan.pk])
    lent = CopyFactory(home_centre=world.centre).barcode
    library.checkout(person, world.centre, PatronFactory(home_centre=world.centre), lent)
    library.checkin(person, world.centre, lent)
    Transfer.objects.create(
        copy=CopyFactory(home_centre=world.centre),
        from_centre=world.centre,
        to_centre=world.other_centre,
        reason="manual",
        sent_by=person,
        received_by=person,
        received_at=now,
    )
    StockTake.objects.create(centre=world.centre, started_by=person)

    # As an editor: a page with its revision, lock, review, comments; uploads; tokens.
    page = world.home.add_child(
        instance=Page(title=f"Reading list {person.pk}", slug=f"list-{person.pk}", owner=person)
    )
    revision = page.save_revision(user=person, log_action=True)
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=person, locked_at=now)
    review = WorkflowState.objects.create(
        content_type=page_type,
        base_content_type=page_type,
        object_id=str(page.pk),
        workflow=world.workflow,
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by=person,
    )
    TaskState.objects.create(
        workflow_state=review,
        revision=revision,
        task=world.task,
        status=TaskState.STATUS_APPROVED,
        finished_by=person,
        finished_at=now,
    )
    comment = Comment.objects.create(
        page=page,
        user=person,
        text="Shorten the introduction",
        contentpath="title",
        resolved_by=person,
        resolved_at=now,
    )
    CommentReply.objects.create(comment=comment, user=person, text="Done")
    # As a translator (wagtail-localize): a segment of their page put into Russian.
    russian = Locale.objects.get(language_code="ru")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segment = StringSegment.objects.filter(source=source).first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=russian,
        context=segment.context,
        data="Перевод",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=person,
    )
    SegmentOverride.objects.create(
        locale=russian, context=segment.context, data_json='""', last_translated_by=person
    )
    PageSubscription.objects.create(page=page, user=person, comment_notifications=True)
    EditingSession.objects.create(
        user=person, content_type=page_type, object_id=str(page.pk), last_seen_at=now
    )
    FormState.objects.create(
        user=person,
        content_type=page_type,
        object_id=str(page.pk),
        parent_object_id="",
        data="title=Reading+list",
        last_updated_at=now,
    )
    image = Image.objects.create(
        title=f"Classroom {person.pk}", file=get_test_image_file(), uploaded_by_user=person
    )
    log(image, "wagtail.edit", user=person)
    Document.objects.create(
        title=f"Lesson plan {person.pk}",
        file=ContentFile(b"Plan", name="plan.txt"),
        uploaded_by_user=person,
    )
    UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(Image),
        file=ContentFile(b"Half uploaded", name="upload.txt"),
        uploaded_by_user=person,
    )
    LogEntry.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(Group),
        object_id="1",
        object_repr="Reading circle",
        action_flag=CHANGE,
    )
    activity = H5PActivity.objects.create(
        title=f"Quiz {person.pk}", package="x.h5p", uploaded_by=person
    )
    package = ScormPackage.objects.create(
        title=f"Module {person.pk}",
        version="1.2",
        file="x.zip",
        storage_prefix=f"scorm-{person.pk}",
        uploaded_by=person,
    )

    # Activity records that may carry the person's name: the player's saved state,
    # a SCO's commits (the runtime hands the SCO the learner's name), an xAPI
    # client's statement naming them with a free-text answer.
    item = CourseItem.objects.get(uuid=world.lessons[0].lesson_uuid)
    H5PUserData.objects.create(
        learner=person,
        activity=activity,
        data_type="state",
        data=f'{{"name": "{person.first_name}"}}',
    )
    add_attempt(
        person,
        item,
        source=Source.SCORM,
        activity=scorm_activity(package.pk, "item1"),
        score=0.8,
        state={
            "completion_status": "completed",
            "location": "page-3",
            "suspend_data": f"{person.first_name} was here",
            "cmi": {"data": {"cmi.core.student_name": f"{person.last_name}, {person.first_name}"}},
        },
    )
    said = {
        "actor": {
            "name": f"{person.first_name} {person.last_name}",
            "mbox": f"mailto:{person.email}",
        },
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": f"{statements.lesson_iri(item.uuid)}"},
        "result": {"response": f"I am {person.first_name}", "score": {"scaled": 0.5}},
    }
    statements.save(
        statements.fresh(statements.prepare(person, [said], source=Source.XAPI, item=item))
    )
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "az"
    profile.avatar.save("avatar.png", ContentFile(b"A face"))
    APIToken.objects.create(user=person, name="Laptop", key_hash=f"{person.pk:064d}", prefix="tt")
    Token.objects.create(user=person)


@pytest.fixture
def aysel(learner, world, django_capture_on_commit_callbacks):
    learner.first_name, learner.last_name = "Aysel", "Məmmədova"
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        did_everything(learner, world)
    return learner


@pytest.fixture
def murad(other_learner, world, django_capture_on_commit_callbacks):
    other_learner.first_name, other_learner.last_name = "Murad", "Quliyev"
    other_learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        did_everything(other_learner, world)
    return other_learner


def identifiers(person):
    return [person.username, person.email, person.first_name, person.last_name]


def as_text(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).casefold()


def linked(records, model, field):
    """How many entries of the download's section for ``model`` hold the person in ``field``."""
    return sum(field in entry["linked_as"] for entry in records.get(model._meta.label, []))


def test_the_person_did_everything_that_is_registered(aysel):
    empty = [
        relation.label
        for relation in personal_data.relations()
        if not relation.rows(aysel).exists()
    ]
    assert not empty, f"did_everything() makes no row for: {', '.join(empty)}; add one"


def test_the_download_holds_every_row_about_the_person_and_nothing_of_anyone_else(aysel, murad):
    records = export_personal_data(aysel)["records"]

    for model, field in user_relations():
        rows = model._base_manager.filter(**{field.name: aysel}).count()
        assert linked(records, model, field.name) == rows, f"{model._meta.label}.{field.name}"
    for relation in personal_data.relations():  # and those reached through another row
        rows = relation.rows(aysel).count()
        assert linked(records, relation.model, relation.field) == rows, relation.label

    text = as_text(records)
    for value in identifiers(murad):
        assert value.casefold() not in text
    assert records["lms.Certificate"][0]["learner_name"] == "Aysel Məmmədova"
    assert records["inclusive_ed.LearnerWork"][0]["data"] == {
        "sections": {"0": "Nigar reads large print"}
    }
    assert "key" not in records["authtoken.Token"][0]


def test_a_row_holding_the_person_twice_is_one_entry_and_an_export_may_be_a_callable(learner):
    registry = PersonalDataRegistry()
    registry.register(
        Transfer,
        ["sent_by", "received_by"],
        export=lambda transfer: {"route": f"{transfer.from_centre.code}-{transfer.to_centre.code}"},
        erase=keep("the desk's record"),
    )
    guba, shaki = CentreFactory(code="gub"), CentreFactory(code="shk")
    Transfer.objects.create(
        copy=CopyFactory(home_centre=guba),
        from_centre=guba,
        to_centre=shaki,
        reason="manual",
        sent_by=learner,
        received_by=learner,
    )
    assert registry.export(learner) == {
        "library.Transfer": [{"linked_as": ["sent_by", "received_by"], "route": "gub-shk"}]
    }


def test_the_download_is_json_with_the_account_and_a_section_per_model(client, aysel):
    client.force_login(aysel)
    data = json.loads(client.get(reverse("my_data")).content)
    assert data["account"]["email"] == aysel.email
    assert {"lms.Enrolment", "competencies.Evidence", "library.Loan"} <= set(data["records"])


def totals():
    return {
        "enrolments": Enrolment.objects.count(),
        "completed enrolments": Enrolment.objects.filter(completed_at__isnull=False).count(),
        "completed lessons": LessonProgress.objects.filter(completed_at__isnull=False).count(),
        "certificates": Certificate.objects.count(),
        "loans": Loan.objects.count(),
        "holds": Hold.objects.count(),
    }


def test_erasure_leaves_no_row_naming_the_person_and_keeps_the_totals(
    aysel, murad, admin_user, django_capture_on_commit_callbacks
):
    before = totals()
    old = identifiers(aysel)
    murads_records = export_personal_data(murad)["records"]
    deleted = [r for r in personal_data.relations() if any(isinstance(d, Delete) for d in r.erase)]
    scrubbed = [
        (relation, decision, list(relation.rows(aysel).values_list("pk", flat=True)))
        for relation in personal_data.relations()
        for decision in relation.erase
        if isinstance(decision, Scrub)
    ]
    files = [
        *(
            certificate_pdf_name(certificate)
            for certificate in Certificate.objects.filter(learner=aysel, revoked_at__isnull=True)
        ),
        UserProfile.objects.get(user=aysel).avatar.name,
    ]
    export_file = ReportExport.objects.get(requester=aysel).file.name
    assert all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        erase_personal_data(aysel, by=admin_user)

    for relation in deleted:
        assert not relation.rows(aysel).exists(), relation.label
    for relation, decision, pks in scrubbed:
        expected = decision.resolved()
        for row in relation.model._base_manager.filter(pk__in=pks).values(*expected):
            assert row == expected, relation.label
    for model, field in user_relations():
        for row in model._base_manager.filter(**{field.name: aysel}).values():
            text = as_text(row)
            for value in old:
                assert value.casefold() not in text, f"{model._meta.label}.{field.name}: {value}"
    assert not any(default_storage.exists(name) for name in files)
    assert not storages["exports"].exists(export_file)
    assert not any(value.casefold() in as_text(export_personal_data(aysel)) for value in old)

    assert totals() == before
    assert export_personal_data(murad)["records"] == murads_records
