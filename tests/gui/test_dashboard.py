"""The dashboard shows the store's figures in its charts and follows changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm_desktop.context import DesktopContext
from crm_desktop.dashboard_view import DashboardView
from shared.calls import parse_call
from shared.model import Actor, ContactRef
from shared.timeutil import parse_timestamp

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday
API = Actor("api", "127.0.0.1")


def _call(store, call_id, at, agent="peggy.sue", answered=True, tags=()):
    body = {"id": call_id, "agent": agent, "timestampInit": at,
            "tags": [{"category": c, "id": t} for c, t in tags]}
    if answered:
        body["timestampStart"] = at
    store.record_call(parse_call(body), API)


@pytest.fixture
def view(qtbot, store):
    v = DashboardView(DesktopContext(store), now=lambda: NOW, tz=UTC, days=7)
    qtbot.addWidget(v)
    v.resize(1100, 800)
    v.show()
    v.activate()
    return v


def test_empty_database(view):
    assert view.per_day.values() == {"Answered": [0.0] * 7, "Unanswered": [0.0] * 7}
    assert view.by_agent.categories() == [] and view.tags.values() == {"Calls": []}
    assert view.calls_tile.value.text() == "0"


def test_charts_show_the_numbers(view, store):
    _call(store, "a", "2026-11-26T09:00:00Z", tags=[("reason", "billing")])
    _call(store, "b", "2026-11-26T10:00:00Z", answered=False, tags=[("reason", "billing")])
    _call(store, "c", "2026-11-24T10:00:00Z", agent="john.doe", tags=[("reason", "order")])
    c = store.create_company({"name": "Acme"}, API)
    store.create_campaign("promo", "Promo", API)
    store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-27T09:00:00Z"), API,
                   scheduled=True)
    store.add_task("promo", ContactRef(c.id), parse_timestamp("2026-11-02T09:00:00Z"), API)
    view.refresh()
    assert view.per_day.categories() == ["20", "21", "22", "23", "24", "25", "26"]
    assert view.per_day.chart().title() == "Calls per day, 20 Nov – 26 Nov"
    assert view.per_day.values() == {"Answered": [0, 0, 0, 0, 1, 0, 1],
                                     "Unanswered": [0, 0, 0, 0, 0, 0, 1]}
    assert view.by_agent.categories() == ["john.doe", "peggy.sue"]  # busiest on top
    assert view.by_agent.values() == {"Answered": [1, 1], "Unanswered": [0, 1]}
    assert view.tags.categories() == ["reason: order", "reason: billing"]
    assert view.tags.values() == {"Calls": [1, 2]}
    assert view.week.categories()[0] == "Mon 23 Nov"
    assert view.week.values()["Scheduled callbacks"] == [0, 0, 0, 0, 1, 0, 0]
    assert view.calls_tile.value.text() == "3"
    assert view.answered_tile.value.text() == "67 %"
    assert (view.week_tile.value.text(), view.overdue_tile.value.text()) == ("1", "1")


def test_refresh_follows_another_connection(view, store, db_path):
    from shared.database import connect
    from shared.store import Store

    other = Store(connect(db_path))
    try:
        _call(other, "x", "2026-11-25T10:00:00Z")
    finally:
        other.db.close()
    view.refresh()
    assert view.per_day.values()["Answered"][5] == 1


def test_unchanged_data_is_not_redrawn(view, store):
    series = view.per_day.chart().series()[0]
    view.refresh()
    assert view.per_day.chart().series()[0] is series
