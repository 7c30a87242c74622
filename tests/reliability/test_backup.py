"""Backups while Apollo writes; restores only while nobody has the file open."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import uuid
from datetime import datetime, timedelta

import pytest
import requests

from crm_api.cli import main
from shared.backup import BackupError, auto_backup, backup, daily_backups, hold_lock, restore
from shared.database import connect
from shared.errors import DatabaseInUse
from shared.migrations import SCHEMA_VERSION
from shared.model import Actor
from shared.store import Store

from .conftest import call_body, seed_contacts, serve, serve_process, stored_call

MAX_CALLS = 5_000


def _count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM calls").fetchone()[0]
    finally:
        conn.close()


def _check_copy(copy, acked_before: int, acked_after: int) -> int:
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        ids = [r[0] for r in conn.execute("SELECT id FROM calls")]
        # A snapshot: each call whole, with its tags and task, never half of one.
        for call_id in ids:
            assert stored_call(conn, call_id) == (1, ["tag0", "tag1"], 1), call_id
    finally:
        conn.close()
    assert acked_before <= len(ids) <= acked_after
    return len(ids)


def test_backup_under_write_load_is_a_consistent_copy(tmp_path):
    db_path = tmp_path / "callsheet.db"
    with serve(db_path) as served:
        contacts = seed_contacts(served.store, 2)
        acked: list[str] = []
        failures: list[str] = []
        stop = threading.Event()
        started = threading.Event()

        def writer() -> None:
            s = served.session()
            for i in range(MAX_CALLS):
                if stop.is_set():
                    break
                r = s.post(served.url + "/calls", timeout=30, json=call_body(
                    f"bk-{i}-{uuid.uuid4().hex[:6]}", company=contacts.companies[i % 2]))
                if r.status_code != 201:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                    continue
                acked.append(r.text)
                if len(acked) >= 20:
                    started.set()
            s.close()

        threads = [threading.Thread(target=writer) for _ in range(3)]
        for t in threads:
            t.start()
        try:
            assert started.wait(30), "the writers did not get going"
            counts = []
            for n, make in enumerate((
                    lambda target: backup(db_path, target),
                    lambda target: main(["backup", str(target), "--db", str(db_path)]) == 0),
            ):
                before = len(acked)
                target = tmp_path / "out" / f"copy{n}.db"
                make(target)
                counts.append(_check_copy(target, before, len(acked)))
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=60)
        assert not failures, failures[:5]
        print(f"\nbackup under load: copies held {counts} calls of {len(acked)} posted")
        assert len(acked) > max(counts) or len(acked) >= MAX_CALLS  # the writers went on
        assert _count(db_path) == len(acked)


def test_backup_refuses_to_overwrite_its_own_database(tmp_path):
    db_path = tmp_path / "callsheet.db"
    connect(db_path).close()
    with pytest.raises(BackupError, match="cannot overwrite"):
        backup(db_path, db_path)
    db = connect(db_path)  # in use: its -wal and -shm exist
    try:
        for side in ("-wal", "-shm"):
            before = os.stat(f"{db_path}{side}").st_ino
            with pytest.raises(BackupError, match="cannot overwrite"):
                backup(db_path, f"{db_path}{side}")
            assert os.stat(f"{db_path}{side}").st_ino == before
        link = tmp_path / "link.db"
        link.symlink_to(db_path)
        with pytest.raises(BackupError, match="cannot overwrite"):
            backup(db_path, link)
    finally:
        db.close()
    with pytest.raises(BackupError, match="no database"):
        backup(tmp_path / "nothing.db", tmp_path / "x.db")


def _backup_with_one_company(tmp_path, name: str):
    src = tmp_path / f"{name}-live.db"
    store = Store(connect(src))
    store.create_company({"name": name}, Actor.desktop())
    store.db.close()
    return backup(src, tmp_path / f"{name}.bak")


def _company_names(path) -> list[str]:
    store = Store(connect(path))
    try:
        return [c.name for c in store.list_companies()]
    finally:
        store.db.close()


def test_restore_refuses_while_a_server_holds_the_database(tmp_path):
    db_path = tmp_path / "callsheet.db"
    saved = _backup_with_one_company(tmp_path, "Saved")
    connect(db_path).close()
    with serve_process(db_path) as child:
        before = db_path.read_bytes()
        with pytest.raises(DatabaseInUse, match="in use by Callsheet"):
            restore(saved, db_path)
        assert main(["restore", str(saved), "--db", str(db_path), "--yes"]) == 1
        assert db_path.read_bytes() == before
        r = requests.post(child.url + "/contacts/search", timeout=10,
                          json={"query": {"phoneNumber": "+4350456"}},
                          headers={"Authorization": "Bearer reliability-key-5f2a9c"})
        assert r.status_code == 200


def test_restore_refuses_while_any_program_has_it_open(tmp_path):
    db_path = tmp_path / "callsheet.db"
    saved = _backup_with_one_company(tmp_path, "Saved")
    other = connect(db_path)  # e.g. the sqlite3 shell: no Callsheet lock, still in use
    try:
        with pytest.raises(DatabaseInUse, match="open in another program"):
            restore(saved, db_path)
    finally:
        other.close()
    lock = hold_lock(db_path)  # a Callsheet that holds the lock, in this process even
    try:
        with pytest.raises(DatabaseInUse):
            restore(saved, db_path)
    finally:
        lock.release()


def test_restore_replaces_an_unused_database_and_keeps_the_old_one(tmp_path, capsys):
    db_path = tmp_path / "callsheet.db"
    store = Store(connect(db_path))
    store.create_company({"name": "Current"}, Actor.desktop())
    store.db.close()
    saved = _backup_with_one_company(tmp_path, "Saved")
    assert main(["restore", str(saved), "--db", str(db_path), "--yes"]) == 0
    assert "before-restore" in capsys.readouterr().out
    assert _company_names(db_path) == ["Saved"]
    assert _company_names(tmp_path / "callsheet.db.before-restore") == ["Current"]
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    with hold_lock(db_path):  # and Callsheet can use it again
        assert _count(db_path) == 0


def test_restore_checks_the_backup_first(tmp_path):
    db_path = tmp_path / "callsheet.db"
    connect(db_path).close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a readable SQLite database"):
        restore(junk, db_path)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BackupError, match="not a Callsheet database"):
        restore(other, db_path)
    newer = _backup_with_one_company(tmp_path, "Newer")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(BackupError, match="newer Callsheet"):
        restore(newer, db_path)


def test_restore_without_yes_asks_and_scripts_must_confirm(tmp_path, capsys):
    db_path = tmp_path / "callsheet.db"
    connect(db_path).close()
    saved = _backup_with_one_company(tmp_path, "Saved")
    assert main(["restore", str(saved), "--db", str(db_path)]) == 1  # stdin is not a terminal
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--yes" in err


def test_auto_backup_makes_one_a_day_and_keeps_n(tmp_path):
    db_path = tmp_path / "callsheet.db"
    connect(db_path).close()
    day = datetime(2026, 11, 1, 9, 0)
    for n in range(10):
        now = day + timedelta(days=n)
        assert auto_backup(db_path, keep=3, now=now) is not None
        assert auto_backup(db_path, keep=3, now=now + timedelta(hours=8)) is None  # same day
    kept = daily_backups(tmp_path / "backups", db_path)
    assert [p.name for p in kept] == [f"callsheet-2026-11-{d:02d}.db" for d in (8, 9, 10)]
    assert auto_backup(db_path, keep=0, now=day + timedelta(days=20)) is None  # off
    assert len(daily_backups(tmp_path / "backups", db_path)) == 3
    other = tmp_path / "elsewhere"
    auto_backup(db_path, other, keep=1, now=day)
    assert [p.name for p in daily_backups(other, db_path)] == ["callsheet-2026-11-01.db"]


def test_daily_backups_of_two_databases_in_one_folder_are_their_own(tmp_path):
    """Named after the database file: neither overwrites nor prunes the other's."""
    day = datetime(2026, 11, 1, 9, 0)
    names = {}
    for name in ("callsheet", "callsheet-eu", "crm"):
        store = Store(connect(tmp_path / f"{name}.db"))
        store.create_company({"name": f"Only in {name}"}, Actor.desktop())
        store.db.close()
        names[name] = tmp_path / f"{name}.db"
    for n in range(3):
        for db in names.values():
            auto_backup(db, keep=2, now=day + timedelta(days=n))
    folder = tmp_path / "backups"
    for name, db in names.items():
        kept = daily_backups(folder, db)
        assert [p.name for p in kept] == [f"{name}-2026-11-0{d}.db" for d in (2, 3)]
        assert _company_names(kept[-1]) == [f"Only in {name}"]


_READER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "in-transaction":
    conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM companies").fetchone()
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("reader", ["idle", "in-transaction"])
def test_restore_sees_a_reader_of_a_database_in_rollback_journal_mode(tmp_path, reader):
    """A database in rollback-journal mode (as a restored backup is until Callsheet opens
    it) with a reader in another program, like an open sqlite3 shell: not replaced."""
    import subprocess
    import sys

    db_path = tmp_path / "callsheet.db"
    store = Store(connect(db_path))
    store.create_company({"name": "Current"}, Actor.desktop())
    store.db.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    conn.close()
    saved = _backup_with_one_company(tmp_path, "Saved")
    child = subprocess.Popen([sys.executable, "-c", _READER, str(db_path), reader],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        before = db_path.read_bytes()
        with pytest.raises(DatabaseInUse, match="open in another program"):
            restore(saved, db_path)
        assert db_path.read_bytes() == before
    finally:
        child.communicate("", timeout=30)
    restore(saved, db_path)  # once the reader is gone
    assert _company_names(db_path) == ["Saved"]
