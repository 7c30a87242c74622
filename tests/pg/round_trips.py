"""Counting a psycopg connection's round trips to the server, from libpq's protocol trace.

A round trip is the client waiting for the server: in the trace, the server answering
(``B`` lines) after the client sent something (``F`` lines). Statements sent together in
pipeline mode and answered together count once. Used by tests/pg/test_round_trips.py
and bench/profile_pg.py.
"""

from __future__ import annotations

import tempfile
from types import TracebackType
from typing import Any

from psycopg import pq


class RoundTrips:
    """``with RoundTrips(conn) as trips: ...``; afterwards ``trips.count``."""

    def __init__(self, raw: Any) -> None:
        self.pgconn = raw.pgconn
        self.count = 0
        self.messages: list[str] = []

    def __enter__(self) -> RoundTrips:
        self._file = tempfile.TemporaryFile("w+")
        self.pgconn.trace(self._file.fileno())
        self.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.pgconn.untrace()  # flushes libpq's buffered trace into the file
        self._file.seek(0)
        self.messages = self._file.read().splitlines()
        self._file.close()
        last = "B"
        for line in self.messages:
            side = line[:1]
            if side == "B" and last == "F":
                self.count += 1
            if side in ("B", "F"):
                last = side
