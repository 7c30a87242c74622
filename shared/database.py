"""Opening the SQLite file: pragmas for two front ends writing side by side."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .errors import CallsheetError
from .migrations import migrate

BUSY_TIMEOUT_MS = 30_000


class NoDatabase(CallsheetError):
    """There is no database at this path."""


def require_existing(path: str | os.PathLike[str]) -> Path:
    """``path`` when a database file is there; raises NoDatabase otherwise.

    Commands that only read (or administer) a database use this, so that a
    mistyped ``--db`` is an error rather than a new, empty database.
    """
    path = Path(path)
    if not path.is_file():
        raise NoDatabase(
            f"There is no database at {path}; check the path (only the desktop app and"
            " callsheet-api serve, demo and import create a new one).")
    return path


SIDE_FILES = ("-wal", "-shm", "-journal")


def database_files(path: str | os.PathLike[str]) -> list[Path]:
    """The database file and the side files SQLite keeps beside it."""
    return [Path(path)] + [Path(f"{path}{side}") for side in SIDE_FILES]


def is_database_file(candidate: str | os.PathLike[str], database: str | os.PathLike[str]
                     ) -> bool:
    """True when ``candidate`` is ``database`` or one of its side files.

    Decided from names and ``stat`` only: opening one of these files outside
    SQLite, even just to read it, drops the process's SQLite locks on it.
    """
    try:
        target = Path(candidate).expanduser().resolve()
    except OSError:
        return False
    for f in database_files(database):
        try:
            if target == f.resolve() or (f.exists() and target.exists()
                                         and os.path.samefile(target, f)):
                return True
        except OSError:
            continue
    return False


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite creates it world-readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: str | os.PathLike[str], *, migrate_schema: bool = True,
            create: bool = True) -> Database:
    """Open the database at ``path`` and bring its schema up to date.

    A missing file is created unless ``create`` is False (then NoDatabase).
    Each thread needs its own connection: call this once per thread. The
    connection is in autocommit mode; the store opens transactions itself.
    """
    path = Path(path)
    if str(path) != ":memory:":
        if not create:
            require_existing(path)
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
