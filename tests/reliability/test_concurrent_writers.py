"""Sixteen Apollo agents post calls while staff edit in the desktop: nothing is lost.

Every call the server acknowledged must be in the file with its tags, its new
tasks and its do-not-call flag; no request may fail, least of all with
"database is locked" or a 5xx. The counts are printed (``pytest -s``) and
attached to every assertion message.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
import requests

from shared.database import connect
from shared.model import Actor, ContactRef
from shared.store import Store

from .conftest import CAMPAIGN, Served, call_body, seed_contacts, stored_call

CLIENTS = 16
SECONDS = float(os.environ.get("CALLSHEET_LOAD_SECONDS", "8"))
MAX_CALLS_PER_CLIENT = 10_000


@dataclass
class Acked:
    call_id: str
    tags: list[str]
    tasks: int
    dnc: tuple[str, str] | None  # ("persons"|"companies", id) flagged by the call


@dataclass
class Load:
    acked: list[Acked] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    desktop_writes: int = 0
    desktop_reads: int = 0
    seconds: float = 0.0

    def counts(self) -> str:
        return (f"{len(self.acked)} calls acknowledged by {CLIENTS} clients in"
                f" {self.seconds:.1f} s, {sum(a.tasks for a in self.acked)} new tasks,"
                f" {sum(1 for a in self.acked if a.dnc)} do-not-call; desktop:"
                f" {self.desktop_writes} writes, {self.desktop_reads} reads;"
                f" {len(self.failures)} failures")


def _client(served: Served, n: int, contacts, deadline: float, load: Load,
            lock: threading.Lock) -> None:
    session = served.session()
    try:
        for i in range(MAX_CALLS_PER_CLIENT):
            if time.monotonic() >= deadline:
                return
            call_id = f"load-{n:02d}-{i:05d}-{uuid.uuid4().hex[:8]}"
            k = (n + i) % len(contacts.companies)
            on_person = i % 2 == 0
            company, person = contacts.companies[k], contacts.persons[k] if on_person else None
            tags, tasks, dnc = 1 + i % 3, i % 3, i % 11 == 5
            body = call_body(call_id, company=company, person=person, tags=tags,
                             new_tasks=tasks, do_not_call=dnc)
            try:
                r = session.post(served.url + "/calls", json=body, timeout=60)
            except requests.RequestException as e:
                with lock:
                    load.failures.append(f"{call_id}: {type(e).__name__}: {e}")
                continue
            with lock:
                if r.status_code == 201:
                    target = ("persons", person) if person else ("companies", company)
                    load.acked.append(Acked(call_id, [f"tag{j}" for j in range(tags)], tasks,
                                            target if dnc else None))
                else:
                    load.failures.append(f"{call_id}: {r.status_code} {r.text[:200]}")
    finally:
        session.close()


def _desktop(served: Served, deadline: float, load: Load, lock: threading.Lock) -> None:
    """The desktop's own connection: create, edit, flag, schedule and list companies."""
    store = Store(connect(served.db_path))
    me = Actor.desktop()
    try:
        for i in range(100_000):
            if time.monotonic() >= deadline:
                return
            try:
                c = store.create_company({"name": f"Desk {i}", "phone": f"089 4432 {i:04d}",
                                          "country": "DE"}, me, mode="typed")
                store.update_company(c.id, {"city": f"München {i}", "email": "a@b.de"}, me,
                                     mode="typed")
                store.set_do_not_call(ContactRef(c.id), True, me, reason="asked")
                store.set_do_not_call(ContactRef(c.id), False, me, reason="changed mind")
                store.add_task(CAMPAIGN, ContactRef(c.id),
                               datetime(2026, 12, 1, tzinfo=UTC) + timedelta(minutes=i), me)
                writes = 5
                store.list_companies(limit=50)
                store.search("Seed")
                store.count_companies("Desk")
                store.list_calls(limit=100)
                reads = 4
            except Exception as e:  # every failure counts, whatever its kind
                with lock:
                    load.failures.append(f"desktop: {type(e).__name__}: {e}")
                continue
            with lock:
                load.desktop_writes += writes
                load.desktop_reads += reads
    finally:
        store.db.close()


def run_load(served: Served, seconds: float) -> Load:
    contacts = seed_contacts(served.store)
    load, lock = Load(), threading.Lock()
    start = time.monotonic()
    deadline = start + seconds
    threads = [threading.Thread(target=_client, args=(served, n, contacts, deadline, load, lock))
               for n in range(CLIENTS)]
    threads.append(threading.Thread(target=_desktop, args=(served, deadline, load, lock)))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    load.seconds = time.monotonic() - start
    assert not any(t.is_alive() for t in threads), "a load thread hung; " + load.counts()
    return load


def check(served: Served, load: Load) -> None:
    counts = load.counts()
    print(f"\nconcurrent writers: {counts}")
    assert not load.failures, f"{counts}; first failures: {load.failures[:5]}"
    assert len(load.acked) >= CLIENTS, counts
    assert load.desktop_writes > 0 and load.desktop_reads > 0, counts
    conn = sqlite3.connect(served.db_path)
    try:
        missing = []
        for a in load.acked:
            n, tags, tasks = stored_call(conn, a.call_id)
            if (n, tags, tasks) != (1, a.tags, a.tasks):
                missing.append((a.call_id, n, tags, tasks))
        assert not missing, f"{counts}; {len(missing)} acknowledged calls differ: {missing[:5]}"
        for a in (a for a in load.acked if a.dnc):
            table, key = a.dnc
            flagged = conn.execute(f"SELECT do_not_call FROM {table} WHERE id = ?",
                                   (key,)).fetchone()[0]
            assert flagged == 1, f"{counts}; {a.call_id} did not flag {key}"
        calls = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        assert calls == len(load.acked), counts
        audited = conn.execute("SELECT count(*) FROM audit_log WHERE entity_type = 'call'"
                               " AND side = 'api' AND client = '127.0.0.1'").fetchone()[0]
        assert audited == len(load.acked), counts
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_concurrent_writers_lose_nothing(served):
    load = run_load(served, SECONDS)
    check(served, load)


@pytest.mark.slow
def test_concurrent_writers_for_minutes(served):
    load = run_load(served, float(os.environ.get("CALLSHEET_SOAK_SECONDS", "180")))
    check(served, load)
