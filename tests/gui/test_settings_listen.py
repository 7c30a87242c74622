"""Issue 12 item 4: Settings tries the new address and port before it closes, says what
is wrong next to the field, and the running API serves until the new one listens."""

import socket

import pytest
import requests
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from crm_desktop.main_window import DesktopOptions, MainWindow
from shared.settings import ensure_api_key

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def free_window(qtbot, store, db_path, monkeypatch):
    """A window whose address and port come from the database, so Settings may change
    them."""
    for var in ("CALLSHEET_PORT", "CALLSHEET_HOST", "CALLSHEET_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    key, _ = ensure_api_key(store)
    store.set_setting("host", "127.0.0.1")
    store.set_setting("port", "0")
    w = MainWindow(store, db_path, DesktopOptions(daily_backups=False))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w, {"Authorization": f"Bearer {key}"}
    w.shutdown()
    w.deleteLater()


def serves(url, auth):
    try:
        return requests.get(f"{url}/campaigns/x/contacts", headers=auth, timeout=5).status_code
    except requests.ConnectionError:
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_settings(qtbot, window, steps):
    """Open Settings with Ctrl+, and run ``steps(dialog)`` while it is open."""
    seen = {}

    def drive():
        dlg = QApplication.activeModalWidget()
        seen["dialog"] = dlg
        try:
            steps(dlg)
        finally:
            if dlg.isVisible():
                dlg.reject()

    QTimer.singleShot(0, drive)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    return seen["dialog"]


def save_button(dlg):
    return dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def retype(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_a_port_in_use_keeps_the_dialog_open_and_the_old_api_serving(
        qtbot, free_window, store):
    w, auth = free_window
    old_url = w.api.url
    assert serves(old_url, auth) == 404
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        new = free_port()

        def steps(dlg):
            retype(qtbot, dlg.port_edit, str(busy))
            qtbot.mouseClick(save_button(dlg), Qt.MouseButton.LeftButton)
            assert dlg.isVisible()
            assert dlg.port_error.isVisible()
            assert dlg.port_error.text() == (f"Port {busy} on 127.0.0.1 is in use by another"
                                             " program.")
            # Nothing saved, nothing stopped.
            assert store.get_setting("port") == "0"
            assert w.api.state == "listening" and w.api.url == old_url
            assert serves(old_url, auth) == 404
            retype(qtbot, dlg.port_edit, str(new))
            qtbot.mouseClick(save_button(dlg), Qt.MouseButton.LeftButton)
            assert not dlg.isVisible()

        run_settings(qtbot, w, steps)
    assert store.get_setting("port") == str(new)
    assert w.api.url == f"http://127.0.0.1:{new}"
    assert serves(w.api.url, auth) == 404
    assert serves(old_url, auth) is None
    assert f"127.0.0.1:{new}" in w.api_label.text()


def test_an_address_not_of_this_pc_is_shown_next_to_the_address(qtbot, free_window, store):
    w, auth = free_window
    old_url = w.api.url

    def steps(dlg):
        retype(qtbot, dlg.host_edit, "192.0.2.7")  # TEST-NET-1: never a local address
        qtbot.mouseClick(save_button(dlg), Qt.MouseButton.LeftButton)
        assert dlg.isVisible()
        assert dlg.host_error.isVisible() and not dlg.port_error.isVisible()
        assert "192.0.2.7 is not an address of this PC" in dlg.host_error.text()

    run_settings(qtbot, w, steps)
    assert store.get_setting("host") == "127.0.0.1"
    assert w.api.url == old_url and serves(old_url, auth) == 404
