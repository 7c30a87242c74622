"""Where SQLite differs: its transactions, collation, text search and locking.

Every other query is written once, in SQL both engines run. This module and
``dialect_postgres`` are the only places that know which engine is underneath.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

NAME = "sqlite"
# Up to this many secrets LIKE picks the rows that may quote an erased person; beyond,
# one Python test per row (a retention run anonymising thousands at once) is faster.
LIKE_LIMIT = 60

_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(conn: sqlite3.Connection) -> threading.RLock:
    """The lock this process's writers of ``conn``'s database file share (reentrant, so a
    thread holding it through one Store can still try another, as before)."""
    path = conn.execute("PRAGMA database_list").fetchone()[2] or f":memory:{id(conn)}"
    lock = _WRITE_LOCKS.get(path)
    if lock is None:
        with _WRITE_LOCKS_GUARD:
            lock = _WRITE_LOCKS.setdefault(path, threading.RLock())
    return lock


@contextmanager
def _released(lock: threading.RLock) -> Iterator[None]:
    """Release ``lock`` (acquired by the caller) when the block ends."""
    try:
        yield
    finally:
        lock.release()


def nocase_prefix_range(text: str) -> tuple[str, str | bytes]:
    """``(lo, hi)``: under COLLATE NOCASE every string starting with ``text`` is in
    ``[lo, hi)`` (NOCASE folds ASCII letters only, so lo does the same)."""
    lo = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)
    stem = lo.rstrip("\U0010ffff")
    if not stem:
        return lo, b"\xff"  # no string is above U+10FFFF...; every TEXT sorts below a BLOB
    # Code point order is UTF-8 byte order, which NOCASE compares after folding;
    # surrogates cannot be stored, so the next code point after U+D7FF is U+E000.
    nxt = ord(stem[-1]) + 1
    return lo, stem[:-1] + chr(0xE000 if 0xD800 <= nxt <= 0xDFFF else nxt)


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (the queries say ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SqliteDialect:
    """SQLite's side of every difference (one instance per connection)."""

    name = NAME
    # Rows handed out by ``next`` need no lock of their own: BEGIN IMMEDIATE already
    # gives the writer the whole file.
    skip_locked = ""
    # Nor do rows read before an update: the writer already holds the file.
    for_update = ""
    # Each write of a batch releases its savepoint (in-process, costs nothing).
    release_savepoints = True

    def __init__(self, conn: sqlite3.Connection) -> None:
        from ..database import FileWatch

        self.conn = conn
        self._lock: threading.RLock | None = None
        self._lock_wait = 0.0
        # Is the file this connection writes still the database at its path?
        self.watch = FileWatch(conn)

    # -- transactions ---------------------------------------------------------

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` transaction; ``durable=False`` commits without waiting
        for the disk (``synchronous=NORMAL`` for this one transaction)."""
        conn = self.conn
        # Writers in this process queue on a lock and start the moment it is free;
        # on SQLite's lock alone they would sleep in its busy handler (1, 2, 5, 10 ...
        # ms), which cuts eight API threads posting calls to a third of one's rate.
        if self._lock is None:
            # Looked up once: PRAGMA database_list on every write costs 20 us.
            self._lock = _write_lock(conn)
            self._lock_wait = conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        # No longer than SQLite would wait for another process's lock: a long write in
        # this process (an import) must not hold the API's writers without bound.
        if not self._lock.acquire(timeout=self._lock_wait):
            from ..database import busy_error

            raise busy_error()
        with _released(self._lock):
            if not durable:
                sync = conn.execute("PRAGMA synchronous").fetchone()[0]
                conn.execute("PRAGMA synchronous = NORMAL")
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    # Last, so that a file deleted or replaced meanwhile is caught too.
                    self.watch.check()
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                else:
                    conn.execute("COMMIT")
            finally:
                if not durable:
                    conn.execute(f"PRAGMA synchronous = {int(sync)}")

    def exact_or_prefix(self, exact_sql: str, number: str, companies_sql: str,
                        prefixes_of: Callable[[str], list[str]]
                        ) -> tuple[list[Any], list[Any]]:
        """The caller lookup's rows: ``exact_sql``'s for ``number`` (``:n``), or when
        there are none, the ``companies_sql`` rows with one of ``prefixes_of(number)``
        as phone or phone2. Two queries in this process cost less than one cleverer one
        (and the prefixes are made only for the second)."""
        rows = self.conn.execute(exact_sql, {"n": number}).fetchall()
        if rows or not (prefixes := prefixes_of(number)):
            return rows, []
        marks = ", ".join("?" * len(prefixes))
        return [], self.conn.execute(
            f"{companies_sql} WHERE c.phone IN ({marks}) OR c.phone2 IN ({marks})",
            prefixes + prefixes).fetchall()

    def exact_or_prefix_many(self, exact_sql: str, companies_sql: str, numbers: list[str],
                             prefixes_of: Callable[[str], list[str]]
                             ) -> list[tuple[list[Any], list[Any]]]:
        """``exact_or_prefix`` for each of ``numbers``, one after the other."""
        return [self.exact_or_prefix(exact_sql, number, companies_sql, prefixes_of)
                for number in numbers]

    def insert_all(self, groups: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]
                   ) -> None:
        """Insert each ``(table, columns, rows)`` group: a multi-row INSERT per table."""
        from .base import ROWS_PER_INSERT, values_sql

        for table, columns, rows in groups:
            for start in range(0, len(rows), ROWS_PER_INSERT):
                chunk = rows[start:start + ROWS_PER_INSERT]
                self.conn.execute(values_sql(table, columns, len(chunk)),
                                  [v for r in chunk for v in r])

    def insert_then_read(self, insert_sql: str, insert_params: Sequence[Any],
                         read_sql: str, read_params: Sequence[Any]) -> tuple[bool, Any]:
        """Run ``insert_sql`` (``INSERT ... ON CONFLICT DO NOTHING RETURNING ...``), then
        ``read_sql`` (one row); whether the insert stored a row, and the read's row."""
        inserted = bool(self.conn.execute(insert_sql, insert_params).fetchall())
        return inserted, self.conn.execute(read_sql, read_params).fetchone()

    def hand_out(self, pick_sql: str, params: list[Any], until: str) -> Any:
        """Take the campaign contact ``pick_sql`` finds until ``until``; its row, or None
        (the caller's transaction holds the file: no one else picks meanwhile)."""
        row = self.conn.execute(pick_sql, params).fetchone()
        if row is not None:
            self.conn.execute("UPDATE campaign_contacts SET handed_out_until = ? WHERE pk = ?",
                              (until, row["pk"]))
        return row

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Nothing to pipeline: SQLite runs in this process (PostgreSQL's sends a batch's
        statements without waiting for each answer)."""
        yield None

    def settle(self, *, quiet: bool = False) -> None:
        """Every statement has already run (see PostgresDialect.settle)."""

    def address(self) -> str:
        """The file of the main database."""
        for row in self.conn.execute("PRAGMA database_list"):
            if row[1] == "main":
                return row[2]
        raise RuntimeError("The store has no main database file.")

    def lock_row(self, table: str, row_id: str) -> None:
        """Hold one row until commit before reading it for an update: the write
        transaction already holds the whole file."""

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for live views."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    # -- collation ------------------------------------------------------------

    @staticmethod
    def ci(expr: str) -> str:
        """``expr`` compared and sorted without regard to (ASCII) case."""
        return f"{expr} COLLATE NOCASE"

    @staticmethod
    def least(a: str, b: str) -> str:
        return f"min({a}, {b})"

    @staticmethod
    def greatest(a: str, b: str) -> str:
        return f"max({a}, {b})"

    @staticmethod
    def string_agg(expr: str, sep_char: int) -> str:
        """Aggregate ``expr`` joined by the character with code ``sep_char``."""
        return f"group_concat({expr}, char({sep_char}))"

    @staticmethod
    def ordered_list(expr: str, sep_char: int, source: str, order: str) -> str:
        """A scalar subquery: ``expr`` over ``source`` (``table alias WHERE ...``) in
        ``order``, joined by the character ``sep_char`` (group_concat keeps the order of
        an ordered subquery; it takes no ORDER BY before SQLite 3.44)."""
        return (f"(SELECT group_concat(v, char({sep_char})) FROM"
                f" (SELECT {expr} AS v FROM {source} ORDER BY {order}))")

    @staticmethod
    def char(code: int) -> str:
        return f"char({code})"

    # -- text search ----------------------------------------------------------

    @staticmethod
    def contains(table: str, pk: str, needle: str, limit: int | None = None,
                 ) -> tuple[str, list[Any]]:
        """A condition on ``pk`` (e.g. ``p.pk``) keeping rows whose search text holds
        ``needle`` (lower case, three characters or more): the FTS5 trigram index."""
        quoted = '"' + needle.replace('"', '""') + '"'
        if limit is None:
            return (f"{pk} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)",
                    [quoted])
        return (f"{pk} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? LIMIT ?)",
                [quoted, limit])

    @staticmethod
    def starts_with(col: str, text: str) -> tuple[str, list[Any]]:
        """A condition keeping rows whose ``col`` starts with ``text`` (any case), in a
        form the ``col COLLATE NOCASE`` index can seek."""
        lo, hi = nocase_prefix_range(text)
        # The range is what the index seeks; LIKE, which folds case as NOCASE does
        # (ASCII only), keeps exactly the names that start with the text.
        return (f"{col} >= ? COLLATE NOCASE AND {col} < ? COLLATE NOCASE"
                f" AND {col} LIKE ? ESCAPE '\\'", [lo, hi, like_escape(lo) + "%"])

    # A read transaction: one snapshot of the file (WAL) for a long read.
    snapshot_sql = "BEGIN"

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows as they are (the copy between engines)."""
        names = ", ".join(f'"{c}"' for c in columns)  # quoted: a column is named "end"
        self.conn.executemany(
            f"INSERT INTO {table} ({names})"
            f" VALUES ({', '.join('?' for _ in columns)})", rows)

    def after_insert_rows(self, table: str, columns: list[str]) -> None:
        """Nothing to do: SQLite's next pk follows the largest one."""

    @staticmethod
    def recoverable(error: Exception) -> bool:
        """Whether a batch may roll back to its savepoint after ``error`` and go on
        (SQLite says so by keeping the transaction open)."""
        return True

    # -- erasure: forgetting for good -------------------------------------------

    def local_file(self) -> Path | None:
        """The database file on this PC (None in memory): the privacy log keeps a copy
        of its lines beside it, which a restore of an older backup reads."""
        return Path(self.watch.path) if self.watch.path else None

    @contextmanager
    def forgetting(self) -> Iterator[None]:
        """While the block runs, what is deleted or overwritten is zeroed in the file
        (``secure_delete``), not only marked free."""
        old = self.conn.execute("PRAGMA secure_delete").fetchone()[0]
        self.conn.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA secure_delete = {int(old)}")

    def forget_search_text(self) -> None:
        """Inside an erasure's transaction: the trigram index drops a row's tokens with a
        delete marker; "optimize" merges the segments so the old ones are gone, not just
        hidden."""
        self.conn.execute("INSERT INTO persons_fts(persons_fts) VALUES ('optimize')")

    def forget_old_versions(self, tables: Iterable[str]) -> None:
        """After an erasure's commit: old page images of the rows wait in the WAL until a
        checkpoint copies the new ones over them; TRUNCATE also empties the file (when no
        reader holds it). ``tables`` is for PostgreSQL's counterpart."""
        if not self.conn.in_transaction:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def rows_quoting(self, table: str, keys: tuple[str, ...], column: str, secrets: list[str],
                     search: Callable[[str | None], bool]) -> list[tuple[Any, ...]]:
        """The keys of ``table``'s rows whose ``column`` may quote one of ``secrets``
        (``search`` tells for sure; the caller tests again before it changes a row)."""
        cols = ", ".join(keys)
        if len(secrets) <= LIKE_LIMIT:
            # LIKE ignores ASCII case and, unlike lower(), copies nothing: most rows hold
            # none of the secrets and never reach Python.
            tests = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in secrets)
            params = ["%" + like_escape(s) + "%" for s in secrets]
            rows = self.conn.execute(f"SELECT {cols} FROM {table}"
                                     f" WHERE {column} IS NOT NULL AND ({tests})", params)
        else:
            self.conn.create_function("callsheet_quotes", 1, search)
            rows = self.conn.execute(
                f"SELECT {cols} FROM {table} WHERE callsheet_quotes({column})")
        return [tuple(r) for r in rows]

    @contextmanager
    def exclusive_job(self, name: str) -> Iterator[bool]:
        """Yields True: a database file serves one PC, whose one ``serve`` or desktop does
        the housekeeping (PostgreSQL's twin lets one of several servers do it)."""
        yield True
