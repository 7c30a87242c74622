"""Opening a PostgreSQL database: the connection the repositories use, and its errors.

``PgConnection`` gives the repositories what a ``sqlite3.Connection`` gives
them: ``execute(sql, params)`` with ``?`` (or ``:name``) placeholders, rows
readable by column name and by position, ``executemany``, ``in_transaction``.
The SQL is translated to the server's placeholders once per distinct statement.

Outside pipeline mode a statement does not go through a psycopg cursor: its
parameters and rows are adapted by psycopg's own Transformer (the same values in
and out), and it is sent with libpq's blocking calls, prepared after a few uses
as psycopg would (``LeanStatements``). A cursor's per-statement Python work (its
generators, query conversion, result bookkeeping) was most of the API's CPU
for a caller lookup: about 40 us of the 50 us a lookup cost the client.
"""

from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import pq
from psycopg.adapt import PyFormat, Transformer

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


@lru_cache(maxsize=2048)
def numbered(sql: str, named: bool) -> tuple[bytes, tuple[str, ...]]:
    """``sql`` with the server's own placeholders (``$1``, ``$2``...) for SQLite's, and
    for ``:name`` ones the name each number stands for (a name used twice gets two
    numbers, as psycopg sends it)."""
    counter = itertools.count(1)
    if named:
        names: list[str] = []

        def number(m: re.Match[str]) -> str:
            names.append(m.group(1))
            return f"${next(counter)}"

        return _NAMED.sub(number, sql).encode(), tuple(names)
    return re.sub(r"\?", lambda m: f"${next(counter)}", sql).encode(), ()


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
    return _row_maker(cursor.pgresult)


def _row_maker(res: Any) -> Any:
    """What makes a row of ``res``: a ``Row`` knowing the result's column names."""
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


