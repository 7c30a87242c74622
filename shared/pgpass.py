"""libpq's password file: where Callsheet keeps the shared database's password.

The password never goes into Callsheet's own settings. libpq (and so psycopg) reads this
file by itself when a connection gives no password: `~/.pgpass` on Linux and macOS,
`%APPDATA%\\postgresql\\pgpass.conf` on Windows, or the file `PGPASSFILE` names. Each line
is `host:port:database:user:password`, `*` matching anything, `:` and `\\` escaped with
a backslash; the first matching line wins. On Linux and macOS libpq ignores the file
unless only its owner may read it, so it is always written with mode 0600.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def pgpass_path() -> Path:
    """Where libpq looks for the password file on this machine."""
    env = os.environ.get("PGPASSFILE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _split(line: str) -> list[str]:
    """A line's fields with the escapes undone (libpq's own parsing rules)."""
    fields, current, i = [], [], 0
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            current.append(line[i + 1])
            i += 2
            continue
        if ch == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    fields.append("".join(current))
    return fields


def _key(host: str, port: int | str, database: str, user: str) -> list[str]:
    return [host, str(port), database, user]


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _write(path: Path, lines: list[str]) -> None:
    """Replace the file in one step, readable by its owner only from the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".pgpass-", dir=path.parent)  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line + "\n" for line in lines))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_password(host: str, port: int | str, database: str, user: str, password: str,
                  path: Path | None = None) -> Path:
    """Store the password for exactly this host, port, database and user; returns the file.

    An older line for the same four replaces; the new line goes first, so a broader
    wildcard line further down cannot shadow it. Other lines are kept as they were.
    """
    path = path or pgpass_path()
    key = _key(host, port, database, user)
    kept = [line for line in _lines(path) if _split(line)[:4] != key]
    entry = ":".join(_escape(f) for f in [*key, password])
    _write(path, [entry, *kept])
    return path


def remove_password(host: str, port: int | str, database: str, user: str,
                    path: Path | None = None) -> bool:
    """Forget the password stored for exactly these four; True if there was one."""
    path = path or pgpass_path()
    lines = _lines(path)
    key = _key(host, port, database, user)
    kept = [line for line in lines if _split(line)[:4] != key]
    if len(kept) == len(lines):
        return False
    _write(path, kept)
    return True


def find_password(host: str, port: int | str, database: str, user: str,
                  path: Path | None = None) -> str | None:
    """The password libpq would use for this connection, or None (first match wins)."""
    wanted = _key(host, port, database, user)
    for line in _lines(path or pgpass_path()):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _split(line)
        if len(fields) != 5:
            continue
        if all(f == "*" or f == w for f, w in zip(fields[:4], wanted, strict=True)):
            return fields[4]
    return None
