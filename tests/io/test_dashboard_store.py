"""The dashboard's figures, counted by the store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from shared.dashboard import last_days, this_week
from shared.model import Actor, ContactRef
from shared.timeutil import parse_timestamp

from .helpers import call

ACTOR = Actor("cli")
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday


def _calls(store):
    call(store, "a", "2026-11-26T09:00:00Z", agent="peggy.sue",
         tags=[("reason", "billing"), ("resolution", "solved")])
    call(store, "b", "2026-11-26T10:00:00Z", agent="peggy.sue", answered=False,
         tags=[("reason", "billing")])
    call(store, "c", "2026-11-25T23:30:00Z", agent="john.doe")  # the 26th in CET
    call(store, "d", "2026-11-20T08:00:00Z", agent=None, answered=False)
    call(store, "e", "2026-10-01T08:00:00Z", agent="john.doe")  # older than 30 days


def test_calls_per_day_in_local_days(store):
    _calls(store)
    start, end = last_days(NOW, 30, CET)
    days = store.calls_per_day(start, end, CET)
    assert len(days) == 30 and days[-1].day == date(2026, 11, 26)
    by_day = {d.day: (d.answered, d.unanswered) for d in days if d.total}
    assert by_day == {date(2026, 11, 26): (2, 1), date(2026, 11, 20): (0, 1)}
    utc = {d.day: d.total for d in store.calls_per_day(*last_days(NOW, 30, UTC), UTC) if d.total}
    assert utc == {date(2026, 11, 26): 2, date(2026, 11, 25): 1, date(2026, 11, 20): 1}


def test_half_hour_zone(store):
    call(store, "x", "2026-11-25T18:40:00Z")  # 00:10 on the 26th in India
    ist = timezone(timedelta(hours=5, minutes=30))
    days = store.calls_per_day(*last_days(NOW, 2, ist), ist)
    assert [(d.day.day, d.total) for d in days] == [(25, 0), (26, 1)]


def test_agents_and_tags(store):
    _calls(store)
    start, end = last_days(NOW, 30, UTC)
    assert [(a.agent, a.answered, a.unanswered) for a in store.calls_by_agent(start, end)] == [
        ("peggy.sue", 1, 1), ("john.doe", 1, 0)]
    assert [(t.label, t.count) for t in store.top_tags(start, end)] == [
        ("reason: billing", 2), ("resolution: solved", 1)]


def test_open_tasks_this_week(store):
    c = store.create_company({"name": "Acme"}, ACTOR)
    store.create_campaign("promo", "Promo", ACTOR)
    for when, scheduled in (("2026-11-23T09:00:00Z", True), ("2026-11-26T09:00:00Z", False),
                            ("2026-11-26T15:00:00Z", True), ("2026-11-30T09:00:00Z", True),
                            ("2026-11-10T09:00:00Z", False)):
        store.add_task("promo", ContactRef(c.id), parse_timestamp(when), ACTOR,
                       scheduled=scheduled)
    closed = store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-24T09:00:00Z"),
                            ACTOR)
    store.close_task(closed.id, ACTOR)
    start, end = this_week(NOW, UTC)
    assert start == datetime(2026, 11, 23, tzinfo=UTC)
    week = store.open_tasks_per_day(start, end, UTC)
    assert [(d.day.day, d.scheduled, d.unscheduled) for d in week] == [
        (23, 1, 0), (24, 0, 0), (25, 0, 0), (26, 1, 1), (27, 0, 0), (28, 0, 0), (29, 0, 0)]
    assert store.count_overdue_tasks(start) == 1


def test_dashboard_in_one_go(store):
    _calls(store)
    d = store.dashboard(NOW, UTC)
    assert (d.calls, d.answered) == (4, 2)
    assert len(d.week) == 7 and d.open_tasks_this_week == 0
    assert d.agents[0].agent == "peggy.sue" and d.tags[0].tag == "billing"


def test_overdue_is_open_past_its_time_not_before_this_week(store):
    c = store.create_company({"name": "Acme"}, ACTOR)
    store.create_campaign("promo", "Promo", ACTOR)
    # NOW is 12:00 on a Thursday: the 07:00 callback of today is late already.
    store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-26T07:00:00Z"), ACTOR,
                   scheduled=True)
    store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-26T13:30:00Z"), ACTOR)
    closed = store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-20T07:00:00Z"),
                            ACTOR)
    store.close_task(closed.id, ACTOR)
    assert store.dashboard(NOW, UTC).overdue_tasks == 1
    tasks = store.list_tasks(include_closed=True)
    assert [t.is_overdue(NOW) for t in tasks] == [False, True, False]
