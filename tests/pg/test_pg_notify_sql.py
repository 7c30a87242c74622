"""The NOTIFY trigger text (shared/pg_notify_sql.py) on a real PostgreSQL server."""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest

from shared.pg_notify_sql import CHANNEL, MAX_ROWS_NAMED, NOTIFY_SQL, NOTIFY_TABLES, set_origin_sql
from tests.pg.notify_schema import WITH_ID, minimal_schema


@pytest.fixture
def db(pg_database) -> Iterator[str]:
    url = pg_database()
    with psycopg.connect(url, autocommit=True) as conn:
        minimal_schema(conn)
        conn.execute(NOTIFY_SQL)
    yield url


@pytest.fixture
def listener(db: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        yield conn


def received(conn: psycopg.Connection, timeout: float = 1.0) -> list[dict]:
    return [json.loads(n.payload) for n in conn.notifies(timeout=timeout)]


def writer(url: str, app: str = "test writer") -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True, application_name=app)


@pytest.mark.parametrize("table", NOTIFY_TABLES)
def test_insert_update_delete_each_notify_with_the_row_id(db, listener, table) -> None:
    with writer(db) as w:
        row = w.execute(f"INSERT INTO {table} ({'id, ' if table in WITH_ID else ''}note)"
                        f" VALUES ({'%s, ' if table in WITH_ID else ''}'a') RETURNING pk",
                        ("row-1",) if table in WITH_ID else ()).fetchone()
        key = "row-1" if table in WITH_ID else str(row[0])
        w.execute(f"UPDATE {table} SET note = 'b'")
        w.execute(f"DELETE FROM {table}")
    got = received(listener)
    assert got == [
        {"table": table, "id": key, "op": op, "origin": "test writer"}
        for op in ("INSERT", "UPDATE", "DELETE")
    ]


def test_origin_setting_names_the_writer(db, listener) -> None:
    with writer(db) as w:
        w.execute(*set_origin_sql("desktop alice@PC-7"))
        w.execute("INSERT INTO companies (id) VALUES ('c1')")
    assert received(listener)[0]["origin"] == "desktop alice@PC-7"


def test_rolled_back_change_sends_nothing(db, listener) -> None:
    with psycopg.connect(db) as w:
        w.execute("INSERT INTO persons (id) VALUES ('p1')")
        w.rollback()
        w.execute("UPDATE persons SET note = 'x'")  # no rows: no notification either
        w.commit()
    assert received(listener, timeout=0.5) == []


def test_nothing_is_sent_before_commit(db, listener) -> None:
    with psycopg.connect(db) as w:
        w.execute("INSERT INTO tasks (id) VALUES ('t1')")
        assert received(listener, timeout=0.3) == []
        w.commit()
    assert [n["id"] for n in received(listener)] == ["t1"]


def test_bulk_statement_sends_one_many_rows_notice(db, listener) -> None:
    n = MAX_ROWS_NAMED + 1
    with writer(db) as w:
        w.execute("INSERT INTO calls (id) SELECT 'call-' || g FROM generate_series(1, %s) g",
                  (n,))
        w.execute("INSERT INTO calls (id) SELECT 'few-' || g FROM generate_series(1, 3) g")
    got = received(listener)
    assert got[0] == {"table": "calls", "id": None, "op": "INSERT", "origin": "test writer"}
    assert [g["id"] for g in got[1:]] == ["few-1", "few-2", "few-3"]


def test_installing_twice_is_harmless(db, listener) -> None:
    with writer(db) as w:
        w.execute(NOTIFY_SQL)
        w.execute("INSERT INTO campaigns (id) VALUES ('k1')")
    assert len(received(listener)) == 1  # one trigger per event, not two


def test_row_references_ride_along_when_set(db, listener) -> None:
    with writer(db) as w:
        w.execute("INSERT INTO screen_pops (person_id) VALUES ('P-1')")
        w.execute("INSERT INTO screen_pops (company_id) VALUES ('C-1')")
    got = received(listener)
    assert got[0]["person_id"] == "P-1" and "company_id" not in got[0]
    assert got[1]["company_id"] == "C-1" and "person_id" not in got[1]


