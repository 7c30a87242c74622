"""Possible duplicates and merging them: the store's side."""

from __future__ import annotations

import pytest

from shared.duplicates import is_similar, name_key
from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef
from shared.timeutil import parse_timestamp
from tests.conftest import db_content

from .helpers import call

ACTOR = Actor("desktop")


@pytest.mark.parametrize("name", [
    "CX Labs GmbH", "cx-labs", "Bäckerei Müller GmbH & Co. KG", "ÄRZTEHAUS Öl e.V.",
    "Kraków Software Sp. z o.o.", "O'Neil & Sons Ltd.", "Dr. Anna Müller", "GmbH",
    "Tab\tName\nX", 'a"b|c*d#e?f!g_h', "Lac Léman Immobilier SA", "Straße; Weg, (Nord)",
])
def test_stored_name_key_equals_python(store, name):
    c = store.create_company({"name": name}, ACTOR)
    stored = store._one("SELECT name_key FROM companies WHERE id = ?", (c.id,))[0]
    assert stored == name_key(name)


@pytest.mark.parametrize("a, b, similar", [
    ("CX Labs GmbH", "CX Labs", True), ("Bäckerei Sonne", "Baeckerei Sonne KG", True),
    ("Hanse Logistik GmbH", "Hanse Logistic GmbH", True), ("Alpha", "Beta", False),
    ("Schmidt AG", "Schmitt Bau AG", False),
])
def test_similar_names(a, b, similar):
    assert is_similar(a, b) is similar


def test_lookups_use_indexes(store):
    queries = (
        ("SELECT id FROM companies WHERE name_key = ?", ("x",)),
        ("SELECT id FROM persons WHERE email IS NOT NULL AND lower(email) = lower(?)", ("x",)),
        ("SELECT count(*) FROM tasks WHERE closed_at IS NULL AND timestamp < ?", ("x",)),
    )
    plans = [" ".join(r[3] for r in store._all("EXPLAIN QUERY PLAN " + sql, args))
             for sql, args in queries]
    assert all("USING" in p and "SCAN" not in p for p in plans), plans


@pytest.fixture
def pairs(store):
    a = store.create_company({"name": "CX Labs GmbH", "phone": "+4989443228"}, ACTOR)
    b = store.create_company({"name": "cx labs", "email": "office@cxlabs.de"}, ACTOR)
    c = store.create_company({"name": "Other", "phone2": "+4989443228",
                              "email": "OFFICE@cxlabs.de"}, ACTOR)
    store.create_company({"name": "Unrelated"}, ACTOR)
    p1 = store.create_person({"firstName": "Anna", "lastName": "Müller"}, ACTOR, company_id=a.id)
    p2 = store.create_person({"firstName": "Anna", "lastName": "Mueller"}, ACTOR,
                             company_id=a.id)
    store.create_person({"firstName": "Anna", "lastName": "Müller"}, ACTOR, company_id=c.id)
    return a, b, c, p1, p2


def test_duplicate_candidates(store, pairs):
    a, b, c, p1, p2 = pairs
    found = {(p.kind, frozenset((p.left.id, p.right.id))): p.reasons
             for p in store.duplicate_candidates()}
    assert found == {
        ("company", frozenset((a.id, b.id))): ["similar name"],
        ("company", frozenset((a.id, c.id))): ["same phone"],
        ("company", frozenset((b.id, c.id))): ["same e-mail"],
        # The Anna Müller of another company is another person.
        ("person", frozenset((p1.id, p2.id))): ["similar name"],
    }
    assert len(store.duplicate_candidates(kind="person")) == 1


def test_not_duplicates_are_left_out(store, pairs):
    a, b, c, *_ = pairs
    store.mark_not_duplicates("company", b.id, a.id, ACTOR)
    keys = {frozenset((p.left.id, p.right.id)) for p in store.duplicate_candidates()}
    assert frozenset((a.id, b.id)) not in keys
    assert store.audit_trail("company", a.id)[0].action == "not_duplicate"


