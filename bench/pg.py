"""The PostgreSQL side of the bench: a throwaway server with durable settings, and the
same data as the SQLite rows (``callsheet-api copy`` of the working file).

Unlike the test server (fsync off), this one keeps PostgreSQL's defaults for
durability: ``fsync=on``, ``synchronous_commit=on``. Its postmaster is pinned to
the server core before any connection, so every backend (forked from it) runs
there beside the API server, as SQLite runs inside the API server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from tests.pg_server import PgServer


class BenchPgServer(PgServer):
    """A throwaway cluster tuned only in memory (shared_buffers), durable as shipped."""

    def __init__(self, core: str | None) -> None:
        super().__init__()
        self.core = core

    def _pg_ctl_start(self, port: int) -> None:
        self.port = port
        options = (f"-p {port} -k {self.base} -c listen_addresses=127.0.0.1"
                   " -c shared_buffers=256MB -c max_connections=200"
                   " -c fsync=on -c synchronous_commit=on")
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", options,
                  "-l", str(self.log_path), "-w", "-t", "60", "start", timeout=90)
        self._running = True
        self._pin()

    def pin(self, core: str) -> None:
        """Move the server (postmaster and every process it has forked) to ``core``."""
        self.core = core
        self._pin()

    def _pin(self) -> None:
        taskset = shutil.which("taskset")
        pid_file = self.data_dir / "postmaster.pid"
        if not (taskset and self.core and pid_file.exists()):
            return
        pid = pid_file.read_text().split()[0]
        # Backends fork from the postmaster and inherit its core; the few already running
        # (checkpointer, WAL writer...) are pinned one by one.
        subprocess.run([taskset, "-a", "-p", "-c", self.core, pid], capture_output=True)
        for child in _children(int(pid)):
            subprocess.run([taskset, "-a", "-p", "-c", self.core, str(child)],
                           capture_output=True)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def copy_into_postgres(work: Path, server: BenchPgServer, log) -> str:
    """A new database on ``server`` holding a copy of the SQLite file ``work``; its URL."""
    from shared.database import connect
    from shared.storage.copy import copy_database
    from shared.store import Store

    url = server.create_database("callsheet_bench")
    t = time.perf_counter()
    source, target = Store(connect(work)), Store(connect(url))
    try:
        report = copy_database(source, target, with_key=True)
    finally:
        source.close()
        target.close()
    log(f"copied {sum(report.counts.values()):,} rows into PostgreSQL in "
        f"{time.perf_counter() - t:.1f}s")
    settle(url)
    log(f"vacuumed, analysed and checkpointed in {time.perf_counter() - t:.1f}s in all")
    return url


def settle(url: str) -> None:
    """Leave the server nothing to do after a bulk load: otherwise autovacuum vacuums the
    new tables (millions of rows) and the checkpointer writes them out while the rows
    are measured, on the API server's core, the SQLite rows' too. A database that has
    been in use is in this state: its rows vacuumed, their pages all-visible."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
        conn.execute("CHECKPOINT")


def synchronous_commit(url: str) -> str:
    """The server's synchronous_commit setting (the row says it is on)."""
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SHOW synchronous_commit").fetchone()[0]


def wal_syncs(url: str) -> int:
    """How many times the server has synced its WAL to disk (pg_stat_wal). Backends
    report it when they end: read it after the API server has stopped."""
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT wal_sync FROM pg_stat_wal").fetchone()[0])


def root_ok() -> bool:
    """Whether the server may start here (as root it runs as the postgres user)."""
    return os.geteuid() != 0 or shutil.which("runuser") is not None
