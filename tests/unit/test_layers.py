"""The rooms keep to themselves: the front ends reach the database only through
shared/ (no sqlite3: both engines are behind the storage layer), and shared/ knows
neither Qt nor HTTP."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("package", ["crm_api", "crm_desktop"])
def test_front_ends_do_not_import_sqlite3(package):
    offenders = [f for f, names in _imports(package).items() if "sqlite3" in names]
    assert offenders == []


def test_shared_knows_neither_qt_nor_http():
    banned = {"PySide6", "falcon", "waitress", "crm_api", "crm_desktop"}
    offenders = {f: sorted(names & banned) for f, names in _imports("shared").items()
                 if names & banned}
    assert offenders == {}
