"""What every client gets for a missing key, a wrong method, and bodies we cannot read."""

from __future__ import annotations

import base64

import pytest
import requests

from tests.conftest import db_content

from .conftest import API_KEY

OPERATIONS = [
    ("POST", "/contacts/show"), ("POST", "/contacts/search"), ("POST", "/companies"),
    ("GET", "/companies/X"), ("PATCH", "/companies/X"), ("POST", "/persons"),
    ("GET", "/persons/X"), ("PATCH", "/persons/X"), ("GET", "/campaigns/X/contacts"),
    ("GET", "/campaigns/X/tasks"), ("GET", "/campaigns/X/next"), ("POST", "/calls"),
]


def _basic(password: str, user: str = "apollo") -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize("method, path", OPERATIONS)
@pytest.mark.parametrize("authorization", [
    None, "Bearer wrong-key", _basic("wrong-key"), "Bearer", "Basic !!!notbase64",
    f"Token {API_KEY}", _basic("", API_KEY),
])
def test_every_operation_needs_the_key(api, method, path, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    r = requests.request(method, api.url + path, json={}, headers=headers, timeout=10)
    assert r.status_code == 401
    assert r.json()["message"]
    assert "Bearer" in r.headers["WWW-Authenticate"]


@pytest.mark.parametrize("authorization", [f"Bearer {API_KEY}", _basic(API_KEY),
                                           _basic(API_KEY, user="")])
def test_bearer_and_basic_with_the_key_work(api, authorization):
    r = requests.post(api.url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}},
                      headers={"Authorization": authorization}, timeout=10)
    assert r.status_code == 200


def test_openapi_document_is_open(api):
    r = requests.get(api.url + "/openapi.json", timeout=10)
    assert r.status_code == 200
    assert r.json()["openapi"].startswith("3.1")


def test_unknown_path_and_wrong_method(api):
    r = api.get("/nowhere")
    assert r.status_code == 404 and "/nowhere" in r.json()["message"]
    r = api.request("DELETE", "/companies/X")
    assert r.status_code == 405
    assert "GET" in r.json()["message"] and "PATCH" in r.json()["message"]
    r = api.get("/calls")
    assert r.status_code == 405 and r.headers["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("data, content_type, status, message", [
    (b'{"query":', "application/json", 400, "not valid JSON"),
    (b"", "application/json", 400, "empty"),
    (b"[1, 2]", "application/json", 400, "JSON object"),
    (b'"text"', "application/json", 400, "JSON object"),
    (b"null", "application/json", 400, "JSON object"),
    (b'{"query": NaN}', "application/json", 400, "not valid JSON"),
    (b"\xff\xfe{}", "application/json", 400, "UTF-8"),
    (b'{"query": {"phoneNumber": "+4350456"}}', "text/plain", 415, "application/json"),
    (b'{"query": {"phoneNumber": "+4350456"}}', None, 415, "application/json"),
    (b"phoneNumber=+4350456", "application/x-www-form-urlencoded", 415, "application/json"),
    (b"[" * 500 + b"]" * 500, "application/json", 400, "JSON object"),
    (b"[" * 100_000 + b"]" * 100_000, "application/json", 400, "nested too deeply"),
    (b'{"a": "' + b"x" * (2 * 1024 * 1024) + b'"}', "application/json", 413, "larger"),
])
def test_unreadable_bodies(api, data, content_type, status, message):
    headers = {"Content-Type": content_type} if content_type else {}
    before = db_content(api.db_path)
    r = api.request("POST", "/companies", data=data, headers=headers)
    assert r.status_code == status, r.text
    assert message in r.json()["message"]
    assert db_content(api.db_path) == before


def test_json_with_charset_parameter_is_fine(api):
    r = api.request("POST", "/contacts/search",
                    data=b'{"query": {"phoneNumber": "+4350456"}}',
                    headers={"Content-Type": "application/json; charset=utf-8"})
    assert r.status_code == 200


def test_errors_are_json_with_a_message_only_or_field(api):
    r = api.post("/companies", {"contact": {"company": {"name": "X", "phone": "1"}}})
    assert set(r.json()) == {"message", "field"}
