"""POST /contacts/search (caller lookup) and POST /contacts/show (screen pop)."""

from __future__ import annotations

import pytest
import requests

from shared.model import Actor, ContactRef
from tests.at_once import at_once

from .conftest import unique_phone
from .seed import SEARCH, SHOW, seed


def test_search_finds_person_and_company_with_display_names(api):
    phone = unique_phone()
    cid = api.company(name="CX Labs GmbH", country="DE", phone=phone)
    pid = api.person(cid, firstName="Robert", lastName="Klein", displayName="Rob Klein",
                     phone2=phone)
    r = api.post("/contacts/search", {"query": {"phoneNumber": phone}})
    assert r.status_code == 200
    assert r.json() == {"contacts": [
        {"company": {"id": cid, "displayName": "CX Labs GmbH (DE)"},
         "person": {"id": pid, "displayName": "Rob Klein"}},
        {"company": {"id": cid, "displayName": "CX Labs GmbH (DE)"}, "person": None},
    ]}


def test_search_seed_example_no_match_is_empty_list(api):
    r = api.post("/contacts/search", seed(SEARCH))
    assert r.status_code == 200
    assert r.json() == {"contacts": []}


def test_search_private_person_has_null_company(api):
    phone = unique_phone()
    pid = api.person(None, firstName="Gerda", lastName="Lehmann", phone=phone)
    r = api.post("/contacts/search", {"query": {"phoneNumber": phone}})
    assert r.json()["contacts"] == [
        {"company": None, "person": {"id": pid, "displayName": "Gerda Lehmann"}}]


def test_search_switchboard_prefix_longest_wins(api):
    base = unique_phone()[:10]
    short = api.company(name="Short", phone=base[:8])
    long_ = api.company(name="Long", phone=base)
    r = api.post("/contacts/search", {"query": {"phoneNumber": base + "555"}})
    contacts = r.json()["contacts"]
    assert [c["company"]["id"] for c in contacts] == [long_]
    assert short != long_


def test_search_prefix_needs_six_digits(api):
    api.company(name="Too short", phone="+43504")
    r = api.post("/contacts/search", {"query": {"phoneNumber": "+4350499999"}})
    assert r.json() == {"contacts": []}


def test_search_returns_do_not_call_contacts(api):
    phone = unique_phone()
    cid = api.company(name="Flagged", phone=phone)
    api.store.set_do_not_call(ContactRef(cid), True, Actor("cli"))
    r = api.post("/contacts/search", {"query": {"phoneNumber": phone}})
    assert [c["company"]["id"] for c in r.json()["contacts"]] == [cid]


@pytest.mark.parametrize("body, message", [
    ({}, "query is required"),
    ({"query": {}}, "query.phoneNumber is required"),
    ({"query": {"phoneNumber": "+49 89 1234"}}, "query.phoneNumber must be an E.164"),
    ({"query": {"phoneNumber": "0891234"}}, "E.164"),
    ({"query": {"phoneNumber": "+12"}}, "E.164"),
    ({"query": {"phoneNumber": "+4350456\n"}}, "E.164"),
    ({"query": {"phoneNumber": 4350456}}, "must be of type string"),
    ({"query": "+4350456"}, "query must be of type object"),
])
def test_search_rejects_bad_queries(api, body, message):
    r = api.post("/contacts/search", body)
    assert r.status_code == 400
    assert message in r.json()["message"]


def test_show_seed_example_unknown_ids_is_404(api):
    r = api.post("/contacts/show", seed(SHOW))
    assert r.status_code == 404
    assert "83FA8C8A" in r.json()["message"]


def test_show_person_contact_queues_screen_pop(api):
    cid = api.company(name="Pop GmbH")
    pid = api.person(cid, firstName="Pia", lastName="Pop")
    api.store.take_screen_pops()
    r = api.post("/contacts/show", {"contact": {"person": {"id": pid}, "company": {"id": cid}}})
    assert r.status_code == 204
    assert r.content == b""
    pops = api.store.take_screen_pops()
    assert [(p.company_id, p.person_id) for p in pops] == [(cid, pid)]


def test_show_company_contact(api):
    cid = api.company(name="Pop AG")
    api.store.take_screen_pops()
    r = api.post("/contacts/show", {"contact": {"company": {"id": cid}, "person": None}})
    assert r.status_code == 204
    assert [(p.company_id, p.person_id) for p in api.store.take_screen_pops()] == [(cid, None)]


def test_show_person_of_other_company_is_400(api):
    a, b = api.company(name="A"), api.company(name="B")
    pid = api.person(a)
    r = api.post("/contacts/show", {"contact": {"person": {"id": pid}, "company": {"id": b}}})
    assert r.status_code == 400
    assert "does not belong" in r.json()["message"]


@pytest.mark.parametrize("body, status, message", [
    ({"contact": {"company": None, "person": None}}, 400, "company or a person"),
    ({"contact": {}}, 400, "company or a person"),
    ({}, 400, "contact is required"),
    ({"contact": {"company": {"id": "NOPE"}, "person": None}}, 404, "No company with id 'NOPE'"),
    ({"contact": {"company": {"name": "x"}, "person": None}}, 400, "contact.company"),
])
def test_show_errors(api, body, status, message):
    r = api.post("/contacts/show", body)
    assert r.status_code == status
    assert message in r.json()["message"]


def test_eight_agents_looking_up_at_once_each_get_their_callers(api):
    """On PostgreSQL lookups arriving together share one round trip (shared.group_lookup);
    every agent still gets the contacts of its own number, and a number saved a moment
    ago is found at once (nothing is kept between lookups)."""
    phones = [unique_phone() for _ in range(8)]
    ids = [api.person(None, firstName="Agent", lastName=f"Caller {k}", phone=p)
           for k, p in enumerate(phones)]
    wrong: list[str] = []

    def agent(k: int) -> None:
        with requests.Session() as s:
            s.headers.update(api.session.headers)
            for i in range(25):
                n = (k + i) % len(phones)
                r = s.post(api.url + "/contacts/search",
                           json={"query": {"phoneNumber": phones[n]}}, timeout=30)
                got = [c["person"]["id"] for c in r.json().get("contacts", [])]
                if r.status_code != 200 or got != [ids[n]]:
                    wrong.append(f"{phones[n]}: {r.status_code} {got}")

    at_once(agent)
    assert not wrong, wrong[:3]
    phone = unique_phone()
    assert api.post("/contacts/search", {"query": {"phoneNumber": phone}}).json() == {
        "contacts": []}
    pid = api.person(None, firstName="Just", lastName="Saved", phone=phone)
    r = api.post("/contacts/search", {"query": {"phoneNumber": phone}})
    assert [c["person"]["id"] for c in r.json()["contacts"]] == [pid]
