"""Opening a PostgreSQL database: the connection the repositories use, and its errors.

``PgConnection`` gives the repositories what a ``sqlite3.Connection`` gives
them: ``execute(sql, params)`` with ``?`` (or ``:name``) placeholders, rows
readable by column name and by position, ``executemany``, ``in_transaction``.
The SQL is translated to the server's placeholders once per distinct statement.

A statement does not go through a psycopg cursor (``LeanStatements``): its
parameters and rows are adapted by psycopg's own Transformer (the same values in
and out), and it is sent with libpq's calls, queued in pipeline mode, prepared
after a few runs as psycopg would. A cursor's per-statement Python work (its
generators, query conversion, result bookkeeping) was most of the client's CPU:
40 of the 50 us of a caller lookup, about 16 us per statement in a pipeline.
"""

from __future__ import annotations

import itertools
import re
import select
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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
_Key = tuple[bytes, tuple[int, ...]]


class _Sent:
    """A statement sent in pipeline mode whose answer has not been read yet."""

    __slots__ = ("outcome", "prepares", "done")

    def __init__(self, prepares: _Key | None = None) -> None:
        self.outcome: Any = None  # a Result, or the exception reading it raises
        self.prepares = prepares  # the statement this one prepares (a Parse)
        self.done = False


class PipedResult:
    """The cursor-like result of a statement sent in pipeline mode: reading it waits for
    the server's answers up to it (one round trip for everything sent so far)."""

    __slots__ = ("_lean", "_sent")

    def __init__(self, lean: LeanStatements, sent: _Sent) -> None:
        self._lean = lean
        self._sent = sent

    def _result(self) -> Result:
        if not self._sent.done:
            self._lean.sync()
        outcome = self._sent.outcome
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def fetchone(self) -> Any:
        return self._result().fetchone()

    def fetchmany(self, size: int = 1) -> list[Any]:
        return self._result().fetchmany(size)

    def fetchall(self) -> list[Any]:
        return self._result().fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._result())

    @property
    def rowcount(self) -> int:
        return self._result().rowcount

    @property
    def description(self) -> list[tuple[str, int]] | None:
        return self._result().description


