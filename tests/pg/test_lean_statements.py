"""Statements run without psycopg cursors (shared.storage.postgres.LeanStatements) behave
as psycopg's: the same values, the same errors at the same points, prepared statements
that stay valid and bounded, pipelines that answer in order."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from shared.database import connect
from shared.storage import postgres
from shared.store import Store
from tests.pg.round_trips import RoundTrips


@pytest.fixture
def store(pg_url):
    s = Store(connect(pg_url))
    s.conn.execute("DROP TABLE IF EXISTS lean_t")
    s.conn.execute("CREATE TABLE lean_t (k integer PRIMARY KEY, v text, n numeric)")
    yield s
    s.conn.execute("DROP TABLE IF EXISTS lean_t")
    s.close()


def _prepared(store: Store) -> list[str]:
    return [r[0] for r in store.conn.raw.execute(
        "SELECT name FROM pg_prepared_statements").fetchall()]


SQL = ("SELECT 1 AS one, CAST(? AS text) AS t, CAST(? AS bigint) AS big, NULL AS nothing,"
       " 2.5::numeric AS num, 1.5::float8 AS f, true AS yes, :n")


def test_values_in_and_out_are_psycopgs(store) -> None:
    params = ("é ü 'quoted' ? :x", 2**40)
    sql = SQL.replace(", :n", "")
    mine = store.conn.execute(sql, params).fetchone()
    theirs = store.conn.raw.execute(postgres.translate(sql, False), params).fetchone()
    assert tuple(mine) == tuple(theirs)
    assert [type(v) for v in mine] == [type(v) for v in theirs]
    assert mine["num"] == Decimal("2.5") and mine["yes"] is True and mine["nothing"] is None
    named = store.conn.execute("SELECT :a AS a, :b AS b, :a || :b AS ab",
                               {"a": "x", "b": "y"}).fetchone()
    assert (named["a"], named["b"], named["ab"]) == ("x", "y", "xy")


def test_a_statement_is_prepared_at_its_sixth_run_and_survives_a_rollback(store) -> None:
    sql = "SELECT v FROM lean_t WHERE k = ?"
    store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'a')")
    for _ in range(postgres.PREPARE_THRESHOLD):
        assert store.conn.execute(sql, (1,)).fetchone()[0] == "a"
    assert not any(n.startswith("_callsheet_") for n in _prepared(store))
    assert store.conn.execute(sql, (1,)).fetchone()[0] == "a"
    assert sum(n.startswith("_callsheet_") for n in _prepared(store)) == 1
    # psycopg sends DEALLOCATE ALL after a ROLLBACK when it has prepared anything: it
    # must not have, or the statement above would be gone.
    with pytest.raises(psycopg.errors.UniqueViolation):
        with store.write():
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'b')")
    store.conn.raw.execute("SELECT 1")  # psycopg's own next statement
    assert store.conn.execute(sql, (1,)).fetchone()[0] == "a"
    assert sum(n.startswith("_callsheet_") for n in _prepared(store)) == 1


def test_prepared_statements_stay_bounded(store) -> None:
    for i in range(postgres.PREPARED_MAX + 20):
        for _ in range(postgres.PREPARE_THRESHOLD + 1):
            assert store.conn.execute(f"SELECT ? + {i}", (1,)).fetchone()[0] == 1 + i
    assert len(_prepared(store)) == postgres.PREPARED_MAX


def test_a_changed_table_is_read_as_it_is_now(store) -> None:
    store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'a')")
    for _ in range(postgres.PREPARE_THRESHOLD + 2):
        row = store.conn.execute("SELECT * FROM lean_t WHERE k = ?", (1,)).fetchone()
    store.conn.execute("ALTER TABLE lean_t ADD COLUMN extra text DEFAULT 'new'")
    row = store.conn.execute("SELECT * FROM lean_t WHERE k = ?", (1,)).fetchone()
    assert row["extra"] == "new"


def test_in_a_pipeline_the_first_failure_raises_at_settle_and_the_rest_is_kept(store) -> None:
    d = store.dialect
    with d.pipeline():
        with store.write():
            store.conn.execute("SAVEPOINT s")
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'a')")
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'b')")  # fails
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (2, 'c')")  # skipped
            with pytest.raises(psycopg.errors.UniqueViolation):
                d.settle()
            store.conn.execute("ROLLBACK TO SAVEPOINT s")
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (3, 'd')")
            cur = store.conn.execute("SELECT count(*) FROM lean_t")
            assert cur.fetchone()[0] == 1
    assert [tuple(r) for r in store.conn.execute("SELECT k, v FROM lean_t")] == [(3, "d")]


def test_in_a_pipeline_statements_and_their_preparing_share_one_round_trip(store) -> None:
    sql = "INSERT INTO lean_t (k, v) VALUES (?, ?)"
    with RoundTrips(store.conn.raw) as trips:
        with store.dialect.pipeline():
            for k in range(3 * postgres.PREPARE_THRESHOLD):
                store.conn.execute(sql, (k, str(k)))
    assert trips.count == 1
    assert store.conn.execute("SELECT count(*) FROM lean_t").fetchone()[0] == \
        3 * postgres.PREPARE_THRESHOLD
    assert sum(n.startswith("_callsheet_") for n in _prepared(store)) == 1


def test_a_commit_that_fails_in_a_pipeline_raises_and_stores_nothing(store) -> None:
    store.conn.execute("ALTER TABLE lean_t ADD CONSTRAINT v_unique UNIQUE (v)"
                       " DEFERRABLE INITIALLY DEFERRED")
    with pytest.raises(psycopg.errors.UniqueViolation):
        with store.dialect.pipeline(), store.write():
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (1, 'same')")
            store.conn.execute("INSERT INTO lean_t (k, v) VALUES (2, 'same')")
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT count(*) FROM lean_t").fetchone()[0] == 0
