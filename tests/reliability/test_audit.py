"""Every change is in the audit trail: when, which side (``api`` with the
client's address, or ``desktop``), what entity, and for updates which fields
changed, as ``[old, new]``.

Not audited, by design: screen pops and the dialer's hand-outs (``/next``),
which change no record, and settings (the API key must not be written to a
second place).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from shared.model import Actor, ContactRef

from .conftest import CAMPAIGN, call_body, serve

DESKTOP = Actor.desktop()


class Trail:
    """The audit rows written since the last look."""

    def __init__(self, db_path) -> None:
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row
        self.mark = self._last()

    def _last(self) -> int:
        return self.conn.execute("SELECT coalesce(max(pk), 0) FROM audit_log").fetchone()[0]

    def new(self) -> list[tuple]:
        rows = self.conn.execute("SELECT * FROM audit_log WHERE pk > ? ORDER BY pk",
                                 (self.mark,)).fetchall()
        self.mark = self._last()
        for r in rows:
            datetime.fromisoformat(r["at"].replace("Z", "+00:00"))  # when: a real time
        return [(r["side"], r["client"], r["entity_type"], r["entity_id"], r["action"],
                 json.loads(r["changes"])) for r in rows]


@pytest.fixture
def api(tmp_path):
    with serve(tmp_path / "callsheet.db") as s:
        s.store.create_campaign(CAMPAIGN, "Callbacks", Actor("cli"))
        yield s


def test_every_api_change_is_audited_with_the_client_address(api):
    http = api.session()
    url = api.url
    trail = Trail(api.db_path)
    API = ("api", "127.0.0.1")

    r = http.post(url + "/companies", json={"contact": {"company": {
        "name": "CX Labs", "country": "DE", "city": "Wien", "phone": "+4350456"}}})
    cid = r.json()["contact"]["company"]["id"]
    assert trail.new() == [(*API, "company", cid, "create", {
        "name": "CX Labs", "country": "DE", "city": "Wien", "phone": "+4350456"})]

    http.patch(url + f"/companies/{cid}", json={"company": {"email": "a@cx.at", "city": None,
                                                           "country": "DE"}})
    assert trail.new() == [(*API, "company", cid, "update", {
        "email": [None, "a@cx.at"], "city": ["Wien", None]})]  # country did not change

    r = http.post(url + "/persons", json={"contact": {"company": {"id": cid},
                                                      "person": {"firstName": "Rob"}}})
    pid = r.json()["contact"]["person"]["id"]
    assert trail.new() == [(*API, "person", pid, "create", {"first_name": "Rob",
                                                             "company_id": cid})]
    other = api.store.create_company({"name": "Other"}, Actor("cli")).id
    trail.new()
    http.patch(url + f"/persons/{pid}", json={"person": {"lastName": "Klein"},
                                              "company": {"id": other}})
    assert trail.new() == [(*API, "person", pid, "update", {
        "last_name": [None, "Klein"], "company_id": [cid, other]})]

    task = api.store.add_task(CAMPAIGN, ContactRef(other, pid),
                              datetime(2026, 12, 1, tzinfo=UTC), DESKTOP)
    trail.new()
    body = call_body("audit-call-1", company=other, person=pid, tags=1, new_tasks=1,
                     do_not_call=True)
    body["call"]["source"] = {"type": "campaign", "id": CAMPAIGN, "task": task.id}
    assert http.post(url + "/calls", json=body).status_code == 201
    rows = trail.new()
    new_task = next(r[3] for r in rows if r[2] == "task" and r[4] == "create")
    assert rows == [
        (*API, "task", task.id, "close", {"call": "audit-call-1"}),
        (*API, "task", new_task, "create", {
            "campaign_id": CAMPAIGN, "timestamp": "2026-12-01T09:00:00.000Z", "scheduled": True,
            "company_id": None, "person_id": pid, "call": "audit-call-1"}),
        (*API, "person", pid, "do_not_call", {"do_not_call": [False, True],
                                              "reason": "set by call", "call": "audit-call-1"}),
        (*API, "call", "audit-call-1", "create", {"kind": "campaign", "agent": "peggy.sue",
                                                  "company_id": other, "person_id": pid}),
    ]

    # Apollo's retry with changes: a replace that names what changed.
    body["call"].update(agent="bob", newTasks=[], tags=[{"category": "x", "id": "y"}])
    assert http.post(url + "/calls", json=body).status_code == 200
    assert trail.new() == [
        (*API, "task", new_task, "delete", {"call": "audit-call-1"}),
        (*API, "call", "audit-call-1", "replace", {
            "agent": ["peggy.sue", "bob"], "tags": [[["outcome", "tag0"]], [["x", "y"]]]}),
    ]
    # The same call again: recorded as a replace that changed nothing.
    assert http.post(url + "/calls", json=body).status_code == 200
    assert trail.new() == [(*API, "call", "audit-call-1", "replace", {})]

    # Reads write nothing to the trail.
    http.get(url + f"/companies/{cid}")
    http.post(url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}})
    assert trail.new() == []


def test_every_desktop_change_is_audited(store):
    trail = Trail(store.db.conn.execute("PRAGMA database_list").fetchone()[2])
    D = ("desktop", None)
    when = datetime(2026, 12, 1, 9, tzinfo=UTC)

    c = store.create_company({"name": "ACME", "phone": "089 443228"}, DESKTOP, mode="typed")
    assert trail.new() == [(*D, "company", c.id, "create",
                            {"name": "ACME", "phone": "+4989443228"})]
    store.update_company(c.id, {"city": "München", "phone": "089 443228"}, DESKTOP, mode="typed")
    assert trail.new() == [(*D, "company", c.id, "update", {"city": [None, "München"]})]
    store.update_company(c.id, {"city": "München"}, DESKTOP)
    assert trail.new() == []  # nothing changed, nothing recorded

    p = store.create_person({"firstName": "Ann", "email": "ann@acme.de"}, DESKTOP,
                            company_id=c.id)
    assert trail.new() == [(*D, "person", p.id, "create", {
        "first_name": "Ann", "email": "ann@acme.de", "company_id": c.id})]
    store.update_person(p.id, {"email": None}, DESKTOP, company_id=None)
    assert trail.new() == [(*D, "person", p.id, "update", {
        "email": ["ann@acme.de", None], "company_id": [c.id, None]})]

    store.set_do_not_call(ContactRef(c.id), True, DESKTOP, reason="asked")
    store.set_do_not_call(ContactRef(None, p.id), True, DESKTOP)
    store.set_do_not_call(ContactRef(c.id), False, DESKTOP, reason="changed mind")
    assert trail.new() == [
        (*D, "company", c.id, "do_not_call", {"do_not_call": [False, True], "reason": "asked",
                                              "call": None}),
        (*D, "person", p.id, "do_not_call", {"do_not_call": [False, True], "reason": None,
                                             "call": None}),
        (*D, "company", c.id, "do_not_call", {"do_not_call": [True, False],
                                              "reason": "changed mind", "call": None}),
    ]

    store.create_campaign("winter", "Winter", DESKTOP)
    store.update_campaign("winter", DESKTOP, name="Winter sale", tasks_source="apollo")
    store.assign_contacts("winter", [ContactRef(c.id)], DESKTOP)
    store.unassign_contacts("winter", [ContactRef(c.id)], DESKTOP)
    assert trail.new() == [
        (*D, "campaign", "winter", "create", {"name": "Winter", "contacts_source": "crm",
                                              "tasks_source": "crm"}),
        (*D, "campaign", "winter", "update", {"name": ["Winter", "Winter sale"],
                                              "tasks_source": ["crm", "apollo"]}),
        (*D, "campaign", "winter", "assign", {"company_id": c.id, "person_id": None}),
        (*D, "campaign", "winter", "unassign", {"company_id": c.id, "person_id": None}),
    ]

    t = store.add_task("winter", ContactRef(c.id), when, DESKTOP, annotation="call back")
    assert trail.new() == [(*D, "task", t.id, "create", {
        "campaign_id": "winter", "timestamp": "2026-12-01T09:00:00.000Z", "scheduled": False,
        "company_id": c.id, "person_id": None})]
    store.reschedule_task(t.id, when, DESKTOP, scheduled=True, annotation="at nine sharp")
    assert trail.new() == [(*D, "task", t.id, "update", {
        "scheduled": [0, 1], "annotation": ["call back", "at nine sharp"]})]
    store.close_task(t.id, DESKTOP)
    store.reopen_task(t.id, DESKTOP)
    assert trail.new() == [(*D, "task", t.id, "close", {"call": None}),
                           (*D, "task", t.id, "reopen", {})]

    store.delete_campaign("winter", DESKTOP)
    store.delete_person(p.id, DESKTOP)
    store.delete_company(c.id, DESKTOP)
    assert trail.new() == [
        (*D, "campaign", "winter", "delete", {}),
        (*D, "person", p.id, "delete", {"name": "Ann"}),
        (*D, "company", c.id, "delete", {"name": "ACME", "persons": 0}),
    ]
    # The desktop's contact card reads the same trail.
    assert [e.action for e in store.audit_trail("company", c.id)] == [
        "delete", "do_not_call", "do_not_call", "update", "create"]
