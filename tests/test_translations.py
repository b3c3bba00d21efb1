"""Every string of the project is translated into Azerbaijani and Russian, and compiled.

The first test extracts the strings afresh (Django's makemessages, on a copy
of the sources) so that a string added without a translation fails it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("az", "ru")
SKIP = {".git", ".venv", "node_modules", "var", "test-artifacts", "docs", "tests", "__pycache__"}


def catalogues(root):
    return sorted(
        path
        for path in root.rglob("locale/*/LC_MESSAGES/django.po")
        if not SKIP & set(path.relative_to(root).parts)
    )


def problems(po_path):
    po = polib.pofile(str(po_path))
    return [
        f"{po_path}: {'fuzzy' if 'fuzzy' in entry.flags else 'untranslated'}: {entry.msgid[:60]!r}"
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def test_every_catalogue_exists_for_every_language():
    found = {path.parts[-3] for path in catalogues(ROOT)}
    assert set(LANGUAGES) <= found


@pytest.mark.skipif(
    not shutil.which("xgettext"), reason="GNU gettext is needed (make test installs it)"
)
def test_no_project_string_lacks_a_translation(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*SKIP, "*.mo", "db.sqlite3"))
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *[f"--locale={language}" for language in LANGUAGES],
            "--no-obsolete",
            "--ignore=var/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    missing = [problem for path in catalogues(copy) for problem in problems(path)]
    assert missing == [], "\n".join(missing[:50])


@pytest.mark.parametrize("po_path", catalogues(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run compilemessages"
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.mofile(str(mo_path))}
    for entry in polib.pofile(str(po_path)).translated_entries():
        if not entry.msgid_plural:
            assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid
