"""Migrations are atomic: each one commits whole, together with its version, or not at all."""

from __future__ import annotations

import sqlite3

import pytest

from shared import migrations
from shared.database import connect
from shared.migrations import SCHEMA_VERSION, migrate, schema_version


@pytest.mark.sqlite_only
def test_each_migration_commits_once_together_with_its_version(db_path):
    db = connect(db_path, migrate_schema=False)
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    migrate(db)
    db.conn.set_trace_callback(None)
    commits = [i for i, sql in enumerate(seen) if sql.strip().upper().startswith("COMMIT")]
    assert len(commits) == SCHEMA_VERSION
    for version, at in enumerate(commits, 1):
        assert seen[at - 1] == f"PRAGMA user_version = {version}"


@pytest.mark.sqlite_only
def test_a_failing_first_migration_leaves_the_new_file_as_it_was(db_path):
    # A table the first migration makes near its end is already there, so it fails
    # after creating the rest: all of that must be rolled back.
    db = connect(db_path, migrate_schema=False)
    db.execute("CREATE TABLE screen_pops (x)")
    with pytest.raises(sqlite3.OperationalError, match="screen_pops already exists"):
        migrate(db)
    assert schema_version(db) == 0
    assert db.table_names() == ["screen_pops"]


@pytest.mark.sqlite_only
def test_a_migration_that_commits_part_way_is_stopped(db_path, monkeypatch):
    def commits_by_itself(db):
        db.conn.executescript("CREATE TABLE half_done (x);")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, commits_by_itself])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = connect(db_path, migrate_schema=False)
    with pytest.raises(RuntimeError, match=f"Migration {SCHEMA_VERSION + 1} ended its own"):
        migrate(db)
    assert schema_version(db) == SCHEMA_VERSION


@pytest.mark.sqlite_only
def test_a_new_database_opens_twice_in_a_row(db_path):
    """The first open of a new file: the case that failed with sqlite-utils 3.38."""
    connect(db_path).close()
    assert schema_version(connect(db_path)) == SCHEMA_VERSION


@pytest.mark.parametrize("name", [
    "Bäckerei Müller GmbH & Co. KG", "CX-Labs", "Dr. Åsa Øberg", "e.V. Sport\tund Spiel",
    "THE Łódź Company Sp. z o.o.", "", None,
])
def test_migration_3_keys_names_as_the_store_does(name):
    """Migration 3 carries its own copy of the name key; if the live rules change,
    a new migration must refill the column (and this test be updated)."""
    from shared.duplicates import name_key

    assert migrations._name_key_0003(name) == name_key(name)


def test_no_migration_runs_executescript():
    """``executescript`` commits the migration's transaction under sqlite-utils before 4.0
    (and sqlite3 itself): with the lowest allowed version a new database failed on first
    open at migration 4. The slow lowest-versions test found it; this catches it at once."""
    import inspect

    from shared.migrations import MIGRATIONS

    offenders = [fn.__name__ for fn in MIGRATIONS
                 if ".executescript(" in inspect.getsource(fn)]
    assert offenders == []
