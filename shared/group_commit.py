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

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .database import spoils_connection
from .store import Store

T = TypeVar("T")
MAX_BATCH = 64


@dataclass(eq=False)
class _Pending:
    work: Callable[[Store], Any]
    durable: bool
    outcome: Any = None
    done: bool = False
    # Held until the write is done or its thread is to write the next batch: each
    # waiting thread is woken once, not every thread at every commit.
    wake: threading.Lock = field(default_factory=threading.Lock)


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
        self._mutex = threading.Lock()
        self._queue: list[_Pending] = []
        self._writing = False

    def run(self, work: Callable[[Store], T], *, store: Store | None = None,
            durable: bool = True) -> T:
        """``work(store)`` in a write transaction, possibly together with other threads'.

        Returns what it returns and raises what it raises; a failing ``work``
        rolls back alone. ``durable=False`` work (leases that may be lost in a
        crash) commits without an fsync unless durable work shares its batch.
        ``store`` is the calling thread's own, used when there is no writer
        connection.
        """
        item = _Pending(work, durable)
        item.wake.acquire()
        with self._mutex:
            self._queue.append(item)
            waiting, self._writing = self._writing, True
        if waiting:
            item.wake.acquire()  # done, or handed the writing of the next batch
        while not item.done:
            with self._mutex:
                batch = self._queue[:self.max_batch]
                del self._queue[:self.max_batch]
            try:
                self._write(store, batch)
            finally:
                with self._mutex:
                    for p in batch:
                        p.done = True
                    successor = None
                    if self._queue and item.done:
                        successor = self._queue[0]  # the writing passes to its thread
                    elif not self._queue:
                        self._writing = False
                for p in batch:
                    if p is not item:
                        p.wake.release()
                if successor is not None:
                    successor.wake.release()
        if isinstance(item.outcome, BaseException):
            raise item.outcome
        return item.outcome

    def _write(self, store: Store | None, batch: list[_Pending]) -> None:
        try:
            if self._open_store is not None:
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