class Result:
    """A statement's outcome as a cursor shows it: ``fetchone``, ``fetchall``,
    ``fetchmany``, iteration, ``rowcount``, ``description`` (names first)."""

    __slots__ = ("_rows", "_pos", "rowcount", "_res")

    def __init__(self, rows: list[Any], rowcount: int, res: Any) -> None:
        self._rows = rows
        self._pos = 0
        self.rowcount = rowcount
        self._res = res

    def fetchone(self) -> Any:
        if self._pos < len(self._rows):
            self._pos += 1
            return self._rows[self._pos - 1]
        return None

    def fetchmany(self, size: int = 1) -> list[Any]:
        out = self._rows[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def fetchall(self) -> list[Any]:
        out = self._rows[self._pos:] if self._pos else self._rows
        self._pos = len(self._rows)
        return out

    def __iter__(self) -> Iterator[Any]:
        while (row := self.fetchone()) is not None:
            yield row

    @property
    def description(self) -> list[tuple[str, int]] | None:
        res = self._res
        if res is None or not res.nfields:
            return None
        return [(res.fname(i).decode(), res.ftype(i)) for i in range(res.nfields)]


# As psycopg: a statement is prepared on the server at its sixth run on a connection,
# and at most this many stay prepared (the least recently used one is let go).
PREPARE_THRESHOLD = 5
PREPARED_MAX = 100
# Statements after which a prepared statement's plan may no longer fit (psycopg forgets
# its own after these too).
_SCHEMA_CHANGE = re.compile(r"\s*(ALTER|DROP|CREATE|DISCARD|DEALLOCATE|TRUNCATE)\b", re.I)
_OK = frozenset({pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK,
                 pq.ExecStatus.EMPTY_QUERY, pq.ExecStatus.SINGLE_TUPLE})


class LeanStatements:
    """Statements run without a cursor, on one connection outside pipeline mode.

    They are prepared under names of their own. psycopg prepares nothing while they
    are in use (its ``prepare_threshold`` is off): on a ROLLBACK or an ALTER it would
    send ``DEALLOCATE ALL``, which would drop these too. Once the connection enters
    pipeline mode (a batch of writes), psycopg runs everything on it from then on,
    preparing as it does; these names are forgotten (the server keeps them until the
    connection closes, at most ``PREPARED_MAX``).
    """

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        self.pgconn = raw.pgconn
        self.tx = Transformer(raw)
        self.encoding = raw.info.encoding
        self.counts: OrderedDict[tuple[bytes, tuple[int, ...]], int] = OrderedDict()
        self.names: OrderedDict[tuple[bytes, tuple[int, ...]], bytes] = OrderedDict()
        self.serial = itertools.count(1)
        self.threshold = raw.prepare_threshold
        raw.prepare_threshold = None

    def execute(self, sql: str, params: Any) -> Result:
        named = isinstance(params, dict)
        query, names = numbered(sql, named)
        if named:
            values: Sequence[Any] = [params[n] for n in names]
        else:
            values = params if params is not None else ()
        tx = self.tx
        if values:
            data = tx.dump_sequence(values, [PyFormat.AUTO] * len(values))
            types, formats = tuple(tx.types), list(tx.formats)
        else:
            data, types, formats = [], (), []
        key = (query, types)
        pg = self.pgconn
        name = self.names.get(key)
        if name is None:
            count = self.counts.pop(key, 0)
            if count >= PREPARE_THRESHOLD:
                name = f"_callsheet_{next(self.serial)}".encode()
                self._check(pg.prepare(name, query, types), query)
                self.names[key] = name
                if len(self.names) > PREPARED_MAX:
                    old = self.names.popitem(last=False)[1]
                    self._check(pg.exec_(b"DEALLOCATE " + old), query)
            else:
                self.counts[key] = count + 1
                if len(self.counts) > PREPARED_MAX:
                    self.counts.popitem(last=False)
        else:
            self.names.move_to_end(key)
        if name is not None:
            res = pg.exec_prepared(name, data, formats)
        else:
            res = pg.exec_params(query, data, types, formats)
        self._check(res, query)
        if _SCHEMA_CHANGE.match(sql):
            self.forget()  # the next runs prepare again, on the schema as it is now
            if self.raw.info.transaction_status != pq.TransactionStatus.INERROR:
                self._check(pg.exec_(b"DEALLOCATE ALL"), query)
        if res.status == pq.ExecStatus.TUPLES_OK:
            tx.set_pgresult(res)
            rows = tx.load_rows(0, res.ntuples, _row_maker(res))
            return Result(rows, len(rows), res)
        tuples = res.command_tuples
        return Result([], -1 if tuples is None else tuples, res)

    def _check(self, res: Any, query: bytes) -> None:
        """Raises what psycopg would for a failed statement."""
        if res.status in _OK:
            return
        if self.pgconn.status == pq.ConnStatus.BAD:
            message = res.get_error_message(self.encoding) if hasattr(
                res, "get_error_message") else res.error_message.decode(self.encoding, "replace")
            raise psycopg.OperationalError(message or "the connection is lost")
        if res.status == pq.ExecStatus.FATAL_ERROR:
            raise psycopg.errors.error_from_result(res, encoding=self.encoding)
        raise psycopg.ProgrammingError(f"unexpected result {res.status!r} for {query!r}")

    def forget(self) -> None:
        """Forget every prepared name (the caller deallocates them, or lets them be)."""
        self.names.clear()
        self.counts.clear()

    def hand_over(self) -> None:
        """From now on psycopg runs this connection's statements and prepares them."""
        self.forget()
        self.raw.prepare_threshold = self.threshold


class PgConnection:
    """The repositories' view of one psycopg connection (autocommit; the dialect
    sends BEGIN / COMMIT itself, as SQLite's does)."""

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        # Set by the dialect between its BEGIN and COMMIT / ROLLBACK (see in_transaction).
        self.tx_open = False
        # Statements outside pipeline mode, until the first pipeline (LeanStatements).
        self.lean: LeanStatements | None = LeanStatements(raw)
        self.pipelining = False

    def execute(self, sql: str, params: Any = ()) -> Any:
        """Run one statement (``?`` or ``:name`` placeholders); a cursor-like result."""
        lean = self.lean
        if (lean is not None and not self.pipelining and not self.raw.closed
                and (params or ";" not in sql)):  # no parameters: maybe a script
            return lean.execute(sql, params)
        named = isinstance(params, dict)
        cur = self.raw.cursor()
        cur.execute(translate(sql, named), params if params is not None else ())
        return cur

    def schema_changed(self) -> None:
        """Tables changed behind this object's back (a migration's script): statements
        prepared before are let go, so that none runs on a plan of the old tables."""
        if self.lean is not None and self.lean.names:
            self.lean.forget()
            self.raw.execute("DEALLOCATE ALL")

    def start_pipeline(self) -> None:
        """Pipeline mode begins: psycopg runs the statements from now on (see
        LeanStatements)."""
        if self.lean is not None:
            self.lean.hand_over()
            self.lean = None
        self.pipelining = True

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
