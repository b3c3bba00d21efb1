"""The archive checks every content package (H5P, SCORM) goes through."""

import io
import random
import stat
import zipfile

import pytest
from django.core.files.storage import FileSystemStorage

from content_packages.archives import (
    PackageError,
    PackageLimits,
    delete_from_storage,
    extract_to_storage,
    open_package,
)

LIMITS = PackageLimits(allowed_extensions=frozenset({"json", "js", "html", "png"}))


def make_zip(entries, *, symlink=None, encrypted=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    data = buffer.getvalue()
    if encrypted:
        # Set the "encrypted" flag on the first member in both headers.
        data = bytearray(data)
        local = data.find(b"PK\x03\x04")
        data[local + 6] |= 0x1
        central = data.find(b"PK\x01\x02")
        data[central + 8] |= 0x1
        data = bytes(data)
    return io.BytesIO(data)


def test_a_clean_package_opens_and_lists_its_files():
    with open_package(make_zip({"a.json": "{}", "lib/b.js": "x"}), LIMITS) as package:
        assert package.names == ["a.json", "lib/b.js"]
        assert package.read("a.json") == b"{}"
        assert package.has("lib/b.js")


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"../evil.js": "x"}, "outside the package"),
        ({"lib/../../evil.js": "x"}, "outside the package"),
        ({"/etc/evil.js": "x"}, "absolute path"),
        ({"C:/evil.js": "x"}, "absolute path"),
        ({"lib\\evil.js": "x"}, "backslashes"),
        ({"run.exe": "x"}, "“exe” are not allowed"),
        ({"Makefile": "x"}, "no extension"),
        ({"a.json": "{}", "A.JSON": "{}"}, "twice"),
        ({}, "empty"),
    ],
)
def test_hostile_paths_and_types_are_refused_with_their_reason(entries, message):
    with pytest.raises(PackageError) as caught:
        open_package(make_zip(entries), LIMITS)
    assert message in caught.value.messages[0]


def test_symbolic_links_are_refused():
    with pytest.raises(PackageError, match="symbolic link"):
        open_package(make_zip({"a.json": "{}"}, symlink="link.json"), LIMITS)


def test_encrypted_members_are_refused():
    with pytest.raises(PackageError, match="encrypted"):
        open_package(make_zip({"a.json": "{}"}, encrypted=True), LIMITS)


def test_a_zip_bomb_is_refused_before_anything_is_read():
    bomb = make_zip({"a.json": b"0" * (20 * 1024 * 1024)})
    with pytest.raises(PackageError, match="zip bomb"):
        open_package(bomb, LIMITS)


def test_limits_on_file_count_and_total_size():
    many = make_zip({f"f{i}.json": "{}" for i in range(12)})
    with pytest.raises(PackageError, match="more than 10 files"):
        open_package(
            many, PackageLimits(max_files=10, allowed_extensions=LIMITS.allowed_extensions)
        )
    big = make_zip({"a.png": random.Random(0).randbytes(2 * 1024 * 1024)})
    tight = PackageLimits(max_total_size=1024 * 1024, allowed_extensions=LIMITS.allowed_extensions)
    with pytest.raises(PackageError, match="more than 1 MB"):
        open_package(big, tight)


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_corrupt_archives_are_refused(data):
    with pytest.raises(PackageError, match="not a readable zip"):
        open_package(io.BytesIO(data), LIMITS)


def test_a_damaged_member_is_refused_when_read(tmp_path):
    data = bytearray(make_zip({"a.json": "{" + "x" * 5000 + "}"}).getvalue())
    start = data.find(b"PK\x03\x04") + 30 + len("a.json")
    data[start + 10 : start + 20] = b"\xff" * 10  # corrupt the deflate stream
    storage = FileSystemStorage(location=tmp_path)
    with (
        open_package(io.BytesIO(bytes(data)), LIMITS) as package,
        pytest.raises(PackageError, match="damaged"),
    ):
        extract_to_storage(package, storage, "pkg")
    assert not (tmp_path / "pkg").exists() or not any((tmp_path / "pkg").rglob("*.json"))


def test_extraction_goes_through_storage_and_a_failure_leaves_nothing(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    with open_package(make_zip({"a.json": "{}", "lib/b.js": "x"}), LIMITS) as package:
        stored = extract_to_storage(package, storage, "/packages/1/")
    assert stored == ["packages/1/a.json", "packages/1/lib/b.js"]
    assert (tmp_path / "packages/1/lib/b.js").read_text() == "x"

    # A second extraction over the same prefix replaces files in place.
    with open_package(make_zip({"a.json": '{"v": 2}'}), LIMITS) as package:
        extract_to_storage(package, storage, "packages/1")
    assert (tmp_path / "packages/1/a.json").read_text() == '{"v": 2}'

    delete_from_storage(storage, [*stored, "packages/1/gone.json"])
    assert not any((tmp_path / "packages").rglob("*.*"))
