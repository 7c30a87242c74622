"""A small, cheap HTTP/1.1 load client for the benchmarks.

Raw keep-alive sockets, one per client thread, requests pre-encoded as
bytes, responses read by Content-Length: the client spends a few
microseconds per request, so the server is what gets measured. Run it
pinned to its own core (``taskset``); ``cpu_seconds`` reports what it used.
"""

from __future__ import annotations

import resource
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


def build_request(method: str, path: str, host: str, headers: dict[str, str] | None = None,
                  body: bytes | None = None) -> bytes:
    """One HTTP/1.1 keep-alive request as bytes."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


class Connection:
    """A keep-alive connection that sends prepared requests and reads whole responses."""

    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.addr = (host, port)
        self.timeout = timeout
        self.sock: socket.socket | None = None
        self.buf = b""

    def _connect(self) -> socket.socket:
        sock = socket.create_connection(self.addr, timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def send(self, request: bytes) -> tuple[int, bytes]:
        """Send one request; returns (status, body). Reconnects once if the server closed."""
        for attempt in (1, 2):
            if self.sock is None:
                self.sock = self._connect()
                self.buf = b""
            try:
                self.sock.sendall(request)
                return self._read()
            except (TimeoutError, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _read(self) -> tuple[int, bytes]:
        assert self.sock is not None
        buf = self.buf
        while True:
            end = buf.find(b"\r\n\r\n")
            if end >= 0:
                break
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            buf += chunk
        head = buf[:end].decode("latin-1")
        status = int(head[9:12])
        length = 0
        close = chunked = False
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.strip().lower() == "close":
                close = True
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
        start = end + 4
        if chunked:
            return status, self._read_chunked(buf[start:], close)
        while len(buf) < start + length:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            buf += chunk
        body = buf[start:start + length]
        self.buf = buf[start + length:]
        if close:
            self.close()
        return status, body

    def _read_chunked(self, buf: bytes, close: bool) -> bytes:
        assert self.sock is not None
        body = b""
        while True:
            while b"\r\n" not in buf:
                buf += self._recv()
            line, buf = buf.split(b"\r\n", 1)
            size = int(line.split(b";")[0], 16)
            while len(buf) < size + 2:
                buf += self._recv()
            body += buf[:size]
            buf = buf[size + 2:]
            if size == 0:
                # No trailers expected; the blank line was consumed with the last chunk.
                break
        self.buf = buf
        if close:
            self.close()
        return body

    def _recv(self) -> bytes:
        assert self.sock is not None
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        return chunk

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


@dataclass
class LoadResult:
    """What one load run measured."""

    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    bodies: list[bytes] = field(default_factory=list)
    # Seconds from the start of the measured window to the last counted response.
    active_seconds: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, int(q / 100 * len(ordered) + 0.5) - 1))]


def run_load(host: str, port: int, make_request: Callable[[int, int], bytes], *,
             clients: int, duration: float, ok: Sequence[int] = (200,),
             keep_bodies: bool = False, warmup: float = 0.5,
             max_requests: int | None = None, stop_on: Sequence[int] = ()) -> LoadResult:
    """``clients`` threads, each sending ``make_request(client, n)`` back to back.

    The first ``warmup`` seconds are not counted. Stops after ``duration``
    seconds (or ``max_requests`` per client); a client also stops at its first
    response with a status in ``stop_on`` (e.g. 204: nothing left to hand out).
    """
    lock = threading.Lock()
    result = LoadResult(seconds=duration)
    start_gate = threading.Barrier(clients + 1)
    t_measure = [0.0]
    t_end = [0.0]

    def worker(c: int) -> None:
        conn = Connection(host, port)
        lat: list[float] = []
        bodies: list[bytes] = []
        statuses: dict[int, int] = {}
        errors = 0
        samples: list[str] = []
        last = 0.0
        n = 0
        start_gate.wait()
        perf = time.perf_counter
        try:
            while True:
                now = perf()
                if now >= t_end[0] or (max_requests is not None and n >= max_requests):
                    break
                req = make_request(c, n)
                n += 1
                t0 = perf()
                try:
                    status, body = conn.send(req)
                except OSError as e:
                    errors += 1
                    if len(samples) < 3:
                        samples.append(f"{type(e).__name__}: {e}")
                    continue
                t1 = perf()
                if status in stop_on:
                    break
                if t0 >= t_measure[0]:
                    last = t1
                    lat.append((t1 - t0) * 1000)
                    statuses[status] = statuses.get(status, 0) + 1
                    if status not in ok:
                        errors += 1
                        if len(samples) < 3:
                            samples.append(f"{status}: {body[:200]!r}")
                    if keep_bodies:
                        bodies.append(body)
        finally:
            conn.close()
        with lock:
            result.latencies_ms.extend(lat)
            result.bodies.extend(bodies)
            for s, k in statuses.items():
                result.statuses[s] = result.statuses.get(s, 0) + k
            result.errors += errors
            result.error_samples.extend(samples)
            if last:
                result.active_seconds = max(result.active_seconds, last - t_measure[0])

    threads = [threading.Thread(target=worker, args=(c,), daemon=True) for c in range(clients)]
    for t in threads:
        t.start()
    cpu0 = _cpu()
    now = time.perf_counter()
    t_measure[0] = now + warmup
    t_end[0] = now + warmup + duration
    start_gate.wait()
    for t in threads:
        t.join(duration + warmup + 30)
    result.cpu_seconds = _cpu() - cpu0
    # Requests after a client stopped measuring are not counted: seconds is the window.
    result.seconds = duration
    return result


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
