#!/usr/bin/env python
"""Profile the API server under the search load with py-spy (how the bench's notes were made).

    .venv/bin/python bench/profile_search.py DB [--seconds 6] [--path /contacts/search]

Starts ``callsheet-api serve`` on DB (access log on), drives 8 clients of
POST /contacts/search at it, records it with ``py-spy record --format raw``
and prints the functions with the most samples, self and inclusive.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import run_load  # noqa: E402

KEY = "bench-key-0123456789abcdef"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--seconds", type=float, default=6)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "search.pyspy.txt"))
    args = ap.parse_args()
    from bench import harness

    run = vars(harness)
    port = run["free_port"]()
    numbers = run["sample_numbers"](Path(args.db), 500, 1)
    server = run["Server"]([run["PY"], "-m", "crm_api", "serve", "--db", args.db, "--port",
                            str(port), "--api-key", KEY], port, ROOT / "bench" / "out" /
                           "profile-server.log")
    try:
        req = run["search_request"](port, numbers)
        run_load("127.0.0.1", port, req, clients=8, duration=1, warmup=0)
        spy = subprocess.Popen([shutil.which("py-spy") or str(ROOT / ".venv/bin/py-spy"),
                                "record", "--pid", str(server.pid), "--duration",
                                str(int(args.seconds)), "--rate", "500", "--format", "raw",
                                "--output", args.out, "--nonblocking"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result = run_load("127.0.0.1", port, req, clients=8, duration=args.seconds + 1)
        spy.wait(60)
    finally:
        server.stop()
    print(f"{result.rate:.0f} req/s during the profile")
    self_c: collections.Counter = collections.Counter()
    incl: collections.Counter = collections.Counter()
    total = 0
    for line in Path(args.out).read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        n = int(n)
        frames = stack.split(";")
        if "process_request_thread" not in stack and "handler_thread" not in stack:
            # Waitress' main loop thread (asyncore) counts too.
            pass
        total += n
        self_c[frames[-1]] += n
        for f in set(frames):
            incl[f] += n
    print(f"{total} samples")
    print("-- self --")
    for f, n in self_c.most_common(25):
        print(f"{n / total * 100:5.1f}%  {f}")
    print("-- inclusive --")
    for f, n in incl.most_common(45):
        print(f"{n / total * 100:5.1f}%  {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
