"""Opening the SQLite file: pragmas for two front ends writing side by side."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .errors import DatabaseUnavailable
from .migrations import migrate
from .storage.address import PgUrl, is_postgres, parse_address

BUSY_TIMEOUT_MS = 30_000


def _driver_errors(kind: str) -> tuple[type[BaseException], ...]:
    """The database drivers' exception classes of one kind (``Error`` or
    ``OperationalError``), so that front ends catch them without importing a driver."""
    found: list[type[BaseException]] = [getattr(sqlite3, kind)]
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    else:
        found.append(getattr(psycopg, kind))
    return tuple(found)


# Busy, locked, unreachable, a deadlock broken by the server: worth a retry (503).
UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseUnavailable, *_driver_errors("OperationalError"))
# Anything a driver raises.
DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseUnavailable, *_driver_errors("Error"))


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite creates it world-readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: str | os.PathLike[str], *, migrate_schema: bool = True) -> Any:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``path`` is a SQLite file (a ``sqlite_utils.Database`` is returned) or a
    ``postgresql://`` URL (a ``shared.storage.postgres.PgDatabase``); any other URL
    raises BadDatabaseAddress. Each thread needs its own connection: call this once
    per thread. The connection is in autocommit mode; the store opens transactions.
    """
    address = parse_address(path if isinstance(path, Path | PgUrl) else os.fspath(path))
    if is_postgres(address):
        from .storage import postgres

        return postgres.connect(address, migrate_schema=migrate_schema)  # type: ignore[arg-type]
    path = address
    if str(path) != ":memory:":
        _create_private(path)
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: an acknowledged call survives a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    db = Database(conn)
    if migrate_schema:
        migrate(db)
    return db
