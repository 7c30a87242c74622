"""Eight dialers pull GET /campaigns/{id}/next at once, beside agents posting calls.

Hand-outs are group-committed with the calls; whatever batches they end up
in, no contact may be handed out twice within its five minutes, and every
contact not flagged do-not-call is handed out exactly once before the 204.
"""

from __future__ import annotations

import threading
import time
import uuid

from shared.model import Actor, ContactRef

from .conftest import Served, call_body

DIALERS = 8
CONTACTS = 240
CAMPAIGN = "dialers"


def test_eight_dialers_never_get_the_same_contact(served: Served):
    store, actor = served.store, Actor("cli")
    store.create_campaign(CAMPAIGN, "Dialers", actor)
    companies = [store.create_company({"name": f"Dial {i:03d}"}, actor).id
                 for i in range(CONTACTS)]
    store.assign_contacts(CAMPAIGN, [ContactRef(c) for c in companies], actor)
    flagged = set(companies[::10])
    for c in flagged:
        store.set_do_not_call(ContactRef(c), True, actor)

    handed: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + 60
    stop = threading.Event()

    def dialer() -> None:
        s = served.session()
        while time.monotonic() < deadline:
            r = s.get(f"{served.url}/campaigns/{CAMPAIGN}/next", timeout=30)
            if r.status_code == 204:
                return
            with lock:
                if r.status_code != 200:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                    return
                handed.append(r.json()["contact"]["company"]["id"])

    def agent() -> None:
        # Calls without a campaign source: they share batches, not contacts.
        s = served.session()
        while not stop.is_set() and time.monotonic() < deadline:
            r = s.post(f"{served.url}/calls", json=call_body(f"dial-{uuid.uuid4()}",
                                                             new_tasks=0), timeout=30)
            if r.status_code != 201:
                with lock:
                    failures.append(f"call {r.status_code} {r.text[:200]}")
                return

    agents = [threading.Thread(target=agent) for _ in range(2)]
    dialers = [threading.Thread(target=dialer) for _ in range(DIALERS)]
    for t in agents + dialers:
        t.start()
    for t in dialers:
        t.join(90)
    stop.set()
    for t in agents:
        t.join(30)

    assert not failures, failures[:3]
    assert len(handed) == len(set(handed)), "a contact was handed out twice"
    assert set(handed) == set(companies) - flagged
