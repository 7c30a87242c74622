"""The desktop's own API logs its requests as the headless server does: a line per
request, written by a worker after the answer is sent, the rest when the API stops."""

import logging

import requests

from crm_desktop.api_controller import ApiController
from shared.settings import ensure_api_key


def test_the_desktops_api_logs_each_request_after_answering_it(qtbot, store, db_path, caplog):
    key, _ = ensure_api_key(store)
    api = ApiController(db_path)
    auth = {"Authorization": f"Bearer {key}"}
    with caplog.at_level(logging.INFO, logger="callsheet.access"):
        assert api.start("127.0.0.1", 0, None), api.message
        try:
            for i in range(15):
                r = requests.post(f"{api.url}/contacts/search", headers=auth, timeout=5,
                                  json={"query": {"phoneNumber": f"+4930123456{i:02d}"}})
                assert r.status_code == 200
            # Twelve lines waiting are logged by the worker that answered the twelfth.
            qtbot.waitUntil(lambda: len(_access(caplog)) >= 12, timeout=3000)
        finally:
            api.stop()
    lines = _access(caplog)
    assert len(lines) == 15  # the last three when the API stopped
    assert all('"POST /contacts/search" 200' in line for line in lines)
    assert not any(key in r.getMessage() for r in caplog.records)


def _access(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "callsheet.access"]
