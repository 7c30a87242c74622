"""Backups of the SQLite file while it is in use, restores while it is not.

``backup`` copies a live database with SQLite's online backup API: the copy
is one consistent snapshot, and in WAL mode writers keep committing while it
is taken. ``restore`` replaces a database with a copy, but only when no
Callsheet process has it open: the desktop and ``callsheet-api serve`` hold a
shared ``flock`` on ``<db>.lock`` for as long as they run (``hold_lock``),
and restore needs it exclusively. The kernel drops the lock when a process
dies, even by SIGKILL, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from types import TracebackType

from .database import database_files, is_database_file
from .errors import CallsheetError, DatabaseInUse
from .migrations import SCHEMA_VERSION
from .storage.address import is_postgres
from .texts import Text

try:
    import fcntl
except ImportError:  # Windows: restore relies on SQLite's own check alone.
    fcntl = None  # type: ignore[assignment]

# Tables every Callsheet database has; a file without them is not one.
_REQUIRED_TABLES = {"companies", "persons", "campaigns", "tasks", "calls", "audit_log",
                    "settings"}
_BUSY_MS = 2_000


class BackupError(CallsheetError):
    """The backup or restore could not be made."""


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``callsheet.db.lock`` beside ``callsheet.db``."""
    return Path(str(db_path) + ".lock")


class DatabaseLock:
    """A flock on ``<db>.lock``: shared while Callsheet uses the file, exclusive to restore."""

    def __init__(self, db_path: str | os.PathLike[str] | None, *,
                 exclusive: bool = False) -> None:
        # None: nothing to lock (a PostgreSQL database); acquire and release do nothing.
        self.path = lock_path(db_path) if db_path is not None else None
        self.exclusive = exclusive
        self._fd: int | None = None

    def acquire(self) -> DatabaseLock:
        """Take the lock without waiting; raises DatabaseInUse when another process has it."""
        if fcntl is None or self._fd is not None or self.path is None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if self.exclusive:
                raise DatabaseInUse(
                    Text(
                        "The database {path} is in use by Callsheet or callsheet-api; close them "
                        "first.", path=str(self.path)[:-5])) from None
            raise DatabaseInUse(
                Text(
                    "The database {path} is being restored; start again when the restore is done.",
                    path=str(self.path)[:-5])) from None
        self._fd = fd
        return self

    def release(self) -> None:
        """Give the lock back (closing the file releases it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def hold_lock(db_path: str | os.PathLike[str]) -> DatabaseLock:
    """Mark the database as in use for as long as the returned lock is held.

    The desktop and ``callsheet-api serve`` call this once at start and keep
    the lock until they exit; any number of them may hold it at once. Raises
    DatabaseInUse while a restore is replacing the file.
    """
    if is_postgres(db_path):
        # The server keeps a shared database consistent; there is no file to lock.
        return DatabaseLock(None)
    return DatabaseLock(db_path).acquire()


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=_BUSY_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
    return conn


def _create_private(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        _fsync(path)


def _check_callsheet(conn: sqlite3.Connection, what: str) -> None:
    """Raise BackupError unless ``conn`` is an intact Callsheet database we can read."""
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise BackupError(Text(
                "{what} is not a readable SQLite database ({e}).", what=what, e=e)) from None
    if result != ["ok"]:
        raise BackupError(Text(
                "{what} is damaged: {problems}.", what=what, problems="; ".join(result[:3])))
    if not _REQUIRED_TABLES <= tables:
        raise BackupError(Text("{what} is not a Callsheet database.", what=what))
    if version > SCHEMA_VERSION:
        raise BackupError(Text(
                "{what} was written by a newer Callsheet (schema {version}, this one understands "
                "{schema_version}); update Callsheet first.", what=what, version=version,
                schema_version=SCHEMA_VERSION))


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into a new private file at ``target``, then check the copy."""
    _create_private(target)
    dest = _open(target)
    try:
        # One step, not pages with sleeps in between: a page-wise backup starts over
        # whenever another connection writes, so under Apollo's steady stream of calls
        # it might never finish. One step reads a single snapshot; in WAL mode the
        # writers go on committing meanwhile.
        source.backup(dest, pages=-1)
        # A backup is one self-contained file, not a WAL database with side files.
        dest.execute("PRAGMA journal_mode = DELETE")
        _check_callsheet(dest, Text("The copy {path}", path=target))
    finally:
        dest.close()
    _fsync(target)


