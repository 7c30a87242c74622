"""The key: rotatable without a restart, compared in constant time, never logged.

Already proven elsewhere, not repeated here: every operation answers 401
without a key or with a wrong one, Bearer and Basic, and only
``/openapi.json`` is open (``tests/api/test_http_errors_api.py``); the
database file is created 0600 (``tests/store/test_database.py``).
"""

from __future__ import annotations

import base64
import logging
import os
import stat

import pytest
import requests

import crm_api.middleware as middleware
from crm_api.cli import main
from shared.database import connect
from shared.settings import ensure_api_key, rotate_api_key
from shared.store import Store

from .conftest import call_body, serve

OPERATIONS = [
    ("POST", "/contacts/show"), ("POST", "/contacts/search"), ("POST", "/companies"),
    ("GET", "/companies/X"), ("PATCH", "/companies/X"), ("POST", "/persons"),
    ("GET", "/persons/X"), ("PATCH", "/persons/X"), ("GET", "/campaigns/X/contacts"),
    ("GET", "/campaigns/X/tasks"), ("GET", "/campaigns/X/next"), ("POST", "/calls"),
]


def _basic(key: str) -> str:
    return "Basic " + base64.b64encode(f"apollo:{key}".encode()).decode()


def _search(url: str, authorization: str) -> int:
    return requests.post(url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}},
                         headers={"Authorization": authorization}, timeout=10).status_code


@pytest.fixture
def stored_key_server(tmp_path, monkeypatch):
    """A server that reads the stored key on every request, as the desktop runs it."""
    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    db_path = tmp_path / "callsheet.db"
    with serve(db_path, api_key=None, access_log=True) as s:
        ensure_api_key(s.store)
        yield s


def test_rotation_locks_the_old_key_out_at_once(stored_key_server):
    s = stored_key_server
    old = s.store.get_setting("api_key")
    assert _search(s.url, f"Bearer {old}") == 200
    desktop = Store(connect(s.db_path))  # the settings dialog, on its own connection
    new = rotate_api_key(desktop)
    desktop.db.close()
    for method, path in OPERATIONS:
        for auth in (f"Bearer {old}", _basic(old)):
            r = requests.request(method, s.url + path, json={}, headers={"Authorization": auth},
                                 timeout=10)
            assert r.status_code == 401, (method, path, auth[:6])
    assert _search(s.url, f"Bearer {new}") == 200
    assert _search(s.url, _basic(new)) == 200


def test_rotation_from_the_command_line_needs_no_restart(stored_key_server, capsys):
    s = stored_key_server
    old = s.store.get_setting("api_key")
    assert main(["key", "rotate", "--db", str(s.db_path)]) == 0
    out, err = capsys.readouterr()
    new = out.strip()
    assert new != old and old not in err and new not in err
    assert _search(s.url, f"Bearer {old}") == 401
    assert _search(s.url, f"Bearer {new}") == 200


def test_the_key_is_compared_with_compare_digest(stored_key_server, monkeypatch):
    s = stored_key_server
    key = s.store.get_setting("api_key")
    seen: list[tuple[bytes, bytes]] = []
    real = middleware.hmac.compare_digest

    def recording(a, b):
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(middleware.hmac, "compare_digest", recording)
    assert _search(s.url, f"Bearer {key}") == 200
    assert _search(s.url, "Bearer x" + key) == 401
    assert _search(s.url, _basic("short")) == 401
    assert [a for a, _ in seen] == [key.encode(), b"x" + key.encode(), b"short"]
    assert all(b == key.encode() for _, b in seen)


def test_the_key_is_never_logged(stored_key_server, caplog):
    s = stored_key_server
    key = s.store.get_setting("api_key")
    secrets = [key, base64.b64encode(f"apollo:{key}".encode()).decode()]
    caplog.set_level(logging.DEBUG)  # every logger, every level
    session = requests.Session()
    for auth in (f"Bearer {key}", _basic(key), f"Bearer {key}x", _basic(key + "x")):
        session.headers["Authorization"] = auth
        session.post(s.url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}},
                     timeout=10)
        session.post(s.url + "/calls", json=call_body("logged-1"), timeout=10)
        session.post(s.url + "/companies", data=b"{broken", timeout=10,
                     headers={"Content-Type": "application/json"})
    session.close()
    access = [r for r in caplog.records if r.name == "callsheet.access"]
    assert len(access) == 12, [r.getMessage() for r in caplog.records]
    # Everything the server side logged (urllib3 is this test's own client).
    for record in (r for r in caplog.records if not r.name.startswith("urllib3")):
        text = record.getMessage()
        assert not any(x in text for x in secrets), text


def test_the_cli_never_prints_the_key_to_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    db = str(tmp_path / "callsheet.db")
    Store(connect(db)).db.close()
    assert main(["key", "show", "--db", db]) == 0
    key = capsys.readouterr().out.strip()
    for argv in (["key", "show", "--db", db], ["backup", str(tmp_path / "b.db"), "--db", db],
                 ["restore", str(tmp_path / "missing.db"), "--db", db, "--yes"],
                 ["serve", "--db", db, "--port", "99999"]):
        main(argv)
        assert key not in capsys.readouterr().err, argv


def test_side_files_and_backups_are_private(tmp_path):
    from shared.backup import auto_backup, backup, hold_lock

    db_path = tmp_path / "callsheet.db"
    store = Store(connect(db_path))
    store.set_setting("x", "y")  # writes the WAL
    lock = hold_lock(db_path)
    try:
        made = [backup(db_path, tmp_path / "copy.db"), auto_backup(db_path, keep=1)]
        files = [db_path, f"{db_path}-wal", f"{db_path}-shm", f"{db_path}.lock", *made]
        for f in files:
            assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f
        assert stat.S_IMODE(os.stat(tmp_path / "backups").st_mode) == 0o700
    finally:
        lock.release()
        store.db.close()