class LeanStatements:
    """A connection's statements, run without psycopg cursors.

    Parameters and rows go through psycopg's Transformer (the same values in and out
    as with a cursor); the statements go through libpq directly: outside pipeline mode
    with its blocking calls (which let other threads run), in pipeline mode queued and
    sent together when an answer is needed (``sync``). They are prepared under names
    of their own after a few runs; psycopg prepares nothing on the connection (its
    ``prepare_threshold`` is off): its DEALLOCATE ALL after a ROLLBACK would drop them.
    """

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        self.pgconn = raw.pgconn
        self.tx = Transformer(raw)
        self.encoding = raw.info.encoding
        self.counts: OrderedDict[_Key, int] = OrderedDict()
        self.names: OrderedDict[_Key, bytes] = OrderedDict()
        self.serial = itertools.count(1)
        raw.prepare_threshold = None
        self.piped = False
        self.queue: deque[_Sent] = deque()

    # -- sending ------------------------------------------------------------------

    def execute(self, sql: str, params: Any) -> Result | PipedResult:
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
        name = self.names.get(key)
        prepare = False
        if name is None:
            count = self.counts.pop(key, 0)
            if count >= PREPARE_THRESHOLD:
                name = f"_callsheet_{next(self.serial)}".encode()
                self.names[key] = name
                prepare = True
            else:
                self.counts[key] = count + 1
                if len(self.counts) > PREPARED_MAX:
                    self.counts.popitem(last=False)
        else:
            self.names.move_to_end(key)
        schema = _SCHEMA_CHANGE.match(sql) is not None
        if self.piped:
            return self._send(key, name, prepare, query, data, types, formats, schema)
        pg = self.pgconn
        if prepare:
            try:
                self._check(pg.prepare(name, query, types))
            except BaseException:
                del self.names[key]
                raise
            self._evict()
        if name is not None:
            res = pg.exec_prepared(name, data, formats)
        else:
            res = pg.exec_params(query, data, types, formats)
        self._check(res)
        if schema:
            self.forget()  # the next runs prepare again, on the schema as it is now
            if self.raw.info.transaction_status != pq.TransactionStatus.INERROR:
                self._check(pg.exec_(b"DEALLOCATE ALL"))
        return self._result(res)

    def _send(self, key: _Key, name: bytes | None, prepare: bool, query: bytes,
              data: Any, types: tuple[int, ...], formats: list[Any],
              schema: bool) -> PipedResult:
        pg = self.pgconn
        if prepare:
            assert name is not None
            pg.send_prepare(name, query, types)
            self.queue.append(_Sent(prepares=key))
            self._evict()
        if name is not None:
            pg.send_query_prepared(name, data, formats)
        else:
            pg.send_query_params(query, data, types, formats)
        sent = _Sent()
        self.queue.append(sent)
        if schema:
            self.forget()
            pg.send_query_params(b"DEALLOCATE ALL", None)
            self.queue.append(_Sent())
        return PipedResult(self, sent)

    def _evict(self) -> None:
        """At most PREPARED_MAX prepared: the least recently used one is let go."""
        if len(self.names) <= PREPARED_MAX:
            return
        old = b"DEALLOCATE " + self.names.popitem(last=False)[1]
        if self.piped:
            self.pgconn.send_query_params(old, None)
            self.queue.append(_Sent())
        else:
            self._check(self.pgconn.exec_(old))

    def _result(self, res: Any) -> Result:
        if res.status == pq.ExecStatus.TUPLES_OK:
            tx = self.tx
            tx.set_pgresult(res)
            rows = tx.load_rows(0, res.ntuples, _row_maker(res))
            return Result(rows, len(rows), res)
        tuples = res.command_tuples
        return Result([], -1 if tuples is None else tuples, res)

    def _error(self, res: Any) -> BaseException | None:
        """What psycopg would raise for ``res``, or None when it succeeded."""
        if res is not None and res.status in _OK:
            return None
        if res is None or self.pgconn.status == pq.ConnStatus.BAD:
            message = "" if res is None else res.error_message.decode(self.encoding, "replace")
            return psycopg.OperationalError(message.strip() or "the connection is lost")
        if res.status == pq.ExecStatus.FATAL_ERROR:
            return psycopg.errors.error_from_result(res, encoding=self.encoding)
        if res.status == pq.ExecStatus.PIPELINE_ABORTED:
            return psycopg.errors.PipelineAborted("pipeline aborted")
        return psycopg.ProgrammingError(f"unexpected result status {res.status!r}")

    def _check(self, res: Any) -> None:
        """Raises what psycopg would for a failed statement."""
        error = self._error(res)
        if error is not None:
            raise error

    def forget(self) -> None:
        """Forget every prepared name (the caller deallocates them)."""
        self.names.clear()
        self.counts.clear()

    # -- pipeline mode ----------------------------------------------------------------

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Pipeline mode until the block ends; then every answer is read (the first
        failure raises, unless the block itself is raising)."""
        if self.piped:
            yield
            return
        self.pgconn.enter_pipeline_mode()
        self.piped = True
        try:
            yield
        except BaseException:
            self._leave(quiet=True)
            raise
        self._leave(quiet=False)

    def _leave(self, *, quiet: bool) -> None:
        try:
            self.sync(quiet=quiet)
        finally:
            self.piped = False
            self.queue.clear()
            try:
                self.pgconn.exit_pipeline_mode()
            except psycopg.OperationalError:
                if self.pgconn.status != pq.ConnStatus.BAD:
                    raise  # answers left unread: a bug here, not a lost connection

    def sync(self, *, quiet: bool = False) -> None:
        """Send what is queued with a Sync and read every answer up to it; the first
        statement that failed raises here (unless ``quiet``), as with psycopg."""
        if not self.queue:
            return
        pg = self.pgconn
        first: BaseException | None = None
        try:
            pg.pipeline_sync()
            self._flush()
            while self.queue:
                sent = self.queue.popleft()
                res = self._next()
                if res is not None:
                    while self._next() is not None:  # the end of this statement's answer
                        pass
                error = self._error(res)
                if error is None:
                    sent.outcome = self._result(res)
                else:
                    sent.outcome = error
                    if sent.prepares is not None:
                        self.names.pop(sent.prepares, None)
                    if first is None and not isinstance(error, psycopg.errors.PipelineAborted):
                        first = error
                sent.done = True
                if pg.status == pq.ConnStatus.BAD:
                    break
            if pg.status != pq.ConnStatus.BAD:
                res = self._next()
                if res is None or res.status != pq.ExecStatus.PIPELINE_SYNC:
                    first = first or self._error(res) or psycopg.ProgrammingError(
                        "pipeline out of step")
        except psycopg.OperationalError as e:
            first = first or e
        if pg.status == pq.ConnStatus.BAD:
            lost = first if isinstance(first, psycopg.OperationalError) else (
                psycopg.OperationalError("the connection to the server is lost"))
            for sent in self.queue:
                sent.outcome, sent.done = lost, True
            self.queue.clear()
            first = first or lost
        if first is not None and not quiet:
            raise first

    def _flush(self) -> None:
        pg = self.pgconn
        while pg.flush():
            select.select([], [pg.socket], [])

    def _next(self) -> Any:
        """The next result, waiting for it without holding the GIL (libpq's
        PQgetResult would wait holding it)."""
        pg = self.pgconn
        pg.consume_input()
        while pg.is_busy():
            select.select([pg.socket], [], [])
            pg.consume_input()
        return pg.get_result()


class PgConnection:
    """The repositories' view of one psycopg connection (autocommit; the dialect
    sends BEGIN / COMMIT itself, as SQLite's does)."""

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        # Set by the dialect between its BEGIN and COMMIT / ROLLBACK (see in_transaction).
        self.tx_open = False
        self.lean = LeanStatements(raw)

    def execute(self, sql: str, params: Any = ()) -> Any:
        """Run one statement (``?`` or ``:name`` placeholders); a cursor-like result."""
        if not self.raw.closed and (params or self.lean.piped or ";" not in sql):
            return self.lean.execute(sql, params)
        # A script (no parameters: psycopg sends it as one simple query), or a lost
        # connection (psycopg says so).
        named = isinstance(params, dict)
        cur = self.raw.cursor()
        cur.execute(translate(sql, named), params if params is not None else ())
        return cur

    def schema_changed(self) -> None:
        """Tables changed behind this object's back (a migration's script): statements
        prepared before are let go, so that none runs on a plan of the old tables."""
        if self.lean.names:
            self.lean.forget()
            self.raw.execute("DEALLOCATE ALL")

    def pipeline(self) -> Any:
        """Pipeline mode for a block (LeanStatements.pipeline)."""
        return self.lean.pipeline()

    def settle(self, *, quiet: bool = False) -> None:
        """Read every answer to what was sent in pipeline mode (LeanStatements.sync)."""
        self.lean.sync(quiet=quiet)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        """Run ``sql`` once per row (in one round trip: pipelined)."""
        rows = list(rows)
        out = None
        with self.pipeline():
            for row in rows:
                out = self.execute(sql, row)
        return out if out is not None else Result([], 0, None)

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
