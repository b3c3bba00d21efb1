"""No two files of the apps import each other, directly or round a longer loop.

A cycle between files means neither can be read, tested or moved without the
other, and Python only copes with it by deferring one import into a function.
Such a deferred (function-level) import is still an import: the graph counts
it, so a cycle cannot be hidden by moving an import into a function. Where two
files need the same code it moves to a module below both (the way
``lms.scopes`` serves ``lms.models.audit`` and ``lms.reports``), and signal
receivers live apart from the signals they receive (``lms.receivers``).
"""

import ast
from pathlib import Path

from tests.test_app_dependencies import APPS as APP_PACKAGES

ROOT = Path(__file__).resolve().parent.parent
# The apps another site installs (this site's own pages, portal and demo apart).
APPS = APP_PACKAGES


def modules(root, apps):
    """Every module of the apps (migrations apart), by dotted name, with its file."""
    found = {}
    for app in apps:
        for path in (root / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _known(name, known):
    """The module ``name`` names: itself, or the nearest enclosing package we know."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imported_modules(name, path, known):
    """The known modules that module ``name`` imports anywhere in its file, functions too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            for alias in node.names:
                # ``from . import tasks`` imports a module; ``from .models import X``, a package.
                target = _known(f"{source}.{alias.name}", known) or _known(source, known)
                if target:
                    yield target
        elif isinstance(node, ast.Import):
            for alias in node.names:
                target = _known(alias.name, known)
                if target:
                    yield target


def import_graph(root, apps):
    known = modules(root, apps)
    return {
        name: {target for target in imported_modules(name, path, known) if target != name}
        for name, path in known.items()
    }


def cycles(graph):
    """The strongly connected components of more than one module (Tarjan, without recursion)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


def describe(graph, component):
    return "\n".join(
        f"  {name} imports {', '.join(sorted(graph[name] & component))}"
        for name in sorted(component)
    )


def test_no_module_of_the_apps_imports_itself_through_others():
    graph = import_graph(ROOT, APPS)
    found = cycles(graph)
    assert not found, "Import cycles between files:\n" + "\n\n".join(
        describe(graph, component) for component in found
    )


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path):
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "models.py").write_text("def context():\n    from .views import build\n")
    (package / "views.py").write_text("from .models import context\n")
    (package / "forms.py").write_text("from . import models\n")

    assert cycles(import_graph(tmp_path, ["app"])) == [{"app.models", "app.views"}]
