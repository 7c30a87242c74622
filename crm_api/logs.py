"""The headless server's access log, made where no request waits for it.

Making and formatting a ``callsheet.access`` record in the request thread cost
the server 35-40 us of CPU per request under load (bench/run: the whole lookup
is about 160 us): eight worker threads on one core, the logging module's work
interleaved with the app's. Here a request only appends a tuple. A worker that
has sent its answer logs the waiting lines once there are a few (after_request:
nobody waits for that work), and a writer thread logs what is left every
``interval`` seconds; either with the times the requests ended, a batch at a
time (shared.loglines: the log file and the console, crm_api.logsink, each get
a batch's lines made and written in one go, any other handler a record per
line). Stopping the server logs what is left; a crash (SIGKILL, power cut) can
lose the last ``interval`` of access lines.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque

from shared.loglines import log_lines

# How long the writer works through access lines with the GIL before it lets go of it:
# a lookup arriving meanwhile waits at most this long (the 1-client lookups' p99). The
# lines are made a batch at a time (shared.loglines), a few microseconds each, so the
# writer lets go a few hundred times a second at 8 busy clients, not thousands.
SLICE_SECONDS = 0.0001
# Lines logged together: one write each to the file and the console (about 0.1 ms).
BATCH = 48
# Lines waiting before a worker that has sent its answer logs them (after_request).
SOON = 12


class AccessLines:
    """Access lines handed over by the request threads and logged on ``logger`` (its
    handlers and level apply as for any record) by a worker that has sent its answer
    (``after_request``), or by a writer thread every ``interval`` seconds."""

    def __init__(self, logger: logging.Logger, fmt: str, *, interval: float = 0.2) -> None:
        self.logger = logger
        self.fmt = fmt
        self.interval = interval
        self._lines: deque[tuple[float, tuple[object, ...]]] = deque()
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="access-log", daemon=True)
        self._thread.start()

    def put(self, *args: object) -> None:
        """One request's line: the arguments of ``fmt``."""
        self._lines.append((time.time(), args))  # deque.append is atomic: no lock

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            self.flush()

    def after_request(self) -> None:
        """Called by a worker once its answer is sent (crm_api.server): log the waiting
        lines now when there are enough of them and no other thread is at it.

        The writer thread's batches held the GIL while requests waited for it (the
        1-client lookups' p99); here the work is done where nobody waits for it. A
        few lines at least, so the cost of a batch (a write to the file and to the
        console) is shared."""
        if len(self._lines) >= SOON and self._lock.acquire(blocking=False):
            try:
                # Only those waiting now: under load more keep coming, and this worker
                # has requests to answer.
                self._flush(len(self._lines))
            finally:
                self._lock.release()

    def flush(self) -> None:
        """Log the waiting lines now, in order."""
        with self._lock:
            self._flush(len(self._lines))

    def _flush(self, count: int) -> None:
        """Log the first ``count`` waiting lines (the caller holds the lock)."""
        lines, fmt, perf = self._lines, self.fmt, time.perf_counter
        if not self.logger.isEnabledFor(logging.INFO):
            for _ in range(count):
                lines.popleft()
            return
        slice_end, size = perf() + SLICE_SECONDS, BATCH
        while count > 0:
            began = perf()
            batch = [lines.popleft() for _ in range(min(size, count))]
            count -= len(batch)
            log_lines(self.logger, logging.INFO, [(at, fmt % args) for at, args in batch])
            # Fewer lines at a time for a handler slow at each (one not taking them
            # made: a record per line), so no batch holds the GIL much over a slice.
            per_line = max(perf() - began, 1e-7) / len(batch)
            size = max(1, min(BATCH, int(2 * SLICE_SECONDS / per_line)))
            if count > 0 and perf() > slice_end:
                time.sleep(0)  # a request thread waiting for the GIL runs now
                slice_end = perf() + SLICE_SECONDS

    def close(self) -> None:
        """Stop the writer and log what is left."""
        self._stopped.set()
        self._thread.join(timeout=2)
        self.flush()

