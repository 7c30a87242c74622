"""Group lookups: the caller lookups of many threads in one round trip to PostgreSQL.

On PostgreSQL every lookup is a round trip: the API thread sends, sleeps, the
server's process wakes, answers, the thread wakes. With eight dialers ringing at
once the server's processes and the API's threads take turns on the CPU for
every single lookup. Here a thread with a lookup to do queues it; if no thread is
looking up, it becomes the reader: it takes everything queued (its own lookup
and any that arrived meanwhile, without waiting for more) and sends them together
on its own connection (``Store.lookup_phones``: pipeline mode, one round trip).
Each lookup is still its own statement on the server, reading the data as
committed when it runs: nothing is kept between lookups, so an edit made a moment
ago is what the next lookup finds. SQLite's lookups need none of this.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from .store import Store

MAX_BATCH = 32


@dataclass(eq=False)
class _Pending:
    number: str
    outcome: Any = None
    done: bool = False
    # Held until the lookup is done or its thread is to read the next batch: each
    # waiting thread is woken once.
    wake: threading.Lock = field(default_factory=threading.Lock)


class GroupLookup:
    """Shared by the threads that look up numbers in one PostgreSQL database."""

    def __init__(self, max_batch: int = MAX_BATCH) -> None:
        self.max_batch = max_batch
        self._mutex = threading.Lock()
        self._queue: list[_Pending] = []
        self._reading = False

    def lookup_phone(self, store: Store, number: str) -> list[Any]:
        """``store.lookup_phone(number)``, possibly sent together with other threads'
        lookups on the connection of whichever thread reads the batch. Raises what the
        lookup raises (a lost connection: every lookup of that batch)."""
        item = _Pending(number)
        item.wake.acquire()
        with self._mutex:
            self._queue.append(item)
            waiting, self._reading = self._reading, True
        if waiting:
            item.wake.acquire()  # done, or handed the reading of the next batch
        while not item.done:
            with self._mutex:
                batch = self._queue[:self.max_batch]
                del self._queue[:self.max_batch]
            try:
                self._read(store, batch)
            finally:
                with self._mutex:
                    for p in batch:
                        p.done = True
                    successor = None
                    if self._queue and item.done:
                        successor = self._queue[0]  # the reading passes to its thread
                    elif not self._queue:
                        self._reading = False
                for p in batch:
                    if p is not item:
                        p.wake.release()
                if successor is not None:
                    successor.wake.release()
        if isinstance(item.outcome, BaseException):
            raise item.outcome
        return item.outcome

    @staticmethod
    def _read(store: Store, batch: list[_Pending]) -> None:
        try:
            if len(batch) == 1:
                outcomes = [store.lookup_phone(batch[0].number)]
            else:
                outcomes = store.lookup_phones([p.number for p in batch])
        except BaseException as e:  # noqa: BLE001 - each waiting thread raises it
            for p in batch:
                p.outcome = e
            return
        for p, outcome in zip(batch, outcomes, strict=True):
            p.outcome = outcome
