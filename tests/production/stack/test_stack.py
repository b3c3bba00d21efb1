"""The production stack: two servers, a database restart, a killed worker, backup and restore.

Run with ``make test-stack`` (CI does). Each test drives the real processes
over HTTP and checks the database afterwards.
"""

import shutil
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from .conftest import PYTHON, ROOT, Browser

pytestmark = pytest.mark.stack

PASSWORD = "correct-horse-battery-staple"


def learner_id(stack, username):
    return stack.cluster.sql(f"SELECT id FROM accounts_user WHERE username = '{username}'")[0][0]


def test_a_learner_alternating_between_two_servers_sees_one_consistent_record(stack):
    one, two = stack.servers
    browser = Browser()
    browser.sign_in(one, "aysel", PASSWORD)
    # Signed in on one server, known on the other: the session is shared.
    assert browser.get(two, "/learning/").status_code == 200
    enrolled = browser.post(two, f"/learn/courses/{stack.seed['course_id']}/enrol/")
    assert enrolled.status_code == 302

    for index, lesson in enumerate(stack.seed["lessons"]):
        here, there = (one, two) if index % 2 == 0 else (two, one)
        assert browser.get(here, lesson["url"]).status_code == 200
        key = str(uuid.uuid4())
        for _retry in range(2):  # the same report twice, to both servers
            report = browser.post(
                there,
                f"/learn/lessons/{lesson['uuid']}/progress/",
                data={"verb": "progressed", "progress_delta": "0.5", "time_spent": "30"},
                headers={"Idempotency-Key": key},
            )
            assert report.status_code == 200, report.text
            assert report.json()["progress"] == 0.5
        done = browser.post(here, f"/learn/lessons/{lesson['uuid']}/complete/")
        assert done.status_code == 302

    user = learner_id(stack, "aysel")
    assert stack.cluster.sql(
        f"SELECT lessons_completed, progress, time_spent, completed_at IS NOT NULL"
        f" FROM lms_enrolment WHERE learner_id = {user}"
    ) == [(3, 1.0, 90.0, True)]
    assert stack.cluster.sql(f"SELECT count(*) FROM lms_certificate WHERE learner_id = {user}") == [
        (1,)
    ]
    dashboard = browser.get(two, "/learning/").text
    # Production speaks Azerbaijani to a browser that asks for no other language.
    assert '<html lang="az">' in dashboard
    assert "Inclusive classrooms" in dashboard and "Sertifikat (PDF)" in dashboard
    english = browser.get(two, "/learning/", headers={"Accept-Language": "en"}).text
    assert "Certificate (PDF)" in english

    # The worker sends the certificate email and stores the PDF, once, however often it runs.
    for _run in range(2):
        stack.manage("run_worker", "--batch", "--worker-id", "stack-worker")
    mails = [path.read_text() for path in stack.mail.glob("*.log")]
    assert sum("Inclusive classrooms" in text for text in mails) == 1
    assert len(list((stack.media / "certificates").glob("*.pdf"))) == 1

    # Signing out on one server signs out on both.
    browser.post(one, "/accounts/logout/")
    assert browser.get(two, "/learning/").status_code == 302


def test_a_database_restart_loses_nothing_and_counts_nothing_twice(stack):
    servers = stack.servers
    browser = Browser()
    browser.sign_in(servers[0], "murad", PASSWORD)
    browser.post(servers[1], f"/learn/courses/{stack.seed['course_id']}/enrol/")
    lesson = stack.seed["lessons"][0]
    reports, failures, recovered_in = 40, [], []

    def send(number):
        """A client that retries a report, with its key, until the site answers."""
        key = f"restart-{number}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            server = servers[(number + len(failures)) % 2]
            try:
                response = browser.post(
                    server,
                    f"/learn/lessons/{lesson['uuid']}/progress/",
                    data={"verb": "progressed", "progress_delta": "0.01", "time_spent": "1"},
                    headers={"Idempotency-Key": key},
                    timeout=25,
                )
                if response.status_code == 200:
                    return
                failures.append(response.status_code)
            except requests.RequestException as error:
                failures.append(type(error).__name__)
            time.sleep(0.2)
        raise AssertionError(f"report {number} never got through")

    def restart_midway():
        time.sleep(0.5)
        stack.cluster.restart()
        recovered_in.append(max(stack.wait_healthy(server, within=15) for server in servers))

    restarter = threading.Thread(target=restart_midway)
    restarter.start()
    senders = []
    for number in range(reports):
        sender = threading.Thread(target=send, args=(number,))
        sender.start()
        senders.append(sender)
        time.sleep(0.05)
    for sender in senders:
        sender.join()
    restarter.join()

    assert recovered_in and recovered_in[0] < 10, recovered_in
    user = learner_id(stack, "murad")
    [(time_spent, progress)] = stack.cluster.sql(
        f"SELECT time_spent, progress FROM lms_lessonprogress"
        f" WHERE learner_id = {user} AND lesson_uuid = '{lesson['uuid']}'"
    )
    assert time_spent == reports  # one second per report: none lost, none twice
    assert progress == pytest.approx(0.01 * reports)
    assert stack.cluster.sql(
        f"SELECT count(*) FROM lms_recordedreport WHERE learner_id = {user}"
    ) == [(reports,)]
    # Whatever failed, failed cleanly: an error status or a dropped connection, never a hang.
    assert all(failure in (500, 502, 503) or isinstance(failure, str) for failure in failures)


