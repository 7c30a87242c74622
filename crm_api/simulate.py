"""``callsheet-api simulate``: play Apollo against a running Callsheet.

Each simulated agent is a thread with one keep-alive connection. It takes
inbound calls (look the caller up, sometimes pop the card, post the call
with tags, attempts, now and then a transfer, new tasks or a do-not-call),
and, when campaigns are named, dials for them (``next``, pulls the open
tasks, posts campaign calls that close them). Think times between steps are
random around ``--think`` seconds. It stops after ``--duration`` seconds and
prints one line per operation: requests, errors, p50/p95/p99 latency.

The run writes what Apollo would: calls (ids start with ``sim-``), persons
for unknown callers (annotated as simulated), tasks and hand-outs. Point it
at a test copy of the database, or use ``--read-only`` (lookups and task
pulls only) on a live one.
"""

from __future__ import annotations

import http.client
import json
import math
import random
import threading
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

TAGS = [("reason", "billing", None), ("reason", "technical", {"part": "IGN"}),
        ("reason", "order", None), ("reason", "complaint", None), ("reason", "info", None),
        ("resolution", "solved", None), ("resolution", "callback", None),
        ("resolution", "send_voucher", {"email": "kunde@example.com"}),
        ("product", "premium", None), ("product", "basic", None)]
QUEUES = ["tech_level_1", "sales", "accounting", "support"]
FIRST = ["Anna", "Lukas", "Sophie", "Felix", "Laura", "Jonas", "Emma", "Paul", "Mia", "Ben"]
LAST = ["Müller", "Schmidt", "Weber", "Wagner", "Becker", "Hoffmann", "Koch", "Richter"]
NOTES = ["Asked about the last invoice.", "Wants a quote.", "Happy with the service.",
         "Please call back after 3 pm.", None, None]
# What each operation may answer without it counting as an error.
EXPECTED = {
    "lookup": {200}, "show": {204}, "create_person": {201}, "get_person": {200},
    "post_call": {200, 201}, "next": {200, 204}, "tasks": {200}, "campaign_contacts": {200},
}
# When a think time's mean is 1, a step waits this many times ``--think``.
STEPS = {"ring": 0.5, "talk": 2.0, "wrap_up": 1.0, "dial": 0.5}


@dataclass
class OpStats:
    """The latencies (ms) and error count of one operation."""

    ms: list[float] = field(default_factory=list)
    errors: int = 0


@dataclass
class Summary:
    """What a run did, per operation."""

    duration: float
    ops: dict[str, OpStats]
    error_samples: list[str]

    @property
    def requests(self) -> int:
        return sum(len(s.ms) for s in self.ops.values())

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.ops.values())

    def table(self) -> str:
        """One line per operation, then the total."""
        lines = [f"{'operation':<18}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
                 f"{'p99 ms':>9}"]
        for name in sorted(self.ops):
            s = self.ops[name]
            q = percentiles(s.ms, (50, 95, 99))
            lines.append(f"{name:<18}{len(s.ms):>9}{s.errors:>8}"
                         + "".join(f"{v:>9.1f}" for v in q))
        rate = self.requests / self.duration if self.duration else 0.0
        lines.append(f"{'total':<18}{self.requests:>9}{self.errors:>8}"
                     f"   {rate:.0f} requests/s over {self.duration:.1f}s")
        return "\n".join(lines)


def percentiles(values: Sequence[float], qs: Sequence[float]) -> list[float]:
    """Nearest-rank percentiles (0.0 for no values)."""
    if not values:
        return [0.0 for _ in qs]
    ordered = sorted(values)
    n = len(ordered)
    return [ordered[min(n - 1, max(0, math.ceil(q / 100 * n) - 1))] for q in qs]


