"""Privacy in the desktop: export and erase from the Card menu, consent records on the
card, the Privacy view, retention settings with Preview, campaigns needing consent."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox

from crm_desktop import file_dialogs
from crm_desktop.campaign_dialog import CampaignDialog
from crm_desktop.consent_dialog import ConsentDialog
from crm_desktop.erase_dialog import EraseDialog
from crm_desktop.main_window import PAGE_CAMPAIGNS, PAGE_PRIVACY
from crm_desktop.retention_dialog import RetentionDialog
from shared import consent, privacy, privacy_log
from shared.calls import parse_call
from shared.local_settings import os_user, pc_name
from shared.model import ContactRef

from .window_closing import discard

PHONE = "+4989777666555"


def _person(store, actor):
    p = store.create_person({"firstName": "Greta", "lastName": "Vollmond", "phone": PHONE,
                             "email": "greta@example.org"}, actor)
    store.record_call(parse_call({"id": "g1", "timestampInit": "2020-05-01T09:00:00Z",
                                  "phoneNumber": PHONE, "annotation": "Greta asked",
                                  "contact": {"company": None, "person": p.id}}), actor)
    return p


def _click_save(qtbot, dlg):
    button = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _menu_action(window, text):
    card_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Card")
    card_menu.aboutToShow.emit()  # what opening the menu does
    return next(a for a in card_menu.actions() if a.text() == text)


def test_card_menu_exports_personal_data_as_json_and_html(qtbot, window, store, actor,
                                                          monkeypatch, tmp_path):
    p = _person(store, actor)
    window.open_contact("person", p.id)
    target = tmp_path / "greta.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(target), ""))
    action = _menu_action(window, "E&xport personal data…")
    assert action.isEnabled()
    action.trigger()
    data = json.loads(target.read_text())
    assert data["person"]["email"] == "greta@example.org"
    assert data["calls"][0]["annotation"] == "Greta asked"
    html = (tmp_path / "greta.html").read_text()
    assert "Vollmond" in html and "Greta asked" in html
    (event,) = privacy_log.events(store)
    # Who: "Your name" (File ▸ Settings ▸ This PC; the login name by default) on this PC.
    assert (event.action, event.actor, event.entity_id) == (
        "export", f"{os_user()} on {pc_name()}", p.id)
    assert "greta.html" in window.statusBar().currentMessage()


def test_personal_data_actions_need_a_person_card(qtbot, window, store, actor):
    c = store.create_company({"name": "Nur Firma"}, actor)
    window.open_contact("company", c.id)
    assert not _menu_action(window, "&Erase personal data…").isEnabled()
    assert not _menu_action(window, "E&xport personal data…").isEnabled()


def _answer_erase(monkeypatch, qtbot, reason, *, click=True):
    seen = {}

    def exec_(dlg):
        seen["text"] = dlg.findChild(QLabel).text()
        seen["erase_enabled_before"] = dlg.erase_button.isEnabled()
        qtbot.keyClicks(dlg.reason_edit, reason)
        seen["erase_enabled"] = dlg.erase_button.isEnabled()
        if click and dlg.erase_button.isEnabled():
            qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
        else:
            dlg.reject()
        return dlg.result()

    monkeypatch.setattr(EraseDialog, "exec", exec_)
    return seen


def test_erase_asks_for_a_reason_then_erases_and_logs(qtbot, window, store, actor,
                                                     monkeypatch):
    p = _person(store, actor)
    card = window.open_contact("person", p.id)
    seen = _answer_erase(monkeypatch, qtbot, "Art. 17 letter", click=False)
    _menu_action(window, "&Erase personal data…").trigger()
    assert seen.pop("text").endswith("a restore erases it again.</li></ul>"
                                     "<p><b>This cannot be undone.</b></p>")
    assert seen == {"erase_enabled_before": False, "erase_enabled": True}
    assert store.get_person(p.id).name == "Greta Vollmond"  # cancelled: nothing changed

    _answer_erase(monkeypatch, qtbot, "Art. 17 letter")
    _menu_action(window, "&Erase personal data…").trigger()
    erased = store.get_person(p.id)
    assert erased.name == "Erased person" and erased.phone is None
    assert card.title.text() == "Erased person"
    assert "Personal data erased" in card.subtitle.text()
    assert card.fields["lastName"].editor.isReadOnly()
    assert card.fields["phone"].text() == "" and not card.company_button.isEnabled()
    (event,) = privacy_log.events(store)
    assert (event.action, event.reason, event.actor) == (
        "erase", "Art. 17 letter", f"{os_user()} on {pc_name()}")
    assert store.create_person({"lastName": "Neu", "phone": PHONE}, actor).do_not_call
    # The Privacy view lists it.
    window.go(PAGE_PRIVACY)
    view = window.privacy
    assert view.model.rowCount() == 1
    assert view.model.record(0).entity_id == p.id
    assert view.count.text() == "1 event(s)"
    window.close_current_card()
    qtbot.waitUntil(lambda: view.table.visualRect(view.model.index(0, 0)).height() > 0)
    pos = view.table.visualRect(view.model.index(0, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.current_card().record_id == p.id  # the row opens the record


def test_consent_tab_adds_withdraws_and_exports_proof(qtbot, window, store, actor,
                                                      monkeypatch, tmp_path):
    p = _person(store, actor)
    card = window.open_contact("person", p.id)
    panel = card.consent_panel
    assert card.tabs.tabText(card.tabs.indexOf(panel)) == "Consent"

    def exec_(dlg):
        qtbot.keyClicks(dlg.source_edit, "web form #12")
        qtbot.keyClicks(dlg.by_edit, "peggy")
        qtbot.keyClicks(dlg.file_edit, "forms/12.pdf")
        _click_save(qtbot, dlg)
        return dlg.result()

    monkeypatch.setattr(ConsentDialog, "exec", exec_)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    (c,) = consent.consents_for(store, ContactRef(None, p.id))
    assert (c.source, c.given_by, c.file_ref, c.withdrawn_at) == (
        "web form #12", "peggy", "forms/12.pdf", None)
    assert panel.model.rowCount() == 1
    assert card.tabs.tabText(card.tabs.indexOf(panel)) == "Consent (1)"

    out = tmp_path / "proof.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert json.loads(out.read_text())["consents"][0]["source"] == "web form #12"
    assert privacy_log.events(store)[0].action == "consent-export"

    panel.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert not consent.has_consent(store, ContactRef(None, p.id))
    assert panel.model.record(0).withdrawn_at is not None


def test_consent_without_source_shows_the_error(qtbot, window, store, actor):
    p = _person(store, actor)
    dlg = ConsentDialog(window.ctx, ContactRef(None, p.id), "Greta", window)
    qtbot.addWidget(dlg)
    _click_save(qtbot, dlg)
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "how the consent was given" in dlg.fields["source"].error.text()
    assert consent.consents_for(store, ContactRef(None, p.id)) == []


def test_privacy_settings_preview_and_save_then_the_daily_run(qtbot, window, store, actor,
                                                              monkeypatch):
    _person(store, actor)
    seen = {}

    def exec_(dlg):
        dlg.calls_spin.selectAll()
        qtbot.keyClicks(dlg.calls_spin, "12")
        qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
        seen["preview"] = dlg.preview_text.toPlainText()
        _click_save(qtbot, dlg)
        return dlg.result()

    monkeypatch.setattr(RetentionDialog, "exec", exec_)
    window.go(PAGE_PRIVACY)
    qtbot.mouseClick(window.privacy.settings_button, Qt.MouseButton.LeftButton)
    assert "1 call record(s) started before" in seen["preview"]
    assert "call g1" in seen["preview"]
    assert store.count_calls() == 1  # the preview removed nothing
    assert store.get_setting("retention_call_months") == "12"
    window.retention.wait()  # the run at start found nothing to do
    with qtbot.waitSignal(window.retention.done, timeout=20_000) as run:
        assert window.retention.check(datetime(2026, 12, 1, 3, 0, tzinfo=UTC))
    assert run.args[0].calls_deleted == 1 and store.count_calls() == 0
    assert "Retention: deleted 1 call, anonymised 0 persons." in (
        window.statusBar().currentMessage())
    with qtbot.waitSignal(window.retention.done, timeout=20_000) as again:
        window.retention.check(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    assert again.args[0] is None  # once a day
    window.privacy.refresh()
    assert window.privacy.model.record(0).action == "retention"


def test_campaign_dialog_marks_needs_consent(qtbot, window, store):
    dlg = CampaignDialog(window.ctx, parent=window)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.id_edit, "winter")
    qtbot.keyClicks(dlg.name_edit, "Winter promotion")
    qtbot.mouseClick(dlg.consent_check, Qt.MouseButton.LeftButton)
    assert dlg.consent_check.isChecked()
    _click_save(qtbot, dlg)
    assert consent.needs_consent(store, "winter")
    window.go(PAGE_CAMPAIGNS)
    model = window.campaigns.model
    row = model.row_of("winter")
    assert model.index(row, model.COL_NAME).data() == "Winter promotion · consent needed"
    again = CampaignDialog(window.ctx, store.get_campaign("winter"), parent=window)
    qtbot.addWidget(again)
    again.show()
    assert again.consent_check.isChecked()
    qtbot.mouseClick(again.consent_check, Qt.MouseButton.LeftButton)
    _click_save(qtbot, again)
    assert not consent.needs_consent(store, "winter")
    assert store.audit_trail("campaign", "winter")[0].changes == {
        "needs_consent": [True, False]}


def test_a_person_typed_in_with_a_blocked_number_shows_do_not_call(qtbot, window, store,
                                                                   actor):
    gone = store.create_person({"lastName": "Vorher", "phone": "+4915123456789"}, actor)
    privacy.erase_person(store, gone.id, reason="asked", who="cli")
    card = window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    qtbot.keyClicks(card.fields["phone"].editor, "0151 2345 6789")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    person = store.get_person(card.record_id)
    assert person.do_not_call
    assert card.badge.isVisible()
    assert card.dnc_model.record(0).reason == "erased, objection on file"


def test_a_window_on_a_shared_database_leaves_retention_to_its_server(
        qtbot, store, pg_database, monkeypatch, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from crm_desktop.main_window import DesktopOptions, MainWindow
    from tests.gui.conftest import API_KEY
    from tests.pg.notify_schema import notifying_database

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    url = notifying_database(pg_database())
    w = MainWindow(store, url, DesktopOptions(
        flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"},
        shared_url=url, daily_backups=False))
    try:
        assert not w.retention.timer.isActive()
        assert w.retention._thread is None
        # Nothing opened a SQLite file named after the URL ("postgresql:/...").
        assert list(cwd.iterdir()) == []
    finally:
        w.close()
        w.shutdown()
        w.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_window_on_a_shared_database_erases_a_person_for_every_pc(
        qtbot, pg_database, monkeypatch, tmp_path):
    """Card ▸ Erase personal data… on a real PostgreSQL store: another PC's connection sees
    the person erased and the erasure in the privacy log; export works there too."""
    import psycopg
    from PySide6.QtWidgets import QApplication

    from crm_desktop.main_window import DesktopOptions, MainWindow
    from shared.database import connect
    from shared.model import Actor
    from shared.store import Store
    from tests.gui.conftest import API_KEY

    url = pg_database()
    store = Store(connect(url))  # migrates: the whole schema, its NOTIFY triggers too
    w = MainWindow(store, url, DesktopOptions(
        flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"},
        shared_url=url, daily_backups=False))
    w.show()
    try:
        p = _person(store, Actor("cli"))
        w.open_contact("person", p.id)
        target = tmp_path / "greta.json"
        monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(target), ""))
        export = _menu_action(w, "E&xport personal data…")
        assert export.isEnabled()
        export.trigger()
        assert json.loads(target.read_text())["person"]["email"] == "greta@example.org"
        seen = _answer_erase(monkeypatch, qtbot, "Art. 17 letter")
        _menu_action(w, "&Erase personal data…").trigger()
        assert "apply the saved privacy log again (privacy reapply)" in seen["text"]
        with psycopg.connect(url, autocommit=True) as other_pc:
            row = other_pc.execute("SELECT name, phone, email, erased_at FROM persons"
                                   " WHERE id = %s", (p.id,)).fetchone()
            assert row[:3] == ("Erased person", None, None) and row[3] is not None
            call = other_pc.execute("SELECT phone_number, annotation FROM calls"
                                    " WHERE id = 'g1'").fetchone()
            assert call == (None, None)
            log = other_pc.execute("SELECT action, reason, actor FROM privacy_log"
                                   " ORDER BY pk").fetchall()
            assert log == [("export", None, f"{os_user()} on {pc_name()}"),
                           ("erase", "Art. 17 letter", f"{os_user()} on {pc_name()}")]
        w.go(PAGE_PRIVACY)
        assert w.privacy.model.rowCount() == 2
        assert any("every PC on the shared database" in label.text()
                   for label in w.privacy.findChildren(type(w.privacy.count)))
    finally:
        QApplication.processEvents()  # the card's pending focus timer, before it goes
        discard(w)
        store.db.close()


def test_on_a_shared_database_a_window_purges_only_when_no_other_does_its_housekeeping(
        qtbot, pg_database):
    """Recently deleted is purged by one PC or server at a time: while another holds the
    database's housekeeping lock the window leaves it; the next hourly round purges."""
    from datetime import timedelta

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from crm_desktop.main_window import DesktopOptions, MainWindow
    from shared.database import connect
    from shared.model import Actor
    from shared.retention import HOUSEKEEPING_JOB
    from shared.store import Store
    from shared.timeutil import utc_now
    from tests.gui.conftest import API_KEY

    url = pg_database()
    old = Store(connect(url), clock=lambda: utc_now() - timedelta(days=40))
    gone = old.create_company({"name": "Deleted long ago"}, Actor("cli"))
    old.delete_company(gone.id, Actor("cli"))
    old.close()
    other = Store(connect(url))  # another PC, busy with the housekeeping
    store = Store(connect(url))
    w = None
    try:
        with other.dialect.exclusive_job(HOUSEKEEPING_JOB) as mine:
            assert mine
            w = MainWindow(store, url, DesktopOptions(
                flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"},
                shared_url=url, daily_backups=False))
            assert store._one("SELECT count(*) FROM trash")[0] == 1  # left to the other
        w.purge_timer.timeout.emit()  # the next hourly round
        assert store._one("SELECT count(*) FROM trash")[0] == 0
    finally:
        if w is not None:
            w.close()
            w.shutdown()
            w.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()
        other.close()
