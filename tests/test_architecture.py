"""The rooms of the house: bot/ and models/ know nothing of Slack."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("room", ["bot", "models"])
def test_the_domain_and_the_models_never_import_slack(room: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            _imports(path) & {"slack_bolt", "slack_sdk", "handlers"}
        )
        for path in (ROOT / room).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_models_never_import_the_domain() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "models").rglob("*.py") if "bot" in _imports(p)
    ]
    assert offenders == []


def test_builders_are_pure() -> None:
    for path in (ROOT / "handlers" / "blocks").rglob("*.py"):
        assert not _imports(path) & {"slack_bolt", "slack_sdk", "sqlalchemy", "models"}, path
