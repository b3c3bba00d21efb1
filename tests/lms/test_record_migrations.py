"""Moving the old record stores into lms loses nothing and doubles nothing.

Commit c7538e7 replaced ``h5p.H5PStatement``, ``h5p.H5PAttempt``,
``api.Statement`` and ``scorm.ScormAttempt`` with ``lms.Statement`` and
``lms.Attempt``: lms 0010 adds the new model and fields, h5p 0004, api 0002
and scorm 0003 move the rows, the migrations after them drop the old tables.
The test migrates the database back to just before them, stores records the
old way through the historical models, migrates forward and reads every row
back through the new ones. It leaves the database at the latest migrations.
"""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lms import statements

# The last migration of each app before the move; every other app stays at its latest.
BEFORE_THE_MOVE = {
    "lms": "0009_move_learning_log_entries",
    # lessons still declared the activity blocks (they register at run time since 0009)
    "courses": "0008_lesson_quiz_review_options",
    "h5p": "0003_library_install_permission_random_package_folders",
    "api": "0001_xapi_statements",
    "scorm": "0002_random_archive_folders",
}
OLD_MODELS = ["h5p.H5PStatement", "h5p.H5PAttempt", "api.Statement", "scorm.ScormAttempt"]

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SITE = "http://testserver"
VERBS = "http://adlnet.gov/expapi/verbs/"


def at(minutes):
    return START + timedelta(minutes=minutes)


def before_the_move(graph):
    """The migration targets of the state just before the records moved.

    Every other app stays at its latest migration that needs none of the moving
    apps' later ones (pages 0009 names lms 0011's districts, so it goes back too).
    """
    later = set()
    for app, name in BEFORE_THE_MOVE.items():
        [leaf] = [node for node in graph.leaf_nodes() if node[0] == app]
        later |= {node for node in graph.forwards_plan(leaf) if node[0] == app}
        later -= set(graph.forwards_plan((app, name)))
    targets = []
    for leaf in graph.leaf_nodes():
        if leaf[0] in BEFORE_THE_MOVE:
            continue
        node = leaf
        while node is not None and later & set(graph.forwards_plan(node)):
            parents = [
                parent.key for parent in graph.node_map[node].parents if parent.key[0] == node[0]
            ]
            node = parents[0] if parents else None
        targets.append(node or (leaf[0], None))
    return targets + list(BEFORE_THE_MOVE.items())


def migrate_back(executor, targets):
    """Unapply the migrations above ``targets``; return the project state they leave.

    ``executor.migrate(targets)`` does the same, but it first replays every
    migration of the project that comes after the first one it unapplies, on
    rendered models (about 20 s here). The state before each migration to
    unapply is also the targets' state plus the migrations to unapply that
    come before it, so this builds the states from there: a few seconds. The
    executor still unapplies each migration and records it.
    """
    plan = executor.migration_plan(targets)
    assert all(backwards for _migration, backwards in plan)
    before = executor.loader.project_state(targets)
    state = before
    state.apps  # noqa: B018 -- render once; the states built on it are copies
    states = {}
    for migration, _backwards in reversed(plan):
        states[migration] = state
        state = migration.mutate_state(state, preserve=True)
    for migration, _backwards in plan:
        executor.unapply_migration(states[migration], migration)
    return before


def h5p_statement(learner, statement_id, verb, activity, *, result=None, context=None):
    """What the H5P player sent, as the old store kept it (its own id, unchanged)."""
    raw = {
        "id": statement_id,
        "actor": {"objectType": "Agent", "mbox": f"mailto:learner-{learner.pk}@learners.invalid"},
        "verb": {"id": VERBS + verb, "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": f"{SITE}/h5p/{activity.pk}"},
    }
    if result is not None:
        raw["result"] = result
    if context is not None:
        raw["context"] = context
    return raw


