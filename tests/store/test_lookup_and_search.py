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


def test_search_name_prefix_is_exact_under_nocase(store):
    names = ["x@a", "xA b", "x[c", "Xavier", "xavier2", "x_y", "x%z", "xäö", "XÄ"]
    ids = {n: store.create_person({"displayName": n}, DESK).id for n in names}

    def found(typed):
        return sorted(h.title for h in store.search(typed) if h.id in ids.values())

    assert found("x@") == ["x@a"]
    assert found("XA") == ["Xavier", "xA b", "xavier2"]
    assert found("x_") == ["x_y"]
    assert found("x%") == ["x%z"]
    assert found("xä") == ["xäö"]  # NOCASE folds ASCII only, like the list's ordering


def test_prefix_range_matches_sqlite_nocase():
    import random
    import sqlite3

    from shared.store import _nocase_prefix_range

    conn = sqlite3.connect(":memory:")
    rng = random.Random(7)
    alphabet = "aAzZ@[`{_%0 \u00e4\u00c4\ud7ff\ue000\U0010ffff"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
             for _ in range(3000)]
    for prefix in {w[:k] for w in words[:300] for k in (1, 2, 3) if len(w) >= k}:
        lo, hi = _nocase_prefix_range(prefix)
        for w in words:
            starts = w[:len(prefix)].encode().lower() == prefix.encode().lower()
            inside = conn.execute("SELECT ? >= ? COLLATE NOCASE AND ? < ? COLLATE NOCASE",
                                  (w, lo, w, hi)).fetchone()[0]
            if starts:  # every name with the prefix is in the range the index seeks
                assert inside, (prefix, w)