class _Client:
    """One keep-alive HTTP connection that records every request's latency."""

    def __init__(self, url: str, key: str, run: _Run) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"--url must start with http:// or https://, got {url!r}")
        self.https = parts.scheme == "https"
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (443 if self.https else 80)
        self.base = parts.path.rstrip("/")
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        self.run = run
        self.conn: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        return cls(self.host, self.port, timeout=10)

    def request(self, op: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Send one request; returns (status, parsed JSON or None). Status 0: no answer."""
        data = None if body is None else json.dumps(body).encode()
        started = time.perf_counter()
        status, payload = 0, None
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = self._connect()
            try:
                self.conn.request(method, self.base + path, body=data, headers=self.headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                status = resp.status
                if raw and resp.getheader("Content-Type", "").startswith("application/json"):
                    payload = json.loads(raw)
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                break
            except (OSError, http.client.HTTPException, ValueError) as e:
                self.close()
                # A keep-alive connection the server closed: retry once on a new one.
                if attempt == 2 or isinstance(e, TimeoutError):
                    payload = {"message": f"{type(e).__name__}: {e}"}
                    break
        self.run.record(op, (time.perf_counter() - started) * 1000, status, payload)
        if status == 0:
            # No answer at all: do not spin against a server that is down.
            time.sleep(max(0.0, min(0.5, self.run.left())))
        return status, payload

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class _Run:
    """State shared by the agents: the deadline, the numbers known, the statistics."""

    def __init__(self, duration: float, seed: int, read_only: bool) -> None:
        self.deadline = time.monotonic() + duration
        self.seed = seed
        self.read_only = read_only
        self.lock = threading.Lock()
        self.ops: dict[str, OpStats] = {}
        self.error_samples: list[str] = []
        self.numbers: list[tuple[str, str | None, str | None]] = []  # phone, company, person
        self.campaigns: list[str] = []

    def record(self, op: str, ms: float, status: int, payload: Any) -> None:
        with self.lock:
            stats = self.ops.setdefault(op, OpStats())
            stats.ms.append(ms)
            if status not in EXPECTED.get(op, {200}):
                stats.errors += 1
                if len(self.error_samples) < 10:
                    msg = payload.get("message") if isinstance(payload, dict) else payload
                    self.error_samples.append(f"{op}: {status} {msg}")

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def add_number(self, phone: str, company: str | None, person: str | None) -> None:
        with self.lock:
            self.numbers.append((phone, company, person))


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


class _Agent:
    """One simulated contact-center agent (a thread)."""

    def __init__(self, n: int, url: str, key: str, run: _Run, think: float) -> None:
        self.n = n
        self.name = f"sim.agent{n:02d}"
        self.rng = random.Random(run.seed * 1_000_003 + n)
        self.client = _Client(url, key, run)
        self.run = run
        self.think = think
        self.tasks: dict[str, list[dict[str, Any]]] = {}

    # -- helpers -------------------------------------------------------------

    def pause(self, step: str) -> bool:
        """Wait a random think time; False when the run is over."""
        if self.think > 0:
            wait = self.rng.expovariate(1 / (self.think * STEPS[step]))
            time.sleep(max(0.0, min(wait, self.run.left())))
        return self.run.left() > 0

    def call_id(self) -> str:
        return "sim-" + str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def call_body(self, *, contact: tuple[str | None, str | None], phone: str | None,
                  source: dict[str, Any] | None, answered: bool = True) -> dict[str, Any]:
        rng = self.rng
        start = datetime.now(UTC) - timedelta(seconds=rng.randint(60, 900))
        talk = timedelta(seconds=rng.randint(20, 600))
        call: dict[str, Any] = {
            "id": self.call_id(),
            "agent": self.name if answered else None,
            "attempts": ([{"agent": f"sim.agent{rng.randrange(50):02d}",
                           "timestampAssigned": _iso(start),
                           "timestampClosed": _iso(start + timedelta(seconds=15))}]
                         if rng.random() < 0.3 else []),
            "contact": {"company": contact[0], "person": contact[1]},
            "phoneNumber": phone,
            "source": source,
            "transfer": ({"type": "queue", "id": rng.choice(QUEUES)}
                         if rng.random() < 0.1 else None),
            "dtmfPath": rng.choice(["", "1", "2", "12"]),
            "tags": ([{"category": c, "id": t, "payload": p}
                      for c, t, p in rng.sample(TAGS, 3)] if answered else []),
            "newTasks": [],
            "annotation": rng.choice(NOTES) if answered else None,
            "doNotCall": False,
            "timestampInit": _iso(start),
            "timestampAssigned": _iso(start + timedelta(seconds=20)) if answered else None,
            "timestampStart": _iso(start + timedelta(seconds=25)) if answered else None,
            "timestampEnd": _iso(start + timedelta(seconds=25) + talk) if answered else None,
            "timestampClosed": _iso(start + timedelta(seconds=60) + talk),
        }
        if answered and self.run.campaigns and (contact[0] or contact[1]) \
                and rng.random() < 0.1:
            call["newTasks"] = [{"campaign": rng.choice(self.run.campaigns),
                                 "timestamp": _iso(start + timedelta(days=rng.randint(1, 7))),
                                 "annotation": "Callback promised (simulated)."}]
        # Rare: a caller who asks not to be called again.
        if answered and rng.random() < 0.005:
            call["doNotCall"] = True
        return {"call": call}

    # -- the two kinds of work ----------------------------------------------------

    def inbound(self) -> None:
        rng, run, c = self.rng, self.run, self.client
        with run.lock:
            known = rng.choice(run.numbers) if run.numbers and rng.random() < 0.8 else None
        phone = known[0] if known else f"+4930{rng.randrange(10**7, 10**8)}"
        status, body = c.request("lookup", "POST", "/contacts/search",
                                 {"query": {"phoneNumber": phone}})
        if status != 200 or not self.pause("ring"):
            return
        contacts = body.get("contacts", []) if isinstance(body, dict) else []
        contact: tuple[str | None, str | None] = (None, None)
        if contacts:
            first = contacts[0]
            contact = ((first.get("company") or {}).get("id"),
                       (first.get("person") or {}).get("id"))
            if rng.random() < 0.5:
                c.request("show", "POST", "/contacts/show", {"contact": {
                    "company": {"id": contact[0]} if contact[0] else None,
                    "person": {"id": contact[1]} if contact[1] else None}})
        elif not run.read_only and rng.random() < 0.4:
            status, body = c.request("create_person", "POST", "/persons", {"contact": {
                "company": None, "person": {
                    "firstName": rng.choice(FIRST), "lastName": rng.choice(LAST),
                    "phone": phone, "annotation": "Created by callsheet-api simulate."}}})
            if status == 201:
                pid = body["contact"]["person"]["id"]
                contact = (None, pid)
                run.add_number(phone, None, pid)
        if run.read_only or not self.pause("talk"):
            return
        answered = rng.random() < 0.9
        c.request("post_call", "POST", "/calls", self.call_body(
            contact=contact, phone=phone,
            source={"type": "queue", "id": rng.choice(QUEUES)}, answered=answered))
        self.pause("wrap_up")

    def campaign(self) -> None:
        rng, run, c = self.rng, self.run, self.client
        campaign = rng.choice(run.campaigns)
        if run.read_only or rng.random() < 0.3:
            now = datetime.now(UTC)
            status, body = c.request(
                "tasks", "GET", f"/campaigns/{quote(campaign, safe='')}/tasks"
                f"?from={_iso(now - timedelta(days=30))}&to={_iso(now + timedelta(days=1))}"
                "&limit=50")
            if status == 200:
                self.tasks[campaign] = list(body.get("tasks", []))
            if run.read_only or not self.tasks.get(campaign):
                return
            task = self.tasks[campaign].pop(rng.randrange(len(self.tasks[campaign])))
            ref = task["contact"]
            contact = ((ref.get("company") or {}).get("id"), (ref.get("person") or {}).get("id"))
            task_id: str | None = task["id"]
        else:
            status, body = c.request("next", "GET", f"/campaigns/{quote(campaign, safe='')}/next")
            if status != 200:
                return
            ref = body["contact"]
            contact = ((ref.get("company") or {}).get("id"), (ref.get("person") or {}).get("id"))
            task_id = None
        if not self.pause("dial"):
            return
        answered = rng.random() < 0.7
        if answered and not self.pause("talk"):
            return
        c.request("post_call", "POST", "/calls", self.call_body(
            contact=contact, phone=None,
            source={"type": "campaign", "id": campaign, "task": task_id}, answered=answered))
        self.pause("wrap_up")

    def loop(self) -> None:
        try:
            while self.run.left() > 0:
                if self.run.campaigns and self.rng.random() < 0.35:
                    self.campaign()
                else:
                    self.inbound()
        finally:
            self.client.close()


def _discover(url: str, key: str, run: _Run, campaigns: Sequence[str], limit: int = 200) -> None:
    """Known numbers to call in with: persons of the named campaigns, looked up by id."""
    client = _Client(url, key, run)
    try:
        for campaign in campaigns:
            status, body = client.request("campaign_contacts", "GET",
                                          f"/campaigns/{quote(campaign, safe='')}/contacts")
            if status != 200:
                continue
            run.campaigns.append(campaign)
            for ref in body.get("contacts", [])[: max(1, limit // max(1, len(campaigns)))]:
                person = (ref.get("person") or {}).get("id")
                if not person:
                    continue
                status, p = client.request("get_person", "GET", f"/persons/{quote(person)}")
                if status == 200:
                    for phone in (p["person"].get("phone"), p["person"].get("phone2")):
                        if phone:
                            run.add_number(phone, (ref.get("company") or {}).get("id"),
                                           person)
    finally:
        client.close()


def simulate(url: str, key: str, *, agents: int = 8, duration: float = 60.0, seed: int = 1,
             campaigns: Sequence[str] = (), numbers: Sequence[str] = (), think: float = 0.2,
             read_only: bool = False, out: TextIO | None = None) -> Summary:
    """Run the simulation; print the summary to ``out`` (when given) and return it."""
    run = _Run(duration, seed, read_only)
    for phone in numbers:
        run.add_number(phone, None, None)
    _discover(url, key, run, campaigns)
    started = time.monotonic()
    team = [_Agent(n, url, key, run, think) for n in range(agents)]
    threads = [threading.Thread(target=a.loop, name=a.name, daemon=True) for a in team]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.0, run.left()) + 15)
    summary = Summary(time.monotonic() - started, run.ops, run.error_samples)
    if out is not None:
        print(summary.table(), file=out)
        for sample in summary.error_samples:
            print(f"error: {sample}", file=out)
    return summary

