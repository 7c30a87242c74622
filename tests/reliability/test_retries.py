"""Apollo retries: the same call posted by 8 clients at once ends as one call.

One set of tags, no duplicated tasks, one 201 and the rest 200 (replaced).
"""

from __future__ import annotations

import sqlite3
import threading
import uuid

from .conftest import call_body, seed_contacts, stored_call

CLIENTS = 8
ROUNDS = 12


def _post_together(served, body, sessions) -> list[int]:
    """Every session posts ``body`` at the same moment; returns the statuses."""
    barrier = threading.Barrier(len(sessions))
    statuses: list[int | str] = [0] * len(sessions)

    def post(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            statuses[i] = sessions[i].post(served.url + "/calls", json=body, timeout=60).status_code
        except Exception as e:  # a connection error is a failure to report, not a crash
            statuses[i] = f"{type(e).__name__}: {e}"

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(sessions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=90)
    return statuses


def test_the_same_call_from_eight_clients_is_stored_once(served):
    contacts = seed_contacts(served.store, 2)
    sessions = [served.session() for _ in range(CLIENTS)]
    seen = []
    try:
        for n in range(ROUNDS):
            call_id = f"retry-{n}-{uuid.uuid4()}"
            person = contacts.persons[0] if n % 2 else None
            body = call_body(call_id, company=contacts.companies[0], person=person, tags=3,
                             new_tasks=2, do_not_call=n % 3 == 0)
            statuses = _post_together(served, body, sessions)
            seen.append((call_id, statuses))
            assert sorted(statuses, key=str) == [200] * (CLIENTS - 1) + [201], statuses
    finally:
        for s in sessions:
            s.close()

    print(f"\nretries: {ROUNDS} calls x {CLIENTS} concurrent posts = {ROUNDS * CLIENTS} requests,"
          f" {ROUNDS} created, {ROUNDS * (CLIENTS - 1)} replaced")
    conn = sqlite3.connect(served.db_path)
    try:
        for call_id, _ in seen:
            assert stored_call(conn, call_id) == (1, ["tag0", "tag1", "tag2"], 2), call_id
            attempts = conn.execute("SELECT count(*) FROM call_attempts WHERE call_id = ?",
                                    (call_id,)).fetchone()[0]
            assert attempts == 1, call_id
            actions = [r[0] for r in conn.execute(
                "SELECT action FROM audit_log WHERE entity_type = 'call' AND entity_id = ?"
                " ORDER BY pk", (call_id,))]
            assert actions == ["create"] + ["replace"] * (CLIENTS - 1), actions
        # The flag was set once per contact, however many times the call came.
        events = conn.execute("SELECT call_id, count(*) FROM dnc_events GROUP BY call_id"
                              " HAVING count(*) > 1").fetchall()
        assert events == []
    finally:
        conn.close()


def test_a_retry_with_fewer_new_tasks_withdraws_the_extra_ones(served):
    contacts = seed_contacts(served.store, 1)
    session = served.session()
    call_id = f"shrink-{uuid.uuid4()}"
    body = call_body(call_id, company=contacts.companies[0], new_tasks=3)
    assert session.post(served.url + "/calls", json=body, timeout=30).status_code == 201
    body["call"]["newTasks"] = body["call"]["newTasks"][:1]
    body["call"]["tags"] = []
    assert session.post(served.url + "/calls", json=body, timeout=30).status_code == 200
    conn = sqlite3.connect(served.db_path)
    try:
        assert stored_call(conn, call_id) == (1, [], 1)
    finally:
        conn.close()
