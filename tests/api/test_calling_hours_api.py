"""Issue 13 item 7 over real HTTP: a campaign with calling hours hands out through
``GET /campaigns/{id}/next`` only contacts for whom it is within the hours in their
local time; a campaign without them behaves as before."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from shared import calling_hours
from shared.calling_hours import CallingHours
from shared.model import Actor, ContactRef

BERLIN, LA = "+4930901820", "+14155550112"


def _campaign(api, campaign_id):
    store = api.store
    store.create_campaign(campaign_id, campaign_id, Actor("cli"))
    # The Californian first in the dialer's order (name), the Berliner second.
    la = api.person(lastName=f"Aaa {campaign_id}", phone=LA)
    berlin = api.person(lastName=f"Bbb {campaign_id}", phone=BERLIN)
    store.assign_contacts(campaign_id, [ContactRef(None, la), ContactRef(None, berlin)],
                          Actor("cli"))
    return la, berlin


def _window_around_berlin_now() -> CallingHours:
    # One hour either side of Berlin's time now: Los Angeles (9 hours behind) is outside.
    now = datetime.now(ZoneInfo("Europe/Berlin"))
    return CallingHours((now - timedelta(hours=1)).time().replace(second=0, microsecond=0),
                        (now + timedelta(hours=1)).time().replace(second=0, microsecond=0))


def test_next_skips_contacts_outside_the_calling_hours(api):
    la, berlin = _campaign(api, "hours-on")
    store = api.store
    with store.write():
        calling_hours.set_hours(store.conn, "hours-on", _window_around_berlin_now())
    r = api.get("/campaigns/hours-on/next")
    assert r.status_code == 200, r.text
    assert r.json()["contact"]["person"]["id"] == berlin
    # The Berliner is handed out now; the Californian is still outside the hours.
    r = api.get("/campaigns/hours-on/next")
    assert r.status_code == 204, r.text


def test_without_calling_hours_next_is_as_before(api):
    la, berlin = _campaign(api, "hours-off")
    first = api.get("/campaigns/hours-off/next").json()["contact"]["person"]["id"]
    second = api.get("/campaigns/hours-off/next").json()["contact"]["person"]["id"]
    assert [first, second] == [la, berlin]


def test_the_openapi_text_documents_calling_hours(api):
    doc = api.get("/openapi.json").json()
    text = doc["paths"]["/campaigns/{campaignId}/next"]["get"]["description"]
    assert "calling hours" in text.lower()
