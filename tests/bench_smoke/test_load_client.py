"""The benchmark's raw HTTP client against a real server (no timing asserted)."""

from __future__ import annotations

import json

from bench.load import build_request, run_load
from tests.api.conftest import API_KEY, api  # noqa: F401 - the server fixture


def test_load_client_counts_statuses(api):  # noqa: F811
    host, port = api.url.split("//")[1].split(":")
    req = build_request("POST", "/contacts/search", f"{host}:{port}", {
        "Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"},
        json.dumps({"query": {"phoneNumber": "+4912345678"}}).encode())
    result = run_load(host, int(port), lambda c, i: req, clients=2, duration=0.5, warmup=0.1,
                      keep_bodies=True)
    assert result.count > 0 and result.errors == 0
    assert set(result.statuses) == {200}
    assert json.loads(result.bodies[0]) == {"contacts": []}
