"""The file: schema migrations, pragmas, permissions."""

from __future__ import annotations

import os
import stat

import pytest

from shared.database import connect
from shared.migrations import SCHEMA_VERSION, migrate, schema_version


@pytest.mark.sqlite_only
def test_new_file_is_migrated_private_and_in_wal_mode(db_path):
    db = connect(db_path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert {"companies", "persons", "campaigns", "tasks", "calls", "audit_log"} <= set(
        db.table_names())


@pytest.mark.sqlite_only
def test_migrate_again_is_a_no_op(db_path):
    db = connect(db_path)
    db.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    assert migrate(db) == SCHEMA_VERSION
    assert connect(db_path).execute("SELECT value FROM settings").fetchone()[0] == "y"


@pytest.mark.sqlite_only
def test_database_from_a_newer_callsheet_is_refused(db_path):
    db = connect(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer than this Callsheet"):
        connect(db_path)


@pytest.mark.sqlite_only
def test_every_api_query_uses_an_index(store):
    """The lookups Apollo makes on every call are index searches, not scans."""
    plans = {
        "phone": "SELECT id FROM persons WHERE phone = '+49'",
        "phone2": "SELECT id FROM companies WHERE phone2 = '+49'",
        "tasks": "SELECT id FROM tasks WHERE campaign_id = 'c' AND closed_at IS NULL"
                 " AND timestamp >= 'a' ORDER BY timestamp, id",
        "next": "SELECT pk FROM campaign_contacts WHERE campaign_id = 'c' AND"
                " handed_out_until = '' ORDER BY call_count, last_call_at, sort_name, pk",
        "call": "SELECT pk FROM calls WHERE id = 'x'",
    }
    for name, sql in plans.items():
        plan = " ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
        assert "USING" in plan and "SCAN" not in plan.replace("USING INDEX", ""), (name, plan)
        assert "TEMP B-TREE" not in plan, (name, plan)


@pytest.mark.sqlite_only
def test_an_older_database_is_migrated_on_open(db_path):
    """What an installed app does on start with the file an older version wrote."""
    import sqlite3

    from sqlite_utils import Database

    from shared.migrations import MIGRATIONS

    old = Database(sqlite3.connect(db_path, isolation_level=None))
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO companies (id, name, display_name, created_at, updated_at)"
                " VALUES ('C1', 'Bäckerei Müller GmbH', 'Bäckerei Müller GmbH', 'x', 'x')")
    old.close()
    db = connect(db_path)
    assert schema_version(db) == SCHEMA_VERSION > 1
    assert db.execute("SELECT name, name_key FROM companies WHERE id = 'C1'").fetchone() == (
        "Bäckerei Müller GmbH", "baeckereimueller")


def test_default_database_lives_in_the_user_data_directory(monkeypatch):
    import platformdirs

    from shared.settings import resolve_db_path

    monkeypatch.delenv("CALLSHEET_DB", raising=False)
    expected = platformdirs.user_data_dir("Callsheet", "Callsheet")
    assert str(resolve_db_path(None)).startswith(expected)
    monkeypatch.setenv("CALLSHEET_DB", "/tmp/elsewhere.db")
    assert str(resolve_db_path(None)) == "/tmp/elsewhere.db"
    assert str(resolve_db_path("/tmp/flag.db")) == "/tmp/flag.db"


@pytest.mark.sqlite_only
def test_the_sort_key_migration_gives_existing_rows_their_keys(db_path):
    import sqlite3

    from sqlite_utils import Database

    from shared.collation import last_name_key, sort_key
    from shared.migrations import MIGRATIONS, _m0006_sort_keys

    # The schema just before the sort keys (by position: migrations may be renumbered).
    before = MIGRATIONS.index(_m0006_sort_keys)
    old = Database(sqlite3.connect(db_path, isolation_level=None))
    for m in MIGRATIONS[:before]:
        m(old)
    old.execute(f"PRAGMA user_version = {before}")
    for i, name in enumerate(("Brooklyn", "Bäckerei")):
        old.execute("INSERT INTO companies (id, name, display_name, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'x', 'x')", (f"C{i}", name, name))
    old.execute("INSERT INTO persons (id, name, first_name, last_name, created_at, updated_at)"
                " VALUES ('P1', 'Käthe Öhler', 'Käthe', 'Öhler', 'x', 'x')")
    old.close()
    from shared.store import Store

    store = Store(connect(db_path))
    assert [c.name for c in store.list_companies()] == ["Bäckerei", "Brooklyn"]
    [p] = store.list_persons(order="last_name")
    assert (p.sort_key, p.last_sort_key) == (sort_key("Käthe Öhler"),
                                             last_name_key("Öhler", "Käthe", "Käthe Öhler"))


@pytest.mark.sqlite_only
def test_the_wal_is_checkpointed_every_ten_thousand_pages_not_every_thousand(db_path):
    # Posted calls dirty the same index pages again and again: the fewer checkpoints,
    # the fewer times each is copied into the file and fsynced (bench/run: POST /calls).
    conn = connect(db_path).conn
    conn.execute("CREATE TABLE filler (data BLOB)")
    for _ in range(30):  # 30 commits of ~50 pages each: 1,500 WAL pages
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO filler VALUES (randomblob(3000))", [()] * 60)
        conn.execute("COMMIT")
    busy, frames, _ = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames >= 1500
    conn.close()
