"""The API's hot requests cost few round trips to PostgreSQL (bench: lookup, calls, next).

On one core shared by the API and the server, every round trip is CPU on both sides
(a send, a wake-up, a receive); these counts hold whatever the load, unlike a
throughput. Counted from libpq's protocol trace (tests/pg/round_trips.py). Batches
are what the API's group commit runs (``Store.batch``).
"""

from __future__ import annotations

import pytest

from shared.calls import parse_call
from shared.database import connect
from shared.model import Actor, ContactRef
from shared.store import Store
from tests.pg.round_trips import RoundTrips
from tests.reliability.conftest import CAMPAIGN, call_body

API = Actor("api", "127.0.0.1")
COMPANY_PHONE = "+4989443220"


@pytest.fixture(scope="module")
def setup(pg_url):
    store = Store(connect(pg_url))
    cli = Actor("cli")
    company = store.create_company({"name": "Switchboard GmbH", "phone": COMPANY_PHONE}, cli)
    person = store.create_person({"firstName": "Pat", "lastName": "Caller",
                                  "phone": "+4917612345678"}, cli,
                                 company_id=company.id)
    store.create_campaign(CAMPAIGN, "Round trips", cli)
    extra = [store.create_company({"name": f"Dial {i:02d}"}, cli).id for i in range(20)]
    store.assign_contacts(CAMPAIGN, [ContactRef(c) for c in extra], cli)
    yield store, company.id, person.id
    store.close()


def _trips(store: Store, work) -> tuple[int, object]:
    with RoundTrips(store.conn.raw) as trips:
        out = work()
    return trips.count, out


@pytest.mark.parametrize("number", ["+4917612345678", COMPANY_PHONE, COMPANY_PHONE + "17",
                                    "+4930999999999"],
                         ids=["person", "company", "switchboard", "unknown"])
def test_a_lookup_is_one_round_trip(setup, number) -> None:
    store, company, _ = setup
    trips, found = _trips(store, lambda: store.lookup_phone(number))
    assert trips == 1
    if number.startswith(COMPANY_PHONE):
        assert found and found[0].contact.company_id == company  # the prefix rule too


def test_a_new_call_in_a_batch_costs_two_round_trips_and_the_commit(setup) -> None:
    store, company, person = setup
    calls = [parse_call(call_body(f"rt-new-{i}", company=company, person=person,
                                  tags=3, new_tasks=0)["call"]) for i in range(8)]
    trips, results = _trips(store, lambda: store.batch(
        [lambda s, c=c: s.record_call(c, API) for c in calls]))
    assert all(r.created for r in results), results
    # Per call: the insert with the read of its facts, then its writes settled; one
    # COMMIT for the batch. (An advisory lock and a read per fact: 11 per call.)
    assert trips <= 2 * len(calls) + 1, trips
    assert store.conn.execute("SELECT count(*) FROM call_tags WHERE call_id LIKE 'rt-new-%'"
                              ).fetchone()[0] == 3 * len(calls)


def test_a_replayed_call_in_a_batch_costs_three_round_trips_and_the_commit(setup) -> None:
    store, company, person = setup
    body = call_body("rt-replay", company=company, person=person, tags=2, new_tasks=0)
    store.record_call(parse_call(body["call"]), API)
    body["call"]["annotation"] = "changed"
    call = parse_call(body["call"])
    trips, results = _trips(store, lambda: store.batch([lambda s: s.record_call(call, API)]))
    assert results[0].created is False
    assert trips <= 3 + 1, trips
    assert store.conn.execute("SELECT annotation FROM calls WHERE id = 'rt-replay'"
                              ).fetchone()[0] == "changed"


def test_next_in_a_batch_costs_two_round_trips_and_the_commit(setup) -> None:
    store, _, _ = setup
    trips, handed = _trips(store, lambda: store.batch(
        [lambda s: s.next_contact(CAMPAIGN) for _ in range(4)], durable=False))
    ids = [h.company_id for h in handed]
    assert None not in ids and len(set(ids)) == 4, handed
    # Per hand-out: the campaign (and its hours), then the pick-and-take statement.
    assert trips <= 2 * 4 + 1, trips


def test_a_call_alone_in_its_batch_runs_without_a_savepoint(setup) -> None:
    store, company, person = setup
    call = parse_call(call_body("rt-alone", company=company, person=person, tags=1,
                                new_tasks=0)["call"])
    with RoundTrips(store.conn.raw) as trips:
        assert store.batch([lambda s: s.record_call(call, API)])[0].created
    assert not any("SAVEPOINT" in m for m in trips.messages)
    assert trips.count <= 3, trips.count  # the insert and facts, the writes, the COMMIT


def test_a_new_call_is_two_statements_between_begin_and_commit(setup) -> None:
    # Each statement is CPU on both sides (psycopg's send, the server's parse / bind /
    # run) even when pipelined: the insert and the read of the facts are one statement,
    # and the attempts, tags and audit entry another.
    store, company, person = setup
    call = parse_call(call_body("rt-statements", company=company, person=person, tags=3,
                                new_tasks=0)["call"])
    with RoundTrips(store.conn.raw) as trips:
        assert store.batch([lambda s: s.record_call(call, API)])[0].created
    statements = [m for m in trips.messages if m.startswith("F") and "\tBind\t" in m]
    assert len(statements) == 4, trips.messages  # BEGIN, the two, COMMIT


def test_a_batch_of_calls_releases_no_savepoint(setup) -> None:
    # Each write's savepoint stays open until the batch's COMMIT: a RELEASE per call was
    # one statement more for both sides.
    store, company, person = setup
    calls = [parse_call(call_body(f"rt-release-{i}", company=company, person=person,
                                  tags=1, new_tasks=0)["call"]) for i in range(4)]
    with RoundTrips(store.conn.raw) as trips:
        assert all(r.created for r in store.batch(
            [lambda s, c=c: s.record_call(c, API) for c in calls]))
    sent = [m for m in trips.messages if m.startswith("F") and "\tBind\t" in m]
    assert not any("RELEASE" in m for m in trips.messages), trips.messages
    assert len(sent) == 2 + 3 * len(calls)  # BEGIN, COMMIT; a savepoint and two a call
