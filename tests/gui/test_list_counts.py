"""Issue 12 item 1: the Companies and Persons lists show every record at its sorted
place, follow changes made by the API or another Callsheet within a second, F5
reloads them, and the count below the list is always the true number."""

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shared.database import connect
from shared.model import Actor
from shared.store import Store


def fill(store, n):
    for i in range(n):
        store.create_person({"firstName": "Anna", "lastName": f"Person {i:03d}"}, Actor("cli"))


def names(view):
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def show_persons(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.persons
    return window.persons


def test_a_person_posted_to_the_api_appears_at_its_place_within_a_second(
        qtbot, window, store, api_url, auth):
    fill(store, 73)
    view = show_persons(qtbot, window)
    assert view.count.text() == "73 persons"
    body = {"contact": {"company": None,
                        "person": {"firstName": "Anna", "lastName": "Person 050a"}}}
    r = requests.post(f"{api_url}/persons", json=body, headers=auth, timeout=10)
    assert r.status_code == 201, r.text
    new_id = r.json()["contact"]["person"]["id"]
    # Row 50 is far below what the list shows: a refresh of the visible rows missed it.
    qtbot.waitUntil(lambda: view.model.row_of(new_id) >= 0, timeout=1000)
    expected = [p.id for p in store.list_persons(limit=500)]
    assert view.model.row_of(new_id) == expected.index(new_id) == 51
    assert [view.model.record_id(r) for r in range(view.model.rowCount())] == expected
    assert view.count.text() == "74 persons"


def test_changes_by_another_callsheet_move_rows_and_keep_the_count_true(
        qtbot, window, store, db_path):
    fill(store, 30)
    view = show_persons(qtbot, window)
    other = Store(connect(db_path))
    try:
        people = other.list_persons()
        other.update_person(people[1].id, {"lastName": "Zimmer"}, Actor("cli"))
        other.delete_person(people[20].id, Actor("cli"))
        other.create_person({"firstName": "Anna", "lastName": "Person 025b"}, Actor("cli"))
        want = [p.id for p in other.list_persons()]
    finally:
        other.db.close()
    qtbot.waitUntil(lambda: [view.model.record_id(r)
                             for r in range(view.model.rowCount())] == want, timeout=1000)
    assert names(view)[-1] == "Anna Zimmer"
    assert view.count.text() == "30 persons"


def test_f5_reloads_the_list(qtbot, window, store, db_path):
    fill(store, 150)
    view = show_persons(qtbot, window)
    window.live.stop()  # F5 on its own, without the poller's help
    other = Store(connect(db_path))
    try:
        for i in range(3):
            other.create_person({"firstName": "Anna", "lastName": f"Person {60 + 40 * i:03d}x"},
                                Actor("cli"))
    finally:
        other.db.close()
    qtbot.wait(600)
    assert view.count.text() == "150 persons"
    qtbot.keyClick(view.table, Qt.Key.Key_F5)
    assert view.count.text() == "153 persons"
    assert [view.model.record_id(r) for r in range(153)] == [
        p.id for p in store.list_persons()]


def test_deleting_the_last_match_says_no_persons_match(qtbot, window, store, monkeypatch):
    fill(store, 3)
    view = show_persons(qtbot, window)
    qtbot.keyClicks(view.filter, "Person 001")
    qtbot.keyClick(view.filter, Qt.Key.Key_Return)
    assert view.count.text() == "1 person"
    view.table.setFocus()
    view.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert store.count_persons() == 2
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=1000)
    assert view.count.text() == "No persons match"


def test_a_partly_loaded_list_counts_every_row(qtbot, window, store):
    fill(store, 450)  # more than two pages
    view = show_persons(qtbot, window)
    assert view.model.loaded() < 450
    assert view.count.text() == "450 persons"
    assert "loaded" in view.count.toolTip()
