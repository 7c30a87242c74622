"""The unit of work: one database connection, its transaction, and the repositories on it.

``with uow: uow.calls.record_call(...)`` runs everything inside in one transaction
(nested writes join it). The repositories only read and write; the unit of work
owns the transaction, the clock and the id generators (injected, so tests pass
fixed ones), and the dialect of the engine underneath.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .. import ids
from ..timeutil import Clock, to_db, utc_now
from .calls import CallsRepository
from .campaigns import CampaignsRepository
from .contacts import ContactsRepository
from .dialect_sqlite import SqliteDialect
from .lookup import LookupRepository
from .merge import MergeRepository
from .reports import ReportsRepository
from .tasks import TasksRepository
from .trash import TrashRepository

REPOSITORIES: dict[str, type] = {
    "contacts": ContactsRepository,
    "lookup": LookupRepository,
    "campaigns": CampaignsRepository,
    "tasks": TasksRepository,
    "calls": CallsRepository,
    "merge": MergeRepository,
    "reports": ReportsRepository,
    "trash": TrashRepository,
}


class UnitOfWork:
    """One connection (one per thread) and the repositories that use it.

    ``db`` is a ``sqlite_utils.Database`` (SQLite) or a
    ``shared.storage.postgres.PgDatabase``; each brings its dialect.
    """

    def __init__(
        self,
        db: Any,
        *,
        clock: Clock = utc_now,
        new_contact_id: Callable[[], str] = ids.new_contact_id,
        new_task_id: Callable[[], str] = ids.new_task_id,
    ) -> None:
        self.db = db
        self.conn = db.conn
        self.dialect = getattr(db, "dialect", None)
        if self.dialect is None:  # a sqlite_utils.Database
            self.conn.row_factory = sqlite3.Row
            self.dialect = SqliteDialect(self.conn)
        # Is the file still the database at its path (SQLite; nothing on PostgreSQL)?
        self.watch = self.dialect.watch
        self.clock = clock
        self.new_contact_id = new_contact_id
        self.new_task_id = new_task_id
        self.contacts = ContactsRepository(self)
        self.lookup = LookupRepository(self)
        self.campaigns = CampaignsRepository(self)
        self.tasks = TasksRepository(self)
        self.calls = CallsRepository(self)
        self.merge = MergeRepository(self)
        self.reports = ReportsRepository(self)
        self.trash = TrashRepository(self)
        self._entered: list[Any] = []

    @property
    def engine(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.dialect.name

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

        ``durable=False`` commits without waiting for the disk: a crash may lose
        it, never corrupt the database or an earlier durable commit. Only for
        data that may be lost (the hand-outs of ``next``).
        """
        if self.conn.in_transaction:
            yield
            return
        with self.dialect.transaction(durable=durable):
            yield

    def __enter__(self) -> UnitOfWork:
        cm = self.write()
        cm.__enter__()
        self._entered.append(cm)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._entered.pop().__exit__(*exc)

    def batch(
        self, works: Sequence[Callable[[Any], Any]], *, durable: bool = True,
    ) -> list[Any]:
        """Run several writes (``work(self)`` each) in ONE transaction: one commit, one
        fsync. Each runs in its own savepoint: one that raises (ValidationError, ...)
        rolls back alone and its exception takes its place in the returned list.

        Each write stays atomic, and later ones see earlier ones (the same call id
        twice is a replace, as two posts would be). Raises, with nothing stored,
        when the transaction itself fails: BEGIN, COMMIT, or an error that makes
        the engine end it.
        """
        out: list[Any] = []
        d = self.dialect
        if len(works) == 1 and not self.conn.in_transaction:
            return [self._alone(works[0], durable)]
        # On PostgreSQL in pipeline mode: only reading a result waits for the server, so
        # BEGIN, each SAVEPOINT, the writes of a call and COMMIT cost no round trip of
        # their own (no RELEASE is sent there: see the dialect's release_savepoints).
        # The COMMIT's answer is awaited when the pipeline ends,
        # before anything returns: nothing is acknowledged before it is committed.
        with d.pipeline(), self.write(durable=durable):
            for work in works:
                self.conn.execute("SAVEPOINT one_write")
                try:
                    outcome = work(self)
                    d.settle()  # its queued writes' errors are its own, not the next one's
                except Exception as e:
                    d.settle(quiet=True)  # so that the ROLLBACK TO below is not skipped
                    if not self.conn.in_transaction or not d.recoverable(e):
                        raise  # the engine rolled the whole batch back (disk full, I/O)
                    self.conn.execute("ROLLBACK TO SAVEPOINT one_write")
                    outcome = e
                out.append(outcome)
                if d.release_savepoints:
                    self.conn.execute("RELEASE SAVEPOINT one_write")
        return out

    def _alone(self, work: Callable[[Any], Any], durable: bool) -> Any:
        """A batch of one write: its own transaction, no savepoint (two statements less
        for the write a server at low load runs alone). Its exception is its outcome,
        as in a batch; a failed BEGIN or COMMIT raises."""
        d = self.dialect
        stage = "begin"
        try:
            with d.pipeline(), self.write(durable=durable):
                stage = "work"
                try:
                    outcome = work(self)
                    d.settle()
                except Exception as e:
                    if not self.conn.in_transaction or not d.recoverable(e):
                        stage = "engine"  # it ended the transaction (disk full, I/O)
                    raise
                stage = "commit"
        except Exception as e:
            if stage != "work":
                raise
            # As at the end of a batch's transaction: a database file deleted or replaced
            # meanwhile is the answer (DatabaseGone), not what the write ran into there.
            self.watch.check()
            return e
        return outcome

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for live views."""
        return self.dialect.data_version()

    def address(self) -> str:
        """Where this database is: the SQLite file's path or the PostgreSQL URL, for
        opening another connection to it (a worker thread's)."""
        return self.dialect.address()

    def _now(self) -> str:
        """The clock's now as stored (for modules that write beside the repositories)."""
        return to_db(self.clock())

    def _audit(self, actor: Any, entity_type: str, entity_id: str, action: str,
               changes: dict[str, Any] | None = None) -> None:
        """One audit trail entry, inside the current transaction."""
        self.reports.record_audit(actor, entity_type, entity_id, action, changes)

    def _one(self, sql: str, params: Any = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Any = ()) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()
