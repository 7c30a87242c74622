"""The storage layer's bulk path: many rows in one transaction, for imports and benchmarks.

The Store writes one record per transaction with its audit entry; loading a
million contacts that way takes an hour. Here rows are turned into columns by
the same rules the Store uses (``clean_company``/``clean_person``, the display
names, ``search_text``), then inserted with ``executemany`` in one
transaction while the full-text triggers and the secondary indexes are
suspended; at the end the indexes are rebuilt from their own stored SQL and
the FTS tables from their content tables, so the schema is exactly what the
migrations made.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from .collation import last_name_key, sort_key
from .duplicates import name_key
from .model import (
    clean_company,
    clean_person,
    company_display_name,
    person_display_name,
)
from .store import _company_search_text, _person_search_text

# Names repeat a lot in any large list (first names, last names, legal forms), and the
# name keys are pure functions costing 3-7 µs each: remembering the recent ones makes a
# person row about 12 µs cheaper. Bounded, so a long import does not grow without limit.
_CACHE = 1 << 17
_name_key = functools.lru_cache(maxsize=_CACHE)(name_key)
_sort_key = functools.lru_cache(maxsize=_CACHE)(sort_key)
_last_name_key = functools.lru_cache(maxsize=_CACHE)(last_name_key)

COMPANY_COLUMNS = (
    "id", "name", "display_name", "address", "zip_code", "city", "country", "phone", "phone2",
    "email", "annotation", "do_not_call", "search_text", "name_key", "created_at", "updated_at",
    "sort_key",
)
PERSON_COLUMNS = (
    "id", "company_id", "salutation", "first_name", "last_name", "display_name", "name", "city",
    "phone", "phone2", "email", "annotation", "do_not_call", "search_text", "name_key",
    "created_at", "updated_at", "sort_key", "last_sort_key",
)
CAMPAIGN_COLUMNS = ("id", "name", "contacts_source", "tasks_source", "created_at", "updated_at")
CAMPAIGN_CONTACT_COLUMNS = ("campaign_id", "company_id", "person_id", "sort_name", "call_count",
                            "last_call_at", "added_at")
TASK_COLUMNS = (
    "id", "campaign_id", "company_id", "person_id", "timestamp", "scheduled", "annotation",
    "closed_at", "created_at",
)
CALL_COLUMNS = (
    "id", "kind", "agent", "company_id", "person_id", "phone_number", "source_type", "source_id",
    "source_task", "transfer_type", "transfer_id", "dtmf_path", "annotation", "do_not_call",
    "timestamp_init", "timestamp_assigned", "timestamp_start", "timestamp_end",
    "timestamp_closed", "answered", "started_at", "received_at", "updated_at", "client",
    "raw_json",
)
CALL_ATTEMPT_COLUMNS = ("call_id", "position", "agent", "timestamp_assigned", "timestamp_closed")
CALL_TAG_COLUMNS = ("call_id", "position", "category", "tag", "payload")

# Tables whose secondary indexes are dropped during a load and rebuilt after it.
_LOADED_TABLES = ("companies", "persons", "campaign_contacts", "tasks", "calls", "call_tags")


class NotEmpty(Exception):
    """The bulk path only loads into a database without contacts."""


def company_row(data: dict[str, Any], company_id: str, now: str, *,
                check: bool = True, search_text: str | None = None) -> tuple[Any, ...]:
    """A company given by API field names as a COMPANY_COLUMNS tuple, by the Store's rules.

    ``check=False`` skips validation for data known to be clean (generated);
    the derived columns are computed the same way either way, except that a caller
    may give the search text it made by the same rule faster (the bench generator,
    whose test holds it to the rule).
    """
    if check:
        cols = clean_company(data)
    else:
        cols = {"name": data["name"], "address": data.get("address"),
                "zip_code": data.get("zipCode"), "city": data.get("city"),
                "country": data.get("country"), "phone": data.get("phone"),
                "phone2": data.get("phone2"), "email": data.get("email"),
                "annotation": data.get("annotation")}
    cols["display_name"] = company_display_name(cols["name"], cols["country"])
    cols["search_text"] = _company_search_text(cols) if search_text is None else search_text
    return (company_id, cols["name"], cols["display_name"], cols["address"], cols["zip_code"],
            cols["city"], cols["country"], cols["phone"], cols["phone2"], cols["email"],
            cols["annotation"], int(bool(data.get("doNotCall"))), cols["search_text"],
            _name_key(cols["name"]), now, now, _sort_key(cols["display_name"]))


def person_row(data: dict[str, Any], person_id: str, company_id: str | None, now: str, *,
               check: bool = True) -> tuple[Any, ...]:
    """A person given by API field names as a PERSON_COLUMNS tuple, by the Store's rules
    (``check`` as for company_row)."""
    if check:
        cols = clean_person(data)
    else:
        cols = {"salutation": data.get("salutation"), "first_name": data.get("firstName"),
                "last_name": data.get("lastName"), "display_name": data.get("displayName"),
                "city": data.get("city"), "phone": data.get("phone"),
                "phone2": data.get("phone2"), "email": data.get("email"),
                "annotation": data.get("annotation")}
    cols["name"] = person_display_name(cols["display_name"], cols["first_name"],
                                       cols["last_name"])
    cols["search_text"] = _person_search_text(cols)
    return (person_id, company_id, cols["salutation"], cols["first_name"], cols["last_name"],
            cols["display_name"], cols["name"], cols["city"], cols["phone"], cols["phone2"],
            cols["email"], cols["annotation"], int(bool(data.get("doNotCall"))),
            cols["search_text"], _name_key(cols["name"]), now, now, _sort_key(cols["name"]),
            _last_name_key(cols["last_name"], cols["first_name"], cols["name"]))


class BulkLoader:
    """Inserts rows into an open, empty Callsheet database in one big transaction.

    Use as ``with bulk_load(db) as loader: loader.insert("persons", PERSON_COLUMNS, rows)``.
    """

    def __init__(self, conn: sqlite3.Connection,
                 suspended: Sequence[tuple[str, str, str, str]] = ()) -> None:
        self.conn = conn
        self.counts: dict[str, int] = {}
        # (type, name, table, sql) of the indexes and triggers dropped for the load.
        self._suspended = list(suspended)
        # Tables whose full-text index index_text keeps up: the last pk indexed.
        self._text_indexed: dict[str, int] = {}
        # Tables whose full-text index is built elsewhere (build_text_index) and copied
        # in by copy_text_index: False until it is.
        self._text_elsewhere: dict[str, bool] = {}

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Insert ``rows`` (tuples in ``columns`` order); returns how many."""
        sql = (f"INSERT INTO {table} ({', '.join(columns)})"
               f" VALUES ({', '.join('?' for _ in columns)})")
        before = self.conn.total_changes
        self.conn.executemany(sql, rows)
        n = self.conn.total_changes - before
        self.counts[table] = self.counts.get(table, 0) + n
        return n

    def index_text(self, table: str) -> None:
        """Add the ``table`` rows inserted since the last call to its full-text index.

        Optional: ``finish`` indexes whatever was not. A caller that inserts in chunks
        while other processes make the next ones can index each chunk in its idle time
        instead of all at the end.
        """
        fts = f"{table}_fts"
        done = self._text_indexed.get(table)
        if done is None:
            done = 0
        top = self.conn.execute(f"SELECT max(pk) FROM {table}").fetchone()[0] or 0
        if top > done:
            self.conn.execute(f"INSERT INTO {fts}(rowid, search_text)"
                              f" SELECT pk, search_text FROM {table} WHERE pk > ?", (done,))
        self._text_indexed[table] = top

    def text_index_elsewhere(self, *tables: str) -> None:
        """Leave ``tables``' full-text index to another process (``build_text_index``):
        ``finish`` does not build it, and ``copy_text_index`` must bring it in before the
        load ends."""
        for table in tables:
            self._text_elsewhere[table] = False

    def copy_text_index(self, table: str, schema: str) -> None:
        """Take ``table``'s full-text index as ``build_text_index`` made it in the attached
        database ``schema``: its shadow tables are copied as they are (FTS5 keeps nothing
        else), so it is the index the rows' own inserts would have made."""
        if self._text_elsewhere.get(table) is not False:
            raise ValueError(f"{table}'s full-text index is not left to another process")
        fts = f"{table}_fts"
        rows = self.conn.execute(f"SELECT max(pk), count(*) FROM {table}").fetchone()
        docs = self.conn.execute(f"SELECT max(id), count(*) FROM {schema}.{fts}_docsize"
                                 ).fetchone()
        if tuple(rows) != tuple(docs):
            # The index names rows by pk: it was built for rows 1..n in insertion order.
            raise RuntimeError(f"the {fts} built elsewhere has rows {tuple(docs)} for"
                               f" {table}'s {tuple(rows)}")
        for shadow in ("data", "idx", "docsize", "config"):
            self.conn.execute(f"DELETE FROM main.{fts}_{shadow}")
            self.conn.execute(f"INSERT INTO main.{fts}_{shadow}"
                              f" SELECT * FROM {schema}.{fts}_{shadow}")
        self._text_elsewhere[table] = True

    def copy_tables(self, tables: Sequence[str], schema: str) -> None:
        """Take ``tables`` whole, rows and indexes, from the attached database ``schema``
        (``build_tables``), in order; no more rows may be inserted into them afterwards.

        Their indexes are rebuilt first, empty, so that SQLite's transfer optimisation
        copies each b-tree as it is (records in order, no sorting): about a tenth of the
        cost of inserting the rows and building the indexes again. That takes the same
        tables and indexes in both databases, no triggers on them and foreign keys off
        (PRAGMA foreign_keys); otherwise the copy is row by row, slower but the same.
        """
        self.finish(*tables)
        for table in tables:
            before = self.conn.total_changes
            self.conn.execute(f"INSERT INTO main.{table} SELECT * FROM {schema}.{table}")
            self.counts[table] = self.counts.get(table, 0) + self.conn.total_changes - before

    def finish(self, *tables: str) -> None:
        """Rebuild ``tables``' indexes, triggers and full-text index now (all when none
        are named); no more rows may be inserted into them afterwards.

        A caller whose rows for the other tables are still being made elsewhere (worker
        processes) finishes the finished tables meanwhile instead of at the end.
        """
        if not tables and not all(self._text_elsewhere.values()):
            missing = [t for t, done in self._text_elsewhere.items() if not done]
            raise RuntimeError(f"full-text index of {missing} never copied in")
        now = [s for s in self._suspended if not tables or s[2] in tables]
        self._suspended = [s for s in self._suspended if s not in now]
        for _, _, _, sql in now:
            self.conn.execute(sql)
        for table in sorted({s[2] for s in now if s[0] == "trigger"}):
            if table in self._text_elsewhere:
                continue
            fts = f"{table}_fts"
            if table in self._text_indexed:
                self.index_text(table)  # the rows inserted since the last call
            else:
                self.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


