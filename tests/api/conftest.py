"""A real Waitress server on 127.0.0.1 (ephemeral port) over a temporary database.

One server per test module: Waitress takes about a second to shut down.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from crm_api.app import create_app
from crm_api.context import ApiContext
from crm_api.server import ApiServer
from shared.stores import ThreadStores
from tests.conftest import drop_database, new_database

API_KEY = "test-key-0123456789"


@dataclass
class Api:
    """A client of the running server, with the key set."""

    url: str
    db_path: Path | str  # a SQLite file or a postgresql:// URL
    stores: ThreadStores
    session: requests.Session

    def request(self, method: str, path: str, **kw: Any) -> requests.Response:
        return self.session.request(method, self.url + path, timeout=30, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> requests.Response:
        return self.request("POST", path, json=body, **kw)

    def patch(self, path: str, body: Any = None, **kw: Any) -> requests.Response:
        return self.request("PATCH", path, json=body, **kw)

    @property
    def store(self):
        return self.stores.get()

    def company(self, **fields: Any) -> str:
        body = {"name": f"Company {uuid.uuid4().hex[:8]}"} | fields
        r = self.post("/companies", {"contact": {"company": body}})
        assert r.status_code == 201, r.text
        return r.json()["contact"]["company"]["id"]

    def person(self, company_id: str | None = None, **fields: Any) -> str:
        body = {"firstName": "Robert", "lastName": f"Klein {uuid.uuid4().hex[:6]}"} | fields
        company = {"id": company_id} if company_id else None
        r = self.post("/persons", {"contact": {"company": company, "person": body}})
        assert r.status_code == 201, r.text
        return r.json()["contact"]["person"]["id"]


@pytest.fixture(scope="module")
def api(engine: str, tmp_path_factory: pytest.TempPathFactory,
        request: pytest.FixtureRequest) -> Iterator[Api]:
    """The server of this test module, on the module's engine (both, in turn)."""
    db_path = new_database(engine, tmp_path_factory.mktemp("api"), request)
    stores = ThreadStores(db_path)
    ctx = ApiContext(stores, api_key=API_KEY, access_log=False)
    server = ApiServer(create_app(ctx), "127.0.0.1", 0).start()
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {API_KEY}"
    try:
        yield Api(server.url, db_path, stores, session)
    finally:
        session.close()
        server.stop()
        stores.close()
        drop_database(db_path, request)


def unique_phone() -> str:
    """An E.164 number no other test uses."""
    return "+49" + str(uuid.uuid4().int)[:11]
