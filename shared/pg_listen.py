"""Listen for changes other people make to a shared PostgreSQL database.

One dedicated connection LISTENs on `shared.pg_notify_sql.CHANNEL`; a daemon thread
turns each notification into a `Change` and hands it to a callback. When the server goes
away the thread reports "unreachable", retries with a growing pause, LISTENs again and
reports "connected": the caller then reloads its views, because notifications sent
while nobody listened are lost for good.

Modelled on GNUmed's backend listener (`gmBackendListener.py`), with psycopg 3's
`Connection.notifies()` instead of select() + poll(). No Qt here: crm_desktop bridges
the callbacks into signals.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import psycopg

from .pg_notify_sql import CHANNEL

log = logging.getLogger("callsheet.pg_listen")

State = Literal["connecting", "connected", "unreachable", "stopped"]

# Pauses between reconnection attempts, in seconds; the last one repeats.
BACKOFF: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0, 10.0)

# How long one wait for notifications lasts before the thread looks at its stop flag and,
# when idle for a while, checks that the server still answers.
WAIT_S = 0.25
HEALTH_CHECK_S = 5.0

# libpq's TCP keepalives, so a server that vanished without closing the connection (a
# pulled cable, a VM that froze) is noticed within about half a minute, not hours.
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
             "keepalives_count": 3}


@dataclass(frozen=True)
class Change:
    """One committed change, as the NOTIFY trigger reported it.

    `id` is None when a statement changed many rows of `table` at once. `pid` is the
    PostgreSQL backend process of the writer (a store can compare it with its own
    connections' pids to skip its own writes); `origin` is the writer's `callsheet.origin`
    or application name.
    """

    table: str
    id: str | None
    op: str
    origin: str
    pid: int
    person_id: str | None = None
    company_id: str | None = None
    campaign_id: str | None = None


def parse(payload: str, pid: int) -> Change | None:
    """The Change a notification payload describes, or None when it is not one of ours."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("table"), str):
        return None
    return Change(
        table=data["table"],
        id=_text(data.get("id")),
        op=str(data.get("op") or ""),
        origin=str(data.get("origin") or ""),
        pid=pid,
        person_id=_text(data.get("person_id")),
        company_id=_text(data.get("company_id")),
        campaign_id=_text(data.get("campaign_id")),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class PgListener:
    """A thread that LISTENs on one channel and reconnects when the server comes back.

    `on_change(Change)` and `on_state(state, message)` run on the listener thread: keep
    them short and thread-safe (a Qt bridge just emits a signal). `message` is the
    connection error when the state is "unreachable", else "".
    """

    def __init__(
        self,
        url: str,
        on_change: Callable[[Change], None],
        on_state: Callable[[State, str], None] | None = None,
        *,
        channel: str = CHANNEL,
        backoff: Sequence[float] = BACKOFF,
        connect_timeout: int = 5,
        application_name: str = "callsheet listener",
    ) -> None:
        if not channel.isidentifier():
            raise ValueError(f"not a plain channel name: {channel!r}")
        self.url = url
        self.channel = channel
        self._on_change = on_change
        self._on_state = on_state
        self._backoff = tuple(backoff) or BACKOFF
        self._connect_kw = {"connect_timeout": connect_timeout,
                            "application_name": application_name, **KEEPALIVE}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn: psycopg.Connection | None = None
        self.state: State = "stopped"
        self.message = ""
        self.backend_pid: int | None = None
        self.notifications = 0

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> PgListener:
        """Start listening in a daemon thread (returns at once; watch `on_state`)."""
        if self._thread is not None:
            return self
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="callsheet-pg-listen",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening, close the connection and wait for the thread to end."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.error("the listener thread did not stop within %s s", timeout)
        self._set_state("stopped", "")

    def wait_for(self, state: State, timeout: float = 10.0) -> bool:
        """Block until the listener reaches `state` (for tests and start-up); True if so."""
        deadline = time.monotonic() + timeout
        while self.state != state and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.state == state

    # -- the thread --------------------------------------------------------------------------

    def _set_state(self, state: State, message: str) -> None:
        if state == self.state and message == self.message:
            return
        self.state, self.message = state, message
        if self._on_state is not None:
            try:
                self._on_state(state, message)
            except Exception:  # a broken callback must not end the listening
                log.exception("listener state callback failed")

    def _run(self) -> None:
        attempt = 0
        self._set_state("connecting", "")
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(self.url, autocommit=True, **self._connect_kw)
            except psycopg.Error as e:
                self._set_state("unreachable", _one_line(e))
                pause = self._backoff[min(attempt, len(self._backoff) - 1)]
                attempt += 1
                self._stop.wait(pause)
                continue
            attempt = 0
            try:
                self._listen(conn)
            except psycopg.Error as e:
                if not self._stop.is_set():
                    log.warning("lost the shared database: %s", _one_line(e))
                    self._set_state("unreachable", _one_line(e))
                    # A first pause, so a server that is restarting is not hammered.
                    self._stop.wait(self._backoff[0])
            finally:
                self._conn = None
                self.backend_pid = None
                try:
                    conn.close()
                except psycopg.Error:
                    pass

    def _listen(self, conn: psycopg.Connection) -> None:
        self._conn = conn
        self.backend_pid = conn.info.backend_pid
        conn.execute(f"LISTEN {self.channel}")
        self._set_state("connected", "")
        idle = 0.0
        while not self._stop.is_set():
            got = 0
            # Ends after WAIT_S without a notification; raises when the connection breaks.
            for note in conn.notifies(timeout=WAIT_S):
                got += 1
                self.notifications += 1
                change = parse(note.payload, note.pid)
                if change is None:
                    continue
                try:
                    self._on_change(change)
                except Exception:
                    log.exception("listener change callback failed")
                if self._stop.is_set():
                    return
            idle = 0.0 if got else idle + WAIT_S
            if idle >= HEALTH_CHECK_S:
                # A server shut down cleanly closes the socket and notifies() raises; this
                # round trip catches the rest (a restarted server, a dropped connection).
                idle = 0.0
                conn.execute("SELECT 1")


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
