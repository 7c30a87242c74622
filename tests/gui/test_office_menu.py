"""The File menu's office work: export, backups, and the dashboard and duplicates pages."""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtWidgets import QDialog, QMessageBox

from crm_desktop.main_window import PAGE_DASHBOARD, PAGE_DUPLICATES, PAGE_TITLES
from crm_desktop.settings_dialog import SettingsDialog
from shared.backup import default_backup_folder


def test_daily_backup_is_made_on_start(window, db_path, qtbot):
    today = default_backup_folder(db_path) / f"callsheet-{date.today().isoformat()}.db"
    qtbot.waitUntil(today.exists, timeout=10_000)
    assert window.backups.wait()


def test_back_up_now_writes_the_copy(window, store, actor, tmp_path, qtbot):
    store.create_company({"name": "Kept GmbH"}, actor)
    target = tmp_path / "copy.db"
    window.backup_now(str(target))
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert window.backups.wait()
    import sqlite3

    conn = sqlite3.connect(target)
    assert conn.execute("SELECT name FROM companies").fetchall() == [("Kept GmbH",)]
    conn.close()


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
