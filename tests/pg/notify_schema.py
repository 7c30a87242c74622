"""Just enough of Callsheet's tables for the NOTIFY triggers, for tests that run before (or
without) the real PostgreSQL migrations."""

from __future__ import annotations

import psycopg

from shared.pg_notify_sql import NOTIFY_COLUMNS, NOTIFY_SQL, NOTIFY_TABLES

WITH_ID = {"companies", "persons", "campaigns", "tasks", "calls"}


def minimal_schema(conn: psycopg.Connection) -> None:
    """`pk` in every table, `id` where the real one has it, the contact and campaign ids
    the real one has (each table's trigger function reads them)."""
    for table in NOTIFY_TABLES:
        id_col = ", id text NOT NULL UNIQUE" if table in WITH_ID else ""
        refs = "".join(f", {c} text" for c in NOTIFY_COLUMNS[table][1])
        conn.execute(f"CREATE TABLE {table} (pk bigserial PRIMARY KEY{id_col}{refs}, note text)")


def notifying_database(url: str) -> str:
    """Create the minimal tables and install the NOTIFY triggers in the database at `url`."""
    with psycopg.connect(url, autocommit=True) as conn:
        minimal_schema(conn)
        conn.execute(NOTIFY_SQL)
    return url
