"""The caller lookup Apollo uses and the search-as-you-type the office uses."""

from __future__ import annotations

import pytest

from shared.model import Actor

DESK = Actor.desktop()


@pytest.fixture
def contacts(store):
    c = store.create_company({"name": "CX Labs GmbH", "country": "DE",
                              "phone": "+49894432280", "email": "office@cxlabs.de"}, DESK)
    p = store.create_person({"firstName": "Robert", "lastName": "Klein",
                             "phone": "+4915123456789", "phone2": "+49894432280"}, DESK,
                            company_id=c.id)
    q = store.create_person({"firstName": "Anna", "lastName": "Zett",
                             "phone": "+49894432280"}, DESK, company_id=c.id)
    return c, p, q


def test_exact_matches_persons_first_then_by_name(store, contacts):
    c, p, q = contacts
    matches = store.lookup_phone("+49894432280")
    assert [(m.contact.person_id, m.reason) for m in matches] == [
        (q.id, "phone"), (p.id, "phone2"), (None, "phone")]
    assert matches[-1].contact.company_id == c.id


def test_prefix_fallback_only_without_exact_match(store, contacts):
    c, _, _ = contacts
    [m] = store.lookup_phone("+49894432280777")
    assert (m.reason, m.number, m.contact.company_id) == ("prefix", "+49894432280", c.id)
    assert store.lookup_phone("+4989443228") == []


def test_nearest_numbers_for_the_lookup_tester(store, contacts):
    near = store.nearest_numbers("+4915123450000")
    assert near and near[0].number == "+4915123456789"


@pytest.mark.parametrize("typed", ["klein", "Robert K", "0151 2345", "+49 151 2345",
                                   "2345678", "015123456789", "rob"])
def test_search_as_you_type_finds_robert(store, contacts, typed):
    _, p, _ = contacts
    assert p.id in [h.id for h in store.search(typed)]


def test_search_two_letters_and_no_hits(store, contacts):
    assert store.search("cx")[0].title == "CX Labs GmbH (DE)"
    assert store.search("zzzz") == []
    assert store.search('"') == []
