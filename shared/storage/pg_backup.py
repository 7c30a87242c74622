"""Backups of a PostgreSQL database: ``pg_dump`` when it is installed, else what to run."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import CallsheetError
from ..texts import Text
from .address import redact


class PgDumpMissing(CallsheetError):
    """pg_dump is not installed: the message says what to install and run."""


def find_pg_dump() -> str | None:
    """pg_dump on $PATH, else the newest in Debian's /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_dump")
    if found:
        return found
    for path in sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"), reverse=True):
        if os.access(path, os.X_OK):
            return path
    return None


def _without_password(url: str) -> tuple[str, str | None]:
    """The URL without its password (it goes to pg_dump in PGPASSWORD, not on the
    command line where every user of the machine could read it), and the password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    netloc = parts.netloc.replace(f":{parts.password}@", "@", 1)
    return urlunsplit(parts._replace(netloc=netloc)), parts.password


def dump_command(url: str, target: Path, pg_dump: str = "pg_dump") -> list[str]:
    """The pg_dump command that writes ``url``'s database to ``target`` (custom format,
    restored with ``pg_restore``)."""
    return [pg_dump, "--format=custom", "--no-owner", f"--file={target}",
            f"--dbname={_without_password(url)[0]}"]


def backup_postgres(url: str, target: Path) -> Path:
    """Dump the database at ``url`` into ``target`` with pg_dump. Raises PgDumpMissing,
    naming the command to run, when pg_dump is not installed, and CallsheetError with
    pg_dump's own message when it fails."""
    pg_dump = find_pg_dump()
    if pg_dump is None:
        shown = " ".join(dump_command(redact(url), target))
        raise PgDumpMissing(
            Text(
                "pg_dump is not installed here. Install the PostgreSQL client programs (Debian: "
                "apt-get install postgresql-client) or run on the server: {shown}", shown=shown))
    clean, password = _without_password(url)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(dump_command(url, target, pg_dump), env=env, capture_output=True,
                          text=True, timeout=24 * 3600)
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise CallsheetError(Text("pg_dump failed: {message}", message=message))
    return target
