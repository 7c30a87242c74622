"""One Store per thread over the same database: connections (SQLite's and
psycopg's alike) are not shared between threads, and Waitress serves each
request on one of its workers."""

from __future__ import annotations

import threading
from pathlib import Path

from .database import connect
from .errors import DatabaseGone
from .storage.address import parse_address
from .store import Store
from .texts import Text
from .timeutil import Clock, utc_now

# How long an API write waits for the write lock held by someone else (an import, a
# backup, another program) before it is answered 503 + Retry-After: long enough for
# any ordinary write to finish, short enough that Apollo's agents are not left hanging.
WRITE_WAIT_MS = 5_000


class ThreadStores:
    """Hands each thread its own Store on the database at ``path`` (a SQLite file or a
    ``postgresql://`` URL)."""

    def __init__(self, path: str | Path, *, clock: Clock = utc_now,
                 busy_timeout_ms: int = WRITE_WAIT_MS) -> None:
        self.path = parse_address(path)
        self.clock = clock
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        # Migrate once, up front, so request threads never race to do it. This is the
        # one connection that may create the file: should it go away later, the next
        # connection must not quietly start an empty database in its place.
        self._create = True
        self._origin = self.get().watch  # the file every later connection must be on
        self._create = False

    def get(self) -> Store:
        """The calling thread's Store, opened on first use."""
        store = getattr(self._local, "store", None)
        if store is not None and getattr(store.db, "broken", False):
            # The PostgreSQL server restarted or went away: this request gets a new
            # connection (or a 503 while the server is still down).
            self.discard(store)
            store = None
        if store is None:
            store = self.open_store()
            self._local.store = store
        return store

    def open_store(self) -> Store:
        """A Store of its own on the same file, for one user that is not a thread
        (the group-commit writer); closed with the others by close()."""
        store = Store(connect(self.path, create=self._create,
                              busy_timeout_ms=self.busy_timeout_ms), clock=self.clock)
        origin = getattr(self, "_origin", None)
        if origin is not None and not store.watch.same_file(origin):
            # The file was replaced since the first connection: writing to the new one
            # beside connections still on the old would split the data in two.
            store.db.close()
            origin.check()  # raises DatabaseGone, naming the file
            raise DatabaseGone(Text(
                    "The database file {path} was replaced; restart Callsheet.", path=self.path))
        with self._lock:
            self._all.append(store)
        return store

    def discard(self, store: Store) -> None:
        """Close ``store``; the thread (or writer) that used it opens a new one next time.

        For a connection SQLite opened read-only, or one that hit an I/O error: a
        new connection sees the file as it is now.
        """
        with self._lock:
            if store in self._all:
                self._all.remove(store)
        if getattr(self._local, "store", None) is store:
            del self._local.store
        try:
            store.db.close()
        except Exception:  # noqa: BLE001 - a lost connection may fail to close; it is gone
            pass

    def current(self) -> Store | None:
        """The calling thread's Store if it has one open (None otherwise)."""
        return getattr(self._local, "store", None)

    def discard_current(self) -> None:
        """Close the calling thread's Store, if it has one (see discard)."""
        store = getattr(self._local, "store", None)
        if store is not None:
            self.discard(store)

    def close(self) -> None:
        """Close every connection this object opened."""
        with self._lock:
            for store in self._all:
                store.db.close()
            self._all.clear()
        self._local = threading.local()