# Full-text indexes are loaded with FTS5's own settings (a 1 MiB hash, merging as the
# segments pile up), not merged into one segment at the end (automerge off, a 256 MiB
# hash, then 'optimize': 15 s instead of 21 s for a million persons' trigram index).
# One large segment low in FTS5's levels made the database's later writes stall: the
# 15th new person merged the whole index in its transaction (3 s at a million persons),
# the 336th again, so writes waiting behind it ran out of the busy timeout (503s).


def build_text_index(path: str, tables: dict[str, str], chunks: Any) -> None:
    """Build full-text indexes in the new database file ``path``, for another process's load.

    ``tables`` maps each table to its FTS table's ``CREATE VIRTUAL TABLE`` (as in
    sqlite_master); ``chunks`` is a queue of ``(table, first pk, search texts)``, rows
    in insertion order, ended by None. Meant to run in a process of its own while the
    loader inserts the rows (FTS5 indexing is the largest single job of a load and
    one SQLite connection does it on one core); the loader then takes the index with
    ``copy_text_index``. The content tables are left empty: FTS5 does not read them
    when given the text.
    """
    with _scratch(path) as conn:
        for table, sql in tables.items():
            conn.execute(f"CREATE TABLE {table} (pk INTEGER PRIMARY KEY, search_text TEXT)")
            conn.execute(sql)
        while (chunk := chunks.get()) is not None:
            table, first, texts = chunk
            conn.executemany(f"INSERT INTO {table}_fts(rowid, search_text) VALUES (?, ?)",
                             zip(range(first, first + len(texts)), texts, strict=True))


