"""A throwaway PostgreSQL server for the tests: one cluster per test session.

`initdb` + `pg_ctl` in a temporary folder, listening on a free port of 127.0.0.1 (and a
Unix socket in the same folder), trust authentication for the `postgres` superuser. The
server refuses to run as root, so as root the folder belongs to the `postgres` user and
the commands run through `runuser`. Tests never touch a cluster the machine already runs.

Fixtures (imported by tests/conftest.py):
- `pg_server`: the session's `PgServer` (started on first use, stopped at the end).
- `pg_url`: a fresh, empty database for the test module, as a `postgresql://` URL.
- `pg_database`: a factory for more fresh databases inside one test.

When the server programs are missing, every test that asks for these fixtures FAILS with
the command that installs them. They are never skipped: a suite that quietly skips the
PostgreSQL half would pass while testing only SQLite.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

INSTALL_HINT = "apt-get install -y postgresql"

# Names the tests may ask for, checked so that a name can go into SQL unquoted.
_DB_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PgUnavailable(RuntimeError):
    """The PostgreSQL server programs are missing or the throwaway server did not start."""


def find_bindir() -> Path:
    """The folder holding `initdb`, `pg_ctl` and `postgres`.

    Looks in $PATH, then `pg_config --bindir`, then Debian's /usr/lib/postgresql/*/bin
    (newest version first). Raises PgUnavailable with the install command when none has
    all three programs.
    """
    wanted = ("initdb", "pg_ctl", "postgres")
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                 timeout=10)
            if out.returncode == 0 and out.stdout.strip():
                candidates.append(Path(out.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass

    def version(path: str) -> tuple[int, ...]:
        m = re.search(r"/postgresql/([\d.]+)/bin$", path)
        return tuple(int(p) for p in m.group(1).split(".") if p) if m else (0,)

    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    candidates.extend(Path(p) for p in debian)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in wanted):
            return folder
    raise PgUnavailable(
        "The PostgreSQL tests need the PostgreSQL server programs (initdb, pg_ctl, postgres),"
        " which are not installed. On Debian/Ubuntu run, as root:"
        f"  apt-get update && {INSTALL_HINT}"
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster in a temporary folder; start() it, stop() it when done."""

    def __init__(self, bindir: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.as_postgres = os.geteuid() == 0
        self.base: Path | None = None
        self.port = 0
        self._counter = itertools.count(1)
        self._running = False

    # -- running the server programs -----------------------------------------------------

    def _cmd(self, program: str, *args: str) -> list[str]:
        argv = [str(self.bindir / program), *args]
        if self.as_postgres:
            # The server refuses to run as root; its files must belong to the user running it.
            return ["runuser", "-u", "postgres", "--", *argv]
        return argv

    def _run(self, program: str, *args: str, timeout: float = 60) -> None:
        proc = subprocess.run(self._cmd(program, *args), capture_output=True, text=True,
                              timeout=timeout, cwd=self.base or "/")
        if proc.returncode != 0:
            raise PgUnavailable(
                f"{program} failed (exit {proc.returncode}): {proc.stderr.strip() or proc.stdout}"
            )

    @property
    def data_dir(self) -> Path:
        assert self.base is not None
        return self.base / "data"

    @property
    def log_path(self) -> Path:
        assert self.base is not None
        return self.base / "server.log"

    def start(self) -> PgServer:
        """initdb (first time only) and start the server on a free loopback port."""
        if self._running:
            return self
        if self.base is None:
            # Short path under /tmp: a Unix socket path may be at most 107 bytes.
            self.base = Path(tempfile.mkdtemp(prefix="callsheet-pg-", dir="/tmp"))
            if self.as_postgres:
                shutil.chown(self.base, "postgres", "postgres")
            self._run("initdb", "-D", str(self.data_dir), "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", timeout=120)
            self._write_hba()
        # Another process may grab the port between free_port() and the server's bind; try
        # a few ports before giving up.
        last: PgUnavailable | None = None
        for _ in range(5):
            try:
                self._pg_ctl_start(free_port())
            except PgUnavailable as e:
                last = e
                continue
            atexit.register(self.stop)
            return self
        log = self.log_path.read_text(errors="replace")[-2000:] if self.log_path.exists() else ""
        raise PgUnavailable(f"the test PostgreSQL server did not start: {last}\n{log}")

    def _write_hba(self) -> None:
        # The superuser gets in without a password (the fixtures use it); every other role
        # must give its password, so tests can try a right and a wrong one.
        hba = self.data_dir / "pg_hba.conf"
        hba.write_text(
            "local all all trust\n"
            "host all postgres 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
        if self.as_postgres:
            shutil.chown(hba, "postgres", "postgres")

    def _pg_ctl_start(self, port: int) -> None:
        self.port = port
        options = (f"-p {port} -k {self.base} -c listen_addresses=127.0.0.1"
                   # A test server: durability on a crash of the machine does not matter.
                   " -c fsync=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", options,
                  "-l", str(self.log_path), "-w", "-t", "60", "start", timeout=90)
        self._running = True

    def stop(self, remove: bool = True) -> None:
        """Stop the server (fast shutdown); with `remove`, delete its folder too."""
        if self._running:
            try:
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
            except (PgUnavailable, subprocess.SubprocessError):
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
            self._running = False
        if remove and self.base is not None:
            shutil.rmtree(self.base, ignore_errors=True)
            self.base = None

    def pause(self) -> None:
        """Stop the server but keep its data, so that `resume()` brings it back as it was
        (for tests of the database server going away)."""
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        self._running = False

    def resume(self) -> None:
        """Start a server stopped by `pause()` again, on the same port."""
        self._pg_ctl_start(self.port)

    @property
    def running(self) -> bool:
        return self._running

    # -- databases ------------------------------------------------------------------------

    def url(self, dbname: str = "postgres", user: str = "postgres",
            password: str | None = None) -> str:
        """A libpq URL for a database on this server, over TCP on 127.0.0.1."""
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE and
        the like cannot run inside one)."""
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)

    def create_database(self, name: str | None = None, template: str = "template0") -> str:
        """A new empty database (or a copy of `template`); returns its URL."""
        name = name or f"test_{os.getpid()}_{next(self._counter)}"
        for n in (name, template):
            if not _DB_NAME.match(n):
                raise ValueError(f"not a plain database name: {n!r}")
        self.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)

    def create_role(self, name: str, password: str, *, owns: str | None = None) -> str:
        """A login role that must give `password` (and owns database `owns`, if given);
        returns its URL without the password, for the database it owns or `postgres`."""
        if not _DB_NAME.match(name) or (owns is not None and not _DB_NAME.match(owns)):
            raise ValueError(f"not a plain role or database name: {name!r}, {owns!r}")
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(password)))
            if owns:
                # From PostgreSQL 15 the public schema belongs to the database's owner.
                conn.execute(f"ALTER DATABASE {owns} OWNER TO {name}")
        return self.url(owns or "postgres", user=name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections are still open to it."""
        if not _DB_NAME.match(name):
            raise ValueError(f"not a plain database name: {name!r}")
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def make_template(self, name: str, setup: Callable[[str], None]) -> str:
        """Create database `name` once, run `setup(url)` on it (migrations, say), and return
        its name for `create_database(template=...)`: copying a prepared database is much
        faster than migrating every new one."""
        url = self.create_database(name)
        setup(url)
        # A template may not have open connections while it is being copied.
        self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        return name


_server: PgServer | None = None


def session_server() -> PgServer:
    """The one server of this test session, started on first use.

    Raises PgUnavailable (with the apt command) when the programs are missing.
    """
    global _server
    if _server is None:
        _server = PgServer()
    return _server.start()


def stop_session_server() -> None:
    """Stop the session's server if one was started (called at the end of the session)."""
    global _server
    if _server is not None:
        _server.stop()
        _server = None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server. Fails (never skips) when PostgreSQL is missing."""
    try:
        server = session_server()
    except PgUnavailable as e:
        pytest.fail(str(e), pytrace=False)
    try:
        yield server
    finally:
        stop_session_server()


@pytest.fixture(scope="module")
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database for the test module."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url.rsplit("/", 1)[1])


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[Callable[..., str]]:
    """Call it for a fresh, empty database (URL); all are dropped after the test."""
    made: list[str] = []

    def make(template: str = "template0") -> str:
        url = pg_server.create_database(template=template)
        made.append(url.rsplit("/", 1)[1])
        return url

    yield make
    for name in made:
        if pg_server.running:
            pg_server.drop_database(name)


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll `predicate` until it is true or `timeout` seconds pass; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
