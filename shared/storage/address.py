"""Which engine a database address names: a file path (SQLite) or a PostgreSQL URL.

``--db``, ``CALLSHEET_DB`` and the stored setting all go through ``parse_address``.
A URL is passed to libpq as it is, so its conventions hold: the password from the
URL, ``PGPASSWORD`` or ``~/.pgpass``, ``sslmode`` and the other query parameters.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import BadDatabaseAddress
from ..texts import Text

POSTGRES_SCHEMES = ("postgresql", "postgres")
# scheme "://": what a URL looks like. A Windows drive path (C:\data, C:/data) has a
# single letter and no "//" after the colon, so it stays a file path.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class PgUrl(str):
    """A ``postgresql://`` address (a str, so it prints and compares as written)."""

    def redacted(self) -> str:
        """The URL with its password replaced by ``***``, for messages and logs."""
        return redact(self)


DbAddress = Path | PgUrl


def parse_address(value: str | Path) -> DbAddress:
    """A file path (SQLite) or a PgUrl. Raises BadDatabaseAddress for any other URL
    (``mysql://``, ``http://``...): it would otherwise become a file name."""
    if isinstance(value, Path):
        return value
    text = str(value).strip()
    m = _URL.match(text)
    if m is None:
        return Path(text).expanduser()
    if m.group(1).lower() in POSTGRES_SCHEMES:
        return PgUrl(text)
    raise BadDatabaseAddress(
        Text(
            "{redact_text!r} is not a database Callsheet can use: give a file path (SQLite) or a "
            "postgresql://user@host/database URL (PostgreSQL).", redact_text=redact(text)))


def is_postgres(address: object) -> bool:
    """Whether ``address`` names a PostgreSQL database."""
    return isinstance(address, PgUrl)


def redact(url: str) -> str:
    """``url`` without its password (kept out of every message)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
