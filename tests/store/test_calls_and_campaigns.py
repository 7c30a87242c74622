"""Recording calls and the dialer's hand-out, at the store level."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.calls import parse_call
from shared.errors import ValidationError, WrongSource
from shared.model import Actor, ContactRef
from tests.conftest import db_content

API = Actor("api", "127.0.0.1")


@pytest.fixture
def campaign(store):
    store.create_campaign("promo", "Promo", API)
    a = store.create_company({"name": "Alpha"}, API)
    b = store.create_company({"name": "Beta"}, API)
    store.assign_contacts("promo", [ContactRef(a.id), ContactRef(b.id)], API)
    return a, b


def _call(**fields):
    return parse_call({"id": "call-1", "timestampInit": "2026-11-26T10:00:00Z"} | fields)


def test_handout_lasts_five_minutes(store, clock, campaign):
    a, b = campaign
    assert store.next_contact("promo").company_id == a.id
    assert store.next_contact("promo").company_id == b.id
    assert store.next_contact("promo") is None
    clock.now += timedelta(minutes=4, seconds=59)
    assert store.next_contact("promo") is None
    clock.now += timedelta(seconds=2)
    assert store.next_contact("promo").company_id == a.id


def test_posted_call_ends_handout_and_counts(store, clock, campaign):
    a, b = campaign
    store.next_contact("promo")
    store.record_call(_call(contact={"company": a.id, "person": None},
                            source={"type": "campaign", "id": "promo", "task": None}), API)
    # Alpha now has one call, Beta none: Beta first, then Alpha again.
    assert store.next_contact("promo").company_id == b.id
    assert store.next_contact("promo").company_id == a.id


def test_apollo_sourced_campaign_refuses_dialer_reads(store):
    store.create_campaign("ext", "External", API, contacts_source="apollo",
                          tasks_source="apollo")
    with pytest.raises(WrongSource):
        store.next_contact("ext")
    with pytest.raises(WrongSource):
        store.campaign_contacts("ext")
    with pytest.raises(WrongSource):
        store.open_tasks("ext")
    assert store.campaign_contacts("ext", for_dialer=False) == []


def test_unknown_new_task_campaign_stores_nothing(store, db_path, campaign):
    a, _ = campaign
    before = db_content(db_path)
    call = _call(contact={"company": a.id, "person": None},
                 newTasks=[{"campaign": "nope", "timestamp": "2026-12-01T10:00:00Z"}])
    with pytest.raises(ValidationError, match="nope"):
        store.record_call(call, API)
    assert db_content(db_path) == before


def test_do_not_call_skips_contact_in_next(store, campaign):
    a, b = campaign
    store.record_call(_call(contact={"company": a.id, "person": None}, doNotCall=True), API)
    assert store.get_company(a.id).do_not_call
    assert store.next_contact("promo").company_id == b.id
    assert store.next_contact("promo") is None
    [event] = store.dnc_history(ContactRef(a.id))
    assert event.call_id == "call-1" and event.do_not_call


def test_lifting_do_not_call_is_recorded_with_reason(store, campaign):
    a, _ = campaign
    ref = ContactRef(a.id)
    store.set_do_not_call(ref, True, Actor.desktop(), reason="asked")
    assert store.set_do_not_call(ref, True, Actor.desktop(), reason="again") is False
    store.set_do_not_call(ref, False, Actor.desktop(), reason="customer called back")
    assert [(e.do_not_call, e.reason) for e in store.dnc_history(ref)] == [
        (False, "customer called back"), (True, "asked")]


def test_call_journal_filters_by_tag_id_or_category(store):
    tagged = [("c1", [{"category": "reason", "id": "billing", "payload": None}]),
              ("c2", [{"category": "resolution", "id": "solved", "payload": None}]),
              ("c3", [])]
    for n, (call_id, tags) in enumerate(tagged):
        store.record_call(parse_call({"id": call_id, "tags": tags,
                                      "timestampInit": f"2026-11-26T10:0{n}:00Z"}), API)
    assert [c.id for c in store.list_calls(tag="billing")] == ["c1"]
    assert [c.id for c in store.list_calls(tag="resolution")] == ["c2"]
    assert [c.id for c in store.list_calls()] == ["c3", "c2", "c1"]
    assert store.list_calls(tag="nothing") == []


def test_journal_filter_lists_are_distinct_and_sorted(store):
    assert store.agents() == [] and store.tags() == []
    calls = [("k1", "bob", [("reason", "billing"), ("resolution", "solved")]),
             ("k2", None, [("reason", "billing")]),
             ("k3", "alice", [("product", "premium"), ("resolution", "billing")]),
             ("k4", "bob", [])]
    for n, (call_id, agent, tags) in enumerate(calls):
        store.record_call(parse_call({
            "id": call_id, "agent": agent, "timestampInit": f"2026-11-26T10:0{n}:00Z",
            "tags": [{"category": c, "id": t, "payload": None} for c, t in tags]}), API)
    assert store.agents() == ["alice", "bob"]
    assert store.tags() == ["billing", "premium", "solved"]
