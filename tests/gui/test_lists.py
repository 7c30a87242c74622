"""Issue 13 item 4: right-click menus on the lists, a column chooser whose choice is
remembered, and saved filters in the navigation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from crm_desktop.main_window import (
    PAGE_CALLS,
    PAGE_CAMPAIGNS,
    PAGE_MY_TASKS,
    PAGE_PERSONS,
    PAGE_TASKS,
    PAGE_UNKNOWN,
)
from crm_desktop.models.companies_model import CompaniesModel
from crm_desktop.models.persons_model import PersonsModel
from shared.calls import parse_call
from shared.model import Actor, ContactRef, set_desktop_identity

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def right_click(table, row=0):
    pos = table.visualRect(table.model().index(row, 0)).center()
    table.customContextMenuRequested.emit(pos)
    return table.row_menu


def header_menu(table):
    table.horizontalHeader().customContextMenuRequested.emit(
        table.horizontalHeader().rect().center())
    return table.column_menu


def texts(menu):
    return [a.text() for a in menu.actions() if a.text()]


def test_every_page_list_has_a_row_menu(qtbot, window, store, actor):
    set_desktop_identity("Anna", "PC-1")
    p = store.create_person({"lastName": "Berg", "phone": "+4930901820"}, actor)
    store.create_campaign("promo", "Promo", actor)
    store.add_task("promo", ContactRef(None, p.id), datetime.now(UTC) + timedelta(hours=1),
                   actor, scheduled=True)
    store.record_call(parse_call({"id": "k1", "timestampInit": "2026-11-30T09:00:00Z",
                                  "phoneNumber": "+4940111222", "type": "inbound"}),
                      Actor("api"))
    from shared.todos import TodosRepository

    TodosRepository(store).add("Anna", "Toner", datetime.now(UTC), actor,
                               ref=ContactRef(None, p.id))
    expected = {
        PAGE_CAMPAIGNS: ("campaigns", "Assign contacts…"),
        PAGE_TASKS: ("tasks", "Close task"),
        PAGE_CALLS: ("calls", "Details…"),
        PAGE_UNKNOWN: ("unknown", "Add to contact…"),
        PAGE_MY_TASKS: ("my_tasks", "Done"),
        PAGE_PERSONS: ("persons", "Set do-not-call…"),
    }
    for page, (attr, entry) in expected.items():
        window.go(page)
        qtbot.keyClick(window, Qt.Key.Key_F5)
        view = getattr(window, attr)
        if page == PAGE_CALLS:
            view.range.enabled.setChecked(False)
        qtbot.waitUntil(lambda v=view: v.table.model().rowCount() > 0, timeout=5000)
        assert entry in texts(right_click(view.table)), attr


def test_task_menu_closes_the_task(qtbot, window, store, actor):
    p = store.create_person({"lastName": "Berg"}, actor)
    store.create_campaign("promo", "Promo", actor)
    t = store.add_task("promo", ContactRef(None, p.id), datetime.now(UTC) + timedelta(hours=1),
                       actor)
    window.go(PAGE_TASKS)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.tasks.model.rowCount() == 1)
    menu = right_click(window.tasks.table)
    next(a for a in menu.actions() if a.text() == "Close task").trigger()
    assert store.get_task(t.id).closed_at is not None


def test_column_choice_is_remembered_by_the_next_window(qtbot, window, store, db_path):
    window.go(PAGE_PERSONS)
    table = window.persons.table
    menu = header_menu(table)
    city = next(a for a in menu.actions() if a.text() == "City")
    assert city.isChecked()
    city.trigger()
    assert table.isColumnHidden(PersonsModel.COL_CITY)
    assert not next(a for a in menu.actions() if a.text() == "Name").isEnabled()
    from crm_desktop.main_window import DesktopOptions, MainWindow

    other = MainWindow(store, db_path, DesktopOptions(flags={"port": "0", "api_key": "k"},
                                                      api_enabled=False,
                                                      daily_backups=False))
    try:
        assert other.persons.table.isColumnHidden(PersonsModel.COL_CITY)
        assert not other.companies.table.isColumnHidden(CompaniesModel.COL_CITY)
    finally:
        other.shutdown()
        other.deleteLater()


def test_built_in_saved_filters(qtbot, window, store, actor):
    a = store.create_person({"lastName": "Adler"}, actor)
    b = store.create_person({"lastName": "Berg"}, actor)
    store.set_do_not_call(ContactRef(None, b.id), True, actor, reason="asked")
    store.create_campaign("promo", "Promo", actor)
    now = datetime.now(UTC)
    store.add_task("promo", ContactRef(None, a.id), now + timedelta(days=40), actor,
                   scheduled=True)
    store.add_task("promo", ContactRef(None, b.id), now + timedelta(hours=2), actor,
                   scheduled=False)
    assert window.saved.names()[:2] == ["My open callbacks", "Do-not-call contacts"]
    item = window.saved.item(1)
    qtbot.mouseClick(window.saved.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.saved.visualItemRect(item).center())
    assert window.pages.currentIndex() == PAGE_PERSONS
    qtbot.waitUntil(lambda: window.persons.model.rowCount() == 1)
    assert window.persons.model.record_id(0) == b.id
    item = window.saved.item(0)
    qtbot.mouseClick(window.saved.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.saved.visualItemRect(item).center())
    assert window.pages.currentIndex() == PAGE_TASKS
    # Every open callback, however far ahead; not the dialer's task.
    assert [t.contact.person_id for t in window.tasks.model.records()] == [a.id]


def test_save_a_filter_and_use_it_later(qtbot, window, store, actor, monkeypatch):
    store.create_person({"lastName": "Adler", "city": "Bonn"}, actor)
    store.create_person({"lastName": "Berg", "city": "Kiel"}, actor)
    window.go(PAGE_PERSONS)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClicks(window.persons.filter, "Berg")
    qtbot.keyClick(window.persons.filter, Qt.Key.Key_Return)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kiel people", True))
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)
    assert "Kiel people" in window.saved.names()
    window.persons.filter.clear()
    qtbot.keyClick(window.persons.filter, Qt.Key.Key_Return)
    assert window.persons.model.rowCount() == 2
    item = window.saved.findItems("Kiel people", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(window.saved.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.saved.visualItemRect(item).center())
    assert window.persons.filter.text() == "Berg"
    assert window.persons.model.rowCount() == 1
    # Deleted from its right-click menu.
    window.saved.customContextMenuRequested.emit(window.saved.visualItemRect(item).center())
    next(a for a in window.saved.row_menu.actions()
         if a.text() == "Delete saved filter").trigger()
    assert "Kiel people" not in window.saved.names()


def test_card_lists_and_recently_deleted_have_menus(qtbot, window, store, actor,
                                                    monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from crm_desktop.main_window import PAGE_TRASH

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString()) or True)
    c = store.create_company({"name": "CX Labs"}, actor)
    p = store.create_person({"lastName": "Berg", "phone": "+4930901820"}, actor,
                            company_id=c.id)
    card = window.open_contact("company", c.id)
    card.tabs.setCurrentWidget(card.persons_page)
    menu = right_click(card.persons_view)
    next(a for a in menu.actions() if a.text() == "Call 030 901820").trigger()
    assert opened == ["tel:+4930901820"]
    next(a for a in menu.actions() if a.text() == "Open").trigger()
    assert window.current_card().record_id == p.id
    # Delete the person, then bring it back from Recently deleted's menu.
    store.delete_person(p.id, actor)
    window.go(PAGE_TRASH)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.trash.model.rowCount() == 1)
    menu = right_click(window.trash.table)
    next(a for a in menu.actions() if a.text() == "Restore").trigger()
    assert store.get_person(p.id).name == "Berg"
