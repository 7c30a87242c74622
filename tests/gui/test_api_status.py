"""The status bar is green only while the API's requests succeed (issue 10, item 4)."""

from __future__ import annotations

import requests

import shared.stores


def _post_company(api_url: str, auth: dict, name: str) -> int:
    return requests.post(api_url + "/companies", headers=auth, timeout=30,
                         json={"contact": {"company": {"name": name}}}).status_code


def test_the_status_turns_red_with_the_last_error_and_green_again(
        window, api_url, auth, qtbot, monkeypatch):
    label = window.api_label
    assert _post_company(api_url, auth, "Fine GmbH") == 201
    qtbot.waitUntil(lambda: window.last_request is not None)
    assert "#16a34a" in label.text() and "API listening" in label.text()

    # The database goes read-only under the API: every connection it has and opens.
    pragma = "PRAGMA query_only = {}"
    real_connect = shared.stores.connect
    state = {"on": "ON"}

    def connect(*args, **kwargs):
        db = real_connect(*args, **kwargs)
        db.conn.execute(pragma.format(state["on"]))
        return db

    monkeypatch.setattr(shared.stores, "connect", connect)
    stores = window.api._stores
    for store in stores._all:
        store.conn.execute(pragma.format("ON"))
    assert _post_company(api_url, auth, "Refused GmbH") == 503
    qtbot.waitUntil(lambda: "API error" in label.text(), timeout=5_000)
    assert "#dc2626" in label.text() and "#16a34a" not in label.text()
    assert "POST /companies → 503" in label.text() and "read-only" in label.text()
    assert "read-only" in label.toolTip()

    # A client's own mistake (4xx) does not make the server look healthy or broken.
    requests.post(api_url + "/companies", headers=auth, json={}, timeout=30)
    qtbot.wait(200)
    assert "API error" in label.text()

    state["on"] = "OFF"
    for store in stores._all:
        store.conn.execute(pragma.format("OFF"))
    assert _post_company(api_url, auth, "Fine again GmbH") == 201
    qtbot.waitUntil(lambda: "API listening" in label.text(), timeout=5_000)
    assert "#16a34a" in label.text() and "API error" not in label.text()
