"""``callsheet-api import`` beside a running server does not hold the write lock for its
whole length: Apollo's calls are answered between its chunks (issue 10, item 2)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid

from .conftest import ROOT, call_body, seed_contacts, serve

ROWS = 8_000


def test_posted_calls_are_answered_while_a_big_import_runs(tmp_path):
    db_path = tmp_path / "callsheet.db"
    csv_path = tmp_path / "big.csv"
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("Firma;Vorname;Nachname;Telefon\n")
        for i in range(ROWS):
            f.write(f"Firma {i:05d} GmbH;Max;Muster {i};030 {3000000 + i}\n")
    with serve(db_path) as served:
        contacts = seed_contacts(served.store, 2)
        importer = subprocess.Popen(
            [sys.executable, "-m", "crm_api", "import", str(csv_path), "--db", str(db_path)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        posts: list[tuple[int, float]] = []

        def agent() -> None:
            with served.session() as s:
                while importer.poll() is None:
                    body = call_body(f"beside-{uuid.uuid4().hex[:10]}",
                                     company=contacts.companies[0], new_tasks=0)
                    t = time.perf_counter()
                    r = s.post(served.url + "/calls", json=body, timeout=120)
                    posts.append((r.status_code, time.perf_counter() - t))
                    time.sleep(0.05)

        agents = [threading.Thread(target=agent) for _ in range(2)]
        for t in agents:
            t.start()
        try:
            out, err = importer.communicate(timeout=600)
        finally:
            for t in agents:
                t.join(timeout=130)
        assert importer.returncode == 0, err
        assert f"{ROWS:,} companies and {ROWS:,} persons created" in out
        assert len(posts) >= 10
        statuses = {status for status, _ in posts}
        assert statuses == {201}, statuses
        slowest = max(seconds for _, seconds in posts)
        print(f"\nimport of {ROWS} rows beside the server: {len(posts)} calls posted,"
              f" slowest {slowest * 1000:.0f} ms")
        # One chunk (a quarter of a second of rows) and its commit, with room to spare.
        assert slowest <= 2.5, f"a posted call waited {slowest:.1f} s behind the import"
        assert served.store.count_companies() == ROWS + 2
