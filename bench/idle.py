"""Keep the CPUs out of deep idle states while the bench runs (PM QoS).

On a virtual machine an idle CPU halts, and waking it costs the hypervisor a
round trip: on this bench's VM (cpuidle driver ``haltpoll``) that put some 50 us
on the median and 100 us on the p99 of a one-client lookup, and the CPU time of
every halt and wake-up on the server's own clock, most where a request waits a
moment (a PostgreSQL round trip, a WAL flush). That is the machine's, not the
software's, and differs from machine to machine. Holding ``/dev/cpu_dma_latency``
at 0 (the kernel's PM QoS interface; what tuned's latency-performance profile and
cyclictest do) lets an idle CPU poll instead, for as long as the file stays open.
Every row and its baseline run under the same setting, so the ratios compare
software with software. ``bench/run --idle-states`` leaves the machine as it is.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PM_QOS = Path("/dev/cpu_dma_latency")


@contextmanager
def held_awake(wanted: bool = True) -> Iterator[str]:
    """While the block runs, idle CPUs poll (when ``wanted`` and permitted). Yields a
    few words for the bench's header saying which it is."""
    if not wanted:
        yield "CPU idle states: as the machine has them"
        return
    try:
        fd = os.open(PM_QOS, os.O_WRONLY)
    except OSError as e:
        yield f"CPU idle states: as the machine has them ({PM_QOS}: {e.strerror})"
        return
    try:
        # The request holds only while the file is open: the kernel drops it on close.
        os.write(fd, struct.pack("i", 0))
        yield f"CPU idle states: held at polling ({PM_QOS} = 0)"
    finally:
        os.close(fd)
