"""GET /campaigns/{id}/contacts, /tasks (with its filters) and /next (the dialer)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from shared.model import Actor, ContactRef

CLI = Actor("cli")


def _campaign(api, contacts: str = "crm", tasks: str = "crm") -> str:
    cid = f"camp_{uuid.uuid4().hex[:8]}"
    api.store.create_campaign(cid, "Campaign", CLI, contacts_source=contacts,
                              tasks_source=tasks)
    return cid


def _task(api, campaign: str, ref: ContactRef, when: str, scheduled: bool = False) -> str:
    ts = datetime.fromisoformat(when.replace("Z", "+00:00"))
    return api.store.add_task(campaign, ref, ts, CLI, scheduled=scheduled).id


def test_contacts_lists_assigned_contacts_without_do_not_call(api):
    camp = _campaign(api)
    c1 = api.company(name="Aaa GmbH", country="DE")
    c2 = api.company(name="Bbb GmbH")
    p1 = api.person(c2, firstName="Carl", lastName="Zed")
    p2 = api.person(None, firstName="Dora", lastName="Private")
    api.store.assign_contacts(camp, [ContactRef(c1), ContactRef(None, p1),
                                     ContactRef(None, p2)], CLI)
    api.store.set_do_not_call(ContactRef(None, p2), True, CLI, reason="asked")
    r = api.get(f"/campaigns/{camp}/contacts")
    assert r.status_code == 200
    assert r.json() == {"contacts": [
        {"company": {"id": c1, "displayName": "Aaa GmbH (DE)"}, "person": None},
        {"company": {"id": c2, "displayName": "Bbb GmbH"},
         "person": {"id": p1, "displayName": "Carl Zed"}},
    ]}


def test_contacts_unknown_campaign_404_and_apollo_source_400(api):
    r = api.get("/campaigns/nope/contacts")
    assert r.status_code == 404 and "nope" in r.json()["message"]
    camp = _campaign(api, contacts="apollo")
    r = api.get(f"/campaigns/{camp}/contacts")
    assert r.status_code == 400
    assert "not the contact source" in r.json()["message"]


@pytest.fixture(scope="module")
def tasks_campaign(api):
    camp = _campaign(api)
    cid = api.company(name="Task GmbH")
    ref = ContactRef(cid)
    ids = {
        "a": _task(api, camp, ref, "2026-12-01T00:00:00Z", scheduled=True),
        "b": _task(api, camp, ref, "2026-12-01T09:30:00Z"),
        "c": _task(api, camp, ref, "2026-12-02T00:00:00Z", scheduled=True),
        "d": _task(api, camp, ref, "2026-12-02T08:00:00Z"),
    }
    closed = _task(api, camp, ref, "2026-12-01T10:00:00Z")
    api.store.close_task(closed, CLI)
    return camp, ids, cid


def _ids(r, ids):
    names = {v: k for k, v in ids.items()}
    return "".join(names[t["id"]] for t in r.json()["tasks"])


@pytest.mark.parametrize("query, expected", [
    ("", "abcd"),
    ("?from=2026-12-01T09:30:00Z", "bcd"),            # from is inclusive
    ("?to=2026-12-02T00:00:00Z", "ab"),               # to is exclusive
    ("?from=2026-12-01&to=2026-12-02", "ab"),         # date only: midnight UTC
    ("?from=2026-12-02", "cd"),
    ("?from=2026-12-01T10:30:00%2B01:00", "bcd"),     # offsets are converted to UTC
    ("?scheduled=true", "ac"),
    ("?scheduled=false", "bd"),
    ("?limit=1", "a"),
    ("?limit=3&scheduled=false", "bd"),
    ("?limit=99999999999999999999999", "abcd"),
    ("?unknown=1", "abcd"),
])
def test_tasks_filters(api, tasks_campaign, query, expected):
    camp, ids, _ = tasks_campaign
    r = api.get(f"/campaigns/{camp}/tasks{query}")
    assert r.status_code == 200, r.text
    assert _ids(r, ids) == expected


def test_tasks_response_shape(api, tasks_campaign):
    camp, ids, cid = tasks_campaign
    task = api.get(f"/campaigns/{camp}/tasks?limit=1").json()["tasks"][0]
    assert task == {"id": ids["a"], "timestamp": "2026-12-01T00:00:00Z",
                    "contact": {"company": {"id": cid, "displayName": "Task GmbH"},
                                "person": None},
                    "scheduled": True, "annotation": None}
    assert len(task["id"]) == 64


@pytest.mark.parametrize("query, message", [
    ("?limit=0", "limit must be a positive integer"),
    ("?limit=-1", "limit must be a positive integer"),
    ("?limit=abc", "limit must be a positive integer"),
    ("?limit=1.5", "limit must be a positive integer"),
    ("?limit=", "limit must be a positive integer"),
    ("?scheduled=maybe", "scheduled must be true or false"),
    ("?scheduled=True", "scheduled must be true or false"),
    ("?from=yesterday", "from must be a date"),
    ("?to=2026-13-01", "to is not a real date"),
    ("?from=2026-12-01T10:00:00", "from must be a date"),
    ("?limit=1&limit=2", "more than once"),
])
def test_tasks_bad_parameters(api, tasks_campaign, query, message):
    camp, _, _ = tasks_campaign
    r = api.get(f"/campaigns/{camp}/tasks{query}")
    assert r.status_code == 400
    assert message in r.json()["message"]


def test_tasks_unknown_campaign_and_apollo_task_source(api):
    assert api.get("/campaigns/nope/tasks").status_code == 404
    camp = _campaign(api, tasks="apollo")
    r = api.get(f"/campaigns/{camp}/tasks")
    assert r.status_code == 400 and "not the task source" in r.json()["message"]


def test_tasks_of_do_not_call_contacts_are_not_handed_out(api):
    camp = _campaign(api)
    company = api.company(name="Quiet GmbH")
    person = api.person(company, firstName="Nora", lastName="Still")
    other = api.company(name="Loud GmbH")
    t_company = _task(api, camp, ContactRef(company), "2026-12-03T09:00:00Z", scheduled=True)
    t_person = _task(api, camp, ContactRef(None, person), "2026-12-03T10:00:00Z")
    t_other = _task(api, camp, ContactRef(other), "2026-12-03T11:00:00Z")

    def listed():
        return [t["id"] for t in api.get(f"/campaigns/{camp}/tasks").json()["tasks"]]

    assert listed() == [t_company, t_person, t_other]
    call = {"call": {"id": str(uuid.uuid4()), "contact": {"company": company, "person": person},
                     "doNotCall": True, "timestampInit": "2026-12-01T10:00:00Z"}}
    assert api.post("/calls", call).status_code == 201
    assert listed() == [t_company, t_other]
    api.store.set_do_not_call(ContactRef(company), True, CLI, reason="asked")
    assert listed() == [t_other]
    # Still open in the CRM, and back once the flag is lifted.
    assert api.store.get_task(t_person).closed_at is None
    api.store.set_do_not_call(ContactRef(None, person), False, CLI)
    assert listed() == [t_person, t_other]


def test_next_hands_out_each_contact_once_then_204(api):
    camp = _campaign(api)
    a = api.company(name="Alpha")
    b = api.company(name="Beta")
    flagged = api.company(name="Aardvark")
    api.store.assign_contacts(camp, [ContactRef(a), ContactRef(b), ContactRef(flagged)], CLI)
    api.store.set_do_not_call(ContactRef(flagged), True, CLI)
    first = api.get(f"/campaigns/{camp}/next")
    second = api.get(f"/campaigns/{camp}/next")
    assert [first.json()["contact"]["company"]["id"],
            second.json()["contact"]["company"]["id"]] == [a, b]
    third = api.get(f"/campaigns/{camp}/next")
    assert third.status_code == 204 and third.content == b""


def test_next_prefers_fewest_calls_and_returns_after_five_minutes(api):
    camp = _campaign(api)
    a = api.company(name="Anna AG")
    b = api.company(name="Bert AG")
    api.store.assign_contacts(camp, [ContactRef(a), ContactRef(b)], CLI)
    # Anna has had a call in this campaign: Bert comes first although A < B.
    body = {"call": {"id": str(uuid.uuid4()), "contact": {"company": a, "person": None},
                     "source": {"type": "campaign", "id": camp, "task": None},
                     "timestampInit": "2026-11-20T10:00:00Z"}}
    assert api.post("/calls", body).status_code == 201
    assert api.get(f"/campaigns/{camp}/next").json()["contact"]["company"]["id"] == b
    assert api.get(f"/campaigns/{camp}/next").json()["contact"]["company"]["id"] == a
    assert api.get(f"/campaigns/{camp}/next").status_code == 204
    # Five minutes later, with no call posted, both are due again.
    store = api.store
    original = store.clock
    store.clock = lambda: datetime.now(UTC) + timedelta(minutes=5, seconds=1)
    try:
        assert store.next_contact(camp).company_id == b
    finally:
        store.clock = original


def test_next_errors(api):
    assert api.get("/campaigns/nope/next").status_code == 404
    camp = _campaign(api, contacts="apollo")
    assert api.get(f"/campaigns/{camp}/next").status_code == 400