def store_old_records(apps):
    """Two learners' records in the old stores, a lesson with an H5P block and a quiz attempt.

    Returns what the assertions need: the learners, lesson, activity,
    package and the old rows themselves (model instances of the old state).
    """
    User = apps.get_model("accounts", "User")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    LessonPage = apps.get_model("courses", "LessonPage")
    CourseItem = apps.get_model("lms", "CourseItem")
    Attempt = apps.get_model("lms", "Attempt")
    H5PActivity = apps.get_model("h5p", "H5PActivity")
    H5PAttempt = apps.get_model("h5p", "H5PAttempt")
    H5PStatement = apps.get_model("h5p", "H5PStatement")
    ApiStatement = apps.get_model("api", "Statement")
    ScormPackage = apps.get_model("scorm", "ScormPackage")
    ScormAttempt = apps.get_model("scorm", "ScormAttempt")

    ann = User.objects.create(username="ann", password="!")
    ben = User.objects.create(username="ben", password="!")

    # A course page and its lesson, with the treebeard fields set by hand (the
    # historical models have no tree methods); paths no other page uses.
    locale, _created = Locale.objects.get_or_create(language_code="en")
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    lesson_type, _created = ContentType.objects.get_or_create(
        app_label="courses", model="lessonpage"
    )
    course = Page.objects.create(
        title="Inclusive classrooms",
        slug="inclusive-classrooms",
        path="ZZ01",
        depth=1,
        numchild=1,
        url_path="/inclusive-classrooms/",
        content_type=page_type,
        locale=locale,
    )
    activity = H5PActivity.objects.create(
        title="Check your understanding",
        package="h5p/packages/abc/quiz.h5p",
        main_library="H5P.QuestionSet-1.20",
        storage_prefix="h5p/content/abc",
    )
    lesson = LessonPage.objects.create(
        title="Seating plans",
        slug="seating-plans",
        path="ZZ010001",
        depth=2,
        numchild=0,
        url_path="/inclusive-classrooms/seating-plans/",
        content_type=lesson_type,
        locale=locale,
        completion_rule="pass",
        body=[
            {
                "type": "h5p",
                "id": "6a0e7f43-2f0b-4f57-9a53-0c1b6c1f0b11",
                "value": {"activity": activity.pk, "completion": "passed", "required": True},
            }
        ],
    )
    item = CourseItem.objects.create(
        uuid=lesson.lesson_uuid,
        course=course,
        page_id=lesson.pk,
        title=lesson.title,
        path=lesson.path,
        completion_rule="pass",
    )

    quiz = Attempt.objects.create(
        learner=ann,
        item=item,
        number=1,
        started_at=at(0),
        finished_at=at(5),
        score=0.8,
        passed=True,
    )

    # Ann fails, then passes; the passed attempt is stored first so that
    # numbering by time is told apart from numbering by primary key.
    ann_passed = H5PAttempt.objects.create(
        learner=ann,
        activity=activity,
        lesson_uuid=lesson.lesson_uuid,
        score=0.9,
        success=True,
        completion=True,
    )
    ann_failed = H5PAttempt.objects.create(
        learner=ann,
        activity=activity,
        lesson_uuid=lesson.lesson_uuid,
        score=0.4,
        success=False,
        completion=True,
    )
    ben_failed = H5PAttempt.objects.create(
        learner=ben,
        activity=activity,
        lesson_uuid=lesson.lesson_uuid,
        score=0.2,
        success=False,
        completion=True,
    )
    # finished_at is auto_now_add: the times are set after creating.
    for attempt, minutes in ((ann_passed, 30), (ann_failed, 20), (ben_failed, 25)):
        H5PAttempt.objects.filter(pk=attempt.pk).update(finished_at=at(minutes))

    def store(learner, player_id, verb, minutes, *, attempt=None, result=None, context=None):
        """One statement as the old H5P store kept it: as received, results in columns."""
        raw = h5p_statement(learner, player_id, verb, activity, result=result, context=context)
        result = result or {}
        row = H5PStatement.objects.create(
            learner=learner,
            activity=activity,
            lesson_uuid=lesson.lesson_uuid,
            statement_id=player_id,
            verb=VERBS + verb,
            score=result.get("score", {}).get("scaled"),
            success=result.get("success"),
            completion=result.get("completion"),
            is_top_level="parent" not in (context or {}).get("contextActivities", {}),
            raw=raw,
            attempt=attempt,
        )
        # stored_at is auto_now_add: the time is set after creating.
        H5PStatement.objects.filter(pk=row.pk).update(stored_at=at(minutes))
        return H5PStatement.objects.get(pk=row.pk)

    def outcome(score, success):
        return {"score": {"scaled": score}, "success": success, "completion": True}

    registration = "0f3c8a6e-1d2b-4c5d-8e9f-a0b1c2d3e4f5"
    h5p_rows = [
        store(
            ann,
            "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
            "failed",
            20,
            attempt=ann_failed,
            result=outcome(0.4, False),
            context={"registration": registration},
        ),
        store(
            ann,
            "6fa459ea-ee8a-4ca4-894e-db77e160355e",
            "passed",
            30,
            attempt=ann_passed,
            result=outcome(0.9, True),
        ),
        # A child question of the question set: stored, part of no attempt.
        store(
            ann,
            "9c8e3b2a-5d1f-4e6a-b7c8-d9e0f1a2b3c4",
            "answered",
            29,
            result=outcome(1.0, True),
            context={"contextActivities": {"parent": [{"id": f"{SITE}/h5p/{activity.pk}"}]}},
        ),
        # A player id that is no UUID, from both learners: each gets a UUID of their own.
        store(ann, "s-1", "interacted", 10),
        store(ben, "s-1", "failed", 25, attempt=ben_failed, result=outcome(0.2, False)),
    ]

    # The xAPI API's statements: one about the lesson, one about another site's activity.
    about_lesson = {
        "id": "3d1f0c9a-7b6e-4a5d-9c8b-1e2f3a4b5c6d",
        "actor": {"objectType": "Agent", "mbox": "mailto:ann@example.org"},
        "verb": {"id": VERBS + "completed"},
        "object": {"objectType": "Activity", "id": f"{SITE}/lessons/{lesson.lesson_uuid}"},
        "result": {"score": {"raw": 8, "max": 10}, "success": True, "completion": True},
        "context": {"registration": registration},
        "timestamp": at(40).isoformat(),
    }
    elsewhere = {
        "id": "a7c3e5f1-2b4d-4f6a-8c9e-0d1f2a3b4c5d",
        "actor": {"objectType": "Agent", "mbox": "mailto:ben@example.org"},
        "verb": {"id": VERBS + "experienced"},
        "object": {"objectType": "Activity", "id": "https://example.org/reading/chapter-2"},
        "context": {
            "contextActivities": {"parent": [{"id": "https://example.org/reading"}]},
        },
        "timestamp": at(45).isoformat(),
    }
    api_rows = []
    for learner, raw, lesson_item, minutes in (
        (ann, about_lesson, item, 41),
        (ben, elsewhere, None, 46),
    ):
        row = ApiStatement.objects.create(
            id=uuid.UUID(raw["id"]),
            learner=learner,
            verb=raw["verb"]["id"],
            object_id=raw["object"]["id"],
            lesson=lesson_item,
            raw=raw,
            digest=statements.digest(raw),
            timestamp=datetime.fromisoformat(raw["timestamp"]),
        )
        ApiStatement.objects.filter(pk=row.pk).update(stored=at(minutes))
        api_rows.append(row)

    package = ScormPackage.objects.create(
        title="Classroom routines",
        version="2004",
        file="scorm/archives/def/routines.zip",
        storage_prefix="scorm/packages/def",
        scos=[
            {"identifier": "intro", "title": "Introduction", "launch": "intro.html"},
            {"identifier": "check", "title": "Check", "launch": "check.html"},
        ],
    )
    done = ScormAttempt.objects.create(
        learner=ann,
        package=package,
        lesson_uuid=lesson.lesson_uuid,
        sco="intro",
        completion_status="completed",
        success_status="passed",
        score_raw=45.0,
        score_min=0.0,
        score_max=50.0,
        location="page-3",
        suspend_data="visited=1,2,3",
        session_time="PT2M5S",
        total_time=125.5,
        interactions=[{"id": "q1", "type": "choice", "learner_response": "b", "result": "correct"}],
        objectives=[{"id": "routines", "success_status": "passed"}],
        cmi={"session": "s1", "base": 0.0, "digest": "d1", "data": {"cmi.location": "page-3"}},
        commits=3,
    )
    unfinished = ScormAttempt.objects.create(
        learner=ben,
        package=package,
        lesson_uuid=lesson.lesson_uuid,
        sco="check",
        completion_status="incomplete",
        success_status="failed",
        score_raw=30.0,
        score_min=20.0,
        score_max=60.0,
        location="question-2",
        suspend_data="answers=a,c",
        session_time="PT40S",
        total_time=40.0,
        interactions=[{"id": "q2", "type": "choice", "learner_response": "c"}],
        cmi={"session": "s2", "base": 0.0, "digest": "d2", "data": {}},
        commits=1,
    )
    for attempt, created, updated in ((done, 50, 55), (unfinished, 60, 61)):
        ScormAttempt.objects.filter(pk=attempt.pk).update(
            created_at=at(created), updated_at=at(updated)
        )

    return {
        "ann": ann,
        "ben": ben,
        "item": item,
        "activity": activity,
        "package": package,
        "quiz": quiz,
        "h5p_attempts": {
            name: H5PAttempt.objects.get(pk=attempt.pk)
            for name, attempt in (
                ("ann_failed", ann_failed),
                ("ann_passed", ann_passed),
                ("ben", ben_failed),
            )
        },
        "h5p_statements": h5p_rows,
        "api_statements": [ApiStatement.objects.get(pk=row.pk) for row in api_rows],
        "scorm_attempts": [ScormAttempt.objects.get(pk=row.pk) for row in (done, unfinished)],
        "old_tables": {apps.get_model(name)._meta.db_table for name in OLD_MODELS},
        "counts": {
            "h5p statements": H5PStatement.objects.count(),
            "xapi statements": ApiStatement.objects.count(),
            "quiz attempts": Attempt.objects.count(),
            "h5p attempts": H5PAttempt.objects.count(),
            "scorm attempts": ScormAttempt.objects.count(),
        },
    }


