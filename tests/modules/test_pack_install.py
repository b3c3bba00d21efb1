"""Module packs plug in through courses.packs and can be removed without breaking the core."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.apps import apps

from courses import packs
from courses.blocks import LessonBodyBlock
from courses.factories import LessonPageFactory, ModulePageFactory
from courses.models import LessonPage

ROOT = Path(__file__).resolve().parents[2]
PACK_BLOCKS = ["iep_template", "adaptation_checklist", "case_study"]


def run(args, removed, database, timeout=300):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.modules.settings_without_packs",
        "REMOVED_APPS": ",".join(removed),
        "PYTHONPATH": str(ROOT),
        # each run gets its own SQLite database, never the developer's
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@contextmanager
def pack_blocks_withdrawn():
    saved = packs.registered_blocks(packs.LESSON_BODY)
    counts = packs.registered_block_counts(packs.LESSON_BODY)
    for name in saved:
        packs.unregister_block(packs.LESSON_BODY, name)
    try:
        yield
    finally:
        for name, block in saved.items():
            packs.register_lesson_block(name, block, **counts.get(name, {}))


def test_both_packs_are_installed_as_module_packs():
    labels = {config.label for config in packs.installed_packs()}
    assert {"inclusive_ed", "vet"} <= labels
    assert isinstance(apps.get_app_config("inclusive_ed"), packs.ModulePackConfig)


def test_the_inclusive_education_blocks_are_offered_in_lesson_bodies():
    body = LessonPage._meta.get_field("body").stream_block
    assert set(PACK_BLOCKS) <= set(body.child_blocks)
    assert str(body.child_blocks["iep_template"].meta.group) == "Inclusive education"
    # a lesson body built later (e.g. in a migration's state) gets them too
    assert set(PACK_BLOCKS) <= set(LessonBodyBlock().child_blocks)


def test_migrations_never_mention_a_packs_blocks():
    _name, path, args, kwargs = LessonPage._meta.get_field("body").deconstruct()
    assert path == "wagtail.fields.StreamField"
    names = {name for name, _index in args[0]}
    assert "paragraph" in names
    assert not names & set(PACK_BLOCKS)
    assert "iep_template" not in str(kwargs["block_lookup"])


def test_a_pack_block_cannot_replace_a_core_block():
    paragraph = LessonPage._meta.get_field("body").stream_block.child_blocks["paragraph"]
    with pytest.raises(ValueError):
        packs.register_lesson_block("paragraph", packs.blocks.CharBlock())
    assert "paragraph" not in packs.registered_blocks(packs.LESSON_BODY)
    assert LessonPage._meta.get_field("body").stream_block.child_blocks["paragraph"] is paragraph
    packs.unregister_block(packs.LESSON_BODY, "paragraph")  # a core block stays
    assert "paragraph" in LessonPage._meta.get_field("body").stream_block.child_blocks


def test_a_lesson_holding_a_withdrawn_packs_block_renders_without_it(
    client, course, learner, enrolled
):
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, body=[])
    raw = [
        {"type": "paragraph", "value": "<p>Core text stays.</p>", "id": "a"},
        {
            "type": "case_study",
            "value": {"title": "Hidden case", "story": "", "reflection_prompt": "?"},
            "id": "b",
        },
    ]
    LessonPage.objects.filter(pk=lesson.pk).update(body=raw)
    client.force_login(learner)
    with pack_blocks_withdrawn():
        lesson = LessonPage.objects.get(pk=lesson.pk)
        assert lesson.body.unavailable_types == ["case_study"]
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert "Core text stays." in response.content.decode()
    assert "Hidden case" not in response.content.decode()
    response = client.get(lesson.url)  # back again once the pack is
    assert "Hidden case" in response.content.decode()


def test_editors_are_told_which_blocks_are_hidden(admin_client, course):
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, body=[])
    LessonPage.objects.filter(pk=lesson.pk).update(
        body=[{"type": "gone_pack_block", "value": {}, "id": "x"}]
    )
    response = admin_client.get(lesson.url)
    assert response.status_code == 200
    assert "gone_pack_block" in response.content.decode()


@pytest.mark.parametrize(
    "removed",
    [["modules.inclusive_ed"], ["modules.vet"], ["modules.inclusive_ed", "modules.vet"]],
    ids=["without-inclusive-ed", "without-vet", "without-both"],
)
def test_the_core_checks_and_has_no_missing_migrations_without_a_pack(removed, tmp_path):
    database = tmp_path / "db.sqlite3"
    check = run(["manage.py", "check"], removed, database)
    assert check.returncode == 0, check.stderr
    migrations = run(["manage.py", "makemigrations", "--check", "--dry-run"], removed, database)
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
    assert "No changes detected" in migrations.stdout


def test_a_lesson_with_a_removed_packs_block_renders_in_a_site_without_the_pack(tmp_path):
    result = run(
        ["tests/modules/render_without_pack.py", "iep_template"],
        ["modules.inclusive_ed"],
        tmp_path / "db.sqlite3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok True" in result.stdout


def test_every_field_of_an_extensible_block_keeps_pack_blocks_out_of_migrations():
    from wagtail.fields import StreamField

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and isinstance(
                field.stream_block, packs.ExtensibleStreamBlock
            ):
                assert isinstance(field, packs.ExtensibleStreamField), (
                    f"{model.__name__}.{field.name}"
                )
