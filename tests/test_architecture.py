"""The rooms of the house, enforced: what each kind of file may import.

- `bot/` and `models/` know nothing of Slack; `models/` knows nothing of the domain.
- `bot/core/` is used by every room and uses none.
- In a room, only `queries.py` and `service.py` touch the database; every other module
  (`rules.py`, `notes.py`, `keys.py`…) is pure: no SQLAlchemy, no models, no session.
- `queries.py` never calls a service; rules never call queries or services.
- Listeners import no models and no SQL; builders (handlers/blocks) are pure functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOMS = sorted(p.name for p in (ROOT / "bot").iterdir() if (p / "service.py").exists())
DOORS = ("rules.py", "queries.py", "service.py")


def _imports(path: Path) -> set[str]:
    """Every module `path` imports at run time (TYPE_CHECKING imports are types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _roots(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def _files(*parts: str) -> list[Path]:
    return sorted(ROOT.joinpath(*parts).rglob("*.py"))


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("package", ["bot", "models"])
def test_the_domain_and_the_models_never_import_slack(package: str) -> None:
    offenders = {
        _rel(path): sorted(_roots(_imports(path)) & {"slack_bolt", "slack_sdk", "handlers"})
        for path in _files(package)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_models_never_import_the_domain() -> None:
    assert [_rel(p) for p in _files("models") if "bot" in _roots(_imports(p))] == []


def test_the_core_uses_no_room() -> None:
    offenders = {
        _rel(path): sorted(
            name
            for name in _imports(path)
            if name.split(".")[:2][-1] in ROOMS and name.startswith("bot.")
        )
        for path in _files("bot", "core")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_room_has_the_three_doors() -> None:
    assert ROOMS, "no rooms found"
    for room in ROOMS:
        for door in DOORS:
            assert (ROOT / "bot" / room / door).exists(), f"bot/{room}/{door}"


def _pure_modules() -> list[Path]:
    return [
        path
        for room in ROOMS
        for path in _files("bot", room)
        if path.name not in ("queries.py", "service.py")
    ]


@pytest.mark.parametrize("path", _pure_modules(), ids=_rel)
def test_rules_touch_no_database(path: Path) -> None:
    imported = _imports(path)
    assert not _roots(imported) & {"sqlalchemy", "models"}, sorted(imported)
    assert "bot.core.db" not in imported
    assert not any(name.endswith((".queries", ".service")) for name in imported), sorted(imported)
    assert not any(".queries." in n or ".service." in n for n in imported), sorted(imported)


@pytest.mark.parametrize(
    "path", [p for room in ROOMS for p in _files("bot", room) if p.name == "queries.py"], ids=_rel
)
def test_queries_never_call_a_service(path: Path) -> None:
    imported = _imports(path)
    assert not any(n.endswith(".service") or ".service." in n for n in imported), sorted(imported)


@pytest.mark.parametrize("path", _files("handlers", "listeners"), ids=_rel)
def test_listeners_import_no_models_and_no_sql(path: Path) -> None:
    imported = _roots(_imports(path))
    assert not imported & {"models", "sqlalchemy"}, sorted(imported)


@pytest.mark.parametrize("path", _files("handlers", "blocks"), ids=_rel)
def test_builders_are_pure(path: Path) -> None:
    imported = _roots(_imports(path))
    assert not imported & {"slack_bolt", "slack_sdk", "sqlalchemy", "models"}, sorted(imported)
    services = {n for n in _imports(path) if ".service" in n or ".queries" in n}
    assert services == set(), sorted(services)


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    import subprocess
    import sys

    probe = "import sys, app, handlers.app; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
