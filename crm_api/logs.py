"""The headless server's access log, made off the request threads.

Making and formatting a ``callsheet.access`` record in the request thread cost
the server 35-40 us of CPU per request under load (bench/run: the whole lookup
is about 160 us): eight worker threads on one core, the logging module's work
interleaved with the app's. Here a request only appends a tuple; a writer
thread turns the tuples into records every ``interval`` seconds, with the times
the requests ended, and hands them to the logger as usual (the server's
handler, crm_api.logsink, then writes them without ever blocking). Stopping
the server logs what is left; a crash (SIGKILL, power cut) can lose the last
``interval`` of access lines.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque

from shared.logfiles import held_flushes

# How long the writer works through a batch with the GIL before it lets go of it, so a
# request never waits for a whole batch (up to 5 ms, the switch interval, at a
# thousand lines a batch: the 1-client lookups' p99 spikes). Not after every few
# lines: at 8 busy clients each hand-over cost the server ~20 us per request.
SLICE_SECONDS = 0.0005


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
        with self._lock, held_flushes():
            logger, lines = self.logger, self._lines
            enabled = logger.isEnabledFor(logging.INFO)
            perf = time.perf_counter
            slice_end = perf() + SLICE_SECONDS
            # The lines' records differ only in their arguments and times: copies of one
            # made by makeRecord (which asks for the thread, process and file names each
            # time: half of a line's cost).
            template = logger.makeRecord(logger.name, logging.INFO, "", 0, self.fmt, (), None)
            fields, new = template.__dict__, logging.LogRecord.__new__
            while lines:
                at, args = lines.popleft()
                if enabled:
                    record = new(logging.LogRecord)
                    record.__dict__.update(fields)
                    record.args, record.created, record.msecs = args, at, at % 1 * 1000
                    logger.handle(record)
                if perf() > slice_end:
                    time.sleep(0)  # a request thread waiting for the GIL runs now
                    slice_end = perf() + SLICE_SECONDS

    def close(self) -> None:
        """Stop the writer and log what is left."""
        self._stopped.set()
        self._thread.join(timeout=2)
        self.flush()

