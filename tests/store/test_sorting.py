"""Lists sort names by the Unicode-aware key, page by it, and keep using their indexes."""

from __future__ import annotations

import pytest

from shared.errors import ValidationError
from shared.model import Actor

DESK = Actor.desktop()
COMPANIES = ["Brooklyn Bagel Co.", "Bäckerei Sonnenschein", "Zürich Treuhand",
             "Österreich Tours", "Anker GmbH", "oase bar", "Käse König"]


def test_companies_list_and_pages_in_collation_order(store):
    for name in COMPANIES:
        store.create_company({"name": name}, DESK)
    expected = ["Anker GmbH", "Bäckerei Sonnenschein", "Brooklyn Bagel Co.", "Käse König",
                "oase bar", "Österreich Tours", "Zürich Treuhand"]
    assert [c.name for c in store.list_companies()] == expected
    paged, after = [], None
    while page := store.list_companies(after=after, limit=2):
        paged += [c.name for c in page]
        after = (page[-1].sort_key, page[-1].pk)
    assert paged == expected


def test_a_rename_moves_the_company_to_its_new_place(store):
    a = store.create_company({"name": "Zwerg"}, DESK)
    store.create_company({"name": "Mitte"}, DESK)
    store.update_company(a.id, {"name": "Äpfel"}, DESK)
    assert [c.name for c in store.list_companies()] == ["Äpfel", "Mitte"]


def test_persons_by_name_or_by_last_name(store):
    for first, last in (("Käthe", "Zöller"), ("Klaus", "Adler"), ("Anna", "Ärmel"),
                        ("Bert", "Brook")):
        store.create_person({"firstName": first, "lastName": last}, DESK)
    assert [p.name for p in store.list_persons()] == [
        "Anna Ärmel", "Bert Brook", "Käthe Zöller", "Klaus Adler"]
    by_last = [p.name for p in store.list_persons(order="last_name")]
    assert by_last == ["Klaus Adler", "Anna Ärmel", "Bert Brook", "Käthe Zöller"]
    page = store.list_persons(order="last_name", limit=2)
    rest = store.list_persons(order="last_name", after=(page[-1].last_sort_key, page[-1].pk))
    assert [p.name for p in page + rest] == by_last
    with pytest.raises(ValidationError, match="Persons sort by name or last_name"):
        store.list_persons(order="city")


def test_persons_of_a_company_and_campaign_contacts_too(store):
    c = store.create_company({"name": "Firma"}, DESK)
    for last in ("Zander", "Öhler", "Otto"):
        store.create_person({"lastName": last}, DESK, company_id=c.id)
    assert [p.name for p in store.persons_of(c.id)] == ["Öhler", "Otto", "Zander"]
    from shared.model import ContactRef

    store.create_campaign("k", "K", DESK)
    store.assign_contacts("k", [ContactRef(None, p.id) for p in store.persons_of(c.id)][::-1],
                          DESK)
    assert [v.person_name for v in store.campaign_contacts("k")] == ["Öhler", "Otto", "Zander"]


@pytest.mark.parametrize("sql", [
    "SELECT pk FROM companies ORDER BY sort_key, pk LIMIT 200",
    "SELECT pk FROM companies WHERE sort_key >= 'm' AND (sort_key, pk) > ('m', 5)"
    " ORDER BY sort_key, pk LIMIT 200",
    "SELECT pk FROM persons p ORDER BY p.sort_key, p.pk LIMIT 200",
    "SELECT pk FROM persons p ORDER BY p.last_sort_key, p.pk LIMIT 200",
])
def test_the_lists_page_through_an_index(store, sql):
    plan = " ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
