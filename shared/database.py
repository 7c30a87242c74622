"""Opening the SQLite file: pragmas for two front ends writing side by side."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .errors import DatabaseDamaged, DatabaseGone, DatabaseUnavailable
from .migrations import migrate
from .storage.address import PgUrl, is_postgres, parse_address
from .texts import Text

BUSY_TIMEOUT_MS = 30_000
SQLITE_BUSY = 5


def busy_error() -> sqlite3.OperationalError:
    """The error SQLite raises when the write lock stays taken past the busy timeout, for
    a wait that ran out on this process's own lock (handled the same way: 503)."""
    e = sqlite3.OperationalError("database is locked")
    e.sqlite_errorcode = SQLITE_BUSY  # type: ignore[attr-defined]
    e.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    return e


class NoDatabase(DatabaseUnavailable):
    """There is no database at this path."""


def require_existing(path: str | os.PathLike[str]) -> Path:
    """``path`` when a database file is there; raises NoDatabase otherwise.

    Commands that only read (or administer) a database use this, so that a
    mistyped ``--db`` is an error rather than a new, empty database. A PostgreSQL
    URL is returned as it is (connecting says whether the database is there).
    """
    if is_postgres(path):
        return path  # type: ignore[return-value]
    path = Path(path)
    if not path.is_file():
        raise NoDatabase(
            Text(
                "There is no database at {path}; check the path (only the desktop app and "
                "callsheet-api serve, demo and import create a new one).", path=path))
    return path


SIDE_FILES = ("-wal", "-shm", "-journal")

# SQLite's primary result codes (``exc.sqlite_errorcode & 0xFF``) that this module acts on.
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CANTOPEN = 14


def spoils_connection(exc: BaseException) -> bool:
    """True for an error after which a connection is better closed and opened again.

    SQLite opens a file it cannot write read-only and stays so; an I/O error or a
    file that could not be opened may be over by the next request.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class FileWatch:
    """Tells whether the files a connection has open are still the ones at their paths.

    Deleting or replacing the database file (or its WAL) does not stop an open
    connection: it goes on writing into the unlinked file, and what it commits
    is gone at the next start. ``check`` compares inode numbers (a ``stat``,
    never an ``open``: see file_dialogs for why) and raises DatabaseGone.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("PRAGMA database_list").fetchone()
        self.path: str = row[2] if row and row[2] else ""
        self._db = _identity(self.path) if self.path else None
        self._wal = _identity(self.path + "-wal") if self.path else None

    def same_file(self, other: FileWatch) -> bool:
        """True when both connections opened the same file."""
        return self._db == other._db

    def check(self) -> None:
        """Raise DatabaseGone unless the file at the path is still the one open."""
        if not self.path or self._db is None:
            return
        if _identity(self.path) != self._db:
            raise DatabaseGone(
                Text(
                    "The database file {path} was deleted or replaced while Callsheet had it "
                    "open; nothing was stored. Restart Callsheet (and callsheet-api serve); "
                    "restore the last backup if the file is gone.", path=self.path))
        wal = _identity(self.path + "-wal")
        if self._wal is None:
            self._wal = wal  # the first connection of a new file opens its WAL later
        elif wal != self._wal:
            # While a connection is open SQLite never deletes the WAL; another program
            # did, and with it every commit not yet copied into the database file.
            raise DatabaseGone(
                Text(
                    "The write-ahead log {path}-wal was deleted while Callsheet had it open; "
                    "nothing was stored. Stop Callsheet and callsheet-api serve, then start them "
                    "again.", path=self.path))


def check_intact(db: Database, path: str | os.PathLike[str]) -> None:
    """Raise DatabaseDamaged when ``PRAGMA quick_check`` finds damage; the message says how
    to restore the newest backup. Reads the whole file: call it once, at start. A
    PostgreSQL database is the server's to check (nothing to do here)."""
    if is_postgres(path):
        return
    try:
        result = [r[0] for r in db.conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as e:
        result = [str(e)]
    if result == ["ok"]:
        return
    raise DatabaseDamaged(damaged_message(path, "; ".join(result[:3])))


def damaged_message(path: str | os.PathLike[str], detail: str) -> str:
    """What to say about a damaged database: what is wrong, and how to restore a backup."""
    path = Path(path)
    folder = path.parent / "backups"
    newest = sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.stat().st_mtime)
    backup = str(newest[-1]) if newest else f"a backup (daily ones are in {folder})"
    return (f"The database {path} is damaged ({detail}). Close Callsheet and"
            f" callsheet-api serve, then restore the last backup: callsheet-api restore"
            f" {backup} --db {path}")


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


# What SQLite raises (the API answers each by its result code: crm_api.db_errors).
SQLITE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,)
# A file that is not a (sound) SQLite database.
SQLITE_DAMAGED_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
SQLITE_VERSION = sqlite3.sqlite_version
# PostgreSQL unreachable, restarting, a deadlock it broke: worth a retry (503).
PG_UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = _driver_errors("OperationalError")[1:]
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


WAL_AUTOCHECKPOINT_PAGES = 10_000


def connect(path: str | os.PathLike[str], *, migrate_schema: bool = True,
            create: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Any:
    """Open the database at ``path`` and bring its schema up to date.

    ``path`` is a SQLite file (a ``sqlite_utils.Database`` is returned) or a
    ``postgresql://`` URL (a ``shared.storage.postgres.PgDatabase``, which must exist;
    a new, empty one is set up here); any other URL raises BadDatabaseAddress.
    A missing file is created unless ``create`` is False (then NoDatabase).
    A write waits up to ``busy_timeout_ms`` for another connection's write lock,
    then fails with SQLITE_BUSY.
    Each thread needs its own connection: call this once per thread. The
    connection is in autocommit mode; the store opens transactions itself.
    """
    address = parse_address(path if isinstance(path, Path | PgUrl) else os.fspath(path))
    if is_postgres(address):
        from .storage import postgres

        return postgres.connect(address, migrate_schema=migrate_schema)  # type: ignore[arg-type]
    path = address
    if str(path) != ":memory:":
        if not create:
            require_existing(path)
        _create_private(path)
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False,
        timeout=busy_timeout_ms / 1000,
    )
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: an acknowledged call survives a power cut, not just a crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    # A posted call dirties ~20 pages (the call, its tags, their indexes); at SQLite's
    # default of a checkpoint every 1,000 WAL pages the hot index pages were copied
    # into the file (and fsynced) every ~50 calls. Every 10,000 pages (~40 MB of WAL)
    # each is copied once per ten times as many calls: 5-8 % less CPU per posted call.
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    db = Database(conn)
    if migrate_schema:
        migrate(db)
    return db
