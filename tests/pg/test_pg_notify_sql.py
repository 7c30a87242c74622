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