def check_h5p_attempts(old, Attempt):
    """Each H5P attempt is an lms attempt, numbered in time order and judged by the block's rule."""
    activity = f"h5p:{old['activity'].pk}"
    moved = {}
    for name, learner, number, counted in (
        ("ann_failed", old["ann"], 1, False),
        ("ann_passed", old["ann"], 2, True),
        ("ben", old["ben"], 1, False),
    ):
        source = old["h5p_attempts"][name]
        attempt = Attempt.objects.get(learner_id=learner.pk, activity=activity, number=number)
        assert attempt.source == "h5p"
        assert attempt.item_id == old["item"].uuid
        assert (attempt.score, attempt.passed, attempt.completed) == (
            source.score,
            source.success,
            source.completion,
        )
        assert attempt.started_at == attempt.finished_at == source.finished_at
        assert attempt.rule == "h5p: passed"
        assert attempt.counted is counted
        moved[source.pk] = attempt.pk
    return moved


def check_statements(old, Statement, moved_attempts):
    """Each old statement is one lms statement with the same meaning and content."""
    kept = set()
    for source in old["h5p_statements"]:
        try:
            expected_id = uuid.UUID(source.statement_id)
        except ValueError:
            expected_id = uuid.uuid5(
                statements.NAMESPACE, f"{source.learner_id}:{source.statement_id}"
            )
        row = Statement.objects.get(pk=expected_id)
        raw = {**source.raw, "id": str(expected_id)}
        assert row.source == "h5p"
        assert row.learner_id == source.learner_id
        assert row.verb == source.verb
        assert row.object_id == source.raw["object"]["id"]
        assert row.item_id == old["item"].uuid
        assert row.is_top_level is source.is_top_level
        assert (row.score, row.success, row.completion) == (
            source.score,
            source.success,
            source.completion,
        )
        assert row.raw == raw
        assert row.digest == statements.digest(raw)
        assert row.attempt_id == moved_attempts.get(source.attempt_id)
        kept.add(row.attempt_id)
        assert row.timestamp == row.stored == source.stored_at
        registration = source.raw.get("context", {}).get("registration")
        assert row.registration == (uuid.UUID(registration) if registration else None)
    # The three statements of an attempt still name it; the other two name none.
    assert kept == {*moved_attempts.values(), None}

    about_lesson, elsewhere = (Statement.objects.get(pk=s.pk) for s in old["api_statements"])
    for row, source in zip((about_lesson, elsewhere), old["api_statements"], strict=True):
        assert row.source == "xapi"
        assert row.learner_id == source.learner_id
        assert (row.verb, row.object_id, row.item_id) == (
            source.verb,
            source.object_id,
            source.lesson_id,
        )
        assert row.raw == source.raw
        assert row.digest == source.digest == statements.digest(row.raw)
        assert (row.timestamp, row.stored) == (source.timestamp, source.stored)
        assert row.attempt_id is None
    assert about_lesson.item_id == old["item"].uuid
    assert (about_lesson.score, about_lesson.success, about_lesson.completion) == (0.8, True, True)
    assert about_lesson.is_top_level
    assert about_lesson.registration == uuid.UUID(about_lesson.raw["context"]["registration"])
    assert elsewhere.item_id is None
    assert (elsewhere.score, elsewhere.success, elsewhere.completion) == (None, None, None)
    assert not elsewhere.is_top_level
    assert elsewhere.registration is None


