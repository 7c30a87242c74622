"""Input at the edges, over HTTP: years, digits and offsets of timestamps, numbers
that overflow, invisible and direction-changing characters in names, e-mail
addresses that only look like one, and NFC before length limits.

Every refusal is a 400 naming the field, with the message it must show, and
leaves the database as it was.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import db_content

from .seed import call_with

D = "e\u0301"  # "é" decomposed: two code points
C = "\u00e9"  # "é" composed: one


@pytest.fixture(scope="module")
def company_id(api):
    return api.company(name="Edge GmbH")


def _refused(api, r, field, message):
    assert r.status_code == 400, r.text
    assert r.json()["field"] in (field, f"contact.company.{field}", f"contact.person.{field}")
    assert message in r.json()["message"], r.json()["message"]


@pytest.mark.parametrize("value, message", [
    ("0999-06-01T10:00:00Z", "must have a four-digit year from 1900 to 9999"),
    ("0001-01-01T00:00:00Z", "must have a four-digit year from 1900 to 9999"),
    ("1899-12-31T23:59:59Z", "must have a four-digit year from 1900 to 9999"),
    ("999-06-01T10:00:00Z", "must be an ISO 8601 date and time"),
    ("\uff12\uff10\uff12\uff16-11-26T10:33:48Z", "must be written with the digits 0-9"),
    ("\u0662\u0660\u0662\u0666-11-26T10:33:48Z", "must be written with the digits 0-9"),
    ("2026-11-26T10:33:48+14:01", "has an offset of +14:01; offsets run from -14:00 to +14:00"),
    ("2026-11-26T10:33:48-23:00", "has an offset of -23:00"),
    ("2026-11-26T10:33:48+01:60", "has an offset of +01:60"),
])
def test_call_timestamps_at_the_edges_are_400(api, company_id, value, message):
    before = db_content(api.db_path)
    r = api.post("/calls", call_with(company_id, None, timestampInit=value))
    _refused(api, r, "call.timestampInit", f"call.timestampInit {message}")
    assert db_content(api.db_path) == before


def test_timestamps_at_the_ends_of_the_range_are_stored(api, company_id):
    for value, shown in (("1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z"),
                         ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z")):
        body = call_with(company_id, None, timestampInit=value, newTasks=[])
        assert api.post("/calls", body).status_code == 201
        row = api.store.db.execute("SELECT timestamp_init FROM calls WHERE id = ?",
                                   [body["call"]["id"]]).fetchone()
        assert row[0] == shown.replace("Z", ".000Z")


@pytest.mark.parametrize("query, message", [
    ("from=0999-01-01", "from must have a four-digit year from 1900 to 9999"),
    ("to=2026-01-01T00:00:00%2B15:00", "to has an offset of +15:00"),
])
def test_task_bounds_at_the_edges_are_400(api, query, message):
    if "edge_k" not in [c.id for c in api.store.list_campaigns()]:
        from shared.model import Actor
        api.store.create_campaign("edge_k", "Edge", Actor("cli"))
    r = api.get(f"/campaigns/edge_k/tasks?{query}")
    assert r.status_code == 400 and message in r.json()["message"], r.text


@pytest.mark.parametrize("payload, field", [
    ('{"n": 1e400}', "call.tags[0].payload.n"),
    ("[1, -1e999]", "call.tags[0].payload[1]"),
    ("1E+400", "call.tags[0].payload"),
])
def test_a_number_that_overflows_to_infinity_is_400(api, company_id, payload, field):
    body = call_with(company_id, None, newTasks=[])
    body["call"]["tags"] = [{"category": "c", "id": "t", "payload": "PAYLOAD"}]
    text = json.dumps(body).replace('"PAYLOAD"', payload)
    before = db_content(api.db_path)
    r = api.request("POST", "/calls", data=text.encode(),
                    headers={"Content-Type": "application/json"})
    _refused(api, r, field, "too large to store")
    assert db_content(api.db_path) == before


@pytest.mark.parametrize("name", ["\u200b", "\ufeff", "\u200b\u200d\u2060\ufeff", " \u200b ",
                                  "\u3164", "\u00ad"])
def test_a_company_name_of_invisible_characters_is_blank(api, name):
    r = api.post("/companies", {"contact": {"company": {"name": name}}})
    _refused(api, r, "name", "name must not be blank.")


def test_a_person_named_only_invisibly_has_no_name(api, company_id):
    r = api.post("/persons", {"contact": {"company": {"id": company_id}, "person": {
        "firstName": "\u200b", "lastName": "\ufeff", "displayName": "\u200c"}}})
    _refused(api, r, "lastName", "A person needs a firstName, a lastName or a displayName.")


@pytest.mark.parametrize("field, value, message", [
    ("name", "ACME\u0085GmbH", "name contains control characters"),
    ("name", "ACME\u009b31m", "name contains control characters"),
    ("name", "Firma\u202eHbmG", "name contains a bidirectional override"),
    ("name", "\u2066Evil\u2069 GmbH", "name contains a bidirectional override"),
    ("annotation", "note\u0080", "annotation contains control characters"),
])
def test_c1_controls_and_bidi_overrides_in_names_are_400(api, field, value, message):
    body = {"name": "Fine GmbH"} | {field: value}
    r = api.post("/companies", {"contact": {"company": body}})
    _refused(api, r, field, message)


def test_bidi_override_in_a_person_name_is_400(api, company_id):
    r = api.post("/persons", {"contact": {"company": {"id": company_id}, "person": {
        "firstName": "Rob", "lastName": "Klein\u202d"}}})
    _refused(api, r, "lastName", "lastName contains a bidirectional override")


@pytest.mark.parametrize("email", ["a@b..de", "mailto:a@b.de", ".a@b.de", "a.@b.de",
                                   "a..b@b.de", "a@-b.de", "a@b.de.", "a@b", "a b@c.de"])
def test_things_that_only_look_like_e_mail_addresses_are_400(api, email):
    r = api.post("/companies", {"contact": {"company": {"name": "Mail GmbH", "email": email}}})
    _refused(api, r, "email", "email must be an e-mail address like office@example.com")


@pytest.mark.parametrize("email", ["a@b.de", "o'brien+tag@sub.example.co.uk",
                                   "j\u00fcrgen@m\u00fcller.de", "first.last@x-y.com"])
def test_e_mail_addresses_are_accepted(api, email):
    r = api.post("/companies", {"contact": {"company": {"name": "Mail GmbH", "email": email}}})
    assert r.status_code == 201, r.text


def test_text_is_nfc_so_length_limits_count_alike(api):
    r = api.post("/companies", {"contact": {"company": {"name": D * 200}}})
    assert r.status_code == 201, r.text  # 400 code points, 200 characters
    cid = r.json()["contact"]["company"]["id"]
    assert api.get(f"/companies/{cid}").json()["company"]["name"] == C * 200
    for name in (D * 201, C * 201):
        r = api.post("/companies", {"contact": {"company": {"name": name}}})
        _refused(api, r, "name", "contact.company.name is too long (at most 200 characters)")


def test_escaped_decomposed_text_is_nfc_too(api):
    text = '{"contact": {"company": {"name": "%s"}}}' % ("e\\u0301" * 200)
    r = api.request("POST", "/companies", data=text.encode(),
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 201, r.text
    cid = r.json()["contact"]["company"]["id"]
    assert api.get(f"/companies/{cid}").json()["company"]["name"] == C * 200


def test_a_decomposed_name_is_stored_composed(api):
    pid = api.person(None, firstName="Ren" + D, lastName="Fran" + "c\u0327" + "ois")
    person = api.get(f"/persons/{pid}").json()["person"]
    assert person["firstName"] == "Ren" + C
    assert person["displayName"] == f"Ren{C} Fran\u00e7ois"


def test_call_notes_are_nfc(api, company_id):
    body = call_with(company_id, None, newTasks=[], annotation=D * 10000, agent="Ren" + D)
    assert api.post("/calls", body).status_code == 201, body["call"]["annotation"][:20]
    row = api.store.db.execute("SELECT annotation, agent FROM calls WHERE id = ?",
                               [body["call"]["id"]]).fetchone()
    assert tuple(row) == (C * 10000, "Ren" + C)
