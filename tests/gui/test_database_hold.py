"""Nothing in or beside the running app breaks its hold on the database (issue 10, item 1).

SQLite's locks are POSIX record locks: they belong to the process, and any
open() and close() of the database file in it drops them all. Qt's file
dialog used to read the files it lists (to pick icons), so browsing to the
database's folder and cancelling dropped them; the next program to close the
database (``callsheet-api key show``) then thought it was the last one and
deleted the WAL under the running app, acknowledged calls and all.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from PySide6.QtGui import QAction

from crm_desktop.import_dialog import ImportDialog

from .file_dialog import answer_file_dialog

ROOT = Path(__file__).resolve().parents[2]


def _call(call_id: str) -> dict:
    return {"call": {
        "id": call_id, "agent": "peggy.sue", "contact": {"company": None, "person": None},
        "phoneNumber": "+498944322883100", "source": {"type": "queue", "id": "tech_level_1"},
        "transfer": None, "dtmfPath": "1", "attempts": [], "tags": [], "newTasks": [],
        "annotation": None, "doNotCall": False,
        "timestampInit": "2026-11-26T10:33:48Z", "timestampAssigned": "2026-11-26T10:33:56Z",
        "timestampStart": "2026-11-26T10:33:57Z", "timestampEnd": "2026-11-26T10:36:00Z",
        "timestampClosed": "2026-11-26T10:37:00Z",
    }}


def _post_calls(api_url: str, auth: dict, n: int) -> list[str]:
    acked = []
    for _ in range(n):
        call_id = f"hold-{uuid.uuid4().hex[:12]}"
        r = requests.post(api_url + "/calls", json=_call(call_id), headers=auth, timeout=30)
        assert r.status_code == 201, r.text
        acked.append(call_id)
    return acked


def _ids_on_disk(db_path: Path) -> set[str]:
    """The call ids another process finds in the file, as a restarted app would."""
    out = subprocess.run(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
         " print('\\n'.join(r[0] for r in c.execute('SELECT id FROM calls')))", str(db_path)],
        capture_output=True, text=True, timeout=60, check=True)
    return set(out.stdout.split())


def _action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def _browse_and_cancel_import(window, qtbot, folder: Path) -> None:
    _action(window, "&Import CSV…").trigger()
    dlg = next(d for d in window.findChildren(ImportDialog) if d.isVisible())
    seen = answer_file_dialog(None, browse=folder, linger_ms=1500)
    dlg.choose_button.click()
    assert seen["dialog"] and not seen["native"]
    dlg.reject()


def _browse_and_cancel_export(window, folder: Path) -> None:
    seen = answer_file_dialog(None, browse=folder, linger_ms=1500)
    _action(window, "Companies…").trigger()
    assert seen["dialog"]


@pytest.mark.parametrize("second", ["key show", "second connection"])
def test_file_dialogs_and_a_second_process_keep_every_acknowledged_call(
        window, db_path, api_url, auth, qtbot, second):
    before = _post_calls(api_url, auth, 5)
    wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
    assert wal.exists() and shm.exists()
    _browse_and_cancel_import(window, qtbot, db_path.parent)
    _browse_and_cancel_export(window, db_path.parent)
    if second == "key show":
        argv = [sys.executable, "-m", "crm_api", "key", "show", "--db", str(db_path)]
    else:  # any program: open, read, close
        argv = [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                " c.execute('SELECT count(*) FROM calls').fetchone(); c.close()", str(db_path)]
    subprocess.run(argv, cwd=ROOT, capture_output=True, timeout=60, check=True)
    assert wal.exists() and shm.exists(), "the second process deleted the running app's WAL"
    after = _post_calls(api_url, auth, 20)
    assert set(before + after) <= _ids_on_disk(db_path)
    # The desktop's own connection still reads the file it writes.
    assert window.store.count_calls() >= 25