def check_scorm_attempts(old, Attempt):
    """Each SCO attempt is an lms attempt with its CMI data in ``state``."""
    package = old["package"]
    done, unfinished = old["scorm_attempts"]
    expected = {
        done.pk: {"score": 0.9, "passed": True, "completed": True, "counted": True},
        unfinished.pk: {"score": 0.25, "passed": False, "completed": None, "counted": False},
    }
    for source in (done, unfinished):
        attempt = Attempt.objects.get(
            learner_id=source.learner_id, activity=f"scorm:{package.pk}:{source.sco}"
        )
        assert attempt.source == "scorm"
        assert attempt.item_id == old["item"].uuid
        assert attempt.number == 1
        assert attempt.rule == "scorm: completed or passed"
        result = expected[source.pk]
        assert attempt.score == pytest.approx(result["score"])
        assert (attempt.passed, attempt.completed, attempt.counted) == (
            result["passed"],
            result["completed"],
            result["counted"],
        )
        assert attempt.started_at == source.created_at
        assert attempt.finished_at == (source.updated_at if result["counted"] else None)
        assert attempt.state == {
            "completion_status": source.completion_status,
            "success_status": source.success_status,
            "score_raw": source.score_raw,
            "score_min": source.score_min,
            "score_max": source.score_max,
            "score_scaled": source.score_scaled,
            "location": source.location,
            "suspend_data": source.suspend_data,
            "session_time": source.session_time,
            "total_time": source.total_time,
            "interactions": source.interactions,
            "objectives": source.objectives,
            "cmi": source.cmi,
            "commits": source.commits,
        }


