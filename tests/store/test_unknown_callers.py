"""Issue 13 item 6: calls from numbers no contact has are listed by number; giving the
number to a contact links that number's earlier calls to it."""

from __future__ import annotations

import pytest

from shared.calls import parse_call
from shared.errors import ValidationError
from shared.model import Actor, ContactRef
from shared.unknown_callers import UnknownCallers
from tests.conftest import db_content

API = Actor("api", "127.0.0.1")
DESK = Actor.desktop()


def post(store, call_id, number, at, agent="tom", contact=None):
    body = {"id": call_id, "type": "inbound", "timestampInit": at, "phoneNumber": number,
            "agent": agent}
    if contact:
        body["contact"] = contact
    store.record_call(parse_call(body), API)


def test_unknown_numbers_grouped_with_count_last_time_and_agent(store):
    post(store, "c1", "+4930123456", "2026-11-20T09:00:00Z", "tom")
    post(store, "c2", "+4930123456", "2026-11-25T09:00:00Z", "ida")
    post(store, "c3", "+4940999999", "2026-11-22T09:00:00Z", "max")
    rows = UnknownCallers(store).list()
    assert [(r.number, r.calls, r.agent) for r in rows] == [
        ("+4930123456", 2, "ida"), ("+4940999999", 1, "max")]
    assert rows[0].last_at.startswith("2026-11-25T09:00")


def test_known_numbers_and_linked_calls_are_not_unknown(store):
    known = store.create_company({"name": "Known", "phone": "+4989443228"}, DESK)
    person = store.create_person({"lastName": "Berg", "phone2": "+4917612345"}, DESK)
    post(store, "a", "+4989443228", "2026-11-20T09:00:00Z")          # company's number
    post(store, "b", "+4917612345", "2026-11-20T09:00:00Z")          # person's phone 2
    post(store, "c", "+4989443228150", "2026-11-20T09:00:00Z")       # switchboard extension
    post(store, "d", "+4955555555", "2026-11-20T09:00:00Z",
         contact={"company": known.id, "person": None})              # Apollo linked it
    assert UnknownCallers(store).list() == []
    assert person.id


def test_attach_as_phone_2_links_the_earlier_calls(store):
    post(store, "c1", "+4930123456", "2026-11-20T09:00:00Z")
    post(store, "c2", "+4930123456", "2026-11-21T09:00:00Z")
    company = store.create_company({"name": "Acme"}, DESK)
    person = store.create_person({"lastName": "Berg"}, DESK, company_id=company.id)
    n = UnknownCallers(store).attach_to("+4930123456", ContactRef(None, person.id), DESK)
    assert n == 2
    assert store.get_person(person.id).phone2 == "+4930123456"
    calls = store.calls_for_contact(ContactRef(None, person.id))
    assert {c.id for c in calls} == {"c1", "c2"}
    assert all(c.company_id == company.id for c in calls)
    assert UnknownCallers(store).list() == []
    assert store.audit_trail("call", "c1")[0].action == "link"


def test_attach_refuses_a_taken_phone_2_and_changes_nothing(store, db_path):
    post(store, "c1", "+4930123456", "2026-11-20T09:00:00Z")
    c = store.create_company({"name": "Acme", "phone2": "+4989000000"}, DESK)
    before = db_content(db_path)
    with pytest.raises(ValidationError, match="already has"):
        UnknownCallers(store).attach_to("+4930123456", ContactRef(c.id, None), DESK)
    assert db_content(db_path) == before


def test_new_contact_with_the_number_then_link(store):
    post(store, "c1", "+4930123456", "2026-11-20T09:00:00Z")
    c = store.create_company({"name": "New GmbH", "phone": "+4930123456"}, DESK)
    # The number is known now: the list is empty even before linking ...
    assert UnknownCallers(store).list() == []
    # ... and linking puts the earlier call on the company's card.
    assert UnknownCallers(store).link_calls("+4930123456", ContactRef(c.id, None), DESK) == 1
    assert [k.id for k in store.calls_for_contact(ContactRef(c.id, None))] == ["c1"]
