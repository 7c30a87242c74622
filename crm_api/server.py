"""Serving the API with Waitress in a background thread, stoppable cleanly."""

from __future__ import annotations

import threading

from waitress import wasyncore
from waitress.server import create_server

from .bodies import MAX_BODY

# Waitress reads requests asynchronously and hands only complete ones to its
# worker threads, so a client that trickles headers or never finishes its
# body holds a socket, not a worker (tests/reliability/test_slow_clients.py).
WAITRESS_OPTIONS = dict(
    # Writes queue on SQLite's one write lock anyway; 8 keeps lookups flowing beside them.
    threads=8,
    # A connection silent this long, mid-request or idle between keep-alive requests,
    # is closed (checked every cleanup_interval). Apollo sends a request at once or
    # reconnects; a stalled or vanished client must not hold its socket for long.
    channel_timeout=30,
    cleanup_interval=5,
    # A client that trickles a byte now and then never goes quiet: this cap on
    # connections is what bounds how many such sockets it can hold.
    connection_limit=256,
    max_request_header_size=64 * 1024,
    # Bodies up to this size reach the app, which answers 413 as JSON above 1 MiB.
    max_request_body_size=8 * MAX_BODY,
    asyncore_use_poll=True,
    ident="Callsheet",
    expose_tracebacks=False,
)


class ApiServer:
    """A Waitress server for ``app`` on ``host:port`` (0: any free port)."""

    def __init__(self, app: object, host: str, port: int, **options: object) -> None:
        self._server = create_server(app, host=host, port=port,
                                     **(WAITRESS_OPTIONS | options))
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
