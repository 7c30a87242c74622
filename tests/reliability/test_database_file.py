"""A database file that goes away or goes read-only (issue 10, item 3).

A connection goes on writing into a file that was deleted or replaced under it,
and everything it commits is gone at the next start; a connection SQLite opened
read-only stays so; a damaged file used to be found by the first unlucky write.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from crm_api.cli import main
from shared.database import connect
from shared.model import Actor
from shared.store import Store

from .conftest import call_body, serve


def _post_call(s, url: str) -> object:
    return s.post(url + "/calls", json=call_body(f"file-{uuid.uuid4().hex[:10]}", new_tasks=0),
                  timeout=60)


def _post_company(s, url: str, name: str = "Acme") -> object:
    return s.post(url + "/companies", json={"contact": {"company": {"name": name}}}, timeout=60)


def _errors_naming(caplog, path: Path) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.levelno >= logging.ERROR and str(path) in r.getMessage()]


@pytest.mark.parametrize("how", ["deleted", "replaced", "wal deleted"])
def test_no_write_is_acknowledged_into_a_file_that_is_no_longer_the_database(
        tmp_path, caplog, how):
    db_path = tmp_path / "callsheet.db"
    with serve(db_path) as served, served.session() as s:
        assert _post_call(s, served.url).status_code == 201
        assert _post_company(s, served.url).status_code == 201
        if how == "replaced":
            copy = tmp_path / "other.db"
            shutil.copyfile(db_path, copy)
            os.replace(copy, db_path)
        files = {"deleted": ["", "-wal", "-shm"], "replaced": [],
                 "wal deleted": ["-wal", "-shm"]}[how]
        for side in files:
            os.unlink(f"{db_path}{side}")
        for _ in range(3):  # several requests, so that several threads try
            for r in (_post_call(s, served.url), _post_company(s, served.url, "Lost GmbH")):
                assert r.status_code == 503, r.text
                assert r.json()["message"] and r.headers["Retry-After"]
        assert _errors_naming(caplog, db_path)
        if how == "deleted":
            assert not db_path.exists(), "no empty database was started in its place"


def test_a_connection_that_came_up_read_only_is_opened_again(tmp_path):
    """SQLite opens a file it cannot write read-only, and the connection stays so.
    (The tests run as root, who can write any file: ``query_only`` gives the
    connections the same SQLITE_READONLY that a read-only open gives.)"""
    with serve(tmp_path / "callsheet.db") as served, served.session() as s:
        assert _post_call(s, served.url).status_code == 201
        assert _post_company(s, served.url).status_code == 201
        spoiled = len(served.stores._all)
        for store in list(served.stores._all):
            store.conn.execute("PRAGMA query_only = ON")
        # Now the file is writable again (the new connections are not read-only).
        r = _post_call(s, served.url)
        assert r.status_code == 503 and "read-only" in r.json()["message"]
        assert _post_call(s, served.url).status_code == 201
        statuses = [_post_company(s, served.url, f"C{i}").status_code
                    for i in range(spoiled + 2)]
        assert statuses[-1] == 201 and statuses.count(503) <= spoiled, statuses


def _damaged_database(tmp_path: Path) -> Path:
    db_path = tmp_path / "callsheet.db"
    store = Store(connect(db_path))
    for i in range(400):
        store.create_company({"name": f"Company {i:04d}", "city": "x" * 100}, Actor("cli"))
    store.db.close()
    size = db_path.stat().st_size
    with open(db_path, "r+b") as f:  # the test damages it from outside; nothing of Callsheet
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    return db_path


def test_a_damaged_database_is_refused_at_start_with_how_to_restore(tmp_path, capsys):
    db_path = _damaged_database(tmp_path)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    assert main(["serve", "--db", str(db_path), "--port", "0", "--api-key", "k" * 20]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "callsheet-api restore" in err and str(db_path) in err
    assert len(err.strip().splitlines()) == 1


DESKTOP_REFUSAL = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from crm_desktop.app import main

def read_and_close():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, read_and_close)
        return
    print("SHOWN:", box.text().replace("\\n", " "), flush=True)
    box.accept()

app = QApplication(sys.argv[:1])  # timers need it; main() uses this one
QTimer.singleShot(0, read_and_close)
QTimer.singleShot(30_000, QApplication.quit)  # a window instead of the refusal: fail
sys.exit(main(["--db", sys.argv[1], "--no-api"]))
"""


def test_the_desktop_refuses_a_damaged_database_with_how_to_restore(tmp_path):
    """In a process of its own: a QApplication that ran its main loop cannot serve later
    tests."""
    import subprocess
    import sys

    from .conftest import ROOT

    db_path = _damaged_database(tmp_path)
    out = subprocess.run([sys.executable, "-c", DESKTOP_REFUSAL, str(db_path)], cwd=ROOT,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stdout + out.stderr[-2000:]
    shown = [line for line in out.stdout.splitlines() if line.startswith("SHOWN:")]
    assert shown and "is damaged" in shown[0] and "callsheet-api restore" in shown[0]
