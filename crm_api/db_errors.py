"""What a SQLite error means for the client: a status, a true message, and how loudly to log.

Busy or locked is a moment's wait (503 + Retry-After). A full disk (507), a
file that cannot be written or read (503) need a person: they are logged as
ERROR with the database file's name. Anything else is a bug or a broken
schema: 500, with the traceback in the log. Decided by SQLite's primary
result code (``sqlite_errorcode``), never by the exception class alone:
``OperationalError`` covers all of these.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

import falcon

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


@dataclass(frozen=True)
class DbFault:
    """The answer to one SQLite error."""

    status: str
    message: str
    retry_after: str | None = None
    level: int = logging.ERROR
    # A fault of the code (or schema) rather than of the file: the traceback is logged.
    unexpected: bool = False


BUSY = DbFault(falcon.HTTP_503, "The database is busy; try again in a moment.", "1",
               logging.WARNING)
INTERNAL = DbFault(falcon.HTTP_500, "Callsheet hit an internal error; it has been logged.",
                   unexpected=True)

_BY_CODE = {
    SQLITE_BUSY: BUSY,
    SQLITE_LOCKED: BUSY,
    SQLITE_FULL: DbFault(
        falcon.HTTP_507, "The disk that holds Callsheet's database is full; free some disk"
        " space, then try again."),
    SQLITE_READONLY: DbFault(
        falcon.HTTP_503, "Callsheet's database file cannot be written (it is read-only);"
        " check the file's permissions and the disk.", "30"),
    SQLITE_IOERR: DbFault(
        falcon.HTTP_503, "Callsheet's database file could not be read or written (disk I/O"
        " error); check the disk.", "30"),
    SQLITE_CANTOPEN: DbFault(
        falcon.HTTP_503, "Callsheet's database file cannot be opened; check that it and its"
        " folder exist and can be written.", "30"),
    SQLITE_CORRUPT: DbFault(
        falcon.HTTP_503, "Callsheet's database file is damaged; restore the last backup"
        " (callsheet-api restore).", "30"),
    SQLITE_NOTADB: DbFault(
        falcon.HTTP_503, "Callsheet's database file is damaged; restore the last backup"
        " (callsheet-api restore).", "30"),
}


def classify(exc: sqlite3.Error) -> DbFault:
    """The answer to ``exc``, by its SQLite result code (extended codes included)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return INTERNAL  # raised by Python's sqlite3 itself (a closed connection, ...)
    return _BY_CODE.get(code & 0xFF, INTERNAL)
