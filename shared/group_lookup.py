"""Group lookups: the caller lookups of many threads in one round trip to PostgreSQL.

On PostgreSQL every lookup is a round trip: the API thread sends, sleeps, the
server's process wakes, answers, the thread wakes. With eight dialers ringing at
once the server's processes and the API's threads take turns on the CPU for
every single lookup. Here a thread with a lookup to do queues it; if no thread is
looking up, it becomes the reader: it takes everything queued (its own lookup
and any that arrived meanwhile, without waiting for more) and sends them together
on its own connection (``Store.lookup_phones``: one statement, one round trip).
Each number is still looked up by the one lookup's SQL, on the data as committed
when the statement runs: nothing is kept between lookups, so an edit made a moment
ago is what the next lookup finds. SQLite's lookups need none of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .batches import Batches, Pending
from .store import Store

MAX_BATCH = 32


@dataclass(eq=False)
class _Pending(Pending):
    number: str


class GroupLookup:
    """Shared by the threads that look up numbers in one PostgreSQL database."""

    def __init__(self, max_batch: int = MAX_BATCH) -> None:
        self.max_batch = max_batch
        self._batches: Batches[_Pending] = Batches(max_batch)

    def lookup_phone(self, store: Store, number: str) -> list[Any]:
        """``store.lookup_phone(number)``, possibly sent together with other threads'
        lookups on the connection of whichever thread reads the batch. Raises what the
        lookup raises (a lost connection: every lookup of that batch)."""
        return self._batches.submit(_Pending(number), lambda batch: self._read(store, batch))

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
