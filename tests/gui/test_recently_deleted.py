"""Recently deleted in the window: Del in a list moves a person there, Restore brings it
back with its tasks and opens the card; what is older than 30 days goes on start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.main_window import DesktopOptions, MainWindow
from shared.model import ContactRef

from .conftest import API_KEY


def _action(window, text):
    [a] = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    return a


def test_delete_then_restore_from_recently_deleted(qtbot, window, store, actor, monkeypatch):
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    p = store.create_person({"firstName": "Rita", "lastName": "Restore"}, actor)
    store.create_campaign("promo", "Promo", actor)
    store.assign_contacts("promo", [ContactRef(None, p.id)], actor)
    task = store.add_task("promo", ContactRef(None, p.id), datetime(2030, 1, 2, 9, tzinfo=UTC),
                          actor)
    _action(window, "Persons").trigger()
    table = window.persons.table
    qtbot.waitUntil(lambda: window.persons.model.rowCount() == 1)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked and "Recently deleted keeps it for 30 days" in asked[0]
    assert store.count_persons() == 0 and store.list_tasks() == []

    _action(window, "Recently deleted").trigger()
    view = window.trash
    assert window.pages.currentWidget() is view
    assert view.model.rowCount() == 1
    assert view.model.index(0, 2).data() == "Rita Restore"
    assert view.model.index(0, 3).data() == "1 task, 1 campaign place"
    table = view.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)

    assert store.get_person(p.id).name == "Rita Restore"
    assert [t.id for t in store.list_tasks()] == [task.id]
    assert [v.person_id for v in store.campaign_contacts("promo")] == [p.id]
    assert view.model.rowCount() == 0
    card = window.current_card()
    assert card is not None and card.record_id == p.id
    assert "Rita Restore is back" in window.statusBar().currentMessage()


def test_a_failed_restore_says_why(qtbot, window, store, actor, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    c = store.create_company({"name": "Mutter AG"}, actor)
    p = store.create_person({"lastName": "Kind"}, actor, company_id=c.id)
    store.delete_person(p.id, actor)
    store.delete_company(c.id, actor)
    _action(window, "Recently deleted").trigger()
    view = window.trash
    row = next(r for r in range(view.model.rowCount())
               if view.model.index(r, 2).data() == "Kind")
    proxy_row = view.table.model().mapFromSource(view.model.index(row, 0)).row()
    rect = view.table.visualRect(view.table.model().index(proxy_row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert warned and "restore the company first" in warned[0]
    assert view.model.rowCount() == 2


def test_older_than_30_days_is_purged_when_the_window_starts(qtbot, store, db_path, actor):
    p = store.create_person({"lastName": "Alt"}, actor)
    store.delete_person(p.id, actor)
    store.create_person({"lastName": "Neu"}, actor)
    later = datetime.now(UTC) + timedelta(days=31)
    store.clock = lambda: later
    options = DesktopOptions(flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY},
                             api_enabled=False, daily_backups=False)
    w = MainWindow(store, db_path, options)
    try:
        assert store.list_deleted() == []
        assert store.audit_trail("person", p.id)[0].action == "purge"
    finally:
        w.close()
        w.shutdown()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
