"""Fixtures every layer shares: a database file, a store on it, a fixed clock."""

from __future__ import annotations

import os
import tempfile
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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "callsheet.db"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_path: Path, clock: Clock) -> Store:
    s = Store(connect(db_path), clock=clock)
    yield s
    s.db.close()


def db_content(path: Path) -> list[str]:
    """Every row of every table as SQL text: equal lists mean equal content."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
