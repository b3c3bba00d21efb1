"""lms.services is a package of layers: each module imports only the ones below it (no cycles)."""

import ast
from pathlib import Path

import lms.services

# Bottom to top, as the package's docstring lists them.
LAYERS = ["exceptions", "audit", "certificates", "completion", "enrolment", "recording", "attempts"]
PACKAGE = Path(lms.services.__file__).parent


def imported_siblings(name):
    tree = ast.parse((PACKAGE / f"{name}.py").read_text())
    found = set()
    for node in ast.walk(tree):  # function-level imports too: a lazy import is still a cycle
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_module_of_the_package_has_its_layer():
    modules = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules == set(LAYERS)


def test_each_module_imports_only_the_layers_below_it():
    for position, name in enumerate(LAYERS):
        above = set(LAYERS[position:])
        assert not imported_siblings(name) & above, f"lms.services.{name} imports a layer above it"


def test_todays_names_are_still_there():
    for name in (
        "enrol",
        "record_learning",
        "record_visit",
        "active_item",
        "learner_enrolment",
        "trusts",
        "ensure_unlocked",
        "issue_certificate",
        "complete_for_learner",
        "revoke_certificate",
        "start_attempt",
        "submit_attempt",
        "NotEnrolled",
        "Locked",
        "UnknownLesson",
    ):
        assert callable(getattr(lms.services, name)), name
