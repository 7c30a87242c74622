"""Group commit: many threads' writes in one transaction, on one connection.

With ``synchronous=FULL`` every commit waits for the disk (about 1 ms here), so
writes committed one by one top out at the disk's fsync rate whatever the CPU;
and every commit from another connection empties each connection's page cache,
so eight API threads writing on eight connections keep re-reading the same
index pages. Here a thread with a write to do queues it; if no thread is
writing, it becomes the writer: it takes everything queued (its own write and
any that arrived meanwhile, without waiting for more) and runs them on the one
writer connection with ``Store.batch``: one ``BEGIN IMMEDIATE``, a savepoint
per write, one ``COMMIT``. Only after that commit does any of those threads
return, so a write is acknowledged only once it is on disk, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .batches import Batches, Pending
from .database import spoils_connection
from .store import Store

T = TypeVar("T")
MAX_BATCH = 64


@dataclass(eq=False)
class _Pending(Pending):
    work: Callable[[Store], Any]
    durable: bool


class GroupCommit:
    """Shared by the threads that write to one database file through it.

    ``open_store`` opens the writer connection on first use; without it each
    batch runs on the store of the thread that happens to write it.
    """

    def __init__(self, open_store: Callable[[], Store] | None = None,
                 max_batch: int = MAX_BATCH,
                 discard_store: Callable[[Store], None] | None = None) -> None:
        self.max_batch = max_batch
        self._open_store = open_store
        self._discard_store = discard_store
        self._store: Store | None = None
        self._batches: Batches[_Pending] = Batches(max_batch)

    def run(self, work: Callable[[Store], T], *, store: Store | None = None,
            durable: bool = True) -> T:
        """``work(store)`` in a write transaction, possibly together with other threads'.

        Returns what it returns and raises what it raises; a failing ``work``
        rolls back alone. ``durable=False`` work (leases that may be lost in a
        crash) commits without an fsync unless durable work shares its batch.
        ``store`` is the calling thread's own, used when there is no writer
        connection.
        """
        return self._batches.submit(_Pending(work, durable),
                                    lambda batch: self._write(store, batch))

    def _write(self, store: Store | None, batch: list[_Pending]) -> None:
        try:
            if self._open_store is not None:
                if self._store is not None and getattr(self._store.db, "broken", False):
                    # The PostgreSQL server went away: reconnect for this batch (it
                    # fails, unacknowledged, while the server is still down).
                    self._store = None
                if self._store is None:
                    self._store = self._open_store()
                store = self._store
            assert store is not None, "GroupCommit without a writer connection needs store="
            outcomes = store.batch([p.work for p in batch],
                                   durable=any(p.durable for p in batch))
        except BaseException as e:
            # Nothing of the batch was stored: each of its writes gets the error.
            for p in batch:
                p.outcome = e
            if (spoils_connection(e) and self._store is not None
                    and self._discard_store is not None):
                # Read-only or an I/O error: the next batch opens a fresh connection.
                self._discard_store(self._store)
                self._store = None
            return
        for p, outcome in zip(batch, outcomes, strict=True):
            p.outcome = outcome
