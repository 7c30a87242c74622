"""The desktop in German says in German what shared/ says: field errors, the timeline,
the import preview, call details, countries; the API beside it keeps English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from crm_desktop import i18n
from crm_desktop.call_details import CallDetailsDialog
from crm_desktop.context import DesktopContext
from crm_desktop.import_dialog import ImportDialog
from crm_desktop.main_window import MainWindow

from .file_dialog import answer_file_dialog


@pytest.fixture
def german() -> Iterator[None]:
    assert i18n.install(QApplication.instance(), "de")
    yield
    i18n.install(QApplication.instance(), "en")


@pytest.fixture
def de_window(german, window) -> MainWindow:
    """The main window, made after German was installed (as at a German start)."""
    return window


def test_a_bad_email_is_told_in_german_under_the_field(qtbot, de_window, store):
    card = de_window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    email = card.fields["email"]
    qtbot.keyClicks(email.editor, "klein-at-example")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert email.error.isVisible()
    assert email.error.text() == ("E-Mail muss eine E-Mail-Adresse wie office@example.com"
                                  " sein, nicht 'klein-at-example'.")
    assert store.count_persons() == 0


def test_phone_errors_and_warnings_name_the_country_in_german(qtbot, de_window, store):
    card = de_window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    phone = card.fields["phone"]
    qtbot.keyClicks(phone.editor, "0043 12")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert phone.error.text() == ("Telefon: '0043 12' ist keine mögliche Telefonnummer:"
                                  " zu kurz für eine Nummer in Österreich (+43).")
    phone.editor.clear()
    qtbot.keyClicks(phone.editor, "01512 345679")  # one digit short for a mobile
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert store.count_persons() == 1
    assert phone.error.text() == ("⚠ 01512 345679 ist keine übliche Nummer in Deutschland"
                                  " (+49): prüfen Sie die Ziffern (sie wird wie eingegeben"
                                  " gespeichert).")


def test_the_country_list_is_in_german_and_sorted_as_germans_read(qtbot, de_window):
    card = de_window.new_company()
    combo = card.fields["country"].editor
    assert isinstance(combo, QComboBox)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Deutschland (DE)" in names and "Österreich (AT)" in names
    assert "Germany (DE)" not in names
    # Ö sorts with O: after Oman, before Pakistan (not at the end after Zypern).
    assert names.index("Oman (OM)") < names.index("Österreich (AT)") < names.index(
        "Pakistan (PK)")
    combo.setCurrentIndex(combo.findData("AT"))
    qtbot.keyClicks(card.fields["name"].editor, "Wiener Kaffee GmbH")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert card.record.country == "AT"


def test_the_settings_region_list_is_in_german(qtbot, de_window, monkeypatch):
    from crm_desktop.settings_dialog import SettingsDialog

    seen: list[list[str]] = []

    def exec_(self):
        seen.append([self.region_combo.itemText(i) for i in range(self.region_combo.count())])
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    qtbot.waitExposed(de_window)
    de_window.activateWindow()
    qtbot.keyClick(de_window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen and "Deutschland (DE)" in seen[0] and "Schweiz (CH)" in seen[0]


def test_the_timeline_speaks_german(qtbot, de_window, store, actor, api_url, auth):
    person = store.create_person({"firstName": "Eva", "lastName": "Berg",
                                  "phone": "+498944322883100"}, actor)
    call = {"call": {
        "id": "c-de-1", "agent": "peggy.sue", "phoneNumber": "+498944322883100",
        "contact": {"company": None, "person": person.id},
        "source": {"type": "queue", "id": "tech"}, "transfer": None, "dtmfPath": "1",
        "attempts": [], "tags": [], "newTasks": [], "annotation": None, "doNotCall": True,
        "timestampInit": "2026-11-26T10:33:48Z", "timestampAssigned": "2026-11-26T10:33:56Z",
        "timestampStart": "2026-11-26T10:33:57Z", "timestampEnd": "2026-11-26T10:35:02Z",
        "timestampClosed": "2026-11-26T10:37:00Z"}}
    r = requests.post(api_url + "/calls", json=call, headers=auth, timeout=30)
    assert r.status_code == 201, r.text
    card = de_window.open_contact("person", person.id)
    qtbot.keyClicks(card.fields["city"].editor, "Berlin")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    card.tabs.setCurrentWidget(card.timeline)
    card.timeline.refresh()
    model = card.timeline.model
    rows = [tuple(model.index(r, c).data() for c in (model.COL_KIND, model.COL_BY,
                                                      model.COL_WHAT))
            for r in range(model.rowCount())]
    assert ("Änderung", "Desktop", "Felder geändert: Ort: — → Berlin") in rows
    assert ("Anruf", "peggy.sue", "Eingehender Anruf, angenommen · 1:05 min") in rows
    assert ("Änderung", "Kommandozeile", next(
        w for k, b, w in rows if w.startswith("Angelegt"))) in rows
    # Do-not-call set by the call: the reason Callsheet wrote, in German.
    assert any(k == "Nicht anrufen" and b.startswith("Apollo")
               and w == "„Nicht anrufen“ gesetzt: durch einen Anruf gesetzt" for k, b, w in rows)
    dnc = card.dnc_model
    assert [dnc.index(r, dnc.COL_REASON).data() for r in range(dnc.rowCount())] == [
        "durch einen Anruf gesetzt"]
    assert dnc.index(0, dnc.COL_ACTION).data() == "„Nicht anrufen“ gesetzt"


def test_call_details_in_german(qtbot, de_window, store, actor, api_url, auth):
    call = {"call": {
        "id": "c-de-2", "agent": None, "phoneNumber": None,
        "contact": {"company": None, "person": None},
        "source": {"type": "queue", "id": "tech"}, "transfer": None, "dtmfPath": "",
        "attempts": [], "tags": [], "newTasks": [], "annotation": None, "doNotCall": False,
        "timestampInit": "2026-11-26T10:33:48Z", "timestampAssigned": None,
        "timestampStart": None, "timestampEnd": None,
        "timestampClosed": "2026-11-26T10:34:00Z"}}
    r = requests.post(api_url + "/calls", json=call, headers=auth, timeout=30)
    assert r.status_code == 201, r.text
    dialog = CallDetailsDialog(de_window.ctx, "c-de-2", de_window)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Anruf", "Zeiten", "Art", "Eingehender Anruf – nicht angenommen",
            "anonym (keine Nummer übermittelt)", "keiner (niemand hat angenommen)",
            "keine Tasten gedrückt", "Nachbearbeitung beendet",
            "keiner angegeben (die Nummer passte zu keinem Kontakt)"} <= texts
    assert "Inbound call" not in " ".join(texts)


def test_the_api_keeps_english_while_the_desktop_speaks_german(de_window, api_url, auth):
    r = requests.post(api_url + "/companies", headers=auth, timeout=30,
                      json={"contact": {"company": {"name": "Nordlicht", "email": "nope"}}})
    assert r.status_code == 400
    assert r.json()["message"] == ("contact.company.email must be an e-mail address like"
                                   " office@example.com, got 'nope'.")


def test_the_import_preview_says_each_row_in_german(qtbot, german, store, tmp_path):
    path = tmp_path / "kunden.csv"
    path.write_text("Firma;Vorname;Nachname;Telefon;E-Mail\n"
                    "CX Labs GmbH;Robert;Klein;089 4432 2883-100;r.klein@cxlabs.de\n"
                    "Acme GmbH;;;030 555012;kaputt\n"
                    "Broken AG;;;12;\n"
                    ";Rob;Mobil;01512 345679;\n", encoding="utf-8")
    dialog = ImportDialog(DesktopContext(store, region="DE", wrote=lambda: None))
    qtbot.addWidget(dialog)
    dialog.show()
    answer_file_dialog(path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    status = [dialog.preview.item(r, 1) for r in range(dialog.preview.rowCount())]
    assert [s.text() for s in status] == ["✓ neue Person", "⚠ neue Firma, ohne E-Mail",
                                          "✗ nicht importierbar", "⚠ neue Person, Telefon prüfen"]
    assert status[1].toolTip().startswith("Zeile 3, Spalte 'E-Mail': weggelassen: email muss")
    assert status[2].toolTip() == (
        "Zeile 4, Spalte 'Telefon': phone: '12' ist keine wählbare Telefonnummer (schreiben"
        " Sie sie wie 089 4432 2883-100 oder +49 89 4432 2883-100).")
    assert "ist keine übliche Nummer in Deutschland" in status[3].toolTip()
    # The fields the columns go to, and the button that goes on, in German too.
    assert [c.currentText() for c in dialog._combos] == [
        "Firma", "Vorname", "Nachname", "Telefon der Person", "E-Mail der Person"]
    assert dialog.next.text() == "Zeilen prüfen…"
    assert "getrennt durch Semikolon" in dialog.file_info.text()


def test_duplicates_are_compared_in_german(qtbot, german, store, actor):
    from crm_desktop.duplicates_view import DuplicatesView

    store.create_company({"name": "CX Labs GmbH", "phone": "+4989443228"}, actor)
    b = store.create_company({"name": "CX Labs", "phone": "+4989443228"}, actor)
    store.create_person({"lastName": "Klein"}, actor, company_id=b.id)
    view = DuplicatesView(DesktopContext(store, wrote=lambda: None))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.activate()
    model = view.model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0] == "Firma" and "gleiche Telefonnummer, ähnlicher Name" in row
    text = view.left.text() + view.right.text()
    assert "0 Anrufe · 0 Aufgaben · 1 Person" in text and "Angelegt " in text
    assert "calls" not in text and "Created" not in text


def test_the_dashboard_names_the_days_in_german(qtbot, german, store):
    from datetime import UTC, datetime

    from crm_desktop.dashboard_view import DashboardView

    view = DashboardView(DesktopContext(store), now=lambda: datetime(2026, 11, 26, 12, 0,
                                                                      tzinfo=UTC), tz=UTC, days=7)
    qtbot.addWidget(view)
    view.show()
    view.activate()
    assert view.week.categories()[:2] == ["Mo., 23. Nov.", "Di., 24. Nov."]


def test_the_calls_list_says_answered_and_missed_in_german(qtbot, de_window, api_url, auth):
    from crm_desktop.main_window import PAGE_CALLS

    call = {"call": {"id": "c-de-3", "phoneNumber": "+498944322883100", "agent": None,
                     "timestampInit": "2026-11-26T10:33:48Z"}}
    r = requests.post(api_url + "/calls", json=call, headers=auth, timeout=30)
    assert r.status_code == 201, r.text
    de_window.go(PAGE_CALLS)
    view = de_window.calls
    view.refresh()
    model = view.model
    assert model.index(0, model.COL_ANSWERED).data() == "verpasst"
    assert view.agent.itemText(0) == "Alle Agenten" and view.tag.itemText(0) == "Alle Tags"


def test_this_pc_says_a_missing_server_name_in_german(qtbot, german, store, tmp_path):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QDialogButtonBox

    from crm_desktop.settings_dialog import SettingsDialog
    from shared.local_settings import LocalSettings

    dialog = SettingsDialog(DesktopContext(store), {"port": "0"}, local=LocalSettings(),
                            local_path=tmp_path / "this-pc.json")
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.this_pc
    qtbot.mouseClick(box.shared_radio, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, box.shared_radio.height() // 2))
    box.host_edit.clear()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert box.errors["host"].isVisible()
    assert box.errors["host"].text() == (
        "Geben Sie den Namen oder die Adresse des Datenbankservers ein.")


def test_recently_deleted_says_what_went_with_it_in_german(qtbot, de_window, store, actor,
                                                            monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.main_window import PAGE_TRASH
    from shared.model import ContactRef

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    c = store.create_company({"name": "Nordlicht"}, actor)
    store.create_person({"lastName": "Berg"}, actor, company_id=c.id)
    store.create_person({"lastName": "Wolf"}, actor, company_id=c.id)
    store.create_campaign("promo", "Promo", actor)
    store.assign_contacts("promo", [ContactRef(c.id)], actor)
    store.delete_company(c.id, actor)
    de_window.go(PAGE_TRASH)
    view = de_window.trash
    view.refresh()
    assert view.model.index(0, 3).data() == "mit 2 Personen, 1 Kampagnenplatz"
    assert view.model.index(0, 1).data() == "Firma"
    rect = view.table.visualRect(view.table.model().index(0, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert de_window.statusBar().currentMessage().startswith(
        "Nordlicht ist wieder da, mit 2 Personen, 0 Aufgaben, 1 Kampagnenplatz")


def test_task_and_todo_states_in_german(qtbot, de_window, store, actor):
    from datetime import UTC, datetime, timedelta

    from crm_desktop.main_window import PAGE_MY_TASKS, PAGE_TASKS
    from shared.model import Actor, ContactRef, set_desktop_identity
    from shared.todos import TodosRepository

    c = store.create_company({"name": "Nordlicht"}, actor)
    store.create_campaign("promo", "Promo", actor)
    store.add_task("promo", ContactRef(c.id), datetime(2020, 1, 2, 9, tzinfo=UTC), actor)
    store.add_task("promo", ContactRef(c.id), datetime(2040, 1, 2, 9, tzinfo=UTC), actor)
    de_window.go(PAGE_TASKS)
    de_window.tasks.refresh()
    model = de_window.tasks.model
    assert sorted(model.index(r, model.COL_STATUS).data() for r in range(model.rowCount())) == [
        "offen", "⚠ überfällig"]
    assert model.index(0, model.COL_KIND).data() == "Dialer (fällig)"
    set_desktop_identity("Anna Roth", "PC-1")
    de_window.local.user_name = "Anna Roth"
    TodosRepository(store).add("Anna Roth", "Angebot schicken",
                               datetime.now(UTC) - timedelta(hours=1), Actor.desktop())
    de_window.go(PAGE_MY_TASKS)
    de_window.my_tasks.refresh()
    todos = de_window.my_tasks.model
    assert todos.rowCount() == 1
    assert todos.index(0, todos.COL_STATUS).data() == "⚠ überfällig"
