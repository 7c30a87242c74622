"""Companies and persons in the store: rules, display names, deletes, the audit trail."""

from __future__ import annotations

import pytest

from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef
from tests.conftest import db_content

DESK = Actor.desktop()


def test_typed_phone_is_normalised_with_the_region(store):
    c = store.create_company({"name": "CX", "phone": "089 4432 2883-100"}, DESK, mode="typed",
                             region="DE")
    assert c.phone == "+498944322883100"
    at = store.create_company({"name": "Wien", "phone": "01 5236610"}, DESK, mode="typed",
                              region="AT")
    assert at.phone == "+4315236610"


def test_typed_blank_fields_become_null_and_text_is_trimmed(store):
    c = store.create_company({"name": "  Trim  ", "city": "  ", "country": "de"}, DESK,
                             mode="typed")
    assert (c.name, c.city, c.country, c.display_name) == ("Trim", None, "DE", "Trim (DE)")


@pytest.mark.parametrize("fields, field, message", [
    ({"name": "X", "phone": "abc"}, "phone", "not a phone number"),
    ({"name": "X", "email": "no at sign"}, "email", "e-mail address"),
    ({"name": ""}, "name", "name is required"),
    ({"name": "X", "country": "Deutschland"}, "country", "ISO 3166-1"),
])
def test_typed_errors_name_the_field(store, fields, field, message):
    with pytest.raises(ValidationError, match=message) as e:
        store.create_company(fields, DESK, mode="typed")
    assert e.value.field == field


def test_person_display_name_rules(store):
    p = store.create_person({"firstName": "Robert", "lastName": "Klein"}, DESK)
    assert p.name == "Robert Klein"
    p = store.update_person(p.id, {"displayName": "Rob Klein"}, DESK)
    assert p.name == "Rob Klein"
    p = store.update_person(p.id, {"displayName": None}, DESK)
    assert p.name == "Robert Klein"


def test_company_display_name_follows_country(store):
    c = store.create_company({"name": "CX Labs GmbH", "country": "DE"}, DESK)
    assert c.display_name == "CX Labs GmbH (DE)"
    assert store.update_company(c.id, {"country": None}, DESK).display_name == "CX Labs GmbH"


def test_delete_company_takes_its_persons_tasks_and_places(store):
    c = store.create_company({"name": "Gone"}, DESK)
    p1 = store.create_person({"lastName": "A"}, DESK, company_id=c.id)
    store.create_person({"lastName": "B"}, DESK, company_id=c.id)
    store.create_campaign("k", "K", DESK)
    store.assign_contacts("k", [ContactRef(c.id), ContactRef(None, p1.id)], DESK)
    from datetime import UTC, datetime
    store.add_task("k", ContactRef(None, p1.id), datetime(2026, 12, 1, tzinfo=UTC), DESK)
    assert store.count_persons_of(c.id) == 2
    assert store.delete_company(c.id, DESK) == 2
    with pytest.raises(NotFound):
        store.get_person(p1.id)
    assert store.campaign_contacts("k", for_dialer=False) == []
    assert store.list_tasks(campaign_id="k") == []


def test_failed_update_changes_nothing(store, db_path):
    c = store.create_company({"name": "Keep", "email": "a@b.de"}, DESK)
    before = db_content(db_path)
    with pytest.raises(ValidationError):
        store.update_company(c.id, {"email": "x@y.de", "phone": "nope"}, DESK)
    assert db_content(db_path) == before


def test_audit_trail_records_side_and_changed_fields(store):
    c = store.create_company({"name": "Audited", "city": "Bonn"}, DESK)
    store.update_company(c.id, {"city": "Köln"}, Actor("api", "10.0.0.7"))
    trail = store.audit_trail("company", c.id)
    assert [(e.action, e.side, e.client) for e in trail] == [
        ("update", "api", "10.0.0.7"), ("create", "desktop", None)]
    assert trail[0].changes == {"city": ["Bonn", "Köln"]}


def test_unknown_ids_raise_not_found(store):
    for call in (lambda: store.get_company("x"), lambda: store.get_person("x"),
                 lambda: store.get_campaign("x"), lambda: store.get_task("x"),
                 lambda: store.update_company("x", {"city": "y"}, DESK)):
        with pytest.raises(NotFound):
            call()


def test_keyset_pages_cover_every_row_once(store):
    for i in range(25):
        store.create_person({"lastName": f"Person {i % 7}"}, DESK)
    seen, after = [], None
    while True:
        page = store.list_persons(after=after, limit=10)
        if not page:
            break
        seen += [p.id for p in page]
        after = (page[-1].sort_key, page[-1].pk)
    assert len(seen) == len(set(seen)) == 25
