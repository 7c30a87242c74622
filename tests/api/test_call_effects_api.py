"""POST /calls over HTTP: a replay replaces the call's effects; a call closes only its own task."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from shared.model import Actor, ContactRef

from .seed import call_with

CLI = Actor("cli")
DESKTOP = Actor.desktop()
WHEN = datetime(2026, 12, 1, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def campaigns(api):
    have = {c.id for c in api.store.list_campaigns()}
    for cid in ("fx_c1", "fx_c2"):
        if cid not in have:
            api.store.create_campaign(cid, cid.upper(), CLI)
    return "fx_c1", "fx_c2"


def _campaign_call(company, person, campaign, task, **kw):
    return call_with(company, person, source={"type": "campaign", "id": campaign, "task": task},
                     newTasks=[], **kw)


def _dnc(api, kind, key):
    path = {"person": "persons", "company": "companies"}[kind]
    return api.get(f"/{path}/{key}").json()[kind]["doNotCall"]


def test_replay_as_queue_call_for_another_person_undoes_task_and_flag(api, campaigns):
    c1, _ = campaigns
    cid = api.company()
    a, b = api.person(cid), api.person(cid)
    t = api.store.add_task(c1, ContactRef(None, a), WHEN, CLI)
    v1 = _campaign_call(cid, a, c1, t.id, doNotCall=True)
    r = api.post("/calls", v1)
    assert r.status_code == 201
    assert f"closed task {t.id}" in r.json()["message"]
    assert api.store.get_task(t.id).closed_at is not None and _dnc(api, "person", a)

    v2 = call_with(cid, b, source={"type": "queue", "id": "tech_level_1"}, newTasks=[],
                   doNotCall=False)
    v2["call"]["id"] = v1["call"]["id"]
    r = api.post("/calls", v2)
    assert r.status_code == 200
    message = r.json()["message"]
    assert f"reopened task {t.id}" in message
    assert f"lifted do-not-call of person {a}" in message
    reopened = api.store.get_task(t.id)
    assert reopened.closed_at is None and reopened.closed_by_call is None
    assert t.id in [x.id for x in api.store.open_tasks(c1)]
    assert _dnc(api, "person", a) is False and _dnc(api, "person", b) is False
    # The lift is in the do-not-call history, linked to the call.
    assert api.store.dnc_history(ContactRef(None, a))[0].call_id == v1["call"]["id"]


def test_replay_keeps_a_flag_someone_set_again_since(api, campaigns):
    cid = api.company()
    a = api.person(cid)
    v1 = call_with(cid, a, newTasks=[], doNotCall=True)
    api.post("/calls", v1)
    api.store.set_do_not_call(ContactRef(None, a), False, DESKTOP, reason="asked by mistake")
    api.store.set_do_not_call(ContactRef(None, a), True, DESKTOP, reason="asked again")
    v2 = dict(v1, call=dict(v1["call"], doNotCall=False))
    r = api.post("/calls", v2)
    assert r.status_code == 200
    assert f"person {a} stays do-not-call" in r.json()["message"]
    assert _dnc(api, "person", a) is True


def test_replay_keeps_a_flag_another_call_asked_for_since(api, campaigns):
    cid = api.company()
    a = api.person(cid)
    v1 = call_with(cid, a, newTasks=[], doNotCall=True)
    api.post("/calls", v1)
    other = call_with(cid, a, newTasks=[], doNotCall=True)
    assert "already do-not-call" in api.post("/calls", other).json()["message"]
    r = api.post("/calls", dict(v1, call=dict(v1["call"], doNotCall=False)))
    assert "stays do-not-call" in r.json()["message"]
    assert _dnc(api, "person", a) is True


def test_task_of_another_campaign_and_person_is_not_closed(api, campaigns):
    c1, c2 = campaigns
    cid = api.company()
    a, other = api.person(cid), api.person(api.company())
    t = api.store.add_task(c2, ContactRef(None, other), WHEN, CLI)
    r = api.post("/calls", _campaign_call(cid, a, c1, t.id))
    assert r.status_code == 201
    assert f"task {t.id} not closed: it belongs to campaign {c2}, not {c1}" in r.json()["message"]
    assert "closed task" not in r.json()["message"]
    assert api.store.get_task(t.id).closed_at is None

    t_same_campaign = api.store.add_task(c1, ContactRef(None, other), WHEN, CLI)
    r = api.post("/calls", _campaign_call(cid, a, c1, t_same_campaign.id))
    assert (f"task {t_same_campaign.id} not closed: it is a task of person {other}, not of"
            " this call's contact") in r.json()["message"]
    assert api.store.get_task(t_same_campaign.id).closed_at is None


def test_company_task_closes_for_a_call_to_one_of_its_persons(api, campaigns):
    c1, _ = campaigns
    cid = api.company()
    a = api.person(cid)
    t = api.store.add_task(c1, ContactRef(cid), WHEN, CLI)
    r = api.post("/calls", _campaign_call(cid, a, c1, t.id))
    assert f"closed task {t.id}" in r.json()["message"]
    assert api.store.get_task(t.id).closed_at is not None


def test_already_closed_task_is_not_reported_as_closed(api, campaigns):
    c1, _ = campaigns
    cid = api.company()
    a = api.person(cid)
    t = api.store.add_task(c1, ContactRef(None, a), WHEN, CLI)
    api.store.close_task(t.id, DESKTOP)
    r = api.post("/calls", _campaign_call(cid, a, c1, t.id))
    message = r.json()["message"]
    assert f"task {t.id} was already closed" in message
    assert "closed task" not in message
    assert api.store.get_task(t.id).closed_by_call is None


def test_unknown_person_with_do_not_call_flags_nothing(api, campaigns):
    cid = api.company()
    nobody = f"NO-SUCH-{uuid.uuid4().hex[:8]}"
    r = api.post("/calls", call_with(cid, nobody, newTasks=[], doNotCall=True))
    assert r.status_code == 201
    message = r.json()["message"]
    assert f"unknown person {nobody}" in message
    assert f"nothing was flagged (unknown person {nobody})" in message
    assert _dnc(api, "company", cid) is False
    assert api.store.dnc_history(ContactRef(cid)) == []
