"""Benchmark Callsheet against baselines measured in the same run; print one table.

    bench/run [--size full|medium|small|tiny] [--seed N] [--quick] [--only ROW,...]
              [--idle-states]

Generates (or reuses, from bench/out/) the large database, works on a copy
of it, and measures each row against its baseline on the same copy: the API
server runs as a subprocess pinned to core 0 (``taskset -c 0``) with its
access log on (written to bench/out/server.log), Datasette the same way, one
server at a time; this process, the load generator, pins itself to core 1.
Loopback only; every measurement is bounded in time. ``--quick`` shortens
every duration for a smoke run. While it runs, idle CPUs poll instead of halting
(bench/idle.py: a VM's wake-up latency is the machine's, not the software's);
``--idle-states`` leaves them as they are. The table's header says which.

Lookups use the mix of a B2B call centre: 40 % persons' numbers, 30 %
companies' numbers, 20 % switchboard extensions (a company number plus 1-4
digits, found by the prefix rule), 10 % unknown numbers. Each class is
measured alone too (in-process and at one HTTP client), and the mix at 8
clients is compared with bench/reference.py, a bare Falcon + Waitress server
running the store's own lookup SQL, started here the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402
from bench.idle import held_awake  # noqa: E402
from bench.load import LoadResult, build_request, run_load  # noqa: E402
from shared.store import LOOKUP_SQL  # noqa: E402

if TYPE_CHECKING:
    from bench.pg import BenchPgServer

PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
OUT = ROOT / "bench" / "out"
KEY = "bench-key-0123456789abcdef"
HOST = "127.0.0.1"
TASKSET = shutil.which("taskset")
SERVER_CORE, CLIENT_CORE = "0", 1
CLK_TCK = os.sysconf("SC_CLK_TCK")

# The lookup's classes of caller number and their share of real calls (of every 10).
MIX = {"person": 4, "company": 3, "switchboard": 2, "unknown": 1}

@dataclass
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None
    baseline_what: str
    ratio: float | None
    target: str
    ok: bool | None
    note: str = ""


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(q / 100 * len(s) + 0.5) - 1))]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pinned(cmd: list[str], core: str) -> list[str]:
    return [TASKSET, "-c", core, *cmd] if TASKSET else cmd


def steal_seconds() -> float:
    """CPU time the hypervisor gave to other guests since boot, all cores (/proc/stat):
    a run that lost much of it to them measured a slower machine."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return 0.0


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its threads, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """A server subprocess on a port, its output going to a log file."""

    def __init__(self, cmd: list[str], port: int, log_path: Path) -> None:
        self.port = port
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(pinned(cmd, SERVER_CORE), stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=ROOT,
                                     env=os.environ | {"PYTHONUNBUFFERED": "1"})
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}); see {log_path}")
            try:
                socket.create_connection((HOST, port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not listen within 120 s; see {log_path}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def server_pid(server: Server) -> int:
    """The Python process itself (taskset execs it, so the pid is the same)."""
    return server.pid


# -- samples ---------------------------------------------------------------------


def sample_lookups(db_path: Path, n: int, seed: int) -> dict[str, list[str]]:
    """``n`` caller numbers of each class, spread over the tables, each checked with
    Store.lookup_phone: a person's number, a company's (phone or switchboard number),
    a switchboard extension (a company number plus 1-4 digits: the prefix rule finds
    the company) and an unknown number (no match, the prefix rule runs and finds none).
    """
    import sqlite3

    from shared.database import connect
    from shared.store import Store

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    store = Store(connect(db_path))
    rng = random.Random(seed)

    def stored(table: str) -> str:
        top = conn.execute(f"SELECT max(pk) FROM {table}").fetchone()[0]
        while True:
            row = conn.execute(f"SELECT phone FROM {table} WHERE pk >= ? AND phone IS NOT NULL"
                               " LIMIT 1", (rng.randint(1, top),)).fetchone()
            if row:
                return row[0]

    def person() -> str | None:
        number = stored("persons")
        found = store.lookup_phone(number)
        return number if found and found[0].contact.person_id else None

    def company() -> str | None:
        number = stored("companies")
        found = store.lookup_phone(number)
        return number if found and not any(m.contact.person_id for m in found) else None

    def switchboard() -> str | None:
        base, k = stored("companies"), rng.randint(1, 4)
        number = base + f"{rng.randrange(10 ** k):0{k}d}"
        found = store.lookup_phone(number)
        return number if [(m.reason, m.number) for m in found] == [("prefix", base)] else None

    def unknown() -> str | None:
        number = f"+4916{rng.randrange(10 ** 9):09d}"
        return number if store.lookup_phone(number) == [] else None

    out: dict[str, list[str]] = {}
    for name, make in (("person", person), ("company", company),
                       ("switchboard", switchboard), ("unknown", unknown)):
        numbers: list[str] = []
        for _ in range(n * 20):
            if len(numbers) == n:
                break
            number = make()
            if number is not None:
                numbers.append(number)
        if len(numbers) < n:
            raise RuntimeError(f"could not find {n} numbers of class {name}")
        out[name] = numbers
    store.db.close()
    conn.close()
    return out


def lookup_mix(classes: dict[str, list[str]], n: int, seed: int) -> list[str]:
    """``n`` numbers in MIX's proportions, in a shuffled order."""
    rng = random.Random(seed)
    kinds = [k for k, share in MIX.items() for _ in range(share)]
    order = [kinds[i % len(kinds)] for i in range(n)]
    rng.shuffle(order)
    return [classes[k][i % len(classes[k])] for i, k in enumerate(order)]


def search_texts(db_path: Path, n: int, seed: int) -> list[list[str]]:
    """Keystroke sequences: prefixes of stored names, and of national phone digits."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    top = conn.execute("SELECT max(pk) FROM persons").fetchone()[0]
    rng = random.Random(seed)
    seqs = []
    while len(seqs) < n:
        row = conn.execute("SELECT name, phone FROM persons WHERE pk >= ? LIMIT 1",
                           (rng.randint(1, top),)).fetchone()
        if not row:
            continue
        name, phone = row
        if len(seqs) % 3 == 2 and phone:
            # What people type: the national form with its trunk zero, as digits.
            text = "0" + phone[3:] if phone.startswith("+49") else phone
            seqs.append([text[:k] for k in range(1, min(len(text), 9) + 1)])
        else:
            seqs.append([name[:k] for k in range(1, min(len(name), 10) + 1)])
    conn.close()
    return seqs


# -- the rows ------------------------------------------------------------------------


def search_request(port: int, numbers: list[str]) -> callable:
    reqs = [build_request("POST", "/contacts/search", f"{HOST}:{port}", {
        "Authorization": f"Bearer {KEY}", "Content-Type": "application/json"},
        json.dumps({"query": {"phoneNumber": n}}).encode()) for n in numbers]
    return lambda c, i: reqs[(c * 7919 + i) % len(reqs)]


def call_body(n: int, rng: random.Random, persons: list[tuple[str, str | None, str]],
              now: datetime) -> bytes:
    """A 1.5 KB call with 3 tags, an attempt and a long annotation."""
    pid, cid, phone = persons[n % len(persons)]
    start = now - timedelta(minutes=5)
    iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.000Z")  # noqa: E731
    body = {"call": {
        # Every fifth id repeats an earlier one: Apollo's retries, stored as upserts.
        "id": f"bench-call-{(n - 4 * (n % 5 == 4)):09d}",
        "agent": f"agent.{n % 40:02d}",
        "attempts": [{"agent": "agent.99", "timestampAssigned": iso(start),
                      "timestampClosed": iso(start + timedelta(seconds=15))}],
        "contact": {"company": cid, "person": pid},
        "phoneNumber": phone,
        "source": {"type": "queue", "id": "tech_level_1"},
        "transfer": None,
        "dtmfPath": "12",
        "tags": [{"category": "reason", "id": "technical", "payload": {"part": "IGN"}},
                 {"category": "resolution", "id": "solved", "payload": None},
                 {"category": "product", "id": "premium", "payload": None}],
        "newTasks": [],
        "annotation": "",
        "doNotCall": False,
        "timestampInit": iso(start),
        "timestampAssigned": iso(start + timedelta(seconds=20)),
        "timestampStart": iso(start + timedelta(seconds=25)),
        "timestampEnd": iso(start + timedelta(seconds=200)),
        "timestampClosed": iso(start + timedelta(seconds=260)),
    }}
    size = len(json.dumps(body).encode())
    body["call"]["annotation"] = ("Customer reports intermittent ignition failures; "
                                  * 40)[: max(0, 1500 - size - 2)]
    return json.dumps(body).encode()


def sample_persons(db_path: Path, n: int, seed: int) -> list[tuple[str, str | None, str]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    top = conn.execute("SELECT max(pk) FROM persons").fetchone()[0]
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        row = conn.execute("SELECT id, company_id, phone FROM persons WHERE pk >= ? AND"
                           " phone IS NOT NULL LIMIT 1", (rng.randint(1, top),)).fetchone()
        if row:
            out.append(tuple(row))
    conn.close()
    return out


def measure_in_process(db_path: Path | str, classes: dict[str, list[str]],
                       seconds: float) -> dict[str, float]:
    """The floors: Store.lookup_phone for each class of number, in this process."""
    from shared.database import connect
    from shared.store import Store

    store = Store(connect(db_path))
    out: dict[str, float] = {}
    # Warm first: the page cache, and on PostgreSQL the connection's prepared statements.
    for numbers in classes.values():
        for number in numbers[:100]:
            store.lookup_phone(number)
    i = 0
    for name, numbers in classes.items():
        lat = []
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            store.lookup_phone(numbers[i % len(numbers)])
            lat.append((time.perf_counter() - t0) * 1000)
            i += 1
        out[f"{name}_p50_ms"] = pct(lat, 50)
        out[f"{name}_p99_ms"] = pct(lat, 99)
    # The floor every class is held to: a person's number, found by one index seek.
    out["lookup_p99_ms"] = out["person_p99_ms"]
    store.db.close()
    return out


ROUNDS = 3  # interleaved rounds of the 8-client mix per server


def merged(results: list[LoadResult]) -> LoadResult:
    """Several load runs as one: their counts, latencies and seconds added up."""
    out = LoadResult(seconds=sum(r.seconds for r in results))
    for r in results:
        out.latencies_ms += r.latencies_ms
        out.errors += r.errors
        out.error_samples += r.error_samples
        out.cpu_seconds += r.cpu_seconds
        for status, n in r.statuses.items():
            out.statuses[status] = out.statuses.get(status, 0) + n
    return out


def measure_lookups(servers: dict[str, tuple[int, int]], mix: list[str],
                    classes: dict[str, list[str]], seconds: float,
                    single: float) -> dict[str, dict[str, object]]:
    """For each server (name: port and process), the mix at 8 clients (rate, server CPU
    per lookup), then each class alone at one client (latency).

    The servers take turns: ROUNDS rounds of the mix, then each class on each server,
    so that they are compared on the machine and the data as they are at the same
    moments (a server measured minutes later met another page cache, WAL and
    background load)."""
    out: dict[str, dict[str, object]] = {name: {} for name in servers}
    runs: dict[str, list[LoadResult]] = {name: [] for name in servers}
    cpu: dict[str, float] = dict.fromkeys(servers, 0.0)
    for port, _ in servers.values():
        run_load(HOST, port, search_request(port, mix), clients=8, duration=1.0,
                 warmup=0)  # warm the cache
    for _ in range(ROUNDS):
        for name, (port, pid) in servers.items():
            c0 = cpu_seconds(pid)
            runs[name].append(run_load(HOST, port, search_request(port, mix), clients=8,
                                       duration=seconds / ROUNDS))
            cpu[name] += cpu_seconds(pid) - c0
    for name, r in runs.items():
        r8 = out[name]["mix8"] = merged(r)
        # Each run's warm-up half second is excluded from counts but not from CPU: scale.
        counted = seconds / ROUNDS
        out[name]["cpu_us"] = cpu[name] / max(1, r8.count * (counted + 0.5) / counted) * 1e6
    for cls, numbers in classes.items():
        for name, (port, _) in servers.items():
            out[name][cls] = run_load(HOST, port, search_request(port, numbers), clients=1,
                                      duration=single)
    return out


def log_lookups(who: str, m: dict[str, object], seconds: float) -> None:
    r8 = m["mix8"]
    log(f"{who}: mix 8 clients {r8.rate:.0f}/s, errors {r8.errors}, client CPU "
        f"{r8.cpu_seconds / (seconds + 0.5 * ROUNDS) * 100:.0f}%, "
        f"server CPU/lookup {m['cpu_us']:.0f} us; "
        + ", ".join(f"{k} 1 client p50/p99 {m[k].percentile(50):.2f}/"
                    f"{m[k].percentile(99):.2f} ms" for k in MIX))


def measure_postgres(pg_server: BenchPgServer, url: str, mix: list[str],
                     classes: dict[str, list[str]], work: Path, seed: int,
                     seconds: float) -> dict[str, object]:
    """Lookup, calls and next against ``callsheet-api serve --db URL``: the rows of the
    SQLite server, on the same data copied into PostgreSQL (its processes on the API
    server's core, as SQLite runs inside the API server); then the lookup mix once more
    with PostgreSQL on the load client's core, for information."""
    from bench.pg import synchronous_commit, wal_syncs

    out: dict[str, object] = {"pg_sync": synchronous_commit(url)}
    # The floors on PostgreSQL: the Store in this process, over a connection to the server.
    floors = out["pg_floors"] = measure_in_process(url, classes, seconds / 4)
    log("PostgreSQL in-process lookup p50/p99 ms: " + ", ".join(
        f"{k} {floors[k + '_p50_ms']:.3f}/{floors[k + '_p99_ms']:.3f}" for k in MIX))
    syncs_before = wal_syncs(url)
    port = free_port()
    server = Server([PY, "-m", "crm_api", "serve", "--db", url, "--port", str(port),
                     "--api-key", KEY], port, OUT / "server-pg.log")
    try:
        # The reference on PostgreSQL: a bare Falcon + Waitress + psycopg server running the
        # store's lookup statement, so the PostgreSQL rows have their own measure of what
        # Callsheet's layers cost there (and of what the engine costs beside SQLite).
        rport = free_port()
        ref = Server([PY, "-m", "bench.reference", url, str(rport)], rport,
                     OUT / "reference-pg.log")
        try:
            both = measure_lookups({"api": (port, server.pid), "reference": (rport, ref.pid)},
                                   mix, classes, seconds, seconds / 2)
        finally:
            ref.stop()
        m = both["api"]
        log_lookups("PostgreSQL api", m, seconds)
        log_lookups("PostgreSQL reference", both["reference"], seconds)
        out["pg_search8"] = m["mix8"]
        out["pg_reference8"] = both["reference"]["mix8"]
        out["pg_lookups"] = m
        out["pg_tasks"] = measure_tasks(port, url, seconds, floors)
        log(f"PostgreSQL tasks: p50 {out['pg_tasks'].percentile(50):.2f} p99 "
            f"{out['pg_tasks'].percentile(99):.2f} ms (in-process {floors['tasks_p50_ms']:.2f}"
            f" / {floors['tasks_p99_ms']:.2f} ms)")
        persons = sample_persons(work, 5000, seed)
        now = datetime.now(UTC)
        rng = random.Random(seed)
        bodies = [call_body(n, rng, persons, now) for n in range(50_000)]
        counter = iter(range(10**9))
        hdr = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}

        def call_req(c: int, i: int) -> bytes:
            return build_request("POST", "/calls", f"{HOST}:{port}", hdr,
                                 bodies[next(counter) % len(bodies)])

        r = out["pg_calls"] = run_load(HOST, port, call_req, clients=8, duration=seconds,
                                       ok=(200, 201))
        log(f"PostgreSQL calls: {r.rate:.0f}/s, errors {r.errors} {r.error_samples[:2]}")
        req_n = build_request("GET", f"/campaigns/{generate.campaign_id(1)}/next",
                              f"{HOST}:{port}", {"Authorization": f"Bearer {KEY}"})
        r = run_load(HOST, port, lambda c, i: req_n, clients=8, duration=seconds, ok=(200,),
                     keep_bodies=True, warmup=0, stop_on=(204,))
        ids = [json.dumps(json.loads(b)["contact"], sort_keys=True) for b in r.bodies if b]
        r.unique = len(set(ids)) == len(ids)  # type: ignore[attr-defined]
        out["pg_next"] = r
        log(f"PostgreSQL next: {len(ids)} handed out in {r.active_seconds:.1f}s, "
            f"unique {r.unique}")
    finally:
        server.stop()
    if TASKSET and os.cpu_count() and os.cpu_count() > 1:
        # For information: PostgreSQL on a core of its own, as on an office server with
        # more than one core. The load client leaves its core mostly idle (5-10 %).
        pg_server.pin(str(CLIENT_CORE))
        port = free_port()
        server = Server([PY, "-m", "crm_api", "serve", "--db", url, "--port", str(port),
                         "--api-key", KEY], port, OUT / "server-pg.log")
        try:
            req = search_request(port, mix)
            run_load(HOST, port, req, clients=8, duration=1.0, warmup=0)
            out["pg_own_core8"] = run_load(HOST, port, req, clients=8, duration=seconds)
            log(f"PostgreSQL on the client's core: mix 8 clients "
                f"{out['pg_own_core8'].rate:.0f}/s")
        finally:
            server.stop()
            pg_server.pin(SERVER_CORE)
    # Durable calls wait for the WAL on disk: at least one sync per group-committed batch
    # (at most MAX_BATCH calls), where synchronous_commit=off would leave it to the WAL
    # writer (a few a second). Counted once the server's backends have ended.
    from shared.group_commit import MAX_BATCH

    out["pg_wal_syncs"] = wal_syncs(url) - syncs_before
    out["pg_wal_syncs_needed"] = -(-out["pg_calls"].count // MAX_BATCH)  # type: ignore[attr-defined]
    log(f"PostgreSQL WAL syncs during the run: {out['pg_wal_syncs']} (calls need at least "
        f"{out['pg_wal_syncs_needed']})")
    return out


def measure_tasks(port: int, db: Path | str, seconds: float,
                  floors: dict[str, float]) -> LoadResult:
    """GET /campaigns/{id}/tasks for a week at one client against the server on
    ``port``; its floor (Store.open_tasks in this process, on ``db``) goes in ``floors``
    as tasks_p50_ms / tasks_p99_ms."""
    from shared.database import connect
    from shared.store import Store
    from shared.timeutil import parse_timestamp

    frm, to = tasks_window()
    path = f"/campaigns/{generate.campaign_id(0)}/tasks?from={frm}&to={to}&limit=50"
    req = build_request("GET", path, f"{HOST}:{port}", {"Authorization": f"Bearer {KEY}"})
    result = run_load(HOST, port, lambda c, i: req, clients=1, duration=seconds)
    store = Store(connect(db))
    lat = []
    end = time.perf_counter() + seconds / 2
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        store.open_tasks(generate.campaign_id(0), start=parse_timestamp(frm),
                         end=parse_timestamp(to), limit=50)
        lat.append((time.perf_counter() - t0) * 1000)
    floors["tasks_p99_ms"] = pct(lat, 99)
    floors["tasks_p50_ms"] = pct(lat, 50)
    store.db.close()
    return result


def tasks_window() -> tuple[str, str]:
    start = generate.EPOCH - timedelta(days=2)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ"), (start + timedelta(days=7)).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=sorted(generate.SIZES), default="full")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="short durations: a smoke run")
    ap.add_argument("--only", default="", help="comma-separated row groups: search,tasks,"
                    "calls,next,memory,datasette,desktop,typing,pg (pg: search, calls and"
                    " next on PostgreSQL beside the SQLite rows)")
    ap.add_argument("--keep", action="store_true", help="keep the working copy")
    ap.add_argument("--idle-states", action="store_true",
                    help="leave the CPUs' idle states as they are (see bench/idle.py)")
    args = ap.parse_args()
    with held_awake(not args.idle_states) as idle_note:
        return run(args, idle_note)


def run(args: argparse.Namespace, idle_note: str) -> int:
    """The whole run (``main`` without its arguments); 0 when every row passes."""
    only = set(filter(None, args.only.split(",")))
    def want(group: str) -> bool:
        return not only or group in only
    D = 2.0 if args.quick else 8.0  # seconds per load row
    SIM = 6.0 if args.quick else 60.0
    SCROLL = 15.0 if args.quick else 240.0
    OUT.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    # Made on every core, before this process takes the load client's core (its
    # processes would inherit that one core).
    cached = generate.cached(args.size, args.seed, log=log)
    gen_info = OUT / (cached.stem + ".json")
    gen_seconds = json.loads(gen_info.read_text())["seconds"] if gen_info.exists() else None
    log(f"database {cached} ready ({time.perf_counter() - t:.1f}s)")
    if hasattr(os, "sched_setaffinity") and TASKSET and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {CLIENT_CORE})
    work = OUT / "work.db"
    for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    classes = sample_lookups(work, 500, args.seed)
    mix = lookup_mix(classes, 2000, args.seed)
    rows: list[Row] = []
    steal_at_start = steal_seconds()
    env_note = (f"taskset: server core {SERVER_CORE}, client core {CLIENT_CORE}"
                if TASKSET else "no taskset: unpinned") + f"; {idle_note}"
    log(env_note)

    # The floors first, on a quiet machine (read only: the copy below is of the same data).
    floors = measure_in_process(work, classes, 1.0 if args.quick else 3.0)
    log("in-process lookup p50/p99 ms: " + ", ".join(
        f"{k} {floors[k + '_p50_ms']:.3f}/{floors[k + '_p99_ms']:.3f}" for k in MIX))

    pg_server = pg_url = None
    if want("pg"):
        # The same data as the SQLite rows: copied before they change the file.
        from bench.pg import BenchPgServer, copy_into_postgres

        pg_server = BenchPgServer(SERVER_CORE if TASKSET else None).start()
        pg_url = copy_into_postgres(work, pg_server, log)

    port = free_port()
    results: dict[str, LoadResult] = {}
    lookups: dict[str, dict[str, object]] = {}
    server = Server([PY, "-m", "crm_api", "serve", "--db", str(work), "--port", str(port),
                     "--api-key", KEY], port, OUT / "server.log")
    try:
        pid = server_pid(server)
        idle_rss = rss_mb(pid)
        if want("search"):
            # The reference: a bare Falcon + Waitress server running the store's lookup SQL.
            rport = free_port()
            ref = Server([PY, "-m", "bench.reference", str(work), str(rport)], rport,
                         OUT / "reference.log")
            try:
                lookups = measure_lookups({"api": (port, pid), "reference": (rport, ref.pid)},
                                          mix, classes, D, D / 2)
            finally:
                ref.stop()
            log_lookups("api", lookups["api"], D)
            log_lookups("reference", lookups["reference"], D)
        if want("tasks"):
            results["tasks"] = measure_tasks(port, work, D, floors)
            log(f"tasks: p50 {results['tasks'].percentile(50):.2f} p99 "
                f"{results['tasks'].percentile(99):.2f} ms (in-process "
                f"{floors['tasks_p50_ms']:.2f} / {floors['tasks_p99_ms']:.2f} ms)")
        if want("calls"):
            persons = sample_persons(work, 5000, args.seed)
            now = datetime.now(UTC)
            rng = random.Random(args.seed)
            bodies = [call_body(n, rng, persons, now) for n in range(200_000)]
            counter = iter(range(10**9))
            hdr = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
            reqs = {}

            def call_req(c: int, i: int) -> bytes:
                n = next(counter)
                b = bodies[n % len(bodies)]
                return build_request("POST", "/calls", f"{HOST}:{port}", hdr, b)
            c0 = cpu_seconds(pid)
            rc = run_load(HOST, port, call_req, clients=8, duration=D, ok=(200, 201))
            c1 = cpu_seconds(pid)
            results["calls"] = rc
            # The warm-up half second is excluded from counts but not from CPU: scale.
            floors["calls_cpu_us"] = (c1 - c0) / max(1, rc.count * (D + 0.5) / D) * 1e6
            del reqs
            # The floor: the Store recording the same calls in this process.
            from crm_api.openapi import validate_body
            from shared.calls import parse_call
            from shared.database import connect
            from shared.model import Actor
            from shared.store import Store

            store = Store(connect(work))
            end = time.perf_counter() + D / 2
            k = 0
            actor = Actor("api", "127.0.0.1")
            while time.perf_counter() < end:
                body = json.loads(bodies[k % len(bodies)].replace(b"bench-call-",
                                                                  b"floor-call-"))
                validate_body("/calls", "post", body)
                store.record_call(parse_call(body["call"]), actor)
                k += 1
            floors["calls_per_s"] = k / (D / 2)
            store.db.close()
            log(f"calls: {rc.rate:.0f}/s (in-process {floors['calls_per_s']:.0f}/s), "
                f"server CPU/call {floors['calls_cpu_us']:.0f} us, "
                f"errors {rc.errors} {rc.error_samples[:2]}")
        if want("next"):
            path = f"/campaigns/{generate.campaign_id(1)}/next"
            req_n = build_request("GET", path, f"{HOST}:{port}",
                                  {"Authorization": f"Bearer {KEY}"})
            rn = run_load(HOST, port, lambda c, i: req_n, clients=8, duration=D, ok=(200,),
                          keep_bodies=True, warmup=0, stop_on=(204,))
            ids = [json.dumps(json.loads(b)["contact"], sort_keys=True) for b in rn.bodies
                   if b]
            rn.unique = len(set(ids)) == len(ids)  # type: ignore[attr-defined]
            results["next"] = rn
            from shared.database import connect
            from shared.store import Store

            store = Store(connect(work))
            end = time.perf_counter() + D / 2
            k = 0
            while time.perf_counter() < end and store.next_contact(
                    generate.campaign_id(2)) is not None:
                k += 1
            floors["next_per_s"] = k / (D / 2)
            store.db.close()
            log(f"next: {len(ids)} handed out in {rn.active_seconds:.1f}s, unique {rn.unique}")
        if want("memory"):
            from crm_api.simulate import simulate

            n_campaigns = generate.SIZES[args.size].campaigns

            summary = simulate(f"http://{HOST}:{port}", KEY, agents=8, duration=SIM,
                               seed=args.seed,
                               campaigns=sorted({generate.campaign_id(k % n_campaigns)
                                                 for k in range(3, 6)}),
                               think=0.0)
            results["sim_rss"] = rss_mb(pid)  # type: ignore[assignment]
            results["sim"] = summary  # type: ignore[assignment]
            log(f"simulator {SIM:.0f}s:\n{summary.table()}\n" + "\n".join(summary.error_samples))
            log(f"server RSS idle {idle_rss:.0f} MB, after simulator "
                f"{results['sim_rss']:.0f} MB")
    finally:
        server.stop()

    if pg_server is not None:
        try:
            results.update(measure_postgres(pg_server, pg_url, mix, classes, work,
                                            args.seed, D))
        finally:
            pg_server.stop()

    if want("datasette") and want("search"):
        meta = OUT / "datasette-metadata.json"
        meta.write_text(json.dumps({"databases": {"work": {"queries": {
            "lookup": {"sql": LOOKUP_SQL}}}}}))
        dport = free_port()
        ds = Server([str(ROOT / ".venv" / "bin" / "datasette"), "serve", str(work), "-h", HOST,
                     "-p", str(dport), "-m", str(meta), "--setting", "sql_time_limit_ms",
                     "10000"], dport, OUT / "datasette.log")
        try:
            reqs = [build_request(
                "GET", f"/work/lookup.json?_shape=array&n={n.replace('+', '%2B')}",
                f"{HOST}:{dport}") for n in mix]
            req = lambda c, i: reqs[(c * 7919 + i) % len(reqs)]  # noqa: E731
            run_load(HOST, dport, req, clients=8, duration=1.0, warmup=0)
            c0 = cpu_seconds(ds.pid)
            rd = run_load(HOST, dport, req, clients=8, duration=D)
            c1 = cpu_seconds(ds.pid)
            results["datasette"] = rd
            results["datasette_cpu"] = (c1 - c0) / max(1, rd.count * (D + 0.5) / D) * 1e6  # type: ignore[assignment]
            log(f"datasette 8 clients: {rd.rate:.0f}/s, errors {rd.errors}")
        finally:
            ds.stop()

    desktop: dict[str, float] = {}
    bare: dict[str, float] = {}
    if want("desktop"):
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
        script = str(ROOT / "bench" / "desktop.py")
        for _ in range(2):  # the first start also warms the OS file cache
            b = subprocess.run(pinned([PY, script, "--bare", "--spawned-at", repr(time.time())],
                                      SERVER_CORE), capture_output=True, env=env, timeout=120)
        bare = json.loads(b.stdout.decode().strip().splitlines()[-1])
        d = subprocess.run(pinned([PY, script, str(work), "--spawned-at", repr(time.time()),
                                   "--scroll-seconds", "1"], SERVER_CORE),
                           capture_output=True, env=env, timeout=600)
        d = subprocess.run(pinned([PY, script, str(work), "--spawned-at", repr(time.time()),
                                   "--scroll-seconds", str(SCROLL)], SERVER_CORE),
                           capture_output=True, env=env, timeout=SCROLL + 600)
        try:
            desktop = json.loads(d.stdout.decode().strip().splitlines()[-1])
        except (IndexError, ValueError):
            log("desktop bench failed:\n" + d.stderr.decode()[-3000:])
        log(f"desktop: {desktop}; bare Qt: {bare}")
        from shared.database import connect
        from shared.store import Store

        store = Store(connect(work))
        t0 = time.perf_counter()
        store.list_persons(limit=200)
        floors["list_ms"] = (time.perf_counter() - t0) * 1000
        store.db.close()

    typing_lat: list[float] = []
    fts_lat: list[float] = []
    if want("typing"):
        from shared.database import connect
        from shared.store import Store

        store = Store(connect(work))
        seqs = search_texts(work, 12 if args.quick else 60, args.seed)
        end = time.perf_counter() + (15 if args.quick else 90)
        for seq in seqs:
            for text in seq:
                t0 = time.perf_counter()
                store.search(text)
                typing_lat.append((time.perf_counter() - t0) * 1000)
                if len(text) >= 3:
                    q = '"' + text.lower().replace('"', '""') + '"'
                    t0 = time.perf_counter()
                    store.conn.execute("SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?"
                                       " LIMIT 50", (q,)).fetchall()
                    fts_lat.append((time.perf_counter() - t0) * 1000)
            if time.perf_counter() > end:
                break
        store.db.close()
        log(f"typing: {len(typing_lat)} keystrokes, p50 {pct(typing_lat, 50):.1f} "
            f"p95 {pct(typing_lat, 95):.1f} max {max(typing_lat):.1f} ms")

    # -- the table -------------------------------------------------------------------
    def add(name, value, unit, baseline, what, target, ok, ratio=None, note=""):
        if ratio is None and baseline:
            ratio = value / baseline
        rows.append(Row(name, value, unit, baseline, what, ratio, target, ok, note))

    if "api" in lookups:
        api, ref = lookups["api"], lookups.get("reference")
        r8, f8 = api["mix8"], ref["mix8"] if ref else None
        ratio = r8.rate / f8.rate if f8 and f8.rate else None
        add("lookup mix 40/30/20/10 %, 8 clients", r8.rate, "req/s", f8.rate if f8 else None,
            "bare Falcon+Waitress, same SQL", ">= 0.85x", ratio is not None and ratio >= 0.85
            and not r8.errors, ratio=ratio, note=f"errors {r8.errors}")
        rd = results.get("datasette")
        if rd is not None:
            add("  same vs Datasette (exact SQL only)", r8.rate, "req/s", rd.rate,
                "Datasette canned query", ">= 4x", rd.rate > 0 and r8.rate / rd.rate >= 4)
        cpu = api["cpu_us"]
        add("  server CPU per lookup (mix)", cpu, "us", ref["cpu_us"] if ref else None,
            "reference CPU per lookup", "<= 150 us", cpu <= 150)
        floor = floors["lookup_p99_ms"]
        for name in MIX:
            r1 = api[name]
            p99 = r1.percentile(99)
            ref_note = (f"; reference p50/p99 {ref[name].percentile(50):.2f}/"
                        f"{ref[name].percentile(99):.2f}" if ref else "")
            add(f"  {name} numbers, 1 client: p99", p99, "ms", floor,
                "in-process person lookup p99", "<= 20x", p99 / floor <= 20 and not r1.errors,
                ratio=p99 / floor,
                note=f"p50 {r1.percentile(50):.2f}; in-process p50/p99 "
                     f"{floors[name + '_p50_ms']:.3f}/{floors[name + '_p99_ms']:.3f}{ref_note}")
    if "tasks" in results:
        rt = results["tasks"]
        add("GET /campaigns/{id}/tasks, 1 client: p99", rt.percentile(99), "ms",
            floors["tasks_p99_ms"], "in-process Store.open_tasks p99", "<= 2 ms",
            rt.percentile(99) <= 2 and not rt.errors,
            note=f"p50 {rt.percentile(50):.2f}; in-process p50 {floors['tasks_p50_ms']:.2f}")
    if "calls" in results:
        rc = results["calls"]
        add("POST /calls 1.5 KB, 8 clients, FULL sync", rc.rate, "calls/s",
            floors["calls_per_s"], "in-process validate+record_call", ">= 1000/s, 0 errors",
            rc.rate >= 1000 and not rc.errors,
            note=f"errors {rc.errors}; server CPU {floors['calls_cpu_us']:.0f} us per call")
    if "next" in results:
        rn = results["next"]
        rate = rn.count / rn.active_seconds if rn.active_seconds else 0.0
        add("GET /campaigns/{id}/next, 8 dialers", rate, "/s", floors["next_per_s"],
            "in-process Store.next_contact", ">= 1000/s, unique",
            rate >= 1000 and rn.unique and not rn.errors,  # type: ignore[attr-defined]
            note=f"{rn.count} handed out, {'all unique' if rn.unique else 'DUPLICATES'}")  # type: ignore[attr-defined]
    if "pg_search8" in results:
        r, base = results["pg_search8"], lookups.get("api", {}).get("mix8")
        ratio = r.rate / base.rate if base and base.rate else None
        add("PostgreSQL: POST /contacts/search, 8 clients", r.rate, "req/s",
            base.rate if base else None, "the SQLite row above", ">= 0.7x SQLite",
            ratio is not None and ratio >= 0.7 and not r.errors, ratio=ratio,
            note=f"errors {r.errors}")
        rr = results["pg_reference8"]
        r = results["pg_search8"]
        add("  same vs a bare server on PostgreSQL", r.rate, "req/s", rr.rate,
            "bare Falcon+Waitress+psycopg, same SQL", ">= 0.85x",
            rr.rate > 0 and r.rate / rr.rate >= 0.85 and not r.errors,
            note=f"the bare server: {rr.rate / base.rate:.2f}x SQLite" if base and base.rate
            else "")
        own = results.get("pg_own_core8")
        if own is not None:
            add("  same, PostgreSQL on a core of its own", own.rate, "req/s",
                base.rate if base else None, "the SQLite row above", "(information)", None,
                note=f"errors {own.errors}; PostgreSQL on the load client's core")
        pg, floors_pg = results["pg_lookups"], results["pg_floors"]
        floor = floors_pg["lookup_p99_ms"]
        for name in MIX:
            r1 = pg[name]
            p99 = r1.percentile(99)
            add(f"PostgreSQL: {name} numbers, 1 client: p99", p99, "ms", floor,
                "in-process person lookup p99, PostgreSQL", "<= 20x",
                p99 / floor <= 20 and not r1.errors, ratio=p99 / floor,
                note=f"p50 {r1.percentile(50):.2f}; in-process p50/p99 "
                     f"{floors_pg[name + '_p50_ms']:.3f}/{floors_pg[name + '_p99_ms']:.3f}")
        rt = results["pg_tasks"]
        add("PostgreSQL: GET /campaigns/{id}/tasks, 1 client: p99", rt.percentile(99), "ms",
            floors_pg["tasks_p99_ms"], "in-process Store.open_tasks p99, PostgreSQL",
            "<= 2 ms", rt.percentile(99) <= 2 and not rt.errors,
            note=f"p50 {rt.percentile(50):.2f}; in-process p50 {floors_pg['tasks_p50_ms']:.2f}")
        r, base = results["pg_calls"], results.get("calls")
        add("PostgreSQL: POST /calls 1.5 KB, 8 clients", r.rate, "calls/s",
            base.rate if base else None, "the SQLite row above",
            ">= 1000/s, 0 errors, synchronous_commit=on",
            r.rate >= 1000 and not r.errors and results["pg_sync"] == "on"  # type: ignore[comparison-overlap]
            and results["pg_wal_syncs"] >= results["pg_wal_syncs_needed"],  # type: ignore[operator]
            note=f"errors {r.errors}, synchronous_commit={results['pg_sync']}, WAL syncs "
                 f"{results['pg_wal_syncs']} (>= {results['pg_wal_syncs_needed']} needed)")
        r = results["pg_next"]
        rate = r.count / r.active_seconds if r.active_seconds else 0.0
        base = results.get("next")
        add("PostgreSQL: GET /campaigns/{id}/next, 8 dialers", rate, "/s",
            base.count / base.active_seconds if base and base.active_seconds else None,
            "the SQLite row above", ">= 1000/s, unique",
            rate >= 1000 and r.unique and not r.errors,  # type: ignore[attr-defined]
            note=f"{r.count} handed out, {'all unique' if r.unique else 'DUPLICATES'}")  # type: ignore[attr-defined]
    if "sim_rss" in results:
        sim = results["sim"]
        add(f"server RSS after {SIM:.0f}s simulator", results["sim_rss"], "MB", idle_rss,
            "server RSS idle after start", "<= 150 MB", results["sim_rss"] <= 150,  # type: ignore[operator]
            note=f"{sim.requests} requests, {sim.errors} errors")  # type: ignore[attr-defined]
    if desktop:
        add("desktop cold start to first paint", desktop["cold_start_s"], "s",
            bare.get("cold_start_s"), "bare QMainWindow cold start", "<= 2 s",
            desktop["cold_start_s"] <= 2)
        add("open persons list to first rows", desktop["persons_open_ms"], "ms",
            floors.get("list_ms"), "in-process Store.list_persons(200)", "<= 300 ms",
            desktop["persons_open_ms"] <= 300)
        add("desktop RSS, persons list scrolled", desktop["rss_mb"], "MB", bare.get("rss_mb"),
            "bare QMainWindow RSS", "<= 400 MB",
            desktop["rss_mb"] <= 400 and bool(desktop["scrolled_through"]),
            note=f"{desktop['rows_loaded']:,} rows in {desktop['scroll_seconds']:.0f}s"
                 + ("" if desktop["scrolled_through"] else " (time bound hit: not through)"))
    if typing_lat:
        add("search-as-you-type p95 per keystroke", pct(typing_lat, 95), "ms",
            pct(fts_lat, 95), "raw FTS5 MATCH p95 (>= 3 chars)", "<= 50 ms",
            pct(typing_lat, 95) <= 50, note=f"{len(typing_lat)} keystrokes")

    print()
    print(f"Callsheet bench: size {args.size} (seed {args.seed}), "
          f"{'quick' if args.quick else 'full'} run, {env_note}, "
          f"{steal_seconds() - steal_at_start:.1f} s of CPU stolen by the hypervisor, "
          f"{os.cpu_count()} cores, {datetime.now():%Y-%m-%d %H:%M}")
    if gen_seconds:
        print(f"generator: {gen_seconds:.1f}s for this database (cached in bench/out/)")
    def fmt(v: float | None) -> str:
        return "n/a" if v is None else (f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}")

    header = ("row", "measured", "baseline (same run)", "ratio", "target", "result")
    table = [header]
    for r in rows:
        table.append((r.name, f"{fmt(r.value)} {r.unit}",
                      f"{fmt(r.baseline)} ({r.baseline_what})" if r.baseline else
                      f"n/a ({r.baseline_what})",
                      "n/a" if r.ratio is None else f"{r.ratio:.2f}x", r.target,
                      ("INFO" if r.ok is None else "PASS" if r.ok else "FAIL")
                      + (f" - {r.note}" if r.note else "")))
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for k, row in enumerate(table):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    if not args.keep:
        for p in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
            p.unlink(missing_ok=True)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
