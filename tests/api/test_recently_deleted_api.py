"""To the API a deleted record is gone (404); restored, it answers again with the same id,
with its tasks and campaign place."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from shared.model import Actor, ContactRef

from .conftest import unique_phone

DESK = Actor.desktop()


def test_deleted_is_404_and_restored_answers_again_with_the_same_id(api):
    phone = unique_phone()
    company = api.company(name="Weg GmbH", phone=phone)
    person = api.person(company, firstName="Wanda", lastName="Weg")
    camp = f"camp_{uuid.uuid4().hex[:8]}"
    store = api.store
    store.create_campaign(camp, "Campaign", DESK)
    store.assign_contacts(camp, [ContactRef(None, person)], DESK)
    task = store.add_task(camp, ContactRef(company), datetime(2026, 12, 5, 9, tzinfo=UTC), DESK)

    store.delete_company(company, DESK)
    assert api.get(f"/companies/{company}").status_code == 404
    r = api.get(f"/persons/{person}")
    assert r.status_code == 404 and "message" in r.json()
    assert api.post("/contacts/search",
                    {"query": {"phoneNumber": phone}}).json() == {"contacts": []}
    assert api.get(f"/campaigns/{camp}/contacts").json() == {"contacts": []}
    assert api.get(f"/campaigns/{camp}/tasks").json() == {"tasks": []}
    assert api.get(f"/campaigns/{camp}/next").status_code == 204
    r = api.patch(f"/companies/{company}", {"company": {"city": "Ulm"}})
    assert r.status_code == 404
    r = api.post("/contacts/show", {"contact": {"company": {"id": company}, "person": None}})
    assert r.status_code == 404

    [entry] = [e for e in store.list_deleted() if e.record_id == company]
    store.restore_deleted(entry.pk, DESK)
    got = api.get(f"/companies/{company}")
    assert got.status_code == 200 and got.json()["company"]["name"] == "Weg GmbH"
    assert api.get(f"/persons/{person}").json()["person"]["company"]["id"] == company
    [hit] = api.post("/contacts/search", {"query": {"phoneNumber": phone}}).json()["contacts"]
    assert hit["company"]["id"] == company
    assert [t["id"] for t in api.get(f"/campaigns/{camp}/tasks").json()["tasks"]] == [task.id]
    [contact] = api.get(f"/campaigns/{camp}/contacts").json()["contacts"]
    assert contact["person"]["id"] == person
