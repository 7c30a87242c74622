"""The database server going away under write load: 503 with Retry-After while it is
down, never an acknowledgement for a call that was not committed, and after a
restart every acknowledged call is there.

This test starts a PostgreSQL server of its own (the session's is shared by the
other tests) and restarts it under ``callsheet-api serve`` while four clients
post calls, retrying on 503 as Apollo does.
"""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest
import requests

from tests.pg_server import PgServer, PgUnavailable
from tests.reliability.conftest import API_KEY, call_body, serve_process

POSTERS = 4


@pytest.fixture
def own_server():
    server = PgServer()
    try:
        server.start()
    except PgUnavailable as e:
        pytest.fail(str(e), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


def test_a_restart_under_write_load_loses_no_acknowledged_call(own_server: PgServer):
    url = own_server.create_database()
    acked: set[str] = set()
    failures: list[str] = []
    unavailable: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    with serve_process(url) as child:
        def poster() -> None:
            s = requests.Session()
            s.headers["Authorization"] = f"Bearer {API_KEY}"
            while not stop.is_set():
                call_id = f"restart-{uuid.uuid4()}"
                body = call_body(call_id, tags=1, new_tasks=0)
                while not stop.is_set():  # Apollo retries until it is acknowledged
                    r = s.post(f"{child.url}/calls", json=body, timeout=60)
                    if r.status_code in (200, 201):
                        with lock:
                            acked.add(call_id)
                        break
                    if r.status_code == 503 and r.headers.get("Retry-After"):
                        with lock:
                            unavailable.append(time.monotonic())
                        time.sleep(0.05)
                        continue
                    with lock:
                        failures.append(f"{r.status_code} {r.text[:200]}")
                    return

        threads = [threading.Thread(target=poster) for _ in range(POSTERS)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        before = len(acked)
        own_server.pause()
        down_at = time.monotonic()
        time.sleep(1.5)
        # Reads say so too, with the same header.
        r = requests.get(f"{child.url}/companies/{uuid.uuid4()}",
                         headers={"Authorization": f"Bearer {API_KEY}"}, timeout=30)
        assert r.status_code == 503 and r.headers.get("Retry-After"), r.text
        assert "PostgreSQL" in r.json()["message"] or "unreachable" in r.json()["message"]
        during = len(acked)
        own_server.resume()
        time.sleep(2.0)
        stop.set()
        for t in threads:
            t.join(60)
    assert not failures, failures[:3]
    assert before > 0 and len(acked) > during, (before, during, len(acked))
    assert any(t > down_at for t in unavailable), "no 503 while the server was down"
    with psycopg.connect(url) as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM calls")}
    missing = acked - stored
    assert not missing, f"{len(missing)} acknowledged calls are missing"
