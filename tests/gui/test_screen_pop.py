"""Screen pop: POST /contacts/show opens the contact's card and raises the window."""

import requests


def test_contacts_show_opens_the_card(qtbot, window, store, actor, api_url, auth):
    c = store.create_company({"name": "CX Labs GmbH", "country": "DE"}, actor)
    p = store.create_person({"firstName": "Rob", "lastName": "Klein"}, actor, company_id=c.id)
    assert window.find_card("person", p.id) is None

    r = requests.post(f"{api_url}/contacts/show",
                      json={"contact": {"company": {"id": c.id}, "person": {"id": p.id}}},
                      headers=auth, timeout=10)
    assert r.status_code == 204, r.text

    qtbot.waitUntil(lambda: window.find_card("person", p.id) is not None, timeout=5000)
    assert window.current_card().record_id == p.id
    assert window.isVisible()


def test_a_company_pop_opens_the_company(qtbot, window, store, actor, api_url, auth):
    c = store.create_company({"name": "Solo AG"}, actor)
    r = requests.post(f"{api_url}/contacts/show",
                      json={"contact": {"company": {"id": c.id}, "person": None}},
                      headers=auth, timeout=10)
    assert r.status_code == 204, r.text
    qtbot.waitUntil(lambda: window.find_card("company", c.id) is not None, timeout=5000)


def test_a_wrong_key_is_refused_and_shown(qtbot, window, api_url):
    r = requests.post(f"{api_url}/contacts/show", json={}, timeout=10,
                      headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    qtbot.waitUntil(lambda: "→ 401" in window.request_label.text(), timeout=5000)
