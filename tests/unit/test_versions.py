"""The versions ``--version`` and Help ▸ About report, from one place."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

from shared import versions


def test_version_text_names_callsheet_qt_sqlite_and_python():
    lines = versions.version_text().splitlines()
    pyside = metadata.version("pyside6-essentials")
    assert lines == [
        f"Callsheet {metadata.version('callsheet')}",
        f"Qt {'.'.join(pyside.split('.')[:3])} (PySide6 {pyside})",
        f"SQLite {sqlite3.sqlite_version}",
        f"Python {platform.python_version()}",
    ]


def test_qt_is_named_without_a_packaging_suffix(monkeypatch):
    monkeypatch.setattr(versions, "pyside6_version", lambda: "6.8.0.2")
    assert versions.qt_version() == "6.8.0"
    assert versions.versions()["Qt"] == "6.8.0 (PySide6 6.8.0.2)"


def test_without_pyside6_the_qt_line_says_so(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(versions.metadata, "version", missing)
    assert versions.versions()["Qt"] == "not installed"


def test_an_uninstalled_checkout_is_the_development_version(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(versions.metadata, "metadata", missing)
    assert versions.app_info() == ("Callsheet", "development")
