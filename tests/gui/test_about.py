"""Help ▸ About shows what ``callsheet --version`` prints: Callsheet's, Qt's and SQLite's
versions."""

from __future__ import annotations

import sqlite3
from importlib.metadata import version

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox

from shared.versions import version_text


def _menu_action(window, menu_title: str, action_title: str):
    """The action a user clicks: found by the titles shown in the menu bar."""
    for menu_action in window.menuBar().actions():
        if menu_action.text().replace("&", "") == menu_title:
            for action in menu_action.menu().actions():
                if action.text().replace("&", "").startswith(action_title):
                    return action
    raise AssertionError(f"no {menu_title} ▸ {action_title} in the menu bar")


def test_help_about_shows_the_versions(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about",
                        lambda parent, title, text: shown.append((title, text)))
    _menu_action(window, "Help", "About").trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "About Callsheet"
    for line in version_text().splitlines():
        assert line in text
    assert f"Callsheet {version('callsheet')}" in text
    assert f"Qt {qVersion()} (PySide6 " in text  # the Qt actually running
    assert f"SQLite {sqlite3.sqlite_version}" in text
