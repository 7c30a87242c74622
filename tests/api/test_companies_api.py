"""POST /companies, GET and PATCH /companies/{companyId}."""

from __future__ import annotations

import pytest

from tests.conftest import db_content

from .seed import CREATE_COMPANY, UPDATE_COMPANY, seed


def test_create_seed_example_then_get(api):
    r = api.post("/companies", seed(CREATE_COMPANY))
    assert r.status_code == 201
    cid = r.json()["contact"]["company"]["id"]
    assert r.json() == {"contact": {"company": {"id": cid}}}
    assert cid == cid.upper() and len(cid) == 36 and cid[14] == "4"
    assert r.headers["Location"].endswith(f"/companies/{cid}")
    got = api.get(f"/companies/{cid}")
    assert got.status_code == 200
    assert got.json() == {"company": {
        "id": cid, "name": "CX Labs GmbH", "address": "Prinzregentenstrasse 54",
        "zipCode": "80538", "city": "München", "country": "DE", "phone": "+498944322883100",
        "phone2": None, "email": "office@cxlabs.de", "annotation": "Sauber!",
        "displayName": "CX Labs GmbH (DE)", "doNotCall": False}}


def test_create_with_name_only_sets_others_null(api):
    r = api.post("/companies", {"contact": {"company": {"name": "Solo"}}})
    company = api.get(f"/companies/{r.json()['contact']['company']['id']}").json()["company"]
    assert company["displayName"] == "Solo"
    assert company["country"] is None and company["phone"] is None


def test_unknown_keys_are_ignored(api):
    r = api.post("/companies", {"contact": {"company": {"name": "X", "vatId": "DE1"}},
                                "extra": 1})
    assert r.status_code == 201


def test_patch_seed_example_changes_only_email(api):
    cid = api.post("/companies", seed(CREATE_COMPANY)).json()["contact"]["company"]["id"]
    before = api.get(f"/companies/{cid}").json()["company"]
    r = api.patch(f"/companies/{cid}", seed(UPDATE_COMPANY))
    assert r.status_code == 204
    after = api.get(f"/companies/{cid}").json()["company"]
    assert after == before | {"email": "office@cxlabs.at"}


def test_patch_null_clears_and_country_changes_display_name(api):
    cid = api.company(name="Klar", country="DE", phone="+4989123456")
    assert api.patch(f"/companies/{cid}", {"company": {"phone": None, "country": "AT"}}
                     ).status_code == 204
    company = api.get(f"/companies/{cid}").json()["company"]
    assert company["phone"] is None
    assert company["displayName"] == "Klar (AT)"


@pytest.mark.parametrize("fields, field, message", [
    ({}, "contact.company.name", "contact.company.name is required"),
    ({"name": "  "}, "contact.company.name", "must not be blank"),
    ({"name": None}, "contact.company.name", "contact.company.name"),
    ({"name": "X", "country": "Germany"}, "contact.company.country", "ISO 3166-1 alpha-2"),
    ({"name": "X", "country": "XX"}, "contact.company.country", "ISO 3166-1 alpha-2"),
    ({"name": "X", "phone": "089 1234"}, "contact.company.phone", "E.164"),
    ({"name": "X", "phone2": "+49-89"}, "contact.company.phone2", "E.164"),
    ({"name": "X", "email": "office-at-cxlabs"}, "contact.company.email", "e-mail address"),
    ({"name": "X", "zipCode": 80538}, "contact.company.zipCode", "must be of type"),
    ({"name": "X" * 201}, "contact.company.name", "too long"),
    ({"name": "X", "annotation": "a\x00b"}, "contact.company.annotation", "control characters"),
])
def test_create_rejects_invalid_fields_naming_them(api, fields, field, message):
    before = db_content(api.db_path)
    r = api.post("/companies", {"contact": {"company": fields}})
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field
    assert message in r.json()["message"]
    assert db_content(api.db_path) == before


def test_create_company_contact_with_person_is_400(api):
    r = api.post("/companies", {"contact": {"company": {"name": "X"},
                                            "person": {"firstName": "A"}}})
    assert r.status_code == 400


def test_patch_invalid_changes_nothing(api):
    cid = api.company(name="Stays", email="a@b.de")
    before = db_content(api.db_path)
    r = api.patch(f"/companies/{cid}", {"company": {"email": "c@d.de", "phone": "12"}})
    assert r.status_code == 400
    assert r.json()["field"] == "company.phone"
    assert db_content(api.db_path) == before
    assert api.get(f"/companies/{cid}").json()["company"]["email"] == "a@b.de"


def test_patch_name_null_is_400(api):
    cid = api.company(name="Named")
    r = api.patch(f"/companies/{cid}", {"company": {"name": None}})
    assert r.status_code == 400
    assert "company.name" in r.json()["message"]


def test_unknown_company_is_404(api):
    assert api.get("/companies/NOPE").status_code == 404
    r = api.patch("/companies/NOPE", seed(UPDATE_COMPANY))
    assert r.status_code == 404
    assert r.json() == {"message": "No company with id 'NOPE'."}


def test_escaped_surrogate_pair_is_a_real_character(api):
    r = api.request("POST", "/companies", data=b'{"contact": {"company": {"name": "Caf\\u00e9 '
                    b'\\ud83d\\ude00"}}}', headers={"Content-Type": "application/json"})
    assert r.status_code == 201
    cid = r.json()["contact"]["company"]["id"]
    assert api.get(f"/companies/{cid}").json()["company"]["name"] == "Café 😀"
