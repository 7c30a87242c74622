"""On PostgreSQL too, every lookup, search and list query the Store runs can be answered
by an index (tests/store/test_query_plans.py for SQLite: the same cases).

The bench generator's small database is copied into PostgreSQL and analysed; each case
calls the real Store method with the connection wrapped in a recorder, and PostgreSQL
explains every SELECT it recorded, with the parameters it ran with (as psycopg sends
them), whole-table plans priced out of reach (SETTINGS). A table read whole all the same
(a sequential scan, or an index walked from end to end without a condition) fails,
except a list's page walked in its index's order (under a LIMIT, no sort after it) and
the cases whose nature is a full read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from shared.database import connect
from shared.storage.copy import copy_database
from shared.storage.postgres import translate
from shared.store import Store
from tests.store.test_query_plans import (
    CASES,
    WATCHED,
    Case,
    RecordingConnection,
    Sample,
    check_case,
    make_bench_db,
    recording,
)

SCANS = ("Seq Scan", "Index Scan", "Index Only Scan")
SIZE = "small"


@pytest.fixture(scope="module")
def pg_bench(pg_server, tmp_path_factory) -> Iterator[tuple[str, Sample]]:
    path, sample = make_bench_db(tmp_path_factory.mktemp("plans") / "small.db", SIZE)
    url = pg_server.create_database()
    source, target = Store(connect(path)), Store(connect(url))
    try:
        copy_database(source, target, with_key=True)
        target.conn.execute("ANALYZE")
    finally:
        source.close()
        target.close()
    yield url, sample
    pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def recorded(pg_bench) -> Iterator[tuple[Store, RecordingConnection, Sample]]:
    yield from recording(pg_bench)


# How the plans are asked for. On a test's few thousand rows PostgreSQL reads whole
# tables, or joins them whole, because that is cheapest there; priced out of reach, a
# whole read that is still chosen means there was no other way. Walking a small
# table's primary key with a filter can still look cheaper than its trigram index: the
# second setting leaves only bitmap scans, which need an index condition.
SETTINGS = (("enable_seqscan", "enable_mergejoin", "enable_hashjoin"),
            ("enable_seqscan", "enable_mergejoin", "enable_hashjoin", "enable_indexscan",
             "enable_indexonlyscan"))


def plan_of(conn: Any, sql: str, params: Any, off: tuple[str, ...] = SETTINGS[0]
            ) -> dict[str, Any]:
    """PostgreSQL's plan (JSON) for ``sql`` as the store runs it, with the ``off``
    kinds of plan priced out of reach."""
    raw = conn.raw
    named = isinstance(params, dict)
    with raw.transaction():
        for setting in off:
            raw.execute(f"SET LOCAL {setting} = off")
        # psycopg sends the parameters bound, as the store's execute does.
        row = raw.execute("EXPLAIN (FORMAT JSON) " + translate(sql, named),
                          params if params is not None else ()).fetchone()
    plan = row[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def bad_reads(conn: Any, sql: str, params: Any, case: Case) -> list[str]:
    """The whole-table reads of ``sql`` beyond what ``case`` allows, in the best plan
    found (none when some plan reaches every watched table through an index)."""
    found: list[str] = []
    for off in SETTINGS:
        bad = bad_plan_nodes(plan_of(conn, sql, params, off), case)
        if not bad:
            return []
        found = found or bad
    return found


def bad_plan_nodes(plan: dict[str, Any], case: Case) -> list[str]:
    """The nodes of ``plan`` that read a watched table whole beyond what ``case`` allows."""
    bad: list[str] = []

    def walk(node: dict[str, Any], under_limit: bool, sorted_after: bool) -> None:
        kind, table = node.get("Node Type"), node.get("Relation Name")
        if kind in SCANS and table in WATCHED and not case.full:
            whole = kind == "Seq Scan" or "Index Cond" not in node
            in_order = (kind != "Seq Scan" and case.ordered and under_limit
                        and not sorted_after)
            if whole and not in_order:
                how = f" using {node['Index Name']}" if "Index Name" in node else ""
                bad.append(f"{table}: {kind}{how}"
                           + (f" (filter {node['Filter']})" if "Filter" in node else ""))
        for child in node.get("Plans", ()):
            # An incremental sort only orders rows that tie on the index's columns, and
            # stops with the LIMIT: the walk below it still stops after a page.
            walk(child, under_limit or kind == "Limit", sorted_after or kind == "Sort")

    walk(plan, False, False)
    return bad


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_query_is_answered_by_indexes_on_postgresql(recorded, case: Case) -> None:
    check_case(recorded, case, bad_reads)


def test_the_check_sees_a_full_read(recorded) -> None:
    """The check itself: a filter on an unindexed column is reported, the same query on
    an indexed one is not, nor is a page of a list walked in its index's order."""
    store, rec, _ = recorded
    probe, page = Case("probe", lambda st, s: None), Case("page", lambda st, s: None,
                                                          ordered=True)
    conn = rec._conn
    [line] = bad_plan_nodes(plan_of(conn, "SELECT id FROM persons p WHERE p.city = ?",
                                    ("x",)), probe)
    assert line.startswith("persons: Seq Scan")
    assert bad_plan_nodes(plan_of(conn, "SELECT id FROM persons WHERE phone = ?", ("+1",)),
                          probe) == []
    everyone = "SELECT id FROM persons ORDER BY pk LIMIT 50"
    assert bad_plan_nodes(plan_of(conn, everyone, ()), page) == []
    assert bad_plan_nodes(plan_of(conn, everyone.replace(" LIMIT 50", ""), ()), probe)

