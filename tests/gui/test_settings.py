"""Settings and the API's state: where each value comes from, rotating the key, a port
in use."""

import socket

import requests
from PySide6.QtWidgets import QMessageBox

from crm_desktop.main_window import DesktopOptions, MainWindow
from crm_desktop.settings_dialog import SettingsDialog
from shared.settings import API_KEY, ensure_api_key


def test_status_bar_shows_where_the_api_listens(window, api_url):
    assert api_url.startswith("http://127.0.0.1:")
    assert api_url in window.api_label.text()


def test_flag_values_are_read_only_with_a_reason(qtbot, window):
    dlg = SettingsDialog(window.ctx, window.options.flags, parent=window)
    assert dlg.port_edit.isReadOnly()
    assert "command line" in dlg.origins["port"].text()
    assert not dlg.rotate_button.isEnabled()


def test_env_values_are_read_only(qtbot, store, db_path, monkeypatch):
    monkeypatch.setenv("CALLSHEET_PORT", "9999")
    monkeypatch.delenv("CALLSHEET_HOST", raising=False)
    from crm_desktop.context import DesktopContext

    dlg = SettingsDialog(DesktopContext(store), {})
    qtbot.addWidget(dlg)
    assert dlg.port_edit.isReadOnly() and dlg.port_edit.text() == "9999"
    assert "set by CALLSHEET_PORT" in dlg.origins["port"].text()
    assert not dlg.host_edit.isReadOnly()


def test_saving_a_new_port_restarts_the_api(qtbot, store, db_path, monkeypatch):
    for var in ("CALLSHEET_PORT", "CALLSHEET_HOST", "CALLSHEET_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    key, _ = ensure_api_key(store)
    store.set_setting("host", "127.0.0.1")
    store.set_setting("port", "0")
    w = MainWindow(store, db_path, DesktopOptions())
    qtbot.addWidget(w)
    try:
        assert w.api.state == "listening"
        old_url = w.api.url
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            free = s.getsockname()[1]
        dlg = SettingsDialog(w.ctx, w.options.flags, parent=w)
        dlg.port_edit.setText(str(free))
        dlg.accept()
        w.apply_settings(dlg)
        assert store.get_setting("port") == str(free)
        assert w.api.url == f"http://127.0.0.1:{free}" != old_url
        r = requests.get(f"{w.api.url}/campaigns/x/contacts", timeout=10,
                         headers={"Authorization": f"Bearer {key}"})
        assert r.status_code == 404
    finally:
        w.shutdown()


def test_rotating_the_key_takes_effect_at_once(qtbot, store, db_path, monkeypatch):
    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    old, _ = ensure_api_key(store)
    w = MainWindow(store, db_path, DesktopOptions(flags={"host": "127.0.0.1", "port": "0"}))
    qtbot.addWidget(w)
    try:
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        dlg = SettingsDialog(w.ctx, w.options.flags, parent=w)
        assert dlg.rotate_button.isEnabled()
        assert dlg.key_edit.echoMode() == dlg.key_edit.EchoMode.Password
        dlg.rotate_key()
        new = store.get_setting(API_KEY)
        assert new != old and dlg.key_edit.text() == new
        url = f"{w.api.url}/campaigns/x/contacts"
        assert requests.get(url, headers={"Authorization": f"Bearer {old}"},
                            timeout=10).status_code == 401
        assert requests.get(url, headers={"Authorization": f"Bearer {new}"},
                            timeout=10).status_code == 404
    finally:
        w.shutdown()


def test_a_port_in_use_gives_a_clear_message_and_the_app_works(qtbot, store, db_path, actor):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        w = MainWindow(store, db_path, DesktopOptions(
            flags={"host": "127.0.0.1", "port": str(port), "api_key": "k"}))
        qtbot.addWidget(w)
        try:
            assert w.api.state == "failed"
            assert f"port {port}" in w.api.message and "in use" in w.api.message
            assert "API not running" in w.api_label.text()
            assert "in use" in w.statusBar().currentMessage()
            card = w.new_company()
            card.fields["name"].set_text("Still Works GmbH")
            assert card.save()
            assert store.count_companies() == 1
        finally:
            w.shutdown()


def test_no_api(qtbot, store, db_path):
    w = MainWindow(store, db_path, DesktopOptions(api_enabled=False))
    qtbot.addWidget(w)
    assert w.api.state == "off" and "--no-api" in w.api_label.text()
    w.shutdown()
