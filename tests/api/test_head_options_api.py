"""HEAD wherever GET is; OPTIONS lists every method, HEAD and OPTIONS included."""

from __future__ import annotations

import pytest
import requests

from shared.model import Actor, ContactRef

CLI = Actor("cli")


@pytest.fixture(scope="module")
def ids(api):
    if "head_k" not in [c.id for c in api.store.list_campaigns()]:
        api.store.create_campaign("head_k", "Head", CLI)
    cid = api.company(name="Head GmbH")
    pid = api.person(cid)
    api.store.assign_contacts("head_k", [ContactRef(cid)], CLI)
    return {"company_id": cid, "person_id": pid, "campaign_id": "head_k"}


GET_ROUTES = [
    "/openapi.json",
    "/companies/{company_id}",
    "/persons/{person_id}",
    "/campaigns/{campaign_id}/contacts",
    "/campaigns/{campaign_id}/tasks?limit=5",
    "/companies/NO-SUCH-COMPANY",
    "/campaigns/no_such_campaign/tasks",
    "/campaigns/{campaign_id}/tasks?limit=abc",
]


@pytest.mark.parametrize("route", GET_ROUTES)
def test_head_answers_like_get_without_a_body(api, ids, route):
    path = route.format(**ids)
    got = api.get(path)
    head = api.request("HEAD", path)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers["Content-Length"] == str(len(got.content))
    assert head.headers["Content-Type"].startswith("application/json")


def test_head_next_checks_the_campaign_but_hands_nobody_out(api, ids):
    assert api.request("HEAD", "/campaigns/head_k/next").status_code == 200
    assert api.request("HEAD", "/campaigns/no_such_campaign/next").status_code == 404
    # HEAD took nobody: the one contact is still there for GET.
    assert api.get("/campaigns/head_k/next").json()["contact"]["company"]["id"] == ids[
        "company_id"]


def test_head_needs_the_key(api, ids):
    r = requests.head(api.url + f"/companies/{ids['company_id']}", timeout=10)
    assert r.status_code == 401


@pytest.mark.parametrize("route, allow", [
    ("/companies/{company_id}", "GET, HEAD, PATCH, OPTIONS"),
    ("/persons/{person_id}", "GET, HEAD, PATCH, OPTIONS"),
    ("/campaigns/{campaign_id}/next", "GET, HEAD, OPTIONS"),
    ("/openapi.json", "GET, HEAD, OPTIONS"),
    ("/calls", "POST, OPTIONS"),
    ("/contacts/search", "POST, OPTIONS"),
])
def test_options_lists_head_and_options(api, ids, route, allow):
    r = api.request("OPTIONS", route.format(**ids))
    assert r.status_code == 200
    assert r.headers["Allow"] == allow


def test_method_not_allowed_names_head_too(api, ids):
    r = api.request("DELETE", f"/companies/{ids['company_id']}")
    assert r.status_code == 405
    assert set(r.headers["Allow"].split(", ")) == {"GET", "HEAD", "PATCH", "OPTIONS"}
    assert "HEAD" in r.json()["message"]
