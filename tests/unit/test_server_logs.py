"""The headless server's access log: lines handed to a writer thread, logged in order
with the times the requests ended, and nothing lost when the server stops."""

from __future__ import annotations

import logging
import time

from crm_api.logs import AccessLines
from crm_api.middleware import ACCESS_FORMAT
from tests.log_capture import Kept


def test_access_lines_are_records_with_the_request_time(logger):
    kept = Kept()
    logger.addHandler(kept)
    lines = AccessLines(logger, ACCESS_FORMAT, interval=60)
    before = time.time()
    lines.put("127.0.0.1", "POST", "/contacts/search", 200, 0.42)
    lines.put("127.0.0.1", "GET", "/calls", 404, 1.0)
    after = time.time()
    assert kept.records == []  # handed over, not logged in the request thread
    time.sleep(0.05)
    lines.close()
    assert [r.getMessage() for r in kept.records] == [
        '127.0.0.1 "POST /contacts/search" 200 0.4ms', '127.0.0.1 "GET /calls" 404 1.0ms']
    assert all(before <= r.created <= after for r in kept.records)
    assert kept.records[0].name == logger.name and kept.records[0].levelno == logging.INFO


def test_access_lines_respect_the_loggers_level(logger):
    kept = Kept()
    logger.addHandler(kept)
    logger.setLevel(logging.WARNING)
    lines = AccessLines(logger, ACCESS_FORMAT, interval=60)
    lines.put("127.0.0.1", "GET", "/calls", 200, 0.1)
    lines.close()
    assert kept.records == []


def test_eight_workers_may_write_and_four_are_left_for_lookups():
    # Posted calls are group-committed as many at a time as hold a write slot: 8 share
    # one fsync (bench/run: POST /calls at 8 clients); lookups keep 4 workers whatever
    # the writes do (tests/reliability/test_write_lock.py).
    from crm_api.middleware import WRITE_SLOTS, WriteSlots
    from crm_api.server import WAITRESS_OPTIONS

    assert WRITE_SLOTS >= 8
    assert WAITRESS_OPTIONS["threads"] - WRITE_SLOTS >= 4
    slots = WriteSlots()
    assert all(slots._slots.acquire(blocking=False) for _ in range(WRITE_SLOTS))
    assert not slots._slots.acquire(blocking=False)


def test_a_batch_of_access_lines_lets_request_threads_run_in_between(logger):
    # The writer works through a batch with the GIL; a request thread waiting for it
    # would wait for the whole batch (or the switch interval, made long here). The
    # writer lets go every half millisecond, so the waiting thread runs within a few lines.
    import sys
    import threading

    class Slow(logging.Handler):  # 0.3 ms of Python per line, the GIL held throughout
        def emit(self, record: logging.LogRecord) -> None:
            end = time.perf_counter() + 0.0003
            while time.perf_counter() < end:
                pass

    logger.addHandler(Slow())
    lines = AccessLines(logger, ACCESS_FORMAT, interval=60)
    for _ in range(400):
        lines.put("127.0.0.1", "GET", "/calls", 200, 0.1)
    gaps: list[float] = []
    flushing = threading.Event()

    def request_thread() -> None:
        flushing.wait()
        last = time.perf_counter()
        while flushing.is_set():
            time.sleep(0.0001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    waiter = threading.Thread(target=request_thread)
    waiter.start()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.5)
    try:
        flushing.set()
        lines.flush()  # 400 lines: 120 ms of work
    finally:
        flushing.clear()
        sys.setswitchinterval(interval)
        waiter.join()
        lines.close()
    assert len(gaps) > 10 and max(gaps) < 0.06


def test_a_worker_that_has_answered_logs_the_waiting_lines_when_there_are_a_few(logger):
    import threading

    from crm_api.logs import SOON

    kept = Kept()
    logger.addHandler(kept)
    lines = AccessLines(logger, ACCESS_FORMAT, interval=60)
    try:
        for i in range(SOON - 1):
            lines.put("127.0.0.1", "GET", f"/calls/{i}", 200, 0.1)
        lines.after_request()
        assert kept.records == []  # too few to be worth a write each
        lines.put("127.0.0.1", "GET", f"/calls/{SOON - 1}", 200, 0.1)
        lines.after_request()
        assert [r.getMessage().split()[2] for r in kept.records] == [
            f'/calls/{i}"' for i in range(SOON)]
        # Another thread at it already: this worker goes back to its requests.
        for _ in range(SOON):
            lines.put("127.0.0.1", "GET", "/tasks", 200, 0.1)
        held = threading.Event()
        done = threading.Event()

        def holder() -> None:
            with lines._lock:
                held.set()
                done.wait(5)

        t = threading.Thread(target=holder)
        t.start()
        held.wait(5)
        lines.after_request()
        assert len(kept.records) == SOON
        done.set()
        t.join()
    finally:
        lines.close()
    assert len(kept.records) == 2 * SOON
