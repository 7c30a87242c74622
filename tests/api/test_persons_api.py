"""POST /persons, GET and PATCH /persons/{personId}."""

from __future__ import annotations

import pytest

from tests.conftest import db_content

from .seed import CREATE_PERSON, UPDATE_PERSON, seed


def test_create_seed_example_for_existing_company(api):
    cid = api.company(name="CX Labs GmbH", country="DE")
    body = seed(CREATE_PERSON)
    body["contact"]["company"]["id"] = cid
    r = api.post("/persons", body)
    assert r.status_code == 201
    pid = r.json()["contact"]["person"]["id"]
    assert r.json() == {"contact": {"person": {"id": pid}}}
    got = api.get(f"/persons/{pid}")
    assert got.status_code == 200
    assert got.json() == {"person": {
        "id": pid, "displayName": "Robert Klein", "salutation": "Herr", "firstName": "Robert",
        "lastName": "Klein", "city": "", "phone": "+498944322883100", "phone2": None,
        "email": "rob@cxlabs.de", "annotation": "Cooler Typ",
        "company": {"id": cid, "displayName": "CX Labs GmbH (DE)"}, "doNotCall": False}}


def test_create_seed_example_as_printed_names_unknown_company(api):
    before = db_content(api.db_path)
    r = api.post("/persons", seed(CREATE_PERSON))
    assert r.status_code == 404
    assert "64A865FC-732B-E811-A954-000D3A246A83" in r.json()["message"]
    assert db_content(api.db_path) == before


def test_private_person_and_display_name(api):
    r = api.post("/persons", {"contact": {"company": None, "person": {
        "firstName": "Robert", "lastName": "Klein", "displayName": "Rob Klein"}}})
    pid = r.json()["contact"]["person"]["id"]
    person = api.get(f"/persons/{pid}").json()["person"]
    assert person["displayName"] == "Rob Klein"
    assert person["company"] is None


def test_patch_seed_example(api):
    pid = api.person(None, city="Berlin")
    before = api.get(f"/persons/{pid}").json()["person"]
    assert api.patch(f"/persons/{pid}", seed(UPDATE_PERSON)).status_code == 204
    assert api.get(f"/persons/{pid}").json()["person"] == before | {"city": "München"}


def test_patch_moves_person_to_another_company_and_back_to_private(api):
    a, b = api.company(name="A GmbH"), api.company(name="B GmbH")
    pid = api.person(a)
    assert api.patch(f"/persons/{pid}", {"person": {}, "company": {"id": b}}).status_code == 204
    assert api.get(f"/persons/{pid}").json()["person"]["company"]["id"] == b
    assert api.patch(f"/persons/{pid}", {"person": {}, "company": None}).status_code == 204
    assert api.get(f"/persons/{pid}").json()["person"]["company"] is None


def test_patch_to_unknown_company_is_404_and_changes_nothing(api):
    pid = api.person(None)
    before = db_content(api.db_path)
    r = api.patch(f"/persons/{pid}", {"person": {"city": "X"}, "company": {"id": "NOPE"}})
    assert r.status_code == 404
    assert db_content(api.db_path) == before


def test_patch_cannot_remove_every_name(api):
    pid = api.person(None, firstName="Only", lastName=None)
    r = api.patch(f"/persons/{pid}", {"person": {"firstName": None}})
    assert r.status_code == 400
    assert "firstName, a lastName or a displayName" in r.json()["message"]


@pytest.mark.parametrize("fields, message", [
    ({}, "firstName"),
    ({"firstName": " ", "lastName": ""}, "firstName"),
    ({"lastName": "K", "phone": "+49 151"}, "E.164"),
    ({"lastName": "K", "email": "rob@"}, "e-mail"),
    ({"lastName": "K", "salutation": "x" * 51}, "too long"),
])
def test_create_rejects_invalid_person(api, fields, message):
    r = api.post("/persons", {"contact": {"company": None, "person": fields}})
    assert r.status_code == 400, r.text
    assert message in r.json()["message"]


def test_unknown_person_is_404(api):
    assert api.get("/persons/NOPE").status_code == 404
    assert api.patch("/persons/NOPE", seed(UPDATE_PERSON)).status_code == 404
