"""Recently deleted: a deleted company or person waits 30 days, comes back whole with
the same id, and is gone for good after that."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.calls import parse_call
from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef

DESK = Actor.desktop()
API = Actor("api", "127.0.0.1")


@pytest.fixture
def company(store):
    """A company with two persons, a campaign place each, tasks and a call."""
    c = store.create_company({"name": "Gone GmbH", "phone": "+4989443228",
                              "email": "office@gone.de"}, DESK)
    ann = store.create_person({"firstName": "Ann", "lastName": "Arp", "phone": "+4915112345678"},
                              DESK, company_id=c.id)
    ben = store.create_person({"firstName": "Ben", "lastName": "Berg"}, DESK, company_id=c.id)
    store.create_campaign("k", "K", DESK)
    store.assign_contacts("k", [ContactRef(c.id), ContactRef(None, ann.id)], DESK)
    task = store.add_task("k", ContactRef(None, ann.id), datetime(2026, 12, 1, tzinfo=UTC), DESK)
    store.record_call(parse_call({"id": "call-1", "agent": "peggy",
                                  "contact": {"company": c.id, "person": ann.id},
                                  "source": {"type": "campaign", "id": "k", "task": None},
                                  "timestampInit": "2026-11-20T10:00:00Z",
                                  "timestampStart": "2026-11-20T10:00:05Z"}), API)
    return c, ann, ben, task


def _everything_is_there(store, c, ann, ben, task):
    assert store.get_company(c.id).name == "Gone GmbH"
    assert {p.id for p in store.persons_of(c.id)} == {ann.id, ben.id}
    assert store.get_task(task.id).contact.person_id == ann.id
    places = store.campaign_contacts("k", for_dialer=False)
    assert {(v.company_id, v.person_id) for v in places} == {(c.id, None), (c.id, ann.id)}
    assert [m.contact.person_id for m in store.lookup_phone("+4915112345678")] == [ann.id]
    assert [h.id for h in store.search("Gone GmbH")] == [c.id]
    assert [k.id for k in store.calls_for_contact(ContactRef(None, ann.id))] == ["call-1"]


def test_deleting_takes_everything_out_of_every_query(store, company):
    c, ann, ben, task = company
    assert store.delete_company(c.id, DESK) == 2
    for get, key in ((store.get_company, c.id), (store.get_person, ann.id),
                     (store.get_task, task.id)):
        with pytest.raises(NotFound):
            get(key)
    assert store.campaign_contacts("k", for_dialer=False) == []
    assert store.next_contact("k") is None
    assert store.open_tasks("k") == [] and store.list_tasks() == []
    assert store.lookup_phone("+4915112345678") == [] and store.lookup_phone("+4989443228") == []
    assert store.search("Gone") == [] and store.search("Arp") == []
    assert store.list_companies() == [] and store.count_persons("Arp") == 0
    # The call stays in the journal with the ids it had.
    assert [k.id for k in store.list_calls()] == ["call-1"]
    [entry] = store.list_deleted()
    assert (entry.kind, entry.record_id, entry.label) == ("company", c.id, "Gone GmbH")
    assert entry.detail == "with 2 persons, 1 task, 2 campaign places"


def test_restore_puts_back_the_record_its_persons_tasks_and_places(store, company):
    c, ann, ben, task = company
    store.delete_company(c.id, DESK)
    [entry] = store.list_deleted()
    done = store.restore_deleted(entry.pk, DESK)
    assert (done.persons, done.tasks, done.campaign_places) == (2, 1, 2)
    assert done.message == ("Gone GmbH is back, with 2 persons, 1 task, 2 campaign places"
                            " and its calls.")
    _everything_is_there(store, c, ann, ben, task)
    assert store.list_deleted() == []
    assert [e.action for e in store.audit_trail("company", c.id)][:2] == ["restore", "delete"]
    # Ann's call in the campaign still counts: the company (no calls) is next.
    nxt = store.next_contact("k")
    assert (nxt.company_id, nxt.person_id) == (c.id, None)
    with pytest.raises(NotFound, match="no longer in Recently deleted"):
        store.restore_deleted(entry.pk, DESK)


def test_a_person_comes_back_alone_and_not_without_its_company(store, company):
    c, ann, ben, task = company
    store.delete_person(ann.id, DESK)
    assert store.get_company(c.id).name == "Gone GmbH"  # the company stays
    [entry] = store.list_deleted()
    assert entry.detail == "1 task, 1 campaign place"
    store.delete_company(c.id, DESK)  # with Ben
    person_entry = next(e for e in store.list_deleted() if e.kind == "person")
    with pytest.raises(ValidationError, match="restore the company first"):
        store.restore_deleted(person_entry.pk, DESK)
    company_entry = next(e for e in store.list_deleted() if e.kind == "company")
    assert store.restore_deleted(company_entry.pk, DESK).persons == 1
    assert store.restore_deleted(person_entry.pk, DESK).tasks == 1
    _everything_is_there(store, c, ann, ben, task)


def test_a_campaign_deleted_meanwhile_is_skipped(store, company):
    c, ann, ben, task = company
    store.delete_person(ann.id, DESK)
    store.delete_campaign("k", DESK)
    [entry] = store.list_deleted()
    done = store.restore_deleted(entry.pk, DESK)
    assert (done.tasks, done.campaign_places, done.skipped) == (0, 0, 2)
    assert store.get_person(ann.id).company_id == c.id


def test_purge_after_30_days_by_the_clock(store, company, clock):
    c, *_ = company
    store.delete_company(c.id, DESK)
    clock.now += timedelta(days=29, hours=23)
    assert store.purge_deleted(DESK) == 0 and len(store.list_deleted()) == 1
    clock.now += timedelta(hours=2)
    assert store.purge_deleted(DESK) == 1
    assert store.list_deleted() == []
    assert store.audit_trail("company", c.id)[0].action == "purge"


def test_a_failed_restore_changes_nothing(store, company, db_path):
    from tests.conftest import db_content

    c, ann, *_ = company
    store.delete_person(ann.id, DESK)
    store.delete_company(c.id, DESK)
    before = db_content(db_path)
    person_entry = next(e for e in store.list_deleted() if e.kind == "person")
    with pytest.raises(ValidationError):
        store.restore_deleted(person_entry.pk, DESK)
    assert db_content(db_path) == before
