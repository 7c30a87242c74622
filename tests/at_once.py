"""Several threads doing their work at the same moment, for the tests of concurrency."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(work: Callable[[int], None], count: int = 8, timeout: float = 60) -> None:
    """Run ``work(0)`` ... ``work(count - 1)``, each in a thread of its own, released
    together (a barrier) once every thread has started; return when all have ended.
    A thread still running after ``timeout`` seconds fails the test (a hang is not a
    pass), and so does an exception in ``work``: recording failures is ``work``'s."""
    start = threading.Barrier(count)
    raised: list[BaseException] = []

    def run(k: int) -> None:
        try:
            start.wait(timeout)
            work(k)
        except BaseException as e:  # noqa: BLE001 - reported below, in the test's thread
            raised.append(e)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    assert not any(t.is_alive() for t in threads), f"still running after {timeout} s"
    assert not raised, raised[:3]
