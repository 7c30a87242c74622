"""Errors say what they are (issue 10, item 4): every SQLite error used to be 503
"busy". Now busy or locked is 503 + Retry-After, a full disk 507, a read-only or
unreadable file 503 with a true message and an ERROR line naming the file, and
anything else 500 with the traceback in the log, always as {"message"}."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from crm_api.db_errors import classify

from .conftest import serve


@pytest.fixture
def on_every_connection(monkeypatch):
    """``apply(served, pragma)``: run ``pragma`` on every connection the server has open
    and on each it opens from now on (each Waitress thread opens its own)."""
    import shared.stores

    pragmas: list[str] = []
    real_connect = shared.stores.connect

    def connect(*args, **kwargs):
        db = real_connect(*args, **kwargs)
        for pragma in pragmas:
            db.conn.execute(pragma)
        return db

    monkeypatch.setattr(shared.stores, "connect", connect)

    def apply(served, pragma: str) -> None:
        pragmas.append(pragma)
        for store in served.stores._all:
            store.conn.execute(pragma)

    return apply


def _company(session, url: str, name: str, **extra) -> object:
    return session.post(url + "/companies", timeout=60,
                        json={"contact": {"company": {"name": name, **extra}}})


def _error_lines(caplog, db_path) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR
            and str(db_path) in r.getMessage()]


def test_a_full_disk_is_507_with_a_message_about_disk_space(tmp_path, caplog,
                                                            on_every_connection):
    with serve(tmp_path / "callsheet.db") as served, served.session() as s:
        assert _company(s, served.url, "Before").status_code == 201
        pages = served.store.conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own limit on the file's size: the same SQLITE_FULL as a full disk.
        on_every_connection(served, f"PRAGMA max_page_count = {pages}")
        statuses = set()
        for i in range(100):
            r = _company(s, served.url, f"Filler {i}", city="x" * 200)
            statuses.add(r.status_code)
            if r.status_code != 201:
                break
        assert r.status_code == 507, r.text
        assert statuses <= {201, 507}
        assert "disk" in r.json()["message"] and "full" in r.json()["message"]
        assert _error_lines(caplog, served.db_path)
        names = {c.name for c in served.store.list_companies(limit=500)}
        assert f"Filler {i}" not in names  # a refused write left nothing behind


def test_a_read_only_database_is_503_with_a_true_message(tmp_path, caplog,
                                                         on_every_connection):
    with serve(tmp_path / "callsheet.db") as served, served.session() as s:
        assert _company(s, served.url, "Before").status_code == 201
        on_every_connection(served, "PRAGMA query_only = ON")  # SQLITE_READONLY on writes
        r = _company(s, served.url, "Refused")
        assert r.status_code == 503, r.text
        assert "read-only" in r.json()["message"] and "busy" not in r.json()["message"]
        assert r.headers["Retry-After"]
        assert _error_lines(caplog, served.db_path)
        # Reads still work.
        r = s.post(served.url + "/contacts/search", json={"query": {"phoneNumber": "+4930555"}},
                   timeout=30)
        assert r.status_code == 200


def test_anything_else_is_500_with_the_traceback_in_the_log(tmp_path, caplog):
    with serve(tmp_path / "callsheet.db") as served, served.session() as s:
        assert _company(s, served.url, "Before").status_code == 201
        other = sqlite3.connect(served.db_path)
        other.execute("ALTER TABLE audit_log RENAME TO audit_log_gone")  # a broken schema
        other.close()
        r = _company(s, served.url, "Refused")
        assert r.status_code == 500, r.text
        assert r.json() == {"message": "Callsheet hit an internal error; it has been logged."}
        (record,) = [r for r in caplog.records if r.exc_info]
        assert "no such table: audit_log" in str(record.exc_info[1])
        assert "Refused" not in {c.name for c in served.store.list_companies()}


def _error(code: int, text: str = "x") -> sqlite3.Error:
    e = sqlite3.OperationalError(text)
    e.sqlite_errorcode = code
    return e


@pytest.mark.parametrize("code, status, words", [
    (5, "503 Service Unavailable", "busy"),            # SQLITE_BUSY
    (5 | 2 << 8, "503 Service Unavailable", "busy"),   # SQLITE_BUSY_SNAPSHOT
    (6, "503 Service Unavailable", "busy"),            # SQLITE_LOCKED
    (13, "507 Insufficient Storage", "full"),          # SQLITE_FULL
    (8, "503 Service Unavailable", "read-only"),       # SQLITE_READONLY
    (8 | 3 << 8, "503 Service Unavailable", "read-only"),  # SQLITE_READONLY_ROLLBACK
    (10, "503 Service Unavailable", "I/O"),            # SQLITE_IOERR
    (10 | 4 << 8, "503 Service Unavailable", "I/O"),   # SQLITE_IOERR_FSYNC
    (11, "503 Service Unavailable", "damaged"),        # SQLITE_CORRUPT
    (1, "500 Internal Server Error", "internal"),      # SQLITE_ERROR: no such table, ...
    (19, "500 Internal Server Error", "internal"),     # SQLITE_CONSTRAINT
])
def test_each_sqlite_result_code_has_its_answer(code, status, words):
    fault = classify(_error(code))
    assert fault.status == status and words in fault.message
    assert (fault.retry_after is not None) == status.startswith("503")


def test_an_error_of_pythons_sqlite3_itself_is_internal():
    assert classify(sqlite3.ProgrammingError("Cannot operate on a closed database.")).status \
        == "500 Internal Server Error"