@pytest.mark.django_db(transaction=True)
def test_moving_the_old_record_stores_into_lms_loses_and_doubles_nothing():
    executor = MigrationExecutor(connection)
    if ("lms", BEFORE_THE_MOVE["lms"]) not in executor.loader.graph.nodes:
        pytest.skip("the test database was made without migrations")
    before = before_the_move(executor.loader.graph)
    try:
        old = store_old_records(migrate_back(executor, before).apps)
        executor.loader.build_graph()
        apps = executor.migrate(executor.loader.graph.leaf_nodes()).apps
        Attempt = apps.get_model("lms", "Attempt")
        Statement = apps.get_model("lms", "Statement")

        moved_attempts = check_h5p_attempts(old, Attempt)
        check_statements(old, Statement, moved_attempts)
        check_scorm_attempts(old, Attempt)
        quiz = Attempt.objects.get(pk=old["quiz"].pk)
        assert (quiz.source, quiz.activity, quiz.number, quiz.score, quiz.passed) == (
            "quiz",
            "quiz",
            1,
            0.8,
            True,
        )

        def count(model, source):
            return model.objects.filter(source=source).count()

        assert (
            {
                "h5p statements": count(Statement, "h5p"),
                "xapi statements": count(Statement, "xapi"),
                "quiz attempts": count(Attempt, "quiz"),
                "h5p attempts": count(Attempt, "h5p"),
                "scorm attempts": count(Attempt, "scorm"),
            }
            == old["counts"]
            == {
                "h5p statements": 5,
                "xapi statements": 2,
                "quiz attempts": 1,
                "h5p attempts": 3,
                "scorm attempts": 2,
            }
        )
        assert Statement.objects.count() == 7
        assert Attempt.objects.count() == 6
        for name in OLD_MODELS:
            with pytest.raises(LookupError):
                apps.get_model(name)
        assert not old["old_tables"] & set(connection.introspection.table_names())
    finally:
        # Back to the latest migrations whatever happened, for the tests after this one.
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
