"""Issue 13 item 3 (and the lists' right-click menu of item 4): phone numbers open tel:
and copy as E.164 or national, e-mail addresses open mailto:, on cards and in lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QInputDialog

from crm_desktop.main_window import PAGE_COMPANIES, PAGE_PERSONS
from shared.model import ContactRef


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString())
                        or True)
    return urls


def test_card_call_button_opens_tel_and_its_menu_copies(qtbot, window, store, actor, opened):
    c = store.create_company({"name": "Spree Reisen", "phone": "+4930901820",
                              "email": "info@spree-reisen.de"}, actor)
    card = window.open_contact("company", c.id)
    call = card.link_buttons["phone"]
    assert call.isEnabled() and not card.link_buttons["phone2"].isEnabled()
    qtbot.mouseClick(call, Qt.MouseButton.LeftButton)
    assert opened == ["tel:+4930901820"]
    call.menu().aboutToShow.emit()  # what opening the arrow's menu does first
    actions = {a.text(): a for a in call.menu().actions()}
    actions["Copy +4930901820 (E.164)"].trigger()
    assert QGuiApplication.clipboard().text() == "+4930901820"
    actions["Copy 030 901820 (national)"].trigger()
    assert QGuiApplication.clipboard().text() == "030 901820"
    qtbot.mouseClick(card.link_buttons["email"], Qt.MouseButton.LeftButton)
    assert opened[-1] == "mailto:info@spree-reisen.de"


def test_call_opens_the_saved_number_not_the_half_typed_one(qtbot, window, store, actor,
                                                            opened):
    p = store.create_person({"lastName": "Berg", "phone": "+4915112345678"}, actor)
    card = window.open_contact("person", p.id)
    editor = card.fields["phone"].editor
    editor.setFocus()
    qtbot.keyClicks(editor, "99")
    qtbot.mouseClick(card.link_buttons["phone"], Qt.MouseButton.LeftButton)
    assert opened == ["tel:+4915112345678"]


def right_click(qtbot, view, row):
    table = view.table
    pos = table.visualRect(table.model().index(row, 0)).center()
    table.customContextMenuRequested.emit(pos)
    return table.row_menu


def test_list_menu_calls_writes_and_copies(qtbot, window, store, actor, opened):
    store.create_person({"firstName": "Eva", "lastName": "Berg", "phone": "+4915112345678",
                         "email": "eva@berg.de"}, actor)
    window.go(PAGE_PERSONS)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    view = window.persons
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    menu = right_click(qtbot, view, 0)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert list(actions)[:1] == ["Open"]
    assert {"Add to campaign…", "Set do-not-call…", "Delete…"} <= set(actions)
    actions["Call 01511 2345678"].trigger()
    assert opened == ["tel:+4915112345678"]
    actions["E-mail eva@berg.de"].trigger()
    assert opened[-1] == "mailto:eva@berg.de"
    actions["Copy 01511 2345678 (national)"].trigger()
    assert QGuiApplication.clipboard().text() == "01511 2345678"


def test_list_menu_opens_and_sets_do_not_call_on_the_selection(qtbot, window, store, actor,
                                                               monkeypatch):
    a = store.create_company({"name": "Alpha"}, actor)
    b = store.create_company({"name": "Beta"}, actor)
    window.go(PAGE_COMPANIES)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    view = window.companies
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.table.selectAll()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("asked by letter", True))
    menu = right_click(qtbot, view, 1)
    next(x for x in menu.actions() if x.text() == "Set do-not-call…").trigger()
    assert store.get_company(a.id).do_not_call and store.get_company(b.id).do_not_call
    assert store.dnc_history(ContactRef(a.id, None))[0].reason == "asked by letter"
    # Right-click on a row outside the selection selects just that row.
    view.table.clearSelection()
    menu = right_click(qtbot, view, 1)
    next(x for x in menu.actions() if x.text() == "Open").trigger()
    assert window.current_card().record_id == b.id
