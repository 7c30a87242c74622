"""Settings, "This PC": data on this PC or a shared database, Test connection against a
real PostgreSQL server, the password to libpq's file only, serving the API and pop cards."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop.context import DesktopContext
from crm_desktop.settings_dialog import SettingsDialog
from shared.local_settings import LocalSettings
from shared.pgpass import find_password

PASSWORD = "office-pw-1"


@pytest.fixture(scope="module")
def office_db(pg_server):
    """A database owned by a role that must give its password, as in an office."""
    url = pg_server.create_database("team_settings_db")
    pg_server.create_role("team_alice", PASSWORD, owns="team_settings_db")
    yield pg_server
    pg_server.drop_database(url.rsplit("/", 1)[1])
    pg_server.execute("DROP ROLE team_alice")


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return path


@pytest.fixture
def dialog(qtbot, store, tmp_path, pgpass):
    local = LocalSettings()
    dlg = SettingsDialog(DesktopContext(store), {"port": "0"}, local=local,
                         local_path=tmp_path / "this-pc.json")
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def click(qtbot, button) -> None:
    """Click a radio button or check box on its box, where a person clicks (a wide one's
    middle is empty space, which Qt does not count as the button)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def fill_shared(qtbot, dlg, port: int, password: str, dbname: str = "team_settings_db"):
    box = dlg.this_pc
    click(qtbot, box.shared_radio)
    assert box.shared_fields.isEnabled()
    for edit, text in ((box.host_edit, "127.0.0.1"), (box.port_edit, str(port)),
                       (box.dbname_edit, dbname), (box.user_edit, "team_alice"),
                       (box.password_edit, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    box.sslmode_combo.setCurrentText("disable")


def test_connection(qtbot, dlg) -> str:
    box = dlg.this_pc
    with qtbot.waitSignal(box.check_finished, timeout=10000):
        qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    return box.test_result.text()


test_connection.__test__ = False  # a helper, not a test


def save(qtbot, dlg) -> None:
    button = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wrong_password_is_shown_next_to_the_password(qtbot, dialog, office_db):
    fill_shared(qtbot, dialog, office_db.port, "not-it")
    text = test_connection(qtbot, dialog)
    box = dialog.this_pc
    assert text.startswith("✖") and "refused this password" in text
    assert box.errors["password"].isVisible()
    assert not box.errors["dbname"].isVisible()


def test_right_password_connects_and_is_saved_only_to_pgpass(qtbot, dialog, office_db, pgpass,
                                                             tmp_path):
    fill_shared(qtbot, dialog, office_db.port, PASSWORD)
    text = test_connection(qtbot, dialog)
    assert text.startswith("✔ Connected: PostgreSQL"), text
    assert not any(e.isVisible() for e in dialog.this_pc.errors.values())
    save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = (tmp_path / "this-pc.json").read_text()
    assert PASSWORD not in saved
    data = json.loads(saved)
    assert data["database"] == "shared" and data["port"] == office_db.port
    assert data["user"] == "team_alice" and data["sslmode"] == "disable"
    assert find_password("127.0.0.1", office_db.port, "team_settings_db", "team_alice",
                         pgpass) == PASSWORD
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert {"database", "host", "port", "password"} <= dialog.local_changed


def test_missing_database_is_shown_next_to_the_database(qtbot, dialog, office_db):
    fill_shared(qtbot, dialog, office_db.port, PASSWORD, dbname="team_typo")
    assert "no database called 'team_typo'" in test_connection(qtbot, dialog)
    assert dialog.this_pc.errors["dbname"].isVisible()


def test_typing_again_clears_the_old_error(qtbot, dialog, office_db):
    fill_shared(qtbot, dialog, office_db.port, "not-it")
    test_connection(qtbot, dialog)
    qtbot.keyClicks(dialog.this_pc.password_edit, "x")
    assert not dialog.this_pc.errors["password"].isVisible()


def test_shared_without_a_server_name_is_not_saved(qtbot, dialog, tmp_path):
    box = dialog.this_pc
    click(qtbot, box.shared_radio)
    box.host_edit.clear()
    save(qtbot, dialog)
    assert dialog.isVisible() and box.errors["host"].isVisible()
    assert not (tmp_path / "this-pc.json").exists()


def test_data_on_this_pc_disables_the_server_fields(qtbot, dialog):
    box = dialog.this_pc
    assert box.local_radio.isChecked() and not box.shared_fields.isEnabled()
    click(qtbot, box.shared_radio)
    click(qtbot, box.local_radio)
    assert not box.shared_fields.isEnabled()


def test_your_name_and_pop_cards_are_saved(qtbot, dialog, tmp_path):
    box = dialog.this_pc
    qtbot.keyClicks(box.name_edit, "Alice Brandt")
    click(qtbot, box.pop_box)
    save(qtbot, dialog)
    data = json.loads((tmp_path / "this-pc.json").read_text())
    assert data["your_name"] == "Alice Brandt" and data["pop_cards"] is False
    assert data["database"] == "local"
    assert dialog.local_changed == {"your_name", "pop_cards"}