@pytest.fixture
def two_companies(store):
    keep = store.create_company({"name": "CX Labs GmbH", "phone": "+4989443228",
                                 "annotation": "kept note"}, ACTOR)
    drop = store.create_company({"name": "CX Labs", "phone": "+4989443229", "city": "München",
                                 "email": "office@cxlabs.de", "annotation": "dropped note"},
                                ACTOR)
    person = store.create_person({"lastName": "Klein"}, ACTOR, company_id=drop.id)
    for cid in ("promo", "other"):
        store.create_campaign(cid, cid.title(), ACTOR)
    store.assign_contacts("promo", [ContactRef(keep.id), ContactRef(drop.id)], ACTOR)
    store.assign_contacts("other", [ContactRef(drop.id)], ACTOR)
    task = store.add_task("promo", ContactRef(drop.id), parse_timestamp("2026-11-27T09:00:00Z"),
                          ACTOR)
    call(store, "k1", "2026-11-26T10:00:00Z", company=drop.id,
         source={"type": "campaign", "id": "promo", "task": None})
    store.set_do_not_call(ContactRef(drop.id), True, ACTOR, reason="asked")
    return keep, drop, person, task


def test_merge_companies(store, two_companies):
    keep, drop, person, task = two_companies
    merged = store.merge_companies(keep.id, drop.id, ACTOR)
    with pytest.raises(NotFound):
        store.get_company(drop.id)
    assert (merged.city, merged.email, merged.phone, merged.phone2) == (
        "München", "office@cxlabs.de", "+4989443228", "+4989443229")
    assert merged.annotation == "kept note\n\ndropped note"
    assert merged.do_not_call
    assert store.get_person(person.id).company_id == keep.id
    assert store.get_task(task.id).contact.company_id == keep.id
    (k,) = store.calls_for_contact(ContactRef(keep.id))
    assert k.id == "k1"
    # One place per campaign: "promo" had both, "other" only the dropped one.
    assert [v.company_id for v in store.campaign_contacts("promo", for_dialer=False)] == [keep.id]
    assert [v.company_id for v in store.campaign_contacts("other", for_dialer=False)] == [keep.id]
    row = store._one("SELECT call_count FROM campaign_contacts WHERE campaign_id = 'promo'")
    assert row[0] == 1  # the moved call counts for the kept company
    history = store.dnc_history(ContactRef(keep.id))
    assert [e.reason for e in history][:2] == ["merged with CX Labs", "asked"]
    assert store.audit_trail("company", keep.id)[1].action == "merge"
    gone = store.audit_trail("company", drop.id)[0]
    assert gone.action == "merged_into" and gone.changes["into"] == keep.id
    assert gone.changes["record"]["phone"] == "+4989443229"


def test_merge_persons(store):
    c = store.create_company({"name": "Acme"}, ACTOR)
    keep = store.create_person({"firstName": "Anna", "lastName": "Müller"}, ACTOR)
    drop = store.create_person({"firstName": "Anna", "lastName": "Mueller",
                                "email": "anna@acme.de", "phone": "+4915112345678"},
                               ACTOR, company_id=c.id)
    store.create_campaign("promo", "Promo", ACTOR)
    store.assign_contacts("promo", [ContactRef(None, keep.id), ContactRef(None, drop.id)], ACTOR)
    store.add_task("promo", ContactRef(None, drop.id), parse_timestamp("2026-11-27T09:00:00Z"),
                   ACTOR)
    call(store, "k1", "2026-11-26T10:00:00Z", person=drop.id)
    merged = store.merge_persons(keep.id, drop.id, ACTOR)
    assert (merged.email, merged.phone, merged.company_id) == (
        "anna@acme.de", "+4915112345678", c.id)
    assert [t.contact.person_id for t in store.list_tasks()] == [keep.id]
    assert [k.person_id for k in store.calls_for_contact(ContactRef(None, keep.id))] == [keep.id]
    assert len(store.campaign_contacts("promo", for_dialer=False)) == 1
    with pytest.raises(NotFound):
        store.get_person(drop.id)


@pytest.mark.parametrize("merge, message", [
    ("merge_companies", "cannot be merged into itself"),
    ("merge_persons", "cannot be merged into itself"),
])
def test_merge_into_itself(store, merge, message):
    c = store.create_company({"name": "A"}, ACTOR)
    p = store.create_person({"lastName": "B"}, ACTOR)
    with pytest.raises(ValidationError, match=message):
        getattr(store, merge)(*(2 * [c.id if merge == "merge_companies" else p.id]), ACTOR)


def test_failed_merge_changes_nothing(store, two_companies, db_path):
    keep, *_ = two_companies
    before = db_content(db_path)
    with pytest.raises(NotFound):
        store.merge_companies(keep.id, "NO-SUCH-ID", ACTOR)
    assert db_content(db_path) == before
