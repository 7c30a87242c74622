"""The tests' concurrency helper fails on a hang or an exception, not only on results."""

import threading
import time

import pytest

from tests.at_once import at_once


def test_every_thread_runs_and_they_start_together():
    started: list[float] = []
    lock = threading.Lock()

    def work(k: int) -> None:
        with lock:
            started.append(time.monotonic())

    at_once(work, count=4)
    assert len(started) == 4 and max(started) - min(started) < 1


def test_a_hang_or_an_exception_fails():
    release = threading.Event()
    with pytest.raises(AssertionError, match="still running"):
        at_once(lambda k: release.wait(5) if k == 0 else None, count=2, timeout=0.2)
    release.set()
    with pytest.raises(AssertionError, match="boom"):
        at_once(lambda k: (_ for _ in ()).throw(RuntimeError("boom")), count=2)
