"""Real servers for the reliability tests: Waitress in this process, or
``callsheet-api serve`` in a child process that a test may kill.

Every load loop here is bounded twice, by a count and by a deadline, so a
slow machine gives smaller counts, never a hung test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from crm_api.app import create_app
from crm_api.context import ApiContext
from crm_api.server import ApiServer
from shared.model import Actor, ContactRef
from shared.stores import ThreadStores

API_KEY = "reliability-key-5f2a9c"
CAMPAIGN = "callbacks"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    """A running in-process server and the stores behind it."""

    url: str
    db_path: Path
    stores: ThreadStores
    server: ApiServer

    @property
    def store(self):
        return self.stores.get()

    def session(self, key: str | None = API_KEY) -> requests.Session:
        s = requests.Session()
        if key:
            s.headers["Authorization"] = f"Bearer {key}"
        return s


@contextmanager
def serve(db_path: Path, *, api_key: str | None = API_KEY, access_log: bool = False,
          **options: Any) -> Iterator[Served]:
    """Waitress on 127.0.0.1, any free port, over ``db_path``; ``options`` override Waitress's."""
    stores = ThreadStores(db_path)
    ctx = ApiContext(stores, api_key=api_key, access_log=access_log)
    server = ApiServer(create_app(ctx), "127.0.0.1", 0, **options).start()
    try:
        yield Served(server.url, db_path, stores, server)
    finally:
        server.stop()
        stores.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serve(tmp_path / "callsheet.db") as s:
        yield s


@dataclass
class Contacts:
    """Companies and persons for calls to name, and a campaign for their new tasks."""

    companies: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)


def seed_contacts(store, n: int = 8) -> Contacts:
    """``n`` companies with one person each, and the campaign ``callbacks``."""
    actor = Actor("cli")
    out = Contacts()
    if not any(c.id == CAMPAIGN for c in store.list_campaigns()):
        store.create_campaign(CAMPAIGN, "Callbacks", actor)
    for i in range(n):
        c = store.create_company({"name": f"Seed {i} {uuid.uuid4().hex[:6]}"}, actor)
        p = store.create_person({"firstName": "Agent", "lastName": f"Seed {i}"}, actor,
                                company_id=c.id)
        out.companies.append(c.id)
        out.persons.append(p.id)
        store.assign_contacts(CAMPAIGN, [ContactRef(c.id)], actor)
    return out


def call_body(call_id: str, *, company: str | None = None, person: str | None = None,
              tags: int = 2, new_tasks: int = 1, do_not_call: bool = False) -> dict[str, Any]:
    """A finished inbound call with ``tags`` tags and ``new_tasks`` callbacks."""
    return {"call": {
        "id": call_id,
        "agent": "peggy.sue",
        "contact": {"company": company, "person": person},
        "phoneNumber": "+498944322883100",
        "source": {"type": "queue", "id": "tech_level_1"},
        "transfer": None,
        "dtmfPath": "12",
        "attempts": [{"agent": "bob", "timestampAssigned": "2026-11-26T10:33:49Z",
                      "timestampClosed": "2026-11-26T10:33:55Z"}],
        "tags": [{"category": "outcome", "id": f"tag{i}", "payload": {"n": i}}
                 for i in range(tags)],
        "newTasks": [{"campaign": CAMPAIGN, "timestamp": f"2026-12-0{i + 1}T09:00:00Z",
                      "annotation": f"callback {i}"} for i in range(new_tasks)],
        "annotation": "note",
        "doNotCall": do_not_call,
        "timestampInit": "2026-11-26T10:33:48Z",
        "timestampAssigned": "2026-11-26T10:33:56Z",
        "timestampStart": "2026-11-26T10:33:57Z",
        "timestampEnd": "2026-11-26T10:36:00Z",
        "timestampClosed": "2026-11-26T10:37:00.040Z",
    }}


def stored_call(conn, call_id: str) -> tuple[int, list[str], int]:
    """``(calls with this id, its tag ids in order, tasks it created)`` as the file holds them."""
    n = conn.execute("SELECT count(*) FROM calls WHERE id = ?", (call_id,)).fetchone()[0]
    tags = [r[0] for r in conn.execute(
        "SELECT tag FROM call_tags WHERE call_id = ? ORDER BY position", (call_id,))]
    tasks = conn.execute("SELECT count(*) FROM tasks WHERE created_by_call = ?",
                         (call_id,)).fetchone()[0]
    return n, tags, tasks


@dataclass
class Child:
    """``callsheet-api serve`` in a child process."""

    proc: subprocess.Popen
    url: str
    stderr: list[str]


@contextmanager
def serve_process(db_path: Path, api_key: str = API_KEY) -> Iterator[Child]:
    """Start ``python -m crm_api serve --port 0`` on ``db_path`` and read its URL."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("CALLSHEET_API_KEY", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "crm_api", "serve", "--db", str(db_path), "--port", "0",
         "--api-key", api_key],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    # Drain stderr (the access log) so the child never blocks on a full pipe.
    drain = threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True)
    drain.start()
    try:
        line = proc.stdout.readline()
        assert "listening on http://" in line, f"{line!r} {''.join(err)[-500:]}"
        url = line.split("listening on ")[1].split(" ")[0]
        yield Child(proc, url, err)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=15)
        drain.join(timeout=5)
