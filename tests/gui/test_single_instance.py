"""Issue 12 item 13: starting Callsheet a second time on the same database says that it
runs already and brings the running window to the front (it used to say the API's port
was "in use by another program")."""

import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop import app as desktop_app
from crm_desktop.single_instance import InstanceServer, ask_running, instance_name
from shared.database import connect
from shared.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def keep_app_look():
    """main() styles the application, sets up logging and the exception hooks: give the
    other tests back what they had."""
    app = QApplication.instance()
    sheet, palette, style = app.styleSheet(), app.palette(), app.style().name()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setStyle(style)
    for h in root.handlers:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks


def prepared_db(folder: Path) -> Path:
    path = folder / "office.db"
    store = Store(connect(path))
    store.set_setting("demo_offered", "1")  # no first-start question in the child
    store.db.close()
    return path


def listening(name: str) -> bool:
    sock = QLocalSocket()
    sock.connectToServer(name)
    ok = sock.waitForConnected(200)
    sock.abort()
    return ok


def test_a_second_start_says_it_runs_already_and_raises_the_window(
        qtbot, tmp_path, monkeypatch, keep_app_look):
    db = prepared_db(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_STATE_HOME=str(tmp_path / "state"), CALLSHEET_LOG_DIR=str(tmp_path / "logs"))
    first = subprocess.Popen([sys.executable, "-m", "crm_desktop.app", "--db", str(db),
                              "--no-api"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not listening(instance_name(db)):
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() < deadline, "the first Callsheet did not start"
            time.sleep(0.1)

        said = []
        monkeypatch.setattr(QMessageBox, "information",
                            lambda parent, title, text, *a, **k: said.append(text))
        monkeypatch.setenv("CALLSHEET_LOG_DIR", str(tmp_path / "logs"))
        assert desktop_app.main(["--db", str(db), "--no-api"]) == 0
        assert len(said) == 1
        assert said[0].startswith("Callsheet is already running on this database")
        assert str(db) in said[0]
        assert "port" not in said[0]
    finally:
        first.terminate()
        _, err = first.communicate(timeout=30)
    assert "window brought to front" in err


def test_the_name_follows_the_file_not_the_spelling(tmp_path):
    db = tmp_path / "office.db"
    same = tmp_path / "sub" / ".." / "office.db"
    (tmp_path / "sub").mkdir()
    assert instance_name(db) == instance_name(same)
    assert instance_name(db) != instance_name(tmp_path / "other.db")


def test_a_start_after_the_first_closed_opens_a_window(qtbot, tmp_path):
    db = tmp_path / "office.db"
    server = InstanceServer(db)
    assert server.listen()
    assert listening(server.name)
    server.close()
    assert not ask_running(db, timeout_ms=300)
    # A socket left behind (a crashed Callsheet) does not stop the next one.
    again = InstanceServer(db)
    assert again.listen()
    again.close()