def test_a_worker_killed_mid_task_runs_it_again_and_its_effect_happens_once(stack):
    started, pause = stack.work / "task-started", stack.work / "task-pause"
    pause.write_text("hold")
    key = f"killed-{uuid.uuid4()}"
    enqueue = (
        "from tests.production.stack.tasks import slow_effect; "
        f"print(slow_effect.enqueue({key!r}, {str(started)!r}, {str(pause)!r}).id)"
    )
    task_id = stack.manage("shell", "-c", enqueue).stdout.strip().splitlines()[-1]
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "run_worker", "--worker-id", "stack-killed", "--interval", "0.2"],
        cwd=ROOT,
        env=stack.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert time.monotonic() < deadline, "the worker never started the task"
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)

    def status():
        return stack.cluster.sql(
            f"SELECT status FROM django_tasks_database_dbtaskresult WHERE id = '{task_id}'"
        )[0][0]

    def effects():
        return stack.cluster.sql(
            f"SELECT count(*) FROM operations_completedeffect WHERE key LIKE '{key}%'"
        )[0][0]

    assert status() == "RUNNING"
    assert effects() == 0  # the killed run's transaction was rolled back

    pause.unlink()
    stack.manage("run_worker", "--batch", "--worker-id", "stack-killed")
    assert status() == "SUCCESSFUL"
    assert effects() == 2  # the run's key and its one effect
    stack.manage("run_worker", "--batch", "--worker-id", "stack-killed")
    assert effects() == 2


EXPORT_SCRIPT = """
from accounts.factories import UserFactory
from operations.models import ReportExport
from operations.tasks import build_report_export
admin = UserFactory(username="backup-admin", is_superuser=True, is_staff=True)
export = ReportExport.objects.create(
    requester=admin, report="lms.by_course", title="Completion by course", format="csv"
)
build_report_export.call(export.pk)
export.refresh_from_db()
print(export.status, export.file.name)
"""


def test_a_backup_restores_the_database_the_media_and_the_private_files(stack):
    # A report export made by the worker's code, and an extracted H5P package.
    status, export_name = stack.manage("shell", "-c", EXPORT_SCRIPT).stdout.split()[-2:]
    assert status == "done"
    export_file = stack.exports / export_name
    export_content = export_file.read_bytes()
    assert b"Inclusive classrooms" in export_content
    h5p_file = stack.h5p / "packages" / "backup-check" / "h5p.json"
    h5p_file.parent.mkdir(parents=True, exist_ok=True)
    h5p_file.write_text('{"title": "Backup check"}')

    backups = stack.work / "backups"
    env = {**stack.env, "BACKUP_DIR": str(backups)}
    made = subprocess.run(
        ["bash", str(ROOT / "deploy" / "backup.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    files = [Path(line) for line in made.stdout.split()]
    assert [path.name.split("-")[0] for path in files] == ["db", "media", "h5p", "exports"]
    assert all(path.stat().st_size > 0 for path in files)
    db_file, media_file = files[:2]

    before = stack.cluster.sql("SELECT count(*) FROM lms_enrolment")
    assert before != [(0,)]
    pdfs = sorted(path.name for path in (stack.media / "certificates").glob("*.pdf"))
    assert pdfs
    # Disaster: records and files gone.
    stack.cluster.sql("DELETE FROM lms_recordedreport")
    stack.cluster.sql("TRUNCATE lms_enrolment CASCADE")
    for path in (stack.media / "certificates").glob("*.pdf"):
        path.unlink()
    stack.cluster.sql("DELETE FROM operations_reportexport")
    shutil.rmtree(stack.h5p)
    export_file.unlink()

    restored = subprocess.run(
        ["bash", str(ROOT / "deploy" / "restore.sh"), *(str(path) for path in files)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert restored.returncode == 0, restored.stderr
    assert stack.cluster.sql("SELECT count(*) FROM lms_enrolment") == before
    assert stack.cluster.sql("SELECT count(*) FROM lms_recordedreport") != [(0,)]
    assert sorted(path.name for path in (stack.media / "certificates").glob("*.pdf")) == pdfs
    assert h5p_file.read_text() == '{"title": "Backup check"}'
    assert export_file.read_bytes() == export_content
    assert stack.cluster.sql(
        f"SELECT status FROM operations_reportexport WHERE file = '{export_name}'"
    ) == [("done",)]
    # The servers carry on with the restored database.
    browser = Browser()
    browser.sign_in(stack.servers[1], "aysel", PASSWORD)
    assert "Inclusive classrooms" in browser.get(stack.servers[0], "/learning/").text
