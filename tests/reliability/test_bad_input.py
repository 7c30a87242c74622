"""Bad input never gets a 5xx, never changes the database, always says why.

``tests/api/test_http_errors_api.py`` covers bodies that cannot be read at
all (not JSON, not an object, too deep at the top, too large with a
Content-Length, a wrong content type, bytes that are not UTF-8 at the start).
This file adds values that are readable but wrong, field by field, in every
operation that takes a body: NUL bytes, huge strings, wrong types, phone
numbers with spaces, timestamps without a zone, deep nesting inside a field,
a large body sent without a Content-Length, and broken UTF-8 inside a string.

The property-based run with several hundred cases per operation is
``test_api_conforms_to_its_document_at_length`` (``-m slow``); the default
suite's shorter run is ``tests/api/test_schemathesis_api.py``. Both are
deterministic (``derandomize``), so a failure reproduces.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, settings

from shared.model import Actor, ContactRef
from tests.conftest import db_content
from tests.fuzzing import CHECKS, fuzz_schema, seed_example_campaign

from .conftest import API_KEY, CAMPAIGN, Served, call_body, serve

C = "COMPANY"  # replaced by the seeded company's id
P = "PERSON"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, dict[str, str]]]:
    with serve(tmp_path_factory.mktemp("bad") / "callsheet.db") as s:
        actor = Actor("cli")
        s.store.create_campaign(CAMPAIGN, "Callbacks", actor)
        company = s.store.create_company({"name": "Target GmbH", "country": "DE"}, actor)
        person = s.store.create_person({"firstName": "Rob"}, actor, company_id=company.id)
        s.store.assign_contacts(CAMPAIGN, [ContactRef(company.id)], actor)
        yield s, {C: company.id, P: person.id}


def _call(**fields: Any) -> dict[str, Any]:
    body = call_body("bad-call-1", company=C)
    body["call"].update(fields)
    return body


def _company(**fields: Any) -> dict[str, Any]:
    return {"contact": {"company": {"name": "New GmbH"} | fields}}


def _person(**fields: Any) -> dict[str, Any]:
    return {"contact": {"company": {"id": C}, "person": {"firstName": "Ann"} | fields}}


def _search(number: Any) -> dict[str, Any]:
    return {"query": {"phoneNumber": number}}


def _deep(n: int, leaf: str = "1") -> str:
    return '{"a":' * n + leaf + "}" * n


HUGE = "x" * 900_000  # under the 1 MiB body limit, so the field rule must refuse it

# (id, method, path, JSON body, expected status, words the message must contain)
CASES: list[tuple[str, str, str, Any, int, str]] = [
    # NUL bytes and other control characters in strings
    ("nul-company-name", "POST", "/companies", _company(name="ACME\x00 GmbH"), 400, "control"),
    ("nul-company-patch", "PATCH", f"/companies/{C}", {"company": {"city": "Wi\x00en"}}, 400,
     "control"),
    ("nul-person-name", "POST", "/persons", _person(lastName="\x00"), 400, "control"),
    ("nul-person-patch", "PATCH", f"/persons/{P}", {"person": {"annotation": "a\x00"}}, 400,
     "control"),
    ("nul-call-id", "POST", "/calls", _call(id="call\x00"), 400, "call.id"),
    ("nul-call-agent", "POST", "/calls", _call(agent="peggy\x00"), 400, "call.agent"),
    ("nul-call-tag", "POST", "/calls", _call(tags=[{"category": "a", "id": "b\x00"}]), 400,
     "tags[0].id"),
    ("nul-search", "POST", "/contacts/search", _search("+49\x00123456"), 400, "E.164"),
    ("nul-show", "POST", "/contacts/show", {"contact": {"company": {"id": "\x00"},
                                                        "person": None}}, 404, "No company"),
    # huge strings
    ("huge-company-name", "POST", "/companies", _company(name="N" * 201), 400, "too long"),
    ("huge-company-note", "POST", "/companies", _company(annotation=HUGE), 400, "too long"),
    ("huge-person-patch", "PATCH", f"/persons/{P}", {"person": {"lastName": HUGE}}, 400,
     "too long"),
    ("huge-call-note", "POST", "/calls", _call(annotation=HUGE), 400, "too long"),
    ("huge-call-id", "POST", "/calls", _call(id="i" * 201), 400, "call.id"),
    ("huge-call-phone", "POST", "/calls", _call(phoneNumber="+" + "4" * 5000), 400,
     "phoneNumber"),
    ("huge-search", "POST", "/contacts/search", _search("+" + "4" * 100_000), 400, "phoneNumber"),
    # wrong types, field by field
    ("type-company-name", "POST", "/companies", _company(name=123), 400, "name"),
    ("type-company-phone", "POST", "/companies", _company(phone=498944322883100), 400, "phone"),
    ("type-company-country", "POST", "/companies", _company(country=["DE"]), 400, "country"),
    ("type-company-email", "POST", "/companies", _company(email={}), 400, "email"),
    ("type-company-note", "POST", "/companies", _company(annotation=True), 400, "annotation"),
    ("type-company-body", "POST", "/companies", {"contact": {"company": "ACME"}}, 400, "company"),
    ("type-company-patch", "PATCH", f"/companies/{C}", {"company": []}, 400, "company"),
    ("type-person-first", "POST", "/persons", _person(firstName=["Ann"]), 400, "firstName"),
    ("type-person-company", "POST", "/persons",
     {"contact": {"company": C, "person": {"firstName": "Ann"}}}, 400, "company"),
    ("type-person-move", "PATCH", f"/persons/{P}", {"person": {}, "company": {"id": 5}}, 400,
     "company"),
    ("type-call", "POST", "/calls", {"call": "c1"}, 400, "call"),
    ("type-call-id", "POST", "/calls", _call(id=42), 400, "call.id"),
    ("type-call-tags", "POST", "/calls", _call(tags="ok"), 400, "tags"),
    ("type-call-tag", "POST", "/calls", _call(tags=[1]), 400, "tags[0]"),
    ("type-call-newtasks", "POST", "/calls", _call(newTasks={}), 400, "newTasks"),
    ("type-call-dnc", "POST", "/calls", _call(doNotCall="yes"), 400, "doNotCall"),
    ("type-call-contact", "POST", "/calls", _call(contact="C1"), 400, "contact"),
    ("type-call-attempt", "POST", "/calls", _call(attempts=[{"agent": 5}]), 400, "agent"),
    ("type-call-time", "POST", "/calls", _call(timestampInit=1732617228), 400, "timestampInit"),
    ("type-call-source", "POST", "/calls", _call(source="queue"), 400, "source"),
    ("type-search-query", "POST", "/contacts/search", {"query": "+4350456"}, 400, "query"),
    ("type-search-number", "POST", "/contacts/search", _search(4350456), 400, "phoneNumber"),
    ("type-show", "POST", "/contacts/show", {"contact": []}, 400, "contact"),
    # phone numbers with spaces (the API takes E.164 only; the desktop normalises)
    ("space-company-phone", "POST", "/companies", _company(phone="+49 89 4432288"), 400, "E.164"),
    ("space-company-patch", "PATCH", f"/companies/{C}", {"company": {"phone2": " +4989443228"}},
     400, "E.164"),
    ("space-person-phone", "POST", "/persons", _person(phone="+43 50 456"), 400, "E.164"),
    ("space-search", "POST", "/contacts/search", _search("+43 50456"), 400, "E.164"),
    ("space-call", "POST", "/calls", _call(phoneNumber="+49 89 4432"), 400, "E.164"),
    # timestamps without a zone: their meaning would be a guess
    ("zone-call-init", "POST", "/calls", _call(timestampInit="2026-11-26T10:33:48"), 400,
     "timestampInit"),
    ("zone-call-end", "POST", "/calls", _call(timestampEnd="2026-11-26 10:36:00.5"), 400,
     "timestampEnd"),
    ("zone-new-task", "POST", "/calls",
     _call(newTasks=[{"campaign": CAMPAIGN, "timestamp": "2026-12-01T09:00:00"}]), 400,
     "timestamp"),
    ("zone-attempt", "POST", "/calls",
     _call(attempts=[{"agent": "bob", "timestampAssigned": "2026-11-26T10:33:49"}]), 400,
     "timestampAssigned"),
    ("zone-tasks-from", "GET", f"/campaigns/{CAMPAIGN}/tasks?from=2026-12-01T09:00:00", None,
     400, "from"),
]


def _fill(value: Any, ids: dict[str, str]) -> Any:
    text = json.dumps(value)
    for k, v in ids.items():
        text = text.replace(k, v)
    return text.encode()


def _check_refused(api, method: str, path: str, data: bytes | Any, status: int, words: str,
                   headers: dict[str, str] | None = None) -> None:
    served, ids = api
    for k, v in ids.items():
        path = path.replace(k, v)
    before = db_content(served.db_path)
    r = requests.request(method, served.url + path, data=data, timeout=60,
                         headers={"Authorization": f"Bearer {API_KEY}",
                                  "Content-Type": "application/json"} | (headers or {}))
    assert r.status_code == status, r.text[:300]
    assert r.headers["Content-Type"].startswith("application/json")
    message = r.json()["message"]
    assert message and words in message, message
    assert db_content(served.db_path) == before


@pytest.mark.parametrize("method, path, body, status, words",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_values_are_refused_and_change_nothing(api, method, path, body, status, words):
    data = None if body is None else _fill(body, api[1])
    _check_refused(api, method, path, data, status, words)


@pytest.mark.parametrize("path, field", [
    ("/calls", b'{"call": {"id": "c-deep", "tags": [{"category": "a", "id": "b", "payload": '
     + b"[" * 1000 + b"]" * 1000 + b"}]}}"),
    ("/companies", b'{"contact": {"company": {"name": ' + _deep(1000).encode() + b"}}}"),
    ("/contacts/search", b'{"query": ' + _deep(1000, '"+4350456"').encode() + b"}"),
    ("/persons", b'{"contact": {"company": null, "person": {"firstName": "A", "x": '
     + _deep(1000).encode() + b"}}}"),
], ids=["call-payload", "company-name", "search-query", "person-unknown-key"])
def test_a_thousand_levels_inside_a_field_are_refused(api, path, field):
    _check_refused(api, "POST", path, field, 400, "nested too deeply")


def test_two_mib_without_a_content_length_is_refused(api):
    chunk = b"x" * 65536
    body = [b'{"call": {"id": "big", "annotation": "'] + [chunk] * 32 + [b'"}}']
    # A generator makes requests send it chunked: the size is known only by reading.
    _check_refused(api, "POST", "/calls", iter(body), 413, "larger")


@pytest.mark.parametrize("raw", [
    b'{"call": {"id": "utf8-1", "agent": "\xc3\x28"}}',  # a broken two-byte sequence
    b'{"contact": {"company": {"name": "\xc0\xaf"}}}',  # an overlong encoding of "/"
    b'{"query": {"phoneNumber": "+4350456\xed\xa0\x80"}}',  # a UTF-8-encoded surrogate
], ids=["call-agent", "company-name", "search-number"])
def test_invalid_utf8_inside_a_string_is_refused(api, raw):
    path = "/calls" if b"call" in raw else "/companies" if b"company" in raw else "/contacts/search"
    _check_refused(api, "POST", path, raw, 400, "UTF-8")


@pytest.mark.parametrize("path, raw", [
    ("/companies", b'{"contact": {"company": {"name": "A\\ud800"}}}'),
    ("/calls", b'{"call": {"id": "surrogate-1", "annotation": "\\udfff"}}'),
], ids=["company-name", "call-annotation"])
def test_lone_surrogate_escapes_are_refused(api, path, raw):
    _check_refused(api, "POST", path, raw, 400, "lone surrogate")


# -- property-based, at length -------------------------------------------------

LONG_EXAMPLES = int(os.environ.get("CALLSHEET_FUZZ_EXAMPLES_SLOW", "300"))
long_schema = fuzz_schema(LONG_EXAMPLES)


@pytest.fixture(scope="module")
def fuzzed(api):
    served, _ = api
    seed_example_campaign(served.store)
    return served


@pytest.mark.slow
@long_schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          max_examples=LONG_EXAMPLES)
def test_api_conforms_to_its_document_at_length(case, fuzzed):
    case.call_and_validate(
        base_url=fuzzed.url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        checks=CHECKS,
    )
