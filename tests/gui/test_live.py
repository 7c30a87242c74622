"""Live: what Apollo posts over HTTP shows on the open card without a click, and an edit
in progress is kept."""

import requests

from crm_desktop.models.companies_model import F_NAME
from shared.model import Actor


def call_body(person_id, call_id="apollo-call-1", **extra):
    call = {
        "id": call_id, "agent": "peggy.sue", "attempts": [],
        "contact": {"company": None, "person": person_id},
        "phoneNumber": "+4915112345678", "source": {"type": "queue", "id": "sales"},
        "transfer": None, "dtmfPath": "1",
        "tags": [{"category": "reason", "id": "billing", "payload": None}],
        "newTasks": [], "annotation": "Asked about the invoice.", "doNotCall": False,
        "timestampInit": "2026-11-26T13:05:00Z", "timestampAssigned": "2026-11-26T13:05:05Z",
        "timestampStart": "2026-11-26T13:05:10Z", "timestampEnd": "2026-11-26T13:08:35Z",
        "timestampClosed": "2026-11-26T13:09:00Z",
    }
    call.update(extra)
    return {"call": call}


def test_a_posted_call_appears_on_the_open_card(qtbot, window, store, actor, api_url, auth):
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    card = window.open_contact("person", p.id)
    assert card.calls_model.rowCount() == 0

    r = requests.post(f"{api_url}/calls", json=call_body(p.id), headers=auth, timeout=10)
    assert r.status_code == 201, r.text

    qtbot.waitUntil(lambda: card.calls_model.rowCount() == 1, timeout=5000)
    call = card.calls_model.record(0)
    assert call.id == "apollo-call-1" and call.agent == "peggy.sue"
    model = card.calls_model
    assert model.index(0, model.COL_DURATION).data() == "3:25"
    assert model.index(0, model.COL_TAGS).data() == "reason: billing"
    assert "POST /calls → 201" in window.request_label.text()


def test_a_call_setting_do_not_call_shows_the_badge(qtbot, window, store, actor, api_url,
                                                    auth):
    p = store.create_person({"firstName": "Klaus", "lastName": "Bauer"}, actor)
    card = window.open_contact("person", p.id)
    r = requests.post(f"{api_url}/calls", json=call_body(p.id, doNotCall=True), headers=auth,
                      timeout=10)
    assert r.status_code == 201, r.text
    qtbot.waitUntil(lambda: not card.badge.isHidden(), timeout=5000)
    assert card.dnc_model.record(0).call_id == "apollo-call-1"


def test_a_change_elsewhere_keeps_the_field_being_edited(qtbot, window, store, actor,
                                                        api_url, auth):
    c = store.create_company({"name": "CX Labs", "city": "Munich"}, actor)
    card = window.open_contact("company", c.id)
    card.fields["annotation"].editor.setPlainText("My unsaved note")

    r = requests.patch(f"{api_url}/companies/{c.id}",
                       json={"company": {"city": "München", "annotation": "From Apollo"}},
                       headers=auth, timeout=10)
    assert r.status_code == 204, r.text

    qtbot.waitUntil(lambda: card.fields["city"].text() == "München", timeout=5000)
    assert card.fields["annotation"].text() == "My unsaved note"
    assert card.bar.isVisible() and "Notes" in card.bar.message.text()
    assert card.save()
    assert store.get_company(c.id).annotation == "My unsaved note"


def test_lists_follow_changes_made_elsewhere(qtbot, window, store, actor):
    c = store.create_company({"name": "Old Name"}, actor)
    window.go(0)
    window.companies.apply_filter()
    model = window.companies.model
    assert model.fields(0)[F_NAME] == "Old Name"
    # Another connection (like the API's) writes; the poller notices.
    from shared.database import connect
    from shared.store import Store

    other = Store(connect(window.db_path))
    other.update_company(c.id, {"name": "New Name"}, Actor("api", "10.1.1.1"))
    other.db.close()
    qtbot.waitUntil(lambda: model.fields(0)[F_NAME] == "New Name", timeout=5000)
