"""Issue 13 item 6 on screen: calls Apollo posts over HTTP from numbers no contact has
land in Unknown callers; one click makes a company or person of the number, or adds it
to an existing contact as phone 2, and the earlier calls move to that card."""

from __future__ import annotations

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm_desktop.contact_picker import ContactPickerDialog
from crm_desktop.main_window import PAGE_UNKNOWN
from shared.model import ContactRef
from tests.gui.test_live import call_body

CTRL = Qt.KeyboardModifier.ControlModifier
NUMBER = "+4930901820"


def post_unknown(api_url, auth, call_id, at="2026-11-26T13:05:00Z"):
    body = call_body(None, call_id, phoneNumber=NUMBER, timestampInit=at,
                     contact={"company": None, "person": None})
    r = requests.post(f"{api_url}/calls", json=body, headers=auth, timeout=10)
    assert r.status_code == 201, r.text


def show_page(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_9, CTRL)
    assert window.pages.currentIndex() == PAGE_UNKNOWN
    return window.unknown


def test_posted_unknown_calls_are_listed_by_number(qtbot, window, api_url, auth):
    view = show_page(qtbot, window)
    post_unknown(api_url, auth, "u1", "2026-11-25T09:00:00Z")
    post_unknown(api_url, auth, "u2", "2026-11-26T09:00:00Z")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    m = view.model
    assert m.index(0, m.COL_NUMBER).data() == "030 901820"
    assert m.index(0, m.COL_CALLS).data() == "2"
    assert m.index(0, m.COL_AGENT).data() == "peggy.sue"


def test_new_company_from_the_number_links_the_earlier_calls(
        qtbot, window, store, api_url, auth):
    view = show_page(qtbot, window)
    post_unknown(api_url, auth, "u1")
    post_unknown(api_url, auth, "u2", "2026-11-26T14:00:00Z")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(view.company_button, Qt.MouseButton.LeftButton)
    card = window.current_card()
    assert card.KIND == "company" and card.fields["phone"].text() == "030 901820"
    qtbot.keyClicks(card.fields["name"].editor, "Spree Reisen GmbH")
    qtbot.keyClick(card.fields["name"].editor, Qt.Key.Key_S, CTRL)
    company = next(c for c in store.list_companies() if c.name == "Spree Reisen GmbH")
    assert company.phone == NUMBER
    calls = store.calls_for_contact(ContactRef(company.id, None))
    assert {c.id for c in calls} == {"u1", "u2"}
    assert card.calls_model.rowCount() == 2
    window.go(PAGE_UNKNOWN)
    # The list refreshes with the live update the save started.
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)


def test_new_person_from_the_number(qtbot, window, store, api_url, auth):
    view = show_page(qtbot, window)
    post_unknown(api_url, auth, "u1")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(view.person_button, Qt.MouseButton.LeftButton)
    card = window.current_card()
    qtbot.keyClicks(card.fields["lastName"].editor, "Kranz")
    qtbot.keyClick(card.fields["lastName"].editor, Qt.Key.Key_S, CTRL)
    person = store.list_persons()[0]
    assert person.phone == NUMBER
    assert [c.id for c in store.calls_for_contact(ContactRef(None, person.id))] == ["u1"]


@pytest.fixture
def pick(monkeypatch, qtbot):
    """The contact chooser as a person uses it: type a name, press Enter."""
    typed: list[str] = []

    def exec_(self):
        qtbot.keyClicks(self.picker.query, typed.pop(0))
        qtbot.keyClick(self.picker.query, Qt.Key.Key_Return)
        return self.result() or QDialog.DialogCode.Rejected

    monkeypatch.setattr(ContactPickerDialog, "exec", exec_)
    return typed


def test_add_the_number_to_an_existing_contact_as_phone_2(
        qtbot, window, store, actor, api_url, auth, pick):
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann",
                             "phone": "+4915112345678"}, actor)
    view = show_page(qtbot, window)
    post_unknown(api_url, auth, "u1")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    pick.append("Lehmann")
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    assert store.get_person(p.id).phone2 == NUMBER
    assert [c.id for c in store.calls_for_contact(ContactRef(None, p.id))] == ["u1"]
    assert view.model.rowCount() == 0
    assert window.current_card().record_id == p.id