def build_tables(path: str, schema: Sequence[str], rows: Iterable[tuple[str, Sequence[str],
                                                                     list[tuple]]]) -> None:
    """Make tables in the new database file ``path`` for another process's load to copy
    (``BulkLoader.copy_tables``).

    ``schema`` is the tables' and their indexes' SQL (as in sqlite_master), ``rows``
    gives ``(table, columns, rows)`` chunks in insertion order. The indexes are built
    after the rows, in one transaction; the file is scratch, so unjournalled.
    """
    with _scratch(path) as conn:
        conn.execute("PRAGMA threads = 2")  # CREATE INDEX may sort in a helper thread
        tables = [sql for sql in schema if sql.lstrip().upper().startswith("CREATE TABLE")]
        for sql in tables:
            conn.execute(sql)
        loader = BulkLoader(conn)
        for table, columns, chunk in rows:
            loader.insert(table, columns, chunk)
        for sql in schema:
            if sql not in tables:
                conn.execute(sql)


@contextmanager
def _scratch(path: str) -> Iterator[sqlite3.Connection]:
    """A connection to the scratch file ``path`` inside one transaction, committed when
    the block ends: unjournalled and unsynced (nothing to roll back, nothing to keep
    if the load fails), with a 256 MiB page cache."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA main.synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


@contextmanager
def bulk_load(db: Database, *, allow_existing: bool = False) -> Iterator[BulkLoader]:
    """Suspend FTS triggers and secondary indexes, load, then rebuild them, in one transaction.

    Raises NotEmpty when the database already has contacts (unless
    ``allow_existing``): the suspended triggers would leave its search index
    stale otherwise. Durability is relaxed for the load (the file is new) and
    restored to the connection's WAL / FULL settings afterwards.
    """
    conn = db.conn
    existing = conn.execute(
        "SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM persons)"
    ).fetchone()[0]
    if existing and not allow_existing:
        raise NotEmpty("The database already has contacts; bulk loading needs an empty one.")
    saved_sync = conn.execute("PRAGMA main.synchronous").fetchone()[0]
    saved_journal = conn.execute("PRAGMA main.journal_mode").fetchone()[0]
    # MEMORY, not OFF: a failed load must still roll back the dropped indexes.
    conn.execute("PRAGMA main.journal_mode = MEMORY")
    conn.execute("PRAGMA main.synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB while loading
    # CREATE INDEX may sort in a helper thread as well.
    saved_threads = conn.execute("PRAGMA threads").fetchone()[0]
    conn.execute("PRAGMA threads = 2")
    marks = ", ".join("?" for _ in _LOADED_TABLES)
    suspended = conn.execute(
        f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        f" (type = 'index' AND tbl_name IN ({marks}))"
        f" OR (type = 'trigger' AND tbl_name IN ('companies', 'persons')))"
        " ORDER BY type, name", _LOADED_TABLES).fetchall()
    conn.execute("BEGIN")
    try:
        for kind, name, _, _ in suspended:
            conn.execute(f"DROP {kind.upper()} {name}")
        loader = BulkLoader(conn, suspended)
        yield loader
        loader.finish()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA cache_size = -2000")
        conn.execute(f"PRAGMA threads = {saved_threads}")
        conn.execute(f"PRAGMA main.journal_mode = {saved_journal}")
        conn.execute(f"PRAGMA main.synchronous = {saved_sync}")
        # After DROP COLUMN and a journal-mode switch, a checkpoint on this connection
        # fails ("database table is locked", SQLite 3.40) until a statement reads the
        # schema again: read it now.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
