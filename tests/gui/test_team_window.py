"""The window on a shared database: live refresh by LISTEN/NOTIFY, screen pops as a notice
that never takes the keyboard, the status bar's database and API, "unreachable" and back,
and the person and PC in the audit trail.

The shared database here is a real PostgreSQL database with the NOTIFY triggers
(shared/pg_notify_sql.py) on minimal tables; the window's store stays a SQLite store,
standing in for the PostgreSQL store of the storage layer. A write to the PostgreSQL
tables is what "another PC" does: it reaches this window only through NOTIFY.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
import requests
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.main_window import PAGE_PERSONS, DesktopOptions, MainWindow
from shared.database import connect
from shared.local_settings import LocalSettings, os_user, pc_name
from shared.model import Actor
from shared.store import Store
from tests.gui.conftest import API_KEY
from tests.pg.notify_schema import notifying_database
from tests.pg_server import PgServer

FLAGS = {"host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"}


@pytest.fixture
def make_window(qtbot, store, db_path) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []

    def make(shared_url: str | None = None, reopen_store=None, **local: object) -> MainWindow:
        options = DesktopOptions(flags=dict(FLAGS), shared_url=shared_url,
                                 local=LocalSettings(**local), daily_backups=False,
                                 reopen_store=reopen_store)
        w = MainWindow(store, shared_url or db_path, options)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        for card in w.card_list():
            card.reload(keep_edits=False)
        w.close()
        w.shutdown()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def shared_url(pg_database) -> str:
    return notifying_database(pg_database())


def other_pc(url: str, sql: str, params: tuple = ()) -> None:
    """A write by another PC: straight into the shared database."""
    with psycopg.connect(url, autocommit=True, application_name="callsheet desktop PC-2") as c:
        c.execute(sql, params)


def connected(qtbot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.live.state == "connected", timeout=10000)


def test_status_bar_names_the_shared_database_and_no_api_is_started(qtbot, make_window,
                                                                   shared_url):
    w = make_window(shared_url)
    connected(qtbot, w)
    port = shared_url.split(":")[2].split("/")[0]
    db = shared_url.rsplit("/", 1)[1]
    assert f"Shared database postgres@127.0.0.1:{port}/{db}" in w.db_label.text()
    assert "#16a34a" in w.db_label.text()  # the green dot: connected
    assert w.api.state == "off"
    assert "API not served from this PC" in w.api_label.text()


def test_serve_the_api_from_this_pc_starts_and_stops_it(qtbot, make_window, shared_url,
                                                       monkeypatch):
    """Which API the desktop starts, not the serving itself (that needs the PostgreSQL store
    of the storage layer; the stand-in store here is SQLite)."""
    from crm_desktop.api_controller import ApiController

    started: list[object] = []
    monkeypatch.setattr(ApiController, "start",
                        lambda self, *a: started.append(self.db_path) or False)
    make_window(shared_url)
    assert started == []  # the office's service serves Apollo
    w = make_window(shared_url, serve_api=True)
    assert started == [shared_url]  # the URL itself, not a mangled Path
    w.local.serve_api = False
    w.apply_local_settings({"serve_api"})
    assert "API not served from this PC" in w.api_label.text()
    w.local.serve_api = True
    w.apply_local_settings({"serve_api"})
    assert started == [shared_url, shared_url]


def test_single_pc_shows_its_file_and_serves_the_api(qtbot, make_window, db_path):
    w = make_window()
    assert w.db_label.text() == db_path.name
    assert w.db_label.toolTip() == f"Database on this PC: {db_path}"
    assert w.api.state == "listening"


def test_another_pcs_change_shows_in_the_open_list_within_a_second(qtbot, make_window, store,
                                                                   shared_url):
    w = make_window(shared_url)
    connected(qtbot, w)
    w.go(PAGE_PERSONS)
    model = w.persons.model
    before = model.rowCount()
    # The other PC's row (in the stand-in store) and its NOTIFY (in the shared database).
    p = store.create_person({"firstName": "Nora", "lastName": "Neu"}, Actor("api", "pc-2"))
    other_pc(shared_url, "INSERT INTO persons (id) VALUES (%s)", (p.id,))
    qtbot.waitUntil(lambda: model.rowCount() == before + 1, timeout=1000)


def test_screen_pop_is_a_notice_that_leaves_the_keyboard_alone(qtbot, make_window, store,
                                                              shared_url):
    c = store.create_company({"name": "CX Labs GmbH"}, Actor("cli"))
    p = store.create_person({"firstName": "Rob", "lastName": "Klein"}, Actor("cli"),
                            company_id=c.id)
    w = make_window(shared_url)
    connected(qtbot, w)
    w.activateWindow()
    w.focus_search()
    qtbot.keyClicks(w.search, "Mei")
    other_pc(shared_url, "INSERT INTO screen_pops (person_id) VALUES (%s)", (p.id,))
    qtbot.waitUntil(lambda: w.pop_notice.isVisible(), timeout=1000)
    assert "Rob Klein" in w.pop_notice.text.text()
    assert w.find_card("person", p.id) is None  # nothing opened by itself
    assert w.search.hasFocus()
    qtbot.keyClicks(w.search, "er")  # the person typing goes on typing
    assert w.search.text() == "Meier"
    assert w.pop_notice.open_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(w.pop_notice.open_button, Qt.MouseButton.LeftButton)
    assert w.current_card().record_id == p.id
    assert not w.pop_notice.isVisible()


def test_pop_cards_off_shows_nothing(qtbot, make_window, store, shared_url):
    p = store.create_person({"firstName": "Ada"}, Actor("cli"))
    w = make_window(shared_url, pop_cards=False)
    connected(qtbot, w)
    with qtbot.waitSignal(w.live.screen_pop, timeout=1000):
        other_pc(shared_url, "INSERT INTO screen_pops (person_id) VALUES (%s)", (p.id,))
    qtbot.wait(50)
    assert not w.pop_notice.isVisible() and w.find_card("person", p.id) is None


def show_contact(w: MainWindow, person_id: str) -> None:
    """What Apollo does: POST /contacts/show to the API this window serves."""
    r = requests.post(f"{w.api.url}/contacts/show", timeout=10,
                      json={"contact": {"company": None, "person": {"id": person_id}}},
                      headers={"Authorization": f"Bearer {API_KEY}"})
    assert r.status_code == 204, r.text


def test_single_pc_with_pop_cards_off_does_not_raise_the_card(qtbot, make_window, store):
    p = store.create_person({"firstName": "Ada"}, Actor("cli"))
    w = make_window(pop_cards=False)
    with qtbot.waitSignal(w.live.screen_pop, timeout=5000):
        show_contact(w, p.id)
    qtbot.wait(50)
    assert w.find_card("person", p.id) is None


def test_single_pc_pop_still_raises_the_card(qtbot, make_window, store):
    p = store.create_person({"firstName": "Ada"}, Actor("cli"))
    w = make_window()
    show_contact(w, p.id)
    qtbot.waitUntil(lambda: w.find_card("person", p.id) is not None, timeout=5000)
    assert not w.pop_notice.isVisible()


def test_unreachable_is_shown_and_cleared_on_reconnect(qtbot, make_window, monkeypatch,
                                                        db_path):
    """A server of its own: stopping the session's server would break other tests."""
    from shared import pg_listen

    monkeypatch.setattr(pg_listen, "BACKOFF", (0.1, 0.2))
    server = PgServer().start()
    try:
        url = notifying_database(server.create_database("team_outage"))
        reopened: list[Store] = []

        def reopen() -> Store:
            reopened.append(Store(connect(db_path)))
            return reopened[-1]

        w = make_window(url, reopen_store=reopen)
        first = w.store
        w.live.listener._backoff = (0.1, 0.2)
        connected(qtbot, w)
        server.pause()
        qtbot.waitUntil(lambda: "shared database unreachable" in w.db_label.text(),
                        timeout=10000)
        assert "reconnects" in w.db_label.toolTip()
        with qtbot.waitSignal(w.live.changed, timeout=15000):  # views reload on return
            server.resume()
        assert "unreachable" not in w.db_label.text()
        assert "#16a34a" in w.db_label.text()
        # The window works on a new connection; the dead one is closed.
        assert reopened == [w.store] and w.ctx.store is w.store is not first
        w.shutdown()
        for store in reopened:
            store.db.close()
    finally:
        server.stop()


