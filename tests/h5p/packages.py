"""H5P packages for tests: the real ones in ../shared/h5p and hostile ones made here."""

import io
import json
import stat
import zipfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "h5p"
if not SHARED.exists():
    SHARED = Path("/work/shared/h5p")
REAL = sorted(SHARED.glob("*.h5p"))
SCORED = [
    "H5P.MultiChoice",
    "H5P.TrueFalse",
    "H5P.Blanks",
    "H5P.DragText",
    "H5P.QuestionSet",
    "H5P.CoursePresentation",
    "H5P.InteractiveVideo",
]

H5P_JSON = {
    "title": "Tiny",
    "language": "und",
    "mainLibrary": "H5P.Tiny",
    "embedTypes": ["div"],
    "license": "CC BY",
    "authors": [{"name": "Aysel", "role": "Author"}],
    "preloadedDependencies": [{"machineName": "H5P.Tiny", "majorVersion": 1, "minorVersion": 0}],
}
LIBRARY_JSON = {
    "title": "Tiny",
    "machineName": "H5P.Tiny",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "coreApi": {"majorVersion": 1, "minorVersion": 19},
    "preloadedJs": [{"path": "tiny.js"}],
    "preloadedCss": [{"path": "tiny.css"}],
}


def tiny_members(**overrides):
    """The members of a minimal valid package, as name → bytes (None drops a member)."""
    members = {
        "h5p.json": json.dumps(H5P_JSON).encode(),
        "content/content.json": b'{"question": "Why?"}',
        "H5P.Tiny-1.0/library.json": json.dumps(LIBRARY_JSON).encode(),
        "H5P.Tiny-1.0/tiny.js": b"H5P.Tiny = function () {};",
        "H5P.Tiny-1.0/tiny.css": b".h5p-tiny {}",
    }
    members.update(overrides)
    return {name: data for name, data in members.items() if data is not None}


def make_zip(members, *, symlinks=(), compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in symlinks:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    buffer.seek(0)
    buffer.name = "activity.h5p"
    return buffer


def tiny(**overrides):
    return make_zip(tiny_members(**overrides))
