#!/usr/bin/env python
"""What a request costs on PostgreSQL: CPU (API process and server processes) and round trips.

    .venv/bin/python bench/profile_pg.py [--size small] [--n 2000] [--only store,server]

Throughput on a machine shared with other work says little; these numbers hold
under load. Starts the bench's durable throwaway cluster (bench/pg.py) with the
bench's data copied in, then:

- ``store``: in this process, per lookup (the bench's mix), per call (the bench's
  bodies, one in five a replay; alone and in batches of 8 as the API's group
  commit runs them) and per ``next``: CPU of this process, CPU of its server
  backend (``/proc/PID/schedstat``, nanoseconds), round trips (libpq's trace) and
  wall time, one at a time.
- ``server``: ``callsheet-api serve --db URL`` at 1 and 8 clients: CPU per request
  of the API process and of every PostgreSQL process together.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate, harness  # noqa: E402
from bench.idle import held_awake  # noqa: E402
from bench.load import build_request, run_load  # noqa: E402
from bench.pg import BenchPgServer, _children, copy_into_postgres  # noqa: E402
from tests.pg.round_trips import RoundTrips  # noqa: E402


def ns_of(pid: int) -> int:
    """CPU nanoseconds a process (all its threads) has run, from schedstat."""
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return 0  # it ended meanwhile (a backend whose client went away)
    for task in tasks:
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError):
            pass
    return total


def measure(label: str, store, n: int, step) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Run ``step(i)`` ``n`` times on ``store``; per step: our CPU, its server backend's
    CPU, round trips (libpq's protocol trace) and wall time."""
    backend = store.conn.raw.info.backend_pid
    with RoundTrips(store.conn.raw) as trips:
        c0, b0, t0 = time.process_time_ns(), ns_of(backend), time.perf_counter()
        for i in range(n):
            step(i)
        t1, b1, c1 = time.perf_counter(), ns_of(backend), time.process_time_ns()
    out = {"client_us": (c1 - c0) / n / 1e3, "backend_us": (b1 - b0) / n / 1e3,
           "round_trips": trips.count / n, "wall_us": (t1 - t0) / n * 1e6}
    print(f"{label:28} client {out['client_us']:7.1f} us  backend {out['backend_us']:7.1f} us"
          f"  round trips {out['round_trips']:5.2f}  wall {out['wall_us']:7.1f} us", flush=True)
    return out


def _recording(call, actor):  # type: ignore[no-untyped-def]
    return lambda s: s.record_call(call, actor)


