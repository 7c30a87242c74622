"""Opening a PostgreSQL database: the connection the repositories use, and its errors.

``PgConnection`` gives the repositories what a ``sqlite3.Connection`` gives
them: ``execute(sql, params)`` with ``?`` (or ``:name``) placeholders, rows
readable by column name and by position, ``executemany``, ``in_transaction``.
The SQL is translated to psycopg's placeholders once per distinct statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import pq

from ..errors import BadDatabaseAddress, DatabaseUnavailable
from .address import PgUrl, redact
from .dialect_postgres import PostgresDialect

CONNECT_TIMEOUT_S = 10
# One line an admin runs when the role may not create the extension itself.
TRGM_SQL = "CREATE EXTENSION pg_trgm;"

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=2048)
def translate(sql: str, named: bool) -> str:
    """``sql`` with SQLite's placeholders (``?``, ``:name``) as psycopg's (``%s``,
    ``%(name)s``); a literal ``%`` doubled. No statement here has ``?`` or
    ``:word`` inside a string literal."""
    sql = sql.replace("%", "%%")
    if named:
        return _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s")


class Row(tuple):
    """A result row: ``row["name"]`` and ``row[0]`` both work, as with sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


_ROWS = frozenset({pq.ExecStatus.TUPLES_OK, pq.ExecStatus.SINGLE_TUPLE})
# Column names -> {name: position}, shared by every result with those columns.
_INDEXES: dict[tuple[bytes, ...], dict[str, int]] = {}


def _row_factory(cursor: Any) -> Any:
    # Called for every result. The names come from the result itself: the cursor's
    # ``description`` builds a Column object per column each time, which cost a lookup
    # about a fifth of its CPU.
    res = cursor.pgresult
    if res is None or not res.nfields or res.status not in _ROWS:
        return tuple  # a command, or COPY (whose columns have no names)
    names = tuple(res.fname(i) for i in range(res.nfields))
    index = _INDEXES.get(names)
    if index is None:
        index = {n.decode(): i for i, n in enumerate(names)}
        if len(_INDEXES) < 4096:  # bounded: the statements are the program's own
            _INDEXES[names] = index

    def make(values: Sequence[Any]) -> Row:
        return Row(values, index)

    return make


class PgConnection:
    """The repositories' view of one psycopg connection (autocommit; the dialect
    sends BEGIN / COMMIT itself, as SQLite's does)."""

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        # Set by the dialect between its BEGIN and COMMIT / ROLLBACK (see in_transaction).
        self.tx_open = False

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        named = isinstance(params, dict)
        cur = self.raw.cursor()
        cur.execute(translate(sql, named), params if params is not None else ())
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor:
        """Run ``sql`` once per row (in one round trip: psycopg pipelines it)."""
        cur = self.raw.cursor()
        rows = list(rows)
        if rows:
            cur.executemany(translate(sql, False), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        if self.tx_open:  # libpq may say idle inside one in pipeline mode
            return True
        return self.raw.info.transaction_status in (
            pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR,
            pq.TransactionStatus.ACTIVE)

    def close(self) -> None:
        self.raw.close()


class PgDatabase:
    """An open PostgreSQL database: what ``shared.database.connect`` returns for a URL."""

    def __init__(self, url: PgUrl, raw: psycopg.Connection) -> None:
        self.url = url
        self.conn = PgConnection(raw)
        self.dialect = PostgresDialect(self.conn, url)

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        """Run one statement (``?`` placeholders), as ``sqlite_utils.Database.execute``."""
        return self.conn.execute(sql, params)

    @property
    def broken(self) -> bool:
        """Whether the connection is lost (the server restarted or went away)."""
        return self.conn.raw.broken or self.conn.raw.closed

    def close(self) -> None:
        self.conn.close()


def open_raw(url: PgUrl, *, application_name: str = "callsheet") -> psycopg.Connection:
    """A psycopg connection to ``url`` (libpq reads the password from the URL,
    PGPASSWORD or ~/.pgpass, and honours sslmode). Raises DatabaseUnavailable with
    one line a person can act on when the server refuses or cannot be reached."""
    try:
        raw = psycopg.connect(str(url), autocommit=True, row_factory=_row_factory,
                              connect_timeout=CONNECT_TIMEOUT_S,
                              application_name=application_name)
    except psycopg.ProgrammingError as e:  # a malformed URL
        raise BadDatabaseAddress(f"{redact(url)!r} is not a valid PostgreSQL URL: "
                                 f"{_first_line(e)}") from None
    except psycopg.OperationalError as e:
        raise DatabaseUnavailable(connect_failure(url, e)) from None
    return raw


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[-1].strip() if "\n" in text else text


def connect_failure(url: str, e: BaseException) -> str:
    """One line saying why connecting to ``url`` failed and what to check."""
    text = str(e)
    where = redact(url)
    if "no password supplied" in text:
        why = ("the server asks for a password and none was found (put it in ~/.pgpass or"
               " PGPASSWORD, or in the URL)")
    elif "password authentication failed" in text:
        why = ("the server refused the password (give it in the URL, in PGPASSWORD or in"
               " ~/.pgpass)")
    elif "does not exist" in text and "database" in text:
        why = "that database does not exist (create it first: createdb NAME)"
    elif "role" in text and "does not exist" in text:
        why = "that role does not exist on the server"
    elif "Connection refused" in text or "could not connect" in text or "timeout" in text:
        why = "no PostgreSQL server answers there (is it running, host and port right?)"
    else:
        why = _first_line(e)
    return f"cannot open the PostgreSQL database {where}: {why}"


def connect(url: PgUrl, *, migrate_schema: bool = True) -> PgDatabase:
    """Open the database at ``url`` and, unless told not to, bring its schema up to
    date (a new, empty database is set up here on first start)."""
    from ..migrations import migrate_postgres

    db = PgDatabase(url, open_raw(url))
    if migrate_schema:
        try:
            migrate_postgres(db)
        except BaseException:
            db.close()
            raise
    return db
