"""The package's layout keeps its promises: data flows one way through the folders, no import cycle,
no module past 400 lines and no function past 60, pure parts stay pure, and the README's tree names the real folders.

The floors below are the order of the flow (sources -> intake -> store -> feed | alerts -> delivery,
with web, cli and daemon on top): a module may import its own folder or a lower floor, never a
sibling on the same floor or anything above it. ``ALLOWED_UPWARD`` lists the deliberate exceptions.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import REPO_ROOT

PACKAGE = REPO_ROOT / "calendar_daemon"
FLOORS: dict[str, int] = {
    "exceptions": 0, "domain": 1, "config": 2, "i18n": 2, "store": 3, "sources": 3, "intake": 4, "feed": 4,
    "ops": 4, "alerts": 5, "web": 6, "daemon": 7, "cli": 8, "__main__": 9, "__init__": 0,
}  # fmt: skip
ALLOWED_UPWARD: set[tuple[str, str]] = set()  # (importing module, imported module), each with a reason
MAX_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def _imports(path: Path, module: str) -> Iterator[str]:
    """Every module of ours that ``path`` imports, at any depth (inside functions too)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("calendar_daemon"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base.startswith("calendar_daemon"):
                known = {name for name, _ in _modules()}
                for alias in node.names:
                    yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _graph() -> dict[str, set[str]]:
    return {module: set(_imports(path, module)) - {module} for module, path in _modules()}


def test_every_folder_has_a_floor() -> None:
    rooms = {_room(module) for module, _ in _modules()}
    assert rooms <= set(FLOORS), f"new top-level rooms need a floor in FLOORS: {sorted(rooms - set(FLOORS))}"


def test_no_import_runs_up_or_sideways() -> None:
    wrong = []
    for module, imported in _graph().items():
        for target in imported:
            a, b = _room(module), _room(target)
            if a != b and FLOORS[a] <= FLOORS[b] and b != "__init__" and (module, target) not in ALLOWED_UPWARD:
                wrong.append(f"{module} ({a}, floor {FLOORS[a]}) imports {target} ({b}, floor {FLOORS[b]})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_no_module_is_longer_than_400_lines() -> None:
    long = {module: n for module, path in _modules() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these (over {MAX_LINES} lines): {long}"


def test_no_function_is_longer_than_60_lines() -> None:
    """A longer function is split where a name explains the parts."""
    long = []
    for module, path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.end_lineno is None:
                continue
            if (length := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES:
                long.append(f"{module}.{node.name}: {length} lines")
    assert not long, "\n".join(long)


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("calendar_daemon.sources", ("calendar_daemon.store", "calendar_daemon.intake", "sqlalchemy", "sqlmodel")),
        ("calendar_daemon.sources.extract", ("calendar_daemon.config", "calendar_daemon.store", "sqlalchemy", "sqlmodel")),
        ("calendar_daemon.domain", ("calendar_daemon.config", "calendar_daemon.store", "sqlalchemy", "sqlmodel", "fastapi", "click")),
        ("calendar_daemon.alerts.planning.planner", ("calendar_daemon.store", "sqlalchemy", "sqlmodel", "apprise")),
    ],
)
def test_pure_parts_import_no_storage(package: str, forbidden: tuple[str, ...]) -> None:
    """The extractor, the domain, the sources and the planner work on values: no database, no web."""
    found = []
    for module, path in _modules():
        if module != package and not module.startswith(package + "."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{module} imports {name}" for name in names if name.startswith(forbidden)]
    assert not found, "\n".join(found)


def test_readme_tree_names_the_real_folders() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it fits together", 1)[1].split("\n## ", 1)[0]
    tree = section.split("calendar_daemon/\n", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"^  ([a-z_0-9]+)(?:/|\.py)", tree, re.M))
    real = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    real |= {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert named == real, f"README names {sorted(named - real)} that do not exist; misses {sorted(real - named)}"
