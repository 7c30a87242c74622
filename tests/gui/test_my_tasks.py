"""Issue 13 item 5 on screen: My tasks (Ctrl+0) lists the to-dos of Your name, new
to-dos from the page and from a card, done, snooze from the menu, and the reminder
when one is due."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm_desktop.main_window import PAGE_MY_TASKS
from crm_desktop.settings_dialog import SettingsDialog
from crm_desktop.todo_dialog import TodoDialog
from shared.model import Actor, ContactRef, set_desktop_identity
from shared.settings import user_name
from shared.todos import TodosRepository

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def typed_todo(monkeypatch, qtbot):
    """The to-do dialog as a person fills it: types the queued title, presses OK."""
    titles: list[str] = []

    def exec_(self):
        qtbot.keyClicks(self.text, titles.pop(0))
        qtbot.mouseClick(self.buttons.button(self.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return self.result() or QDialog.DialogCode.Rejected

    monkeypatch.setattr(TodoDialog, "exec", exec_)
    return titles


def my_tasks(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert window.pages.currentIndex() == PAGE_MY_TASKS
    return window.my_tasks


def test_your_name_from_settings_owns_a_new_todo(qtbot, window, store, typed_todo,
                                                 monkeypatch, tmp_path):
    window.options.local_path = tmp_path / "this-pc.json"

    def settings_exec(dlg):
        dlg.this_pc.name_edit.clear()
        qtbot.keyClicks(dlg.this_pc.name_edit, "Anna Roth")
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(SettingsDialog, "exec", settings_exec)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert user_name() == "Anna Roth"
    view = my_tasks(qtbot, window)
    typed_todo.append("Order toner")
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    [todo] = TodosRepository(store).mine("Anna Roth")
    assert todo.title == "Order toner" and todo.company_id is None and todo.person_id is None
    assert view.model.rowCount() == 1
    assert "Anna Roth" in view.owner.text()


def test_an_empty_title_keeps_the_dialog_open(qtbot, window, store, typed_todo):
    set_desktop_identity("Anna Roth", "PC-1")
    view = my_tasks(qtbot, window)
    typed_todo.append("   ")
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert TodosRepository(store).mine("Anna Roth") == []


def test_a_todo_about_a_contact_from_its_card(qtbot, window, store, actor, typed_todo):
    set_desktop_identity("Anna Roth", "PC-1")
    p = store.create_person({"firstName": "Eva", "lastName": "Berg"}, actor)
    card = window.open_contact("person", p.id)
    card.tabs.setCurrentWidget(card.timeline)
    typed_todo.append("Bring the contract")
    qtbot.mouseClick(card.timeline.todo_button, Qt.MouseButton.LeftButton)
    [todo] = TodosRepository(store).for_contact(ContactRef(None, p.id))
    assert todo.owner == "Anna Roth" and todo.title == "Bring the contract"
    assert any(e.detail == "Bring the contract" for e in card.timeline.model.records())
    view = my_tasks(qtbot, window)
    m = view.model
    assert m.index(0, m.COL_CONTACT).data() == "Eva Berg"


def test_due_todo_notifies_once_then_snooze_and_done(qtbot, window, store):
    set_desktop_identity("Anna Roth", "PC-1")
    todos = TodosRepository(store)
    now = datetime.now().astimezone()
    t = todos.add("Anna Roth", "Call the tax office", now - timedelta(minutes=1),
                  Actor.desktop())
    todos.add("Ben Kurz", "Not mine", now - timedelta(minutes=1), Actor.desktop())
    view = my_tasks(qtbot, window)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and shown.append(text))
    window.reminder.timer.setInterval(50)
    qtbot.waitUntil(lambda: any("Call the tax office" in s for s in shown), timeout=5000)
    assert not any("Not mine" in s for s in shown)
    assert todos.get(t.id).notified_at is not None
    m = view.model
    assert m.index(0, m.COL_STATUS).data() == "⚠ overdue"
    # Snooze an hour from the Snooze button's menu.
    view.table.selectRow(0)
    one_hour = next(a for a in view.snooze_button.menu().actions() if a.text() == "1 hour")
    one_hour.trigger()
    snoozed = todos.get(t.id)
    assert snoozed.remind_at > snoozed.due_at and todos.due("Anna Roth") == []
    assert m.index(0, m.COL_STATUS).data() == "snoozed"
    # Done: gone from the open list, back with "Show done".
    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert todos.get(t.id).done_at is not None
    assert view.model.rowCount() == 0
    qtbot.mouseClick(view.show_done, Qt.MouseButton.LeftButton)
    assert m.index(0, m.COL_STATUS).data() == "✓ done"
