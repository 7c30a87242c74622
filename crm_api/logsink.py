"""Log output that never stops the server: lines go to a writer thread, and are
dropped (and counted) while nobody reads them.

A server started with its stdout/stderr on a pipe that nobody reads (a service
manager gone wrong, ``subprocess.Popen(stdout=PIPE)``) would otherwise block in
its first log call once the pipe's 64 KiB are full: every worker thread waits in
``logging`` and the API stops answering. Here a request only ever puts a line on
a bounded queue; one thread writes them with ``os.write`` on a duplicate of the
descriptor, so a write that blocks holds no lock anyone else needs (not even
the interpreter's at exit).
"""

from __future__ import annotations

import io
import logging
import os
import queue
import sys
import threading
import time
from typing import TextIO

from shared.logfiles import Formatter, RedactSecrets

FORMAT = "%(asctime)s %(name)s %(message)s"


class DroppingHandler(logging.Handler):
    """A handler that hands formatted lines to a writer thread, never blocking."""

    def __init__(self, stream: TextIO, *, capacity: int = 10_000) -> None:
        super().__init__()
        self.stream = stream
        try:
            self._fd: int | None = os.dup(stream.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            self._fd = None  # an in-memory stream (tests): written as it is, it cannot block
        self._lines: queue.Queue[str | None] = queue.Queue(capacity)
        self._dropped = 0
        self._thread = threading.Thread(target=self._write_lines, name="log-writer",
                                        daemon=True)
        self._thread.start()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # a bad format argument must not cost the request
            return
        try:
            self._lines.put_nowait(line)
        except queue.Full:
            self._dropped += 1

    def emit_lines(self, lines: list[str]) -> None:
        """Hand ``lines`` (formatted already: shared.loglines) to the writer as one piece."""
        try:
            self._lines.put_nowait("".join(line + "\n" for line in lines))
        except queue.Full:
            self._dropped += len(lines)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        # logging's default prints to sys.stderr: the very stream that may be blocked.
        pass

    def _write_lines(self) -> None:
        while True:
            batch = [self._lines.get()]
            # Whatever else is queued goes out in the same write: one system call (and
            # one release of the GIL) per batch rather than per line, which under load
            # cost the server's worker threads more than the lines themselves.
            while batch[-1] is not None and len(batch) < 1000:
                try:
                    batch.append(self._lines.get_nowait())
                except queue.Empty:
                    break
            try:
                text = "".join(line for line in batch if line is not None)
                if text and self._dropped:
                    dropped, self._dropped = self._dropped, 0
                    text = (f"({dropped} log lines dropped: nobody was reading this output)\n"
                            + text)
                if text and self._fd is None:
                    self.stream.write(text)
                    self.stream.flush()
                elif text:
                    data = text.encode("utf-8", "backslashreplace")
                    while data:
                        data = data[os.write(self._fd, data):]
            except (OSError, ValueError):
                pass  # the reader is gone (EPIPE): nothing to tell, nobody to tell it
            finally:
                for _ in batch:
                    self._lines.task_done()
            if batch[-1] is None:
                break

    def close(self) -> None:
        """Stop the writer thread once it has written what is queued (if it can)."""
        try:
            self._lines.put_nowait(None)
        except queue.Full:
            pass
        super().close()

    def flush(self, timeout: float = 1.0) -> None:
        """Wait up to ``timeout`` seconds for the queued lines to be written."""
        deadline = time.monotonic() + timeout
        while self._lines.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)


def _replace(logger: logging.Logger, stream: TextIO) -> None:
    """Remove the DroppingHandlers a logger already has (a second serve in one process)."""
    for h in list(logger.handlers):
        if isinstance(h, DroppingHandler):
            h.flush()
            logger.removeHandler(h)
            h.close()


def install(level: int = logging.INFO) -> DroppingHandler:
    """Send the root logger's records to stderr through a DroppingHandler."""
    root = logging.getLogger()
    root.setLevel(level)
    for h in root.handlers:
        # Installed already for this stderr (the CLI, then its serve command): keep it,
        # with the secrets its filter has learnt.
        if isinstance(h, DroppingHandler) and h.stream is sys.stderr:
            return h
    _replace(root, sys.stderr)
    handler = DroppingHandler(sys.stderr)
    handler.setFormatter(Formatter(FORMAT))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    return handler


def console(name: str = "callsheet.serve") -> tuple[logging.Logger, DroppingHandler]:
    """A logger whose messages go to stdout as they are (no time, no name), never blocking."""
    out = logging.getLogger(name)
    _replace(out, sys.stdout)
    handler = DroppingHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(message)s"))
    out.addHandler(handler)
    out.setLevel(logging.INFO)
    out.propagate = False
    return out, handler