# -- on a database set up by the storage layer's migrations (the triggers it ships) -----


@pytest.fixture
def migrated(pg_database) -> Iterator[str]:
    from shared.database import connect

    url = pg_database()
    connect(url).close()  # migrates: a new database gets every migration
    yield url


def test_notify_sql_is_what_the_newest_notify_migration_ships() -> None:
    # The live text and the shipped one agree: a change to pg_notify_sql.py needs a new
    # migration carrying it (and this test then names that migration).
    from shared.migrations import MIGRATIONS

    assert MIGRATIONS[16].postgres_sql == NOTIFY_SQL  # type: ignore[attr-defined]


def test_migrated_triggers_read_only_the_columns_they_name(migrated) -> None:
    with psycopg.connect(migrated, autocommit=True) as conn:
        functions = dict(conn.execute(
            "SELECT DISTINCT c.relname, p.proname FROM pg_trigger t"
            " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid"
            " WHERE t.tgname LIKE 'callsheet_notify_%'").fetchall())
        calls_source = conn.execute(
            "SELECT prosrc FROM pg_proc WHERE proname = 'callsheet_notify_calls'").fetchone()[0]
        old = conn.execute("SELECT to_regproc('callsheet_notify')").fetchone()[0]
    assert functions == {t: f"callsheet_notify_{t}" for t in NOTIFY_TABLES}
    assert "to_jsonb" not in calls_source and "raw_json" not in calls_source
    assert old is None  # migration 16's whole-row function is gone


def test_a_recorded_call_names_its_person_and_company(migrated) -> None:
    from shared.calls import parse_call
    from shared.database import connect
    from shared.model import Actor
    from shared.store import Store

    store = Store(connect(migrated))
    try:
        api = Actor("api", "127.0.0.1")
        company = store.create_company({"name": "Vollmond GmbH"}, api)
        person = store.create_person({"lastName": "Vollmond"}, api, company_id=company.id)
        with psycopg.connect(migrated, autocommit=True) as listening:
            listening.execute(f"LISTEN {CHANNEL}")
            store.record_call(parse_call({
                "id": "n1", "timestampInit": "2026-12-01T09:00:00Z",
                "phoneNumber": "+4930123456", "annotation": "x" * 5000,
                "contact": {"company": company.id, "person": person.id}}), api)
            got = received(listening)
    finally:
        store.close()
    calls = [n for n in got if n["table"] == "calls"]
    assert calls == [{"table": "calls", "id": "n1", "op": "INSERT", "origin": calls[0]["origin"],
                      "person_id": person.id, "company_id": company.id}]
    assert calls[0]["origin"]  # the API's connection names itself


def test_a_statement_over_many_rows_sends_one_many_rows_notice(migrated) -> None:
    n = MAX_ROWS_NAMED + 1
    with writer(migrated) as w:
        w.execute(
            "INSERT INTO calls (id, kind, person_id, started_at, received_at, updated_at,"
            " raw_json) SELECT 'bulk-' || g, 'inbound', 'P-' || g, '2026-12-01T09:00:00Z',"
            " '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z', '{}'"
            " FROM generate_series(1, %s) g", (n,))
        with psycopg.connect(migrated, autocommit=True) as listening:
            listening.execute(f"LISTEN {CHANNEL}")
            w.execute("UPDATE calls SET annotation = 'all of them'")
            w.execute("DELETE FROM calls WHERE id IN ('bulk-1', 'bulk-2')")
            got = received(listening)
    assert got == [
        {"table": "calls", "id": None, "op": "UPDATE", "origin": "test writer"},
        {"table": "calls", "id": "bulk-1", "op": "DELETE", "origin": "test writer",
         "person_id": "P-1"},
        {"table": "calls", "id": "bulk-2", "op": "DELETE", "origin": "test writer",
         "person_id": "P-2"},
    ]
