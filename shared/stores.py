"""One Store per thread over the same database: connections (SQLite's and
psycopg's alike) are not shared between threads, and Waitress serves each
request on one of its workers."""

from __future__ import annotations

import threading
from pathlib import Path

from .database import connect
from .storage.address import parse_address
from .store import Store
from .timeutil import Clock, utc_now


class ThreadStores:
    """Hands each thread its own Store on the database at ``path`` (a SQLite file or a
    ``postgresql://`` URL)."""

    def __init__(self, path: str | Path, *, clock: Clock = utc_now) -> None:
        self.path = parse_address(path)
        self.clock = clock
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        # Migrate once, up front, so request threads never race to do it.
        self.get()

    def get(self) -> Store:
        """The calling thread's Store, opened on first use."""
        store = getattr(self._local, "store", None)
        if store is not None and getattr(store.db, "broken", False):
            # The PostgreSQL server restarted or went away: this request gets a new
            # connection (or a 503 while the server is still down).
            self._forget(store)
            store = None
        if store is None:
            store = Store(connect(self.path), clock=self.clock)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def open_store(self) -> Store:
        """A Store of its own on the same file, for one user that is not a thread
        (the group-commit writer); closed with the others by close()."""
        store = Store(connect(self.path), clock=self.clock)
        with self._lock:
            self._all.append(store)
        return store

    def _forget(self, store: Store) -> None:
        with self._lock:
            if store in self._all:
                self._all.remove(store)
        self._local.store = None
        try:
            store.db.close()
        except Exception:  # noqa: BLE001 - a lost connection may fail to close; it is gone
            pass

    def close(self) -> None:
        """Close every connection this object opened."""
        with self._lock:
            for store in self._all:
                store.db.close()
            self._all.clear()
        self._local = threading.local()