def store_profile(url: str, work: Path, n: int, seed: int) -> None:
    from crm_api.openapi import validate_body
    from shared.calls import parse_call
    from shared.database import connect
    from shared.model import Actor
    from shared.store import Store

    classes = harness.sample_lookups(work, 500, seed)
    mix = harness.lookup_mix(classes, 2000, seed)
    store = Store(connect(url))
    for i in range(300):  # warm: caches, prepared statements
        store.lookup_phone(mix[i % len(mix)])
    measure("lookup (mix)", store, n, lambda i: store.lookup_phone(mix[i % len(mix)]))
    for name, numbers in classes.items():
        measure(f"  lookup {name}", store, n // 4,
                lambda i, numbers=numbers: store.lookup_phone(numbers[i % len(numbers)]))

    persons = harness.sample_persons(work, 5000, seed)
    now = datetime.now(UTC)
    rng = random.Random(seed)
    calls = []
    for k in range(3 * n + 400):
        body = json.loads(harness.call_body(k, rng, persons, now))
        validate_body("/calls", "post", body)
        calls.append(parse_call(body["call"]))
    actor = Actor("api", "127.0.0.1")
    it = iter(calls)
    for _ in range(200):
        store.record_call(next(it), actor)
    measure("record_call (1 in 5 replays)", store, n,
            lambda i: store.record_call(next(it), actor))

    def batch(i: int) -> None:
        store.batch([_recording(next(it), actor) for _ in range(8)])
    r = measure("  in batches of 8 (per batch)", store, n // 8, batch)
    print(f"{'  ... per call':28} client {r['client_us'] / 8:7.1f} us  backend "
          f"{r['backend_us'] / 8:7.1f} us  round trips {r['round_trips'] / 8:5.2f}", flush=True)

    campaign = generate.campaign_id(3)
    left = store.conn.execute(
        "SELECT count(*) FROM campaign_contacts WHERE campaign_id = ?", (campaign,)).fetchone()[0]
    k = min(n, left - 10)
    measure(f"next_contact ({k})", store, k,
            lambda i: store.next_contact(campaign) or sys.exit("ran out"))
    campaign = generate.campaign_id(6)

    def hand_outs(i: int) -> None:
        out = store.batch([lambda s: s.next_contact(campaign) for _ in range(8)],
                          durable=False)
        if any(o is None or isinstance(o, Exception) for o in out):
            sys.exit(f"next failed or ran out: {out}")
    r = measure("  in batches of 8 (per batch)", store, 400 // 8, hand_outs)
    print(f"{'  ... per next':28} client {r['client_us'] / 8:7.1f} us  backend "
          f"{r['backend_us'] / 8:7.1f} us  round trips {r['round_trips'] / 8:5.2f}", flush=True)
    store.close()


def server_profile(db: str, work: Path, seed: int, seconds: float,
                   data_dir: Path | None) -> None:
    """``serve --db DB`` (a URL, or a SQLite file to compare with) under load."""
    port = harness.free_port()
    server = harness.Server([harness.PY, "-m", "crm_api", "serve", "--db", db, "--port",
                             str(port), "--api-key", harness.KEY], port,
                            harness.OUT / "profile-pg-server.log")
    postmaster = (int((data_dir / "postmaster.pid").read_text().split()[0])
                  if data_dir is not None else None)

    def pg_ns() -> int:
        if postmaster is None:
            return 0
        return ns_of(postmaster) + sum(ns_of(c) for c in _children(postmaster))

    def run(label: str, req, clients: int, **kw) -> None:  # type: ignore[no-untyped-def]
        a0, p0 = ns_of(server.pid), pg_ns()
        r = run_load(harness.HOST, port, req, clients=clients, duration=seconds, warmup=0,
                     **kw)
        a1, p1 = ns_of(server.pid), pg_ns()
        count = max(1, r.count + r.errors)
        # ``next`` stops at the campaign's end (204), long before ``seconds`` at the small
        # size: its rate is over the time it ran, as bench/run counts it (count/seconds
        # said 250/s for 500 contacts in 2 s, whatever the speed).
        rate = (r.count / r.active_seconds if kw.get("stop_on") and r.active_seconds
                else r.rate)
        print(f"{label:28} {clients} clients: {rate:6.0f}/s  API CPU "
              f"{(a1 - a0) / count / 1e3:6.1f} us  PostgreSQL CPU {(p1 - p0) / count / 1e3:6.1f}"
              f" us per request, errors {r.errors}"
              + (f", {r.count} in {r.active_seconds:.2f}s" if kw.get("stop_on") else ""),
              flush=True)

    try:
        classes = harness.sample_lookups(work, 500, seed)
        mix = harness.lookup_mix(classes, 2000, seed)
        req = harness.search_request(port, mix)
        run_load(harness.HOST, port, req, clients=8, duration=1.0, warmup=0)
        run("lookup (mix)", req, 1)
        run("lookup (mix)", req, 8)
        persons = harness.sample_persons(work, 5000, seed)
        now = datetime.now(UTC)
        rng = random.Random(seed)
        bodies = [harness.call_body(k, rng, persons, now).replace(b"bench-call-", b"serve-call-")
                  for k in range(50_000)]
        counter = iter(range(10**9))
        hdr = {"Authorization": f"Bearer {harness.KEY}", "Content-Type": "application/json"}

        def call_req(c: int, i: int) -> bytes:
            return build_request("POST", "/calls", f"{harness.HOST}:{port}", hdr,
                                 bodies[next(counter) % len(bodies)])
        run("POST /calls", call_req, 1, ok=(200, 201))
        run("POST /calls", call_req, 8, ok=(200, 201))
        for clients, campaign in ((1, 4), (8, 5)):
            req_n = build_request("GET", f"/campaigns/{generate.campaign_id(campaign)}/next",
                                  f"{harness.HOST}:{port}",
                                  {"Authorization": f"Bearer {harness.KEY}"})
            run("GET next", lambda c, i, r=req_n: r, clients, ok=(200,), stop_on=(204,))
    finally:
        server.stop()


PG: BenchPgServer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=sorted(generate.SIZES), default="small")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--only", default="store,server")
    ap.add_argument("--idle-states", action="store_true",
                    help="leave the CPUs' idle states as they are (see bench/idle.py)")
    args = ap.parse_args()
    with held_awake(not args.idle_states) as idle_note:
        harness.log(idle_note)
        return profile(args)


def profile(args: argparse.Namespace) -> int:
    """The profile ``main`` asked for."""
    global PG
    only = set(args.only.split(","))
    cached = generate.cached(args.size, args.seed, log=harness.log)
    tmp = Path(tempfile.mkdtemp(prefix="profile-pg-"))
    work = tmp / "work.db"
    shutil.copyfile(cached, work)
    PG = BenchPgServer(harness.SERVER_CORE if harness.TASKSET else None).start()
    try:
        url = copy_into_postgres(work, PG, harness.log)
        if "store" in only:
            store_profile(url, work, args.n, args.seed)
        if "server" in only:
            if hasattr(os, "sched_setaffinity") and harness.TASKSET:
                os.sched_setaffinity(0, {harness.CLIENT_CORE})
            server_profile(url, work, args.seed, args.seconds, PG.data_dir)
    finally:
        PG.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