def backup(db: str | os.PathLike[str] | sqlite3.Connection, target: str | os.PathLike[str]
           ) -> Path:
    """Copy the database (a path, or an open connection) to ``target``; returns the path.

    Works while the database is in use. The copy is checked with
    ``integrity_check``, readable by its owner only, and appears under its
    name only when complete (written beside it, then renamed).
    """
    target = Path(target)
    if isinstance(db, sqlite3.Connection):
        source, opened = db, False
    else:
        path = Path(db)
        if not path.is_file():
            raise BackupError(Text("There is no database at {path}.", path=path))
        if is_database_file(target, path):
            # Not even the -wal or -shm: replacing those under a running app loses data.
            raise BackupError(Text(
                    "The backup cannot overwrite the database it copies."))
        source, opened = _open(path), True
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        _copy(source, tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        if opened:
            source.close()
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
    return target


def _holders(db_path: Path) -> list[int]:
    """Ids of the processes with the database (or its journal) open, where the system
    tells (Linux's /proc; elsewhere an empty list)."""
    wanted = set()
    for f in database_files(db_path):
        try:
            st = f.stat()
        except OSError:
            continue
        wanted.add((st.st_dev, st.st_ino))
    proc = Path("/proc")
    if not wanted or not (proc / "self" / "fd").is_dir():
        return []
    found = []
    for pid_dir in proc.iterdir():
        if not pid_dir.name.isdigit():
            continue
        try:
            fds = list((pid_dir / "fd").iterdir())
        except OSError:  # gone, or another user's
            continue
        for fd in fds:
            try:
                st = fd.stat()  # follows the link to the open file: no open() of it
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in wanted:
                found.append(int(pid_dir.name))
                break
    return sorted(found)


def _check_not_in_use(db_path: Path) -> None:
    """Raise DatabaseInUse when any connection (of any program) has the file open.

    Leaving WAL mode needs the only connection to the file; SQLite refuses it
    at once while another is open. In rollback-journal mode that is a no-op,
    so an exclusive lock is asked for as well (refused while anyone reads),
    and on Linux every process's open files are looked at, which finds an
    idle ``sqlite3`` shell too (it holds no lock between statements). Run this
    while holding the exclusive lock.
    """
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=0.2)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise DatabaseInUse(
            Text(
                "The database {db_path} is open in another program; close it first.",
                db_path=db_path)) from None
    finally:
        conn.close()
    holders = _holders(db_path)
    if holders:
        raise DatabaseInUse(
            Text(
                "The database {db_path} is open in another program (process {processes}); close it "
                "first.", db_path=db_path, processes=", ".join(map(str, holders))))


def restore(source: str | os.PathLike[str], db_path: str | os.PathLike[str]) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``source``.

    Checks the backup first (intact, a Callsheet database, not from a newer
    Callsheet) and refuses with DatabaseInUse while Callsheet or any other
    program has the database open. Erasures made since the backup (logged in
    ``<db>.privacy-log.jsonl``) are applied again. The replaced database is kept as
    ``<db>.before-restore``; returns that path (None when there was none).
    """
    source, db_path = Path(source), Path(db_path)
    if not source.is_file():
        raise BackupError(Text("There is no backup at {source}.", source=source))
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError(Text("The backup and the database are the same file."))
    src = _open(source)
    try:
        _check_callsheet(src, Text("The backup {path}", path=source))
        with DatabaseLock(db_path, exclusive=True):
            kept = None
            if db_path.exists():
                _check_not_in_use(db_path)
                # A plain copy, not backup(): a damaged database is a reason to restore.
                kept = db_path.with_name(db_path.name + ".before-restore")
                _create_private(kept)
                shutil.copyfile(db_path, kept)
            tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.restore")
            try:
                _copy(src, tmp)
                for side in ("-wal", "-shm"):
                    Path(f"{db_path}{side}").unlink(missing_ok=True)
                os.replace(tmp, db_path)
                _fsync_dir(db_path.parent)
            finally:
                tmp.unlink(missing_ok=True)
                Path(f"{tmp}-journal").unlink(missing_ok=True)
            # Still under the exclusive lock, so nobody sees the erased persons again:
            # the erasures logged beside the database since the backup are made again.
            from .privacy_log import reapply_file

            reapply_file(db_path)
    finally:
        src.close()
    return kept


def default_backup_folder(db_path: str | os.PathLike[str]) -> Path:
    """Where daily backups go: a ``backups`` folder beside the database."""
    return Path(db_path).parent / "backups"


def _daily_name(db_path: str | os.PathLike[str]) -> re.Pattern[str]:
    # Named after the database (``crm.db`` -> ``crm-YYYY-MM-DD.db``): two databases in
    # one folder keep their own backups instead of overwriting and pruning each other's.
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")


def daily_backups(folder: str | os.PathLike[str], db_path: str | os.PathLike[str]
                  ) -> list[Path]:
    """The daily backups of the database at ``db_path`` in ``folder``, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    pattern = _daily_name(db_path)
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def auto_backup(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None, *,
    keep: int = 7, now: datetime | None = None,
) -> Path | None:
    """Make today's backup ``<name>-YYYY-MM-DD.db`` (``<name>.db`` is the database) unless
    it exists; keep the newest ``keep`` of this database's daily backups.

    Returns the new backup, or None when today's was made already or
    ``keep`` is 0 (automatic backups off). ``now`` is the local time by default.
    """
    if keep < 0:
        raise BackupError(Text(
                "The number of daily backups to keep must be 0 or more, got {keep}.", keep=keep))
    if keep == 0:
        return None
    folder = Path(folder) if folder is not None else default_backup_folder(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    today = (now or datetime.now()).date().isoformat()
    target = folder / f"{Path(db_path).stem}-{today}.db"
    made = None if target.exists() else backup(db_path, target)
    for old in daily_backups(folder, db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return made
