"""The File menu's office work: export, backups, and the dashboard and duplicates pages."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from crm_desktop.main_window import PAGE_DASHBOARD, PAGE_DUPLICATES, PAGE_TITLES
from crm_desktop.settings_dialog import SettingsDialog
from shared.backup import default_backup_folder

from .file_dialog import answer_file_dialog


def test_daily_backup_is_made_on_start(window, db_path, qtbot):
    today = default_backup_folder(db_path) / f"callsheet-{date.today().isoformat()}.db"
    qtbot.waitUntil(today.exists, timeout=10_000)
    assert window.backups.wait()


def _backed_up_names(target) -> list[tuple[str]]:
    import sqlite3

    conn = sqlite3.connect(target)
    try:
        return conn.execute("SELECT name FROM companies").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["menu", "shortcut"])
def test_back_up_database_from_the_menu_and_ctrl_b(window, store, actor, tmp_path, qtbot, how):
    """File > Back up database... (and Ctrl+B) asks where, copies, and says so."""
    store.create_company({"name": "Kept GmbH"}, actor)
    assert window.backups.wait()  # the daily backup of the start is done
    target = tmp_path / "copy.db"
    seen = answer_file_dialog(target)
    if how == "menu":
        action = next(a for a in window.findChildren(QAction)
                      if a.text() == "&Back up database…")
        action.trigger()
    else:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert seen.get("dialog"), "no file dialog was shown"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Backup saved: {target}",
                    timeout=15_000)
    assert _backed_up_names(target) == [("Kept GmbH",)]


def test_a_file_of_the_database_is_refused_as_a_target(window, db_path, qtbot, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    journal = Path(f"{db_path}-journal")  # one of SQLite's side files (absent in WAL mode)
    answer_file_dialog(journal)
    assert window.export("companies") is None
    assert warned and "Callsheet's database" in warned[0]
    assert not journal.exists()


def test_settings_store_how_many_backups_are_kept(window, store, monkeypatch):
    def fake_exec(dlg):
        dlg.keep_spin.setValue(3)
        dlg.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    dlg = window.open_settings()
    assert "backup_keep" in dlg.changed
    assert store.get_setting("backup_keep") == "3"


def test_export_companies_to_csv(window, store, actor, tmp_path):
    store.create_company({"name": "Export AG", "country": "DE"}, actor)
    out = tmp_path / "companies.csv"
    assert window.export("companies", str(out)) == 1
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert any("Export AG" in row for row in rows[1:])


def test_export_failure_is_shown_not_raised(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    assert window.export("companies", str(tmp_path / "missing-dir" / "x.csv")) is None
    assert shown


def test_dashboard_and_duplicates_are_pages(window):
    assert PAGE_TITLES[PAGE_DASHBOARD] == "Dashboard"
    window.go(PAGE_DASHBOARD)
    assert window.pages.currentWidget() is window.dashboard
    window.go(PAGE_DUPLICATES)
    assert window.pages.currentWidget() is window.duplicates
