"""Work of many threads done a batch at a time by one of them (group commit, group
lookup): the shared hand-off.

A thread with work queues it; if no thread is at the queue, it becomes the one that
takes the batch (its own work and whatever arrived meanwhile, without waiting for
more) and does it; every thread of the batch is then woken once with its outcome,
and if more work has queued, the thread of the first of it takes the next batch.
Nothing is done twice and no thread polls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar


@dataclass(eq=False)
class Pending:
    """One thread's work in the queue; ``outcome`` is what it returns or raises."""

    outcome: Any = field(default=None, init=False)
    done: bool = field(default=False, init=False)
    # Held until the work is done or its thread is to take the next batch: each waiting
    # thread is woken once, not every thread at every batch.
    wake: threading.Lock = field(default_factory=threading.Lock, init=False)


P = TypeVar("P", bound=Pending)


class Batches(Generic[P]):
    """The queue, and which thread takes the next batch (at most ``max_batch``)."""

    def __init__(self, max_batch: int) -> None:
        self.max_batch = max_batch
        self._mutex = threading.Lock()
        self._queue: list[P] = []
        self._taken = False

    def submit(self, item: P, do: Callable[[list[P]], None]) -> Any:
        """Queue ``item``; return its outcome (raise it, if an exception) once a batch
        with it is done: by this thread calling ``do(batch)``, or by another. ``do``
        sets each item's outcome and must not raise."""
        item.wake.acquire()
        with self._mutex:
            self._queue.append(item)
            waiting, self._taken = self._taken, True
        if waiting:
            item.wake.acquire()  # done, or handed the next batch
        while not item.done:
            with self._mutex:
                batch = self._queue[:self.max_batch]
                del self._queue[:self.max_batch]
            try:
                do(batch)
            finally:
                with self._mutex:
                    for p in batch:
                        p.done = True
                    successor = None
                    if self._queue and item.done:
                        successor = self._queue[0]  # the next batch passes to its thread
                    elif not self._queue:
                        self._taken = False
                for p in batch:
                    if p is not item:
                        p.wake.release()
                if successor is not None:
                    successor.wake.release()
        if isinstance(item.outcome, BaseException):
            raise item.outcome
        return item.outcome
