"""Serving the API with Waitress in a background thread, stoppable cleanly."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher

from .bodies import MAX_BODY

# A connection must deliver a whole request this long after its first byte, and
# may stay silent at most this long (between requests, or before the first byte).
# Apollo sends a request at once; a socket that trickles or stalls is closed.
REQUEST_SECONDS = 8

# Waitress reads requests asynchronously and hands only complete ones to its
# worker threads, so a client that trickles headers or never finishes its
# body holds a socket, not a worker (tests/reliability/test_slow_clients.py).
WAITRESS_OPTIONS = dict(
    # Writes queue on SQLite's one write lock anyway: at most middleware.WRITE_SLOTS (8) of
    # them wait for it or do writes, so 4 always keep lookups flowing beside them.
    threads=12,
    # A connection silent this long, mid-request or idle between keep-alive requests,
    # is closed (checked every cleanup_interval); REQUEST_SECONDS also bounds one that
    # trickles. With the 1 s loop that is at most ~10 s after its last byte.
    channel_timeout=REQUEST_SECONDS,
    cleanup_interval=1,
    # At this many connections the one waiting longest without a request is closed
    # to let the next one in (see _Server.readable): sockets that send nothing cannot
    # lock Apollo out, and file descriptors stay bounded.
    connection_limit=256,
    max_request_header_size=64 * 1024,
    # Waitress refuses a larger body from its Content-Length (or as a chunked body
    # grows past it) before reading it, without a key: 413 as JSON (_JsonErrorTask).
    # It refuses at >= this, so exactly MAX_BODY bytes still reach the app.
    max_request_body_size=MAX_BODY + 1,
    asyncore_use_poll=True,
    ident="Callsheet",
    expose_tracebacks=False,
)


_MESSAGES = {
    413: f"The body is larger than {MAX_BODY} bytes.",
    431: "The request headers are too large.",
    500: "Callsheet hit an internal error; it has been logged.",
}


class _JsonErrorTask(ErrorTask):
    """Waitress's own answers (413 before a body is read, 400 for a malformed
    request, 431) as ``{"message": ...}`` JSON, like every other answer of the API."""

    def execute(self) -> None:
        e = self.request.error
        message = _MESSAGES.get(e.code) or f"The request is malformed: {e.body}."
        body = json.dumps({"message": message}).encode()
        self.status = f"{e.code} {e.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


# Output a worker is still writing that the main loop leaves to it (see _Channel.writable):
# far below Waitress's high watermark (16 MiB), where a writing worker waits for the loop.
LOOP_FLUSHES_FROM = 1 << 20


class _Channel(HTTPChannel):
    """A connection that remembers when the request it is receiving began."""

    error_task_class = _JsonErrorTask
    request_started = 0.0

    def writable(self) -> bool:
        # While a worker answers a request it sends its own output (write_soon flushes at
        # once). Waitress's loop also saw that output as writable for the moment the worker
        # spent in send() without the GIL, found the worker holding the buffer's lock,
        # polled again at once, and so spun, taking the GIL from the very worker it was
        # waiting for: 35-80 loop passes per API request, most of the server's CPU. The
        # worker wakes the loop when it is done (service() pulls the trigger) and the loop
        # sends whatever is left then; it helps before that only with a large answer.
        if (self.requests and self.total_outbufs_len < LOOP_FLUSHES_FROM
                and not (self.will_close or self.close_when_flushed)):
            return False
        return bool(super().writable())

    def service(self) -> None:
        super().service()
        # The answer is sent (the worker sends its own output): work for later, such as
        # the access log's, costs the caller nothing now.
        if self.server.after_request is not None:
            self.server.after_request()

    def received(self, data: bytes) -> bool:
        before = self.request
        out = super().received(data)
        if self.request is not None and self.request is not before:
            self.request_started = time.time()
        return out


class _Server(TcpWSGIServer):
    """Waitress with a deadline per request and room for new connections at the limit."""

    channel_class = _Channel
    # Called by a worker once it has sent an answer (ApiServer's after_request).
    after_request: Callable[[], None] | None = None

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # closes connections silent for channel_timeout
        cutoff = now - REQUEST_SECONDS
        for channel in list(self.active_channels.values()):
            # A request still arriving after REQUEST_SECONDS: a trickler, never Apollo.
            if (not channel.requests and channel.request is not None
                    and channel.request_started < cutoff):
                channel.will_close = True

    def readable(self) -> bool:
        if self.accepting and len(self._map) >= self.adj.connection_limit:
            self._make_room()
        return super().readable()

    def _make_room(self) -> None:
        """Close the connection waiting longest without a request in hand, unless one
        is already closing: idle sockets then cost an attacker churn, not our callers."""
        waiting = [c for c in self.active_channels.values() if not c.requests]
        if not waiting or any(c.will_close for c in waiting):
            return
        oldest = min(waiting, key=lambda c: c.request_started if c.request is not None
                     else c.last_activity)
        oldest.will_close = True


class _QueueLog:
    """Waitress's "Task queue depth is N" warnings, only for a queue longer than the
    workers: with keep-alive clients a request often arrives while the worker that
    answered the last one is still finishing (its access line), which Waitress warned
    about for a third of all requests to PostgreSQL under load, at the cost of a log
    record each."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.log = logging.getLogger("waitress.queue")

    def warning(self, msg: str, depth: int) -> None:
        if depth > self.workers:
            self.log.warning(msg, depth)


class ApiServer:
    """A Waitress server for ``app`` on ``host:port`` (0: any free port)."""

    def __init__(self, app: object, host: str, port: int, *,
                 after_request: Callable[[], None] | None = None, **options: object) -> None:
        """``after_request``, when given, runs in the worker thread after each answer
        has been sent."""
        adj = Adjustments(host=host, port=port, **(WAITRESS_OPTIONS | options))
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(adj.threads)
        dispatcher.queue_logger = _QueueLog(adj.threads)  # type: ignore[assignment]
        # One listening socket: the first address the host resolves to.
        self._server = _Server(app, {}, dispatcher=dispatcher, adj=adj,
                               sockinfo=adj.listen[0])
        self._server.after_request = after_request
        self.host = host
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port it listens on (the real one when 0 was asked for)."""
        return int(self._server.effective_port)  # type: ignore[union-attr]

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> ApiServer:
        """Serve in a daemon thread; returns at once."""
        self._thread = threading.Thread(target=self._run, name="callsheet-api", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._server.run()
        except (OSError, ValueError):
            # close() from another thread ends the loop with a closed-socket error.
            pass

    def serve_forever(self) -> None:
        """Serve in the calling thread until stop() is called."""
        self._run()

    def stop(self) -> None:
        """Stop accepting, close every connection, wait for the thread."""
        self._server.close()
        # close() ends only the listening socket: the loop would go on answering open
        # keep-alive connections until channel_timeout. Let requests in progress
        # finish (at most 5 s), then close every connection so the loop ends now.
        self._server.task_dispatcher.shutdown()  # type: ignore[union-attr]
        channels = getattr(self._server, "_map", None) or getattr(self._server, "map", {})
        wasyncore.close_all(channels, ignore_all=True)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
