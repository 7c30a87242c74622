"""Caller lookups of many threads share one round trip on PostgreSQL (shared.group_lookup),
and each still answers as a lookup of its own, with the data as committed now."""

from __future__ import annotations

import psycopg
import pytest

from shared.database import connect
from shared.group_lookup import GroupLookup
from shared.model import Actor
from shared.store import Store
from tests.at_once import at_once
from tests.pg.round_trips import RoundTrips

CLI = Actor("cli")
SWITCHBOARD = "+4989443220"
NUMBERS = ["+4917612345678", SWITCHBOARD, SWITCHBOARD + "17", "+4930999999999",
           "+4917699999999"]


@pytest.fixture(scope="module")
def url(pg_url):
    store = Store(connect(pg_url))
    company = store.create_company({"name": "Switchboard GmbH", "phone": SWITCHBOARD}, CLI)
    store.create_person({"firstName": "Pat", "lastName": "Caller", "phone": NUMBERS[0]},
                        CLI, company_id=company.id)
    store.create_person({"firstName": "Sam", "lastName": "Other", "phone2": NUMBERS[4]}, CLI)
    store.close()
    return pg_url


def _answers(matches):
    return [(m.contact.company_id, m.contact.person_id, m.reason, m.number) for m in matches]


def test_several_lookups_at_once_are_one_round_trip_with_the_answers_of_each(url) -> None:
    store = Store(connect(url))
    alone = [_answers(store.lookup_phone(n)) for n in NUMBERS]
    assert [len(a) for a in alone] == [1, 1, 1, 0, 1]
    assert alone[2][0][2] == "prefix"
    with RoundTrips(store.conn.raw) as trips:
        together = store.lookup_phones(NUMBERS)
    assert trips.count == 1
    assert [_answers(m) for m in together] == alone
    store.close()


def test_a_batch_answers_each_number_as_alone_even_repeated_or_short(url) -> None:
    store = Store(connect(url))
    # A repeated number, a number too short for any switchboard prefix, the prefix rule.
    numbers = [SWITCHBOARD + "17", "+1234", NUMBERS[0], SWITCHBOARD + "17", NUMBERS[3]]
    alone = [_answers(store.lookup_phone(n)) for n in numbers]
    assert [len(a) for a in alone] == [1, 0, 1, 1, 0]
    assert [_answers(m) for m in store.lookup_phones(numbers)] == alone
    store.close()


def test_the_batched_statement_settles_on_one_generic_plan(url) -> None:
    """Planning the batched statement costs more than running it: after its first runs
    PostgreSQL must reuse one plan (an array parameter's length, which PostgreSQL
    estimates in every custom plan, kept it planning each batch anew)."""
    store = Store(connect(url))
    for k in range(20):
        store.lookup_phones(NUMBERS[: 2 + k % 4])
    generic, custom = store.conn.execute(
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
        " WHERE statement LIKE '%batch_index%'").fetchone()
    assert generic >= 5 and custom <= 5, (generic, custom)
    store.close()


def test_eight_threads_get_their_own_answers_and_share_round_trips(url) -> None:
    stores = [Store(connect(url)) for _ in range(8)]
    expected = {n: _answers(stores[0].lookup_phone(n)) for n in NUMBERS}
    group = GroupLookup()
    batches: list[int] = []
    for s in stores:  # count the batches each store reads for the group
        real = s.lookup_phones
        s.__dict__["lookup_phones"] = (
            lambda numbers, real=real: batches.append(len(numbers)) or real(numbers))
    wrong: list[str] = []

    def agent(k: int) -> None:
        for i in range(60):
            number = NUMBERS[(k + i) % len(NUMBERS)]
            got = _answers(group.lookup_phone(stores[k], number))
            if got != expected[number]:
                wrong.append(f"{number}: {got} != {expected[number]}")

    at_once(agent)
    assert not wrong, wrong[:3]
    assert batches and max(batches) > 1, batches  # some lookups did share a round trip
    for s in stores:
        s.close()


def test_a_grouped_lookup_finds_what_was_saved_a_moment_ago(url) -> None:
    store, other = Store(connect(url)), Store(connect(url))
    group = GroupLookup()
    number = "+4940123123123"
    assert group.lookup_phone(store, number) == []
    person = other.create_person({"firstName": "New", "lastName": "Caller", "phone": number},
                                 CLI)
    found = group.lookup_phone(store, number)
    assert [m.contact.person_id for m in found] == [person.id]
    store.close()
    other.close()


def test_a_failed_batch_is_every_waiting_lookups_error(url) -> None:
    group = GroupLookup()
    store = Store(connect(url))
    store.conn.raw.close()  # the reader's connection is gone
    with pytest.raises(psycopg.OperationalError):
        group.lookup_phone(store, NUMBERS[0])
    # The next lookup on a working connection is not stuck behind the failed one.
    fresh = Store(connect(url))
    assert _answers(group.lookup_phone(fresh, NUMBERS[0]))
    fresh.close()
