"""POST /calls: storing, replaying, closing tasks, new tasks, do-not-call."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from shared.model import Actor, ContactRef
from tests.conftest import db_content

from .seed import CALL, call_with, seed

CLI = Actor("cli")


@pytest.fixture(scope="module")
def contact(api):
    if "tech_level_2" not in [c.id for c in api.store.list_campaigns()]:
        api.store.create_campaign("tech_level_2", "Tech level 2", CLI)
    cid = api.company(name="CX Labs GmbH", country="DE")
    pid = api.person(cid)
    return cid, pid


def _count(api, sql, *params):
    return api.store.db.execute(sql, params).fetchone()[0]


def test_seed_example_as_printed_is_400_for_84_seconds(api):
    before = db_content(api.db_path)
    r = api.post("/calls", seed(CALL))
    assert r.status_code == 400
    assert r.json()["field"] == "call.timestampClosed"
    assert "10:39:84" in r.json()["message"]
    assert db_content(api.db_path) == before


def test_seed_example_with_valid_time_is_stored_with_everything(api, contact):
    cid, pid = contact
    body = call_with(cid, pid)
    r = api.post("/calls", body)
    assert r.status_code == 201, r.text
    assert r.json()["message"].startswith("stored")
    call_id = body["call"]["id"]
    row = api.store.db.execute("SELECT * FROM calls WHERE id = ?", [call_id]).fetchone()
    assert row["kind"] == "inbound" and row["agent"] == "peggy.sue"
    assert row["source_id"] == "tech_level_1" and row["transfer_id"] == "accounting"
    assert row["timestamp_end"] == "2020-10-28T10:49:55.351Z"
    assert row["answered"] == 1
    assert api.store.get_call_json(call_id) == body
    tags = api.store.db.execute("SELECT category, tag, payload FROM call_tags WHERE call_id = ?"
                                " ORDER BY position", [call_id]).fetchall()
    assert [tuple(t) for t in tags] == [("reason", "mechanical", '{"part": "IGN"}'),
                                        ("model", "class_S", None),
                                        ("resolution", "send_voucher",
                                         '{"email": "some@email.com"}')]
    assert _count(api, "SELECT count(*) FROM call_attempts WHERE call_id = ?", call_id) == 1
    tasks = api.store.list_tasks(campaign_id="tech_level_2", ref=ContactRef(None, pid))
    assert [(t.timestamp, t.scheduled, t.annotation, t.created_by_call) for t in tasks] == [
        ("2020-10-28T11:00:00.000Z", True, "Ask for Steven!", call_id)]
    history = api.store.calls_for_contact(ContactRef(None, pid))
    assert history[0].id == call_id


def test_replay_three_times_leaves_one_call_one_set_of_tags_and_tasks(api, contact):
    cid, pid = contact
    body = call_with(cid, pid)
    statuses = [api.post("/calls", body).status_code for _ in range(3)]
    assert statuses == [201, 200, 200]
    call_id = body["call"]["id"]
    assert _count(api, "SELECT count(*) FROM calls WHERE id = ?", call_id) == 1
    assert _count(api, "SELECT count(*) FROM call_tags WHERE call_id = ?", call_id) == 3
    assert _count(api, "SELECT count(*) FROM call_attempts WHERE call_id = ?", call_id) == 1
    assert _count(api, "SELECT count(*) FROM tasks WHERE created_by_call = ?", call_id) == 1


def test_replay_with_changes_replaces(api, contact):
    cid, pid = contact
    body = call_with(cid, pid)
    api.post("/calls", body)
    body["call"]["tags"] = [{"category": "reason", "id": "billing", "payload": None}]
    body["call"]["newTasks"] = []
    r = api.post("/calls", body)
    assert r.status_code == 200 and r.json()["message"].startswith("replaced")
    call_id = body["call"]["id"]
    assert _count(api, "SELECT count(*) FROM call_tags WHERE call_id = ?", call_id) == 1
    assert _count(api, "SELECT count(*) FROM tasks WHERE created_by_call = ?", call_id) == 0


def test_campaign_call_closes_its_task(api, contact):
    cid, pid = contact
    task = api.store.add_task("tech_level_2", ContactRef(None, pid),
                              datetime(2026, 12, 1, tzinfo=UTC), CLI)
    body = call_with(cid, pid, source={"type": "campaign", "id": "tech_level_2",
                                       "task": task.id}, newTasks=[])
    r = api.post("/calls", body)
    assert r.status_code == 201
    assert f"closed task {task.id}" in r.json()["message"]
    closed = api.store.get_task(task.id)
    assert closed.closed_at is not None and closed.closed_by_call == body["call"]["id"]


def test_old_alias_names_are_accepted(api, contact):
    cid, pid = contact
    task = api.store.add_task("tech_level_2", ContactRef(cid),
                              datetime(2026, 12, 2, tzinfo=UTC), CLI)
    body = call_with(cid, None, source={"type": "campaign", "id": "tech_level_2",
                                        "taskId": task.id},
                     newTasks=[{"campaignId": "tech_level_2",
                                "timestamp": "2026-12-03T10:00:00Z"}])
    assert api.post("/calls", body).status_code == 201
    assert api.store.get_task(task.id).closed_at is not None
    assert _count(api, "SELECT count(*) FROM tasks WHERE created_by_call = ?",
                  body["call"]["id"]) == 1


def test_do_not_call_flags_person_and_records_the_call(api, contact):
    cid, _ = contact
    pid = api.person(cid)
    body = call_with(cid, pid, doNotCall=True, newTasks=[])
    assert api.post("/calls", body).status_code == 201
    person = api.get(f"/persons/{pid}").json()["person"]
    assert person["doNotCall"] is True
    events = api.store.dnc_history(ContactRef(None, pid))
    assert events[0].call_id == body["call"]["id"] and events[0].side == "api"
    assert api.get(f"/companies/{cid}").json()["company"]["doNotCall"] is False


def test_unknown_contact_ids_are_kept_and_named(api):
    body = call_with("NO-SUCH-COMPANY", "NO-SUCH-PERSON")
    r = api.post("/calls", body)
    assert r.status_code == 201
    message = r.json()["message"]
    assert "unknown person NO-SUCH-PERSON" in message
    assert "unknown company NO-SUCH-COMPANY" in message
    assert "not created" in message
    row = api.store.db.execute("SELECT company_id, person_id FROM calls WHERE id = ?",
                               [body["call"]["id"]]).fetchone()
    assert tuple(row) == ("NO-SUCH-COMPANY", "NO-SUCH-PERSON")


def test_unanswered_anonymous_outbound_call(api):
    body = {"call": {"id": str(uuid.uuid4()), "agent": None, "contact": None,
                     "phoneNumber": None, "source": None, "timestampEnd": None,
                     "timestampInit": "2026-11-26T08:00:00Z"}}
    assert api.post("/calls", body).status_code == 201
    row = api.store.db.execute("SELECT kind, answered FROM calls WHERE id = ?",
                               [body["call"]["id"]]).fetchone()
    assert tuple(row) == ("outbound", 0)


@pytest.mark.parametrize("changes, field", [
    ({"newTasks": [{"campaign": "no_such_campaign", "timestamp": "2026-12-01T10:00:00Z"}]},
     "call.newTasks[0].campaign"),
    ({"timestampInit": "2020-10-28T10:33:48"}, "call.timestampInit"),
    ({"timestampInit": "28.10.2020 10:33"}, "call.timestampInit"),
    ({"phoneNumber": "+49 89 1234"}, "call.phoneNumber"),
    ({"tags": {"category": "x"}}, "call.tags"),
    ({"tags": [{"category": "x"}]}, "call.tags[0].id"),
    ({"attempts": [{"agent": "a", "timestampAssigned": "nope"}]},
     "call.attempts[0].timestampAssigned"),
    ({"doNotCall": "yes"}, "call.doNotCall"),
    ({"id": " padded "}, "call.id"),
    ({"id": ""}, "call.id"),
    ({"annotation": "x" * 10001}, "call.annotation"),
])
def test_bad_calls_are_400_and_store_nothing(api, contact, changes, field):
    cid, pid = contact
    body = call_with(cid, pid, **changes)
    before = db_content(api.db_path)
    r = api.post("/calls", body)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == field, r.json()
    assert db_content(api.db_path) == before


def test_call_without_id_is_400(api):
    r = api.post("/calls", {"call": {"agent": "x"}})
    assert r.status_code == 400
    assert r.json() == {"message": "call.id is required.", "field": "call.id"}
