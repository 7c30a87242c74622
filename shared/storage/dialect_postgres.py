"""Where PostgreSQL differs: its transactions, collation, text search and locking.

The twin of ``dialect_sqlite``: the same methods, PostgreSQL's SQL. Several
servers may share one database, so what SQLite gets from its file lock
(one writer at a time) is done here with row locks and unique keys (ON CONFLICT).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

NAME = "postgresql"
# Up to this many secrets the server picks the rows that may quote an erased person
# (ILIKE ANY); beyond, the rows are read in chunks and tested in Python, as on SQLite.
LIKE_LIMIT = 60
_SCAN_CHUNK = 2000


def _key(name: str) -> int:
    """A bigint for an advisory lock, from a name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big",
                          signed=True)


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_LOWER = str.maketrans(_UPPER, _LOWER)


def fold(expr: str) -> str:
    """``expr`` with ASCII letters in lower case, sorted by code point: SQLite's NOCASE,
    so that lists sort and prefixes match alike on both engines (the indexes of
    migration 1 are on exactly this expression)."""
    return f"translate({expr}, '{_UPPER}', '{_LOWER}') COLLATE \"C\""


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (the queries say ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@lru_cache(maxsize=8)
def exact_or_prefix_sql(exact_sql: str, companies_sql: str) -> str:
    """The caller lookup's one statement (PostgresDialect.exact_or_prefix), built once."""
    return f"""WITH exact AS MATERIALIZED ({exact_sql})
                SELECT exact.*, NULL AS phone, NULL AS phone2 FROM exact
                UNION ALL
                SELECT NULL, NULL, NULL, prefix.company_id, prefix.company_name, prefix.company_dnc,
                       'prefix', 2, prefix.phone, prefix.phone2
                FROM ({companies_sql}
                      WHERE c.phone = ANY(string_to_array(:prefixes, ','))
                      OR c.phone2 = ANY(string_to_array(:prefixes, ','))) prefix
                WHERE NOT EXISTS (SELECT 1 FROM exact)
                ORDER BY rank, person_name, company_name"""


# The one statement's parameters, as a column of the numbers' row in the batched form.
_ONE_NUMBER_PARAMS = re.compile(r"(?<![:\w]):(n|prefixes)\b")


@lru_cache(maxsize=8)
def exact_or_prefix_many_sql(exact_sql: str, companies_sql: str) -> str:
    """The caller lookups of several numbers in one statement: ``exact_or_prefix_sql``
    for each number (a LATERAL subquery per row of ``:numbers``), its rows numbered by
    ``batch_index`` (from 1) and in the one statement's order within a number.

    ``:numbers`` and ``:prefixes`` (each number's prefixes, comma-separated) are JSON
    arrays. Not ``unnest`` of arrays: PostgreSQL estimates an array parameter's length
    in every custom plan and so never settles on the generic one (planning this
    statement costs 0.3 ms); JSON's elements are estimated alike in both.
    """
    one = _ONE_NUMBER_PARAMS.sub(r"q.\1", exact_or_prefix_sql(exact_sql, companies_sql))
    return f"""SELECT q.i AS batch_index, m.*
               FROM ROWS FROM (jsonb_array_elements_text(CAST(:numbers AS jsonb)),
                               jsonb_array_elements_text(CAST(:prefixes AS jsonb)))
                    WITH ORDINALITY AS q(n, prefixes, i)
               CROSS JOIN LATERAL ({one}) m
               ORDER BY q.i, m.rank, m.person_name, m.company_name"""


class _NoFile:
    """A shared database has no file of Callsheet's to watch (SQLite's FileWatch)."""

    path = ""

    def same_file(self, other: object) -> bool:
        return True

    def check(self) -> None:
        """Nothing to check: the server owns the files."""


class PostgresDialect:
    """PostgreSQL's side of every difference (one instance per connection)."""

    name = NAME
    # Two servers asking for ``next`` at once: the second skips the row the first has
    # locked and takes the one after it, so no contact is handed out twice.
    skip_locked = " FOR UPDATE OF cc SKIP LOCKED"
    # Reading a row that is about to be replaced: a second writer of it waits here.
    for_update = " FOR UPDATE"
    # A batch's writes each run in a savepoint; PostgreSQL leaves the earlier ones open
    # (a new one of the same name nests, ROLLBACK TO finds the newest). Releasing each
    # was one statement more per call, work on both sides, and changes nothing: the
    # batch's COMMIT ends them all, and a released one's subtransaction id stays in the
    # transaction either way.
    release_savepoints = False

    def __init__(self, conn: Any, url: str = "") -> None:
        self.conn = conn  # shared.storage.postgres.PgConnection
        self.url = url
        self.watch = _NoFile()

    def address(self) -> str:
        """The URL the database was opened with."""
        return self.url

    # -- transactions ---------------------------------------------------------

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[None]:
        """One transaction (READ COMMITTED; rows are locked where it matters).
        ``durable=False`` commits without waiting for the WAL flush."""
        conn = self.conn
        conn.execute("BEGIN")
        # In pipeline mode libpq says "idle" between results even inside the
        # transaction: the connection remembers that one is open.
        conn.tx_open = True
        try:
            if not durable:
                conn.execute("SET LOCAL synchronous_commit = off")
            yield
        except BaseException:
            conn.tx_open = False
            if not (conn.raw.broken or conn.raw.closed):
                # Statements queued in a pipeline that failed are skipped up to the next
                # sync: settle first, so that the ROLLBACK itself runs.
                self.settle(quiet=True)
                conn.execute("ROLLBACK")
            raise
        else:
            conn.tx_open = False
            # A COMMIT that fails (the server went away) raises: the caller never
            # acknowledges what was not committed. In a pipeline it is sent at the
            # pipeline's end, which raises then.
            conn.execute("COMMIT")

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Pipeline mode for a batch of writes: a statement whose result nobody reads
        yet is sent without waiting for its answer, so the writes of a call and the
        BEGIN, SAVEPOINT and COMMIT around them cost no round trip of their own.
        Reading a result waits for it (and for everything sent before it)."""
        with self.conn.pipeline():
            yield

    def settle(self, *, quiet: bool = False) -> None:
        """Wait for every statement sent in pipeline mode; the first that failed
        raises here (unless ``quiet``), so a write's error is its own, not the next
        one's. Costs nothing outside a pipeline or when nothing is outstanding."""
        self.conn.settle(quiet=quiet)

    def lock_row(self, table: str, row_id: str) -> None:
        """Hold one row (by id) until commit before reading it for an update, so that
        what is read is what the update changes."""
        self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? FOR UPDATE", (row_id,))

    def exact_or_prefix(self, exact_sql: str, number: str, companies_sql: str,
                        prefixes_of: Callable[[str], list[str]]
                        ) -> tuple[list[Any], list[Any]]:
        """The caller lookup's rows (see SqliteDialect.exact_or_prefix) in one statement:
        a round trip to the server costs more than the statement. The companies' part
        runs only when the exact part found nothing (a one-time filter)."""
        return self.exact_or_prefix_many(exact_sql, companies_sql, [number], prefixes_of)[0]

    def exact_or_prefix_many(self, exact_sql: str, companies_sql: str, numbers: list[str],
                             prefixes_of: Callable[[str], list[str]]
                             ) -> list[tuple[list[Any], list[Any]]]:
        """``exact_or_prefix`` for each of ``numbers``, in one statement (one round trip,
        one wake-up of the server, and one statement's start and end there for all, see
        shared.group_lookup). Each number's rows are what its own statement returns."""
        if len(numbers) == 1:
            # The prefixes go as one text, split by the server: psycopg's array dumper
            # (Python, a regex per element) cost more than the rest of the parameters.
            number = numbers[0]
            rows = self.conn.execute(exact_or_prefix_sql(exact_sql, companies_sql),
                                     {"n": number,
                                      "prefixes": ",".join(prefixes_of(number))}).fetchall()
            found = [rows]
        else:
            rows = self.conn.execute(
                exact_or_prefix_many_sql(exact_sql, companies_sql),
                {"numbers": json.dumps(numbers),
                 "prefixes": json.dumps([",".join(prefixes_of(n)) for n in numbers])},
            ).fetchall()
            found = [[] for _ in numbers]
            for row in rows:
                found[row["batch_index"] - 1].append(row)
        return [([], rows) if rows and rows[0]["rank"] == 2 else (rows, []) for rows in found]

    def insert_all(self, groups: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]
                   ) -> None:
        """Insert each ``(table, columns, rows)`` group, all in one statement (the first
        groups as data-modifying WITH clauses): one statement to send, parse and run
        for a call's attempts, tags and audit entry."""
        from .base import ROWS_PER_INSERT, values_sql

        groups = [g for g in groups if g[2]]
        if not groups:
            return
        if sum(len(g[2]) for g in groups) > ROWS_PER_INSERT:
            for group in groups:  # a bulk: one statement a table, in slices
                rows = group[2]
                for start in range(0, len(rows), ROWS_PER_INSERT):
                    chunk = rows[start:start + ROWS_PER_INSERT]
                    self.conn.execute(values_sql(group[0], group[1], len(chunk)),
                                      [v for r in chunk for v in r])
            return
        *first, last = groups
        sql = "".join(
            f"{'WITH' if i == 0 else ','} insert_{i} AS ({values_sql(t, c, len(r))}) "
            for i, (t, c, r) in enumerate(first)) + values_sql(last[0], last[1], len(last[2]))
        self.conn.execute(sql, [v for _, _, rows in groups for r in rows for v in r])

    def insert_then_read(self, insert_sql: str, insert_params: Sequence[Any],
                         read_sql: str, read_params: Sequence[Any]) -> tuple[bool, Any]:
        """Run ``insert_sql`` (``INSERT ... ON CONFLICT DO NOTHING RETURNING ...``), then
        ``read_sql`` (``SELECT ...`` giving one row); whether the insert stored a row, and
        the read's row. One statement here (the insert as a data-modifying WITH clause):
        one statement less to send, parse and run for each call. The read does not see
        the inserted row (one snapshot), so it must not read the insert's table."""
        if not read_sql.startswith("SELECT "):
            raise ValueError("read_sql must be one SELECT")
        row = self.conn.execute(
            f"WITH claim AS ({insert_sql}) SELECT EXISTS (SELECT 1 FROM claim) AS claimed,"
            f" {read_sql[len('SELECT '):]}", [*insert_params, *read_params]).fetchone()
        return bool(row["claimed"]), row

    def hand_out(self, pick_sql: str, params: list[Any], until: str) -> Any:
        """Take the campaign contact ``pick_sql`` (``SELECT cc.pk, ... FROM
        campaign_contacts cc ... LIMIT 1``) finds: its hand-out runs ``until``; its row,
        or None. One statement: the row is locked as it is picked, and a second
        server asking at once skips it and takes the one after."""
        return self.conn.execute(
            f"""WITH pick AS ({pick_sql}{self.skip_locked}),
                     taken AS (UPDATE campaign_contacts SET handed_out_until = ?
                               FROM pick WHERE campaign_contacts.pk = pick.pk
                               RETURNING campaign_contacts.pk)
                SELECT pick.* FROM pick JOIN taken ON taken.pk = pick.pk""",
            [*params, until]).fetchone()

    def data_version(self) -> int:
        """Changes whenever anybody commits a change to the data (the triggers of
        migration 5 count them), for views that poll."""
        return self.conn.execute(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM callsheet_change_seq"
        ).fetchone()[0]

    # A read transaction that sees one snapshot of the database for a long read.
    snapshot_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def insert_rows(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows as they are (the copy between engines), by COPY: one
        statement, so the change triggers run once, not once a row."""
        names = ", ".join(f'"{c}"' for c in columns)  # quoted: a column is named "end"
        with self.conn.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def after_insert_rows(self, table: str, columns: list[str]) -> None:
        """Rows came with their pk: the identity continues after the largest."""
        if "pk" in columns:
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'pk'),"
                f" coalesce((SELECT max(pk) FROM {table}), 0) + 1, false)")

    @staticmethod
    def recoverable(error: Exception) -> bool:
        """Whether a batch may roll back to its savepoint after ``error`` and go on: not
        when the connection is gone or the server broke the transaction (deadlock)."""
        import psycopg

        return not isinstance(error, psycopg.OperationalError)

    # -- collation ------------------------------------------------------------

    @staticmethod
    def ci(expr: str) -> str:
        """``expr`` compared and sorted without regard to (ASCII) case, as NOCASE."""
        return fold("CAST(? AS text)" if expr == "?" else expr)

    @staticmethod
    def least(a: str, b: str) -> str:
        return f'least({a} COLLATE "C", {b} COLLATE "C")'

    @staticmethod
    def greatest(a: str, b: str) -> str:
        return f'greatest({a} COLLATE "C", {b} COLLATE "C")'

    @staticmethod
    def string_agg(expr: str, sep_char: int) -> str:
        """Aggregate ``expr`` joined by the character with code ``sep_char``."""
        return f"string_agg({expr}, chr({sep_char}))"

    @staticmethod
    def ordered_list(expr: str, sep_char: int, source: str, order: str) -> str:
        """A scalar subquery: ``expr`` over ``source`` (``table alias WHERE ...``) in
        ``order``, joined by the character ``sep_char``."""
        return f"(SELECT string_agg({expr}, chr({sep_char}) ORDER BY {order}) FROM {source})"

    @staticmethod
    def char(code: int) -> str:
        return f"chr({code})"

    # -- text search ----------------------------------------------------------

    @staticmethod
    def contains(table: str, pk: str, needle: str, limit: int | None = None,
                 ) -> tuple[str, list[Any]]:
        """A condition on ``pk`` keeping rows whose search text holds ``needle`` (lower
        case, three characters or more): the pg_trgm GIN index on search_text."""
        pattern = "%" + like_escape(needle) + "%"
        if limit is None:
            return (f"{pk} IN (SELECT pk FROM {table} WHERE search_text LIKE ? ESCAPE '\\')",
                    [pattern])
        return (f"{pk} IN (SELECT pk FROM {table} WHERE search_text LIKE ? ESCAPE '\\'"
                " LIMIT ?)", [pattern, limit])

    @staticmethod
    def starts_with(col: str, text: str) -> tuple[str, list[Any]]:
        """A condition keeping rows whose ``col`` starts with ``text`` (ASCII case
        folded, as NOCASE); the index on ``fold(col)`` serves the prefix."""
        return (f"{fold(col)} LIKE ? ESCAPE '\\'",
                [like_escape(text.translate(_ASCII_LOWER)) + "%"])

    # -- erasure: forgetting for good -------------------------------------------

    def local_file(self) -> Path | None:
        """None: the database lives on its server, not in a file of this PC, so the
        privacy log is the table alone (no copy beside a file)."""
        return None

    @contextmanager
    def forgetting(self) -> Iterator[None]:
        """Nothing to switch on: PostgreSQL has no ``secure_delete``. An UPDATE or DELETE
        leaves the old row version in the table until VACUUM removes it, which
        ``forget_old_versions`` runs after the commit."""
        yield

    def forget_search_text(self) -> None:
        """Nothing inside the transaction: the pg_trgm index on search_text points at row
        versions, and VACUUM (``forget_old_versions``) removes the old ones' entries."""

    def forget_old_versions(self, tables: Iterable[str]) -> None:
        """After an erasure's commit: VACUUM the tables it changed, so the old row versions
        (and their index entries) holding the erased data are removed, not just
        invisible. VACUUM cannot remove a version a transaction still open elsewhere may
        see; the next autovacuum does. The bytes may stay in the files' free space until
        overwritten, in the server's WAL until it is recycled, and in backups: README,
        "Erasure on a shared database". A role that does not own a table gets a warning
        for it from the server, not an error."""
        if self.conn.in_transaction:
            return  # VACUUM cannot run inside a transaction; the outer one's caller does
        self.conn.execute("VACUUM " + ", ".join(sorted(set(tables))))

    def rows_quoting(self, table: str, keys: tuple[str, ...], column: str, secrets: list[str],
                     search: Callable[[str | None], bool]) -> list[tuple[Any, ...]]:
        """The keys of ``table``'s rows whose ``column`` may quote one of ``secrets``
        (``search`` tells for sure; the caller tests again before it changes a row)."""
        cols = ", ".join(keys)
        if len(secrets) <= LIKE_LIMIT:
            # ILIKE ignores case as SQLite's LIKE does (ASCII at least): most rows hold
            # none of the secrets and never leave the server.
            patterns = ["%" + like_escape(s) + "%" for s in secrets]
            return [tuple(r) for r in self.conn.execute(
                f"SELECT {cols} FROM {table} WHERE {column} ILIKE ANY(?)", (patterns,))]
        # Thousands of secrets: ILIKE ANY would test each row against each of them. Read
        # the column in chunks by key (memory stays small) and let ``search`` decide.
        out: list[tuple[Any, ...]] = []
        after: tuple[Any, ...] | None = None
        marks = ", ".join("?" for _ in keys)
        while True:
            where = "" if after is None else f" AND ({cols}) > ({marks})"
            rows = self.conn.execute(
                f"SELECT {cols}, {column} FROM {table} WHERE {column} IS NOT NULL{where}"
                f" ORDER BY {cols} LIMIT {_SCAN_CHUNK}", after or ()).fetchall()
            out += [tuple(r[:len(keys)]) for r in rows if search(r[len(keys)])]
            if len(rows) < _SCAN_CHUNK:
                return out
            after = tuple(rows[-1][:len(keys)])

    @contextmanager
    def exclusive_job(self, name: str) -> Iterator[bool]:
        """Yields whether this connection may do the job ``name`` now: several servers on
        one database each try a session advisory lock; the one that gets it does the job,
        the others yield False and skip it (the lock goes when the block ends, or with
        the connection should this process die)."""
        key = _key("callsheet-job:" + name)
        got = self.conn.execute("SELECT pg_try_advisory_lock(CAST(? AS bigint))",
                                (key,)).fetchone()[0]
        try:
            yield bool(got)
        finally:
            if got and not self.conn.raw.closed and not self.conn.raw.broken:
                self.conn.execute("SELECT pg_advisory_unlock(CAST(? AS bigint))", (key,))
