"""Two ``callsheet-api serve`` processes on one PostgreSQL database behave as one service.

Apollo's dialers and agents are spread over both: no contact is handed out twice,
and a call posted eight times at once (retries landing on either server) is
stored once, with its tags and its callback once.
"""

from __future__ import annotations

import threading
import time
import uuid
from contextlib import ExitStack

import requests

from shared.database import connect
from shared.model import Actor, ContactRef
from shared.store import Store
from tests.reliability.conftest import API_KEY, CAMPAIGN, call_body, serve_process, stored_call

DIALERS = 8
CONTACTS = 120
ROUNDS = 10


def _session() -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {API_KEY}"
    return s


def test_two_servers_eight_dialers_each_contact_once_and_one_call_stored_once(pg_database):
    url = pg_database()
    store = Store(connect(url))
    actor = Actor("cli")
    store.create_campaign(CAMPAIGN, "Two servers", actor)
    companies = [store.create_company({"name": f"Dial {i:03d}"}, actor).id
                 for i in range(CONTACTS)]
    store.assign_contacts(CAMPAIGN, [ContactRef(c) for c in companies], actor)
    flagged = set(companies[::12])
    for c in flagged:
        store.set_do_not_call(ContactRef(c), True, actor)

    with ExitStack() as stack:
        servers = [stack.enter_context(serve_process(url)).url for _ in range(2)]
        handed: list[tuple[int, str]] = []
        failures: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + 90

        def dialer(n: int) -> None:
            s, base = _session(), servers[n % 2]
            while time.monotonic() < deadline:
                r = s.get(f"{base}/campaigns/{CAMPAIGN}/next", timeout=30)
                if r.status_code == 204:
                    return
                with lock:
                    if r.status_code != 200:
                        failures.append(f"{r.status_code} {r.text[:200]}")
                        return
                    handed.append((n % 2, r.json()["contact"]["company"]["id"]))

        threads = [threading.Thread(target=dialer, args=(n,)) for n in range(DIALERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not failures, failures[:3]
        ids = [c for _, c in handed]
        assert len(ids) == len(set(ids)), "a contact was handed out twice"
        assert set(ids) == set(companies) - flagged
        assert {server for server, _ in handed} == {0, 1}  # both servers handed out

        # One call, posted by eight clients at the same moment over both servers; a few
        # rounds, so that the two servers' transactions really meet.
        for round_ in range(ROUNDS):
            call_id = f"eight-{round_}-{uuid.uuid4()}"
            body = call_body(call_id, company=companies[1], tags=3, new_tasks=1)
            start = threading.Barrier(8)
            answers: list[int] = []

            def post(n: int, body=body, start=start, answers=answers) -> None:
                s = _session()
                start.wait()
                r = s.post(f"{servers[n % 2]}/calls", json=body, timeout=60)
                with lock:
                    answers.append(r.status_code)

            posters = [threading.Thread(target=post, args=(n,)) for n in range(8)]
            for t in posters:
                t.start()
            for t in posters:
                t.join(90)
            # Once created, seven times replaced (never two rows, never a 500).
            assert sorted(answers) == [200] * 7 + [201], (round_, answers)
            n, tags, tasks = stored_call(store.db, call_id)
            assert (n, tags, tasks) == (1, ["tag0", "tag1", "tag2"], 1)
    store.close()
