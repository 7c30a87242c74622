"""shared/pg_listen.py: LISTEN in a thread, callbacks per change, reconnect after an outage."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import psycopg
import pytest

from shared import pg_listen
from shared.pg_listen import Change, PgListener, parse
from shared.pg_notify_sql import NOTIFY_SQL, set_origin_sql
from tests.pg.notify_schema import minimal_schema
from tests.pg_server import PgServer, wait_until


class Recorder:
    def __init__(self) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.states: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def change(self, c: Change) -> None:
        self.changes.put(c)

    def state(self, state: str, message: str) -> None:
        with self.lock:
            self.states.append((state, message))

    def next(self, timeout: float = 1.0) -> Change:
        return self.changes.get(timeout=timeout)


@pytest.fixture
def db(pg_database) -> str:
    url = pg_database()
    with psycopg.connect(url, autocommit=True) as conn:
        minimal_schema(conn)
        conn.execute(NOTIFY_SQL)
    return url


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def listening(db: str, rec: Recorder) -> Iterator[PgListener]:
    listener = PgListener(db, rec.change, rec.state).start()
    assert listener.wait_for("connected", 10), listener.message
    yield listener
    listener.stop()


def test_change_by_another_connection_arrives_within_a_second(db, rec, listening) -> None:
    with psycopg.connect(db, autocommit=True) as w:
        w.execute(*set_origin_sql("desktop bob@PC-2"))
        w.execute("INSERT INTO persons (id) VALUES ('p-1')")
        pid = w.info.backend_pid
    change = rec.next(timeout=1.0)
    assert change == Change("persons", "p-1", "INSERT", "desktop bob@PC-2", pid)
    assert rec.states[:2] == [("connecting", ""), ("connected", "")]


def test_stop_ends_the_thread_and_reports_stopped(db, rec) -> None:
    listener = PgListener(db, rec.change, rec.state).start()
    assert listener.wait_for("connected")
    thread = listener._thread
    listener.stop()
    assert not thread.is_alive()
    assert rec.states[-1] == ("stopped", "")
    with psycopg.connect(db, autocommit=True) as w:
        count = w.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'callsheet listener'"
            " AND datname = current_database()").fetchone()[0]
    assert count == 0


def test_missing_database_is_reported_unreachable_with_the_reason(pg_server, rec) -> None:
    url = pg_server.url("no_such_database_here")
    listener = PgListener(url, rec.change, rec.state, backoff=[0.05]).start()
    try:
        assert listener.wait_for("unreachable", 10)
        assert "no_such_database_here" in listener.message
        assert "\n" not in listener.message
    finally:
        listener.stop()


def test_a_failing_callback_does_not_stop_listening(db, rec) -> None:
    calls = []

    def flaky(change: Change) -> None:
        calls.append(change)
        if len(calls) == 1:
            raise RuntimeError("boom")
        rec.change(change)

    listener = PgListener(db, flaky, rec.state).start()
    try:
        assert listener.wait_for("connected")
        with psycopg.connect(db, autocommit=True) as w:
            w.execute("INSERT INTO companies (id) VALUES ('c-1')")
            w.execute("INSERT INTO companies (id) VALUES ('c-2')")
        assert rec.next().id == "c-2"
    finally:
        listener.stop()


def test_server_going_away_reports_unreachable_then_reconnects(monkeypatch) -> None:
    """A server of its own: stopping the session's server would break other tests."""
    monkeypatch.setattr(pg_listen, "HEALTH_CHECK_S", 0.5)
    server = PgServer().start()
    rec = Recorder()
    try:
        url = server.create_database("outage")
        with psycopg.connect(url, autocommit=True) as conn:
            minimal_schema(conn)
            conn.execute(NOTIFY_SQL)
        listener = PgListener(url, rec.change, rec.state, backoff=[0.1, 0.2]).start()
        try:
            assert listener.wait_for("connected")
            server.pause()
            assert listener.wait_for("unreachable", 10)
            assert listener.message
            server.resume()
            assert listener.wait_for("connected", 10), listener.message
            with psycopg.connect(url, autocommit=True) as w:
                w.execute("INSERT INTO tasks (id) VALUES ('after')")
            assert rec.next(timeout=2).id == "after"
            states = [s for i, (s, _) in enumerate(rec.states)
                      if i == 0 or rec.states[i - 1][0] != s]
            assert states[:4] == ["connecting", "connected", "unreachable", "connected"]
        finally:
            listener.stop()
    finally:
        server.stop()


@pytest.mark.parametrize("payload", ["", "not json", "[1, 2]", '{"id": "x"}', '{"table": 5}'])
def test_payloads_that_are_not_ours_are_ignored(payload) -> None:
    assert parse(payload, 1) is None


def test_payload_with_numeric_id_and_missing_origin() -> None:
    assert parse('{"table": "screen_pops", "id": 7, "op": "INSERT"}', 42) == Change(
        "screen_pops", "7", "INSERT", "", 42)


def test_channel_must_be_a_plain_name() -> None:
    with pytest.raises(ValueError, match="channel"):
        PgListener("postgresql://x", lambda c: None, channel="x; DROP TABLE y")


def test_wait_until_helper_times_out() -> None:
    assert wait_until(lambda: False, timeout=0.05) is False
