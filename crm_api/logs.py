"""The headless server's access log, made off the request threads.

Making and formatting a ``callsheet.access`` record in the request thread cost
the server 35-40 us of CPU per request under load (bench/run: the whole lookup
is about 160 us): eight worker threads on one core, the logging module's work
interleaved with the app's. Here a request only appends a tuple; a writer
thread logs the waiting lines every ``interval`` seconds, with the times the
requests ended, a batch at a time (shared.loglines: the log file and the
console, crm_api.logsink, each get a batch's lines made and written in one go,
any other handler a record per line). Stopping
the server logs what is left; a crash (SIGKILL, power cut) can lose the last
``interval`` of access lines.
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


class AccessLines:
    """Access lines handed from the request threads to a writer thread that logs them
    on ``logger`` (its handlers and level apply as for any record)."""

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

    def flush(self) -> None:
        """Log the waiting lines now, in order."""
        with self._lock:
            lines, fmt, perf = self._lines, self.fmt, time.perf_counter
            if not self.logger.isEnabledFor(logging.INFO):
                lines.clear()
                return
            slice_end, size = perf() + SLICE_SECONDS, BATCH
            while lines:
                began = perf()
                batch = [lines.popleft() for _ in range(min(size, len(lines)))]
                log_lines(self.logger, logging.INFO, [(at, fmt % args) for at, args in batch])
                # Fewer lines at a time for a handler slow at each (one not taking them
                # made: a record per line), so no batch holds the GIL much over a slice.
                per_line = max(perf() - began, 1e-7) / len(batch)
                size = max(1, min(BATCH, int(2 * SLICE_SECONDS / per_line)))
                if lines and perf() > slice_end:
                    time.sleep(0)  # a request thread waiting for the GIL runs now
                    slice_end = perf() + SLICE_SECONDS

    def close(self) -> None:
        """Stop the writer and log what is left."""
        self._stopped.set()
        self._thread.join(timeout=2)
        self.flush()

