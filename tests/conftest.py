"""Fixtures every layer shares: a database, a store on it, a fixed clock.

The store and API suites (tests/store, tests/api) run on both engines: their tests
get the module-scoped ``engine`` fixture parametrised as ``sqlite`` and
``postgresql`` (a fresh database on the session's throwaway server); a test
marked ``sqlite_only`` tests SQLite itself and runs once. Every other suite runs
on SQLite.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.database import connect
from shared.store import Store
from tests.pg_server import pg_database, pg_server, pg_url  # noqa: F401  (fixtures)

FIXED_NOW = datetime(2026, 11, 26, 12, 0, 0, tzinfo=UTC)
# The programs' log files (shared/logfiles.py) go here, also from the programs the tests
# start, never to the user's log folder.
os.environ.setdefault("CALLSHEET_LOG_DIR", tempfile.mkdtemp(prefix="callsheet-test-logs-"))


@pytest.fixture(autouse=True)
def _no_leftover_log_handlers():
    """A program's main() run in a test sets up logging; the next test starts without."""
    yield
    import logging

    from shared.logfiles import our_handlers

    for h in our_handlers():
        logging.getLogger().removeHandler(h)
        h.close()


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


ENGINES = ("sqlite", "postgresql")
BOTH_ENGINE_SUITES = ("store", "api")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``engine`` by where the test lives (see the module docstring)."""
    if "engine" not in metafunc.fixturenames:
        return
    parts = Path(str(metafunc.definition.path)).parts
    both = (any(s in parts[-3:-1] for s in BOTH_ENGINE_SUITES)
            and metafunc.definition.get_closest_marker("sqlite_only") is None)
    metafunc.parametrize("engine", ENGINES if both else ("sqlite",), indirect=True,
                         scope="module")


@pytest.fixture(scope="module")
def engine(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: which engine this test's database is on."""
    return getattr(request, "param", "sqlite")


_PG_TEMPLATE = "callsheet_template"


def new_database(engine: str, folder: Path, request: pytest.FixtureRequest) -> Path | str:
    """A new, empty Callsheet database: a file in ``folder``, or a PostgreSQL URL (a copy
    of a migrated template, made once per session)."""
    if engine == "sqlite":
        return folder / "callsheet.db"
    server = request.getfixturevalue("pg_server")
    if not getattr(server, "_callsheet_template", False):
        def setup(url: str) -> None:
            connect(url).close()  # migrates

        server.make_template(_PG_TEMPLATE, setup)
        server._callsheet_template = True
    return server.create_database(template=_PG_TEMPLATE)


def drop_database(address: Path | str, request: pytest.FixtureRequest) -> None:
    """Drop a PostgreSQL database ``new_database`` made (a file goes with tmp_path)."""
    from tests import pg_server as session

    server = session._server  # the session's, started by new_database
    if isinstance(address, str) and server is not None and server.running:
        server.drop_database(address.rsplit("/", 1)[1])


@pytest.fixture
def db_url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """The test's database: a SQLite file path or a ``postgresql://`` URL."""
    address = new_database(engine, tmp_path, request)
    yield address
    drop_database(address, request)


@pytest.fixture
def db_path(db_url: Path | str) -> Path | str:
    """The test's database (a file on SQLite); the older name of ``db_url``."""
    return db_url


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cli_main(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """``callsheet-api`` run in this process: ``run(*argv)`` gives (exit code, stdout,
    stderr). The key and the database come from the arguments, not this shell's
    environment."""
    from crm_api.cli import main

    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    monkeypatch.delenv("CALLSHEET_DB", raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main([*argv])
        except SystemExit as e:
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Store:
    s = Store(connect(db_path), clock=clock)
    yield s
    s.db.close()


def db_content(path: Path | str) -> list[str]:
    """Every row of every table as text: equal lists mean equal content (a SQLite file
    or a PostgreSQL URL)."""
    if str(path).startswith(("postgresql://", "postgres://")):
        import psycopg

        out: list[str] = []
        with psycopg.connect(str(path), autocommit=True) as conn:
            tables = [r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " ORDER BY tablename")]
            for table in tables:
                rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                out += [f"{table}: {row!r}" for row in sorted(rows, key=repr)]
        return out
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