@pytest.mark.parametrize("your_name, expected", [("Alice Brandt", "Alice Brandt"),
                                                  ("", os_user())])
def test_the_audit_trail_names_the_person_and_the_pc(qtbot, make_window, store, your_name,
                                                     expected):
    c = store.create_company({"name": "Alt GmbH", "city": "Ulm"}, Actor("cli"))
    w = make_window(your_name=your_name)
    card = w.open_contact("company", c.id)
    card.fields["city"].editor.clear()
    qtbot.keyClicks(card.fields["city"].editor, "Neu-Ulm")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    entry = store.audit_trail("company", c.id)[0]
    assert (entry.side, entry.client) == ("desktop", f"{expected} on {pc_name()}")
    model = card.audit_model
    shown = model.data(model.index(0, model.COL_BY))
    assert shown == f"{expected} on {pc_name()}"


def test_backups_on_a_shared_database_point_to_the_server(qtbot, make_window, shared_url,
                                                          tmp_path: Path):
    w = make_window(shared_url)
    w.backup_now(str(tmp_path / "copy.db"))
    assert "callsheet-api backup" in w.statusBar().toolTip()  # the whole message
    assert not (tmp_path / "copy.db").exists()


def test_a_burst_of_changes_is_one_refresh_not_hundreds(qtbot, shared_url):
    from crm_desktop.pg_live import PgLive

    live = PgLive(shared_url)
    emitted: list[int] = []
    live.changed.connect(lambda: emitted.append(1))
    received: list[object] = []
    live.change_received.connect(received.append)
    live.start()
    try:
        qtbot.waitUntil(lambda: live.state == "connected", timeout=10000)
        with psycopg.connect(shared_url, autocommit=True) as c:
            for i in range(100):
                c.execute("INSERT INTO calls (id) VALUES (%s)", (f"burst-{i}",))
        qtbot.waitUntil(lambda: len(received) == 100, timeout=5000)
        qtbot.wait(300)
        assert 1 <= len(emitted) <= 10, len(emitted)
    finally:
        live.stop()


def test_your_name_typed_in_settings_is_used_at_once(qtbot, make_window, store, tmp_path):
    """File > Settings, type a name, Save: the next change is recorded under it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from crm_desktop.settings_dialog import SettingsDialog

    w = make_window()
    w.options.local_path = tmp_path / "this-pc.json"
    seen: list[SettingsDialog] = []

    def fill_in() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SettingsDialog)
        seen.append(dlg)
        dlg.this_pc.name_edit.clear()
        qtbot.keyClicks(dlg.this_pc.name_edit, "Bea Stein")
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    settings = next(a for a in w.menuBar().actions()[0].menu().actions()
                    if a.text() == "&Settings…")
    settings.trigger()
    assert seen and (tmp_path / "this-pc.json").exists()
    c = store.create_company({"name": "Neu AG"}, Actor("cli"))
    card = w.open_contact("company", c.id)
    qtbot.keyClicks(card.fields["city"].editor, "Ulm")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert store.audit_trail("company", c.id)[0].client == f"Bea Stein on {pc_name()}"
