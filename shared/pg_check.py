"""Try a connection to a shared database and say, in words, which field is wrong.

Used by the desktop's *Test connection* button: a person needs "no database called
'calsheet' on this server" next to the database field, not a libpq traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg

from .local_settings import LocalSettings
from .texts import Text

# Which field a libpq message points at, tried in order; the first match wins.
_RULES: tuple[tuple[str, str, Text], ...] = (
    (r"password authentication failed|authentication failed for user",
     "password", Text("The server refused this password for user {user} (or does not know"
     " that user).")),
    (r"no password supplied|fe_sendauth",
     "password", Text("The server wants a password for user {user}.")),
    (r"database \".*\" does not exist",
     "dbname", Text("There is no database called '{dbname}' on this server.")),
    (r"role \".*\" does not exist",
     "user", Text("The server has no user called '{user}'.")),
    (r"permission denied for database|not permitted to log in|must have CONNECT",
     "user", Text("User {user} may not connect to database '{dbname}'.")),
    (r"no pg_hba.conf entry",
     "host", Text("The server does not accept connections from this PC (pg_hba.conf); ask"
     " whoever runs it to allow this PC.")),
    (r"server does not support SSL|SSL off|SSL required|certificate|SSL error|sslmode",
     "sslmode", Text("SSL: {detail}")),
    (r"could not translate host name|Name or service not known|nodename nor servname",
     "host", Text("No computer called '{host}' was found on the network.")),
    (r"Connection refused|connection refused",
     "port", Text("Nothing answers on port {port} of {host}: is PostgreSQL running there and"
     " listening on this address?")),
    (r"timeout expired|timed out|No route to host|Network is unreachable",
     "host", Text("{host} does not answer (switched off, or a firewall in the way?).")),
)


@dataclass(frozen=True)
class CheckResult:
    """The outcome: ``ok``; ``field`` names the setting to fix (``host``, ``port``,
    ``dbname``, ``user``, ``password``, ``sslmode``) or is "" when none is to blame."""

    ok: bool
    field: str
    message: str


def explain(error: Exception, settings: LocalSettings) -> CheckResult:
    """Which field a connection error points at, and a sentence a person can act on."""
    detail = str(error).strip().splitlines()
    first = detail[-1] if detail else type(error).__name__
    # libpq prefixes messages with 'connection to server at "h" (ip), port p failed:'.
    first = re.sub(r"^connection to server .*? failed: ", "", first)
    text = str(error)
    for pattern, field, message in _RULES:
        if re.search(pattern, text, re.IGNORECASE):
            return CheckResult(False, field, Text(
                message.template, user=settings.user or "(none)", dbname=settings.dbname,
                host=settings.host, port=settings.port, detail=first))
    return CheckResult(False, "", first)


def check_fields(settings: LocalSettings) -> CheckResult | None:
    """A field that cannot work whatever the server says, or None when all look usable."""
    if not settings.host.strip():
        return CheckResult(False, "host", Text("Enter the database server's name or address."))
    if not 1 <= settings.port <= 65535:
        return CheckResult(False, "port",
                           Text("The port is a number from 1 to 65535 (usually 5432)."))
    if not settings.dbname.strip():
        return CheckResult(False, "dbname", Text("Enter the database's name (e.g. callsheet)."))
    if not settings.user.strip():
        return CheckResult(False, "user", Text("Enter the user name the database server knows."))
    return None


def check_connection(settings: LocalSettings, password: str | None = None,
                     timeout: int = 5) -> CheckResult:
    """Connect once with these settings (and `password`, else what libpq finds in
    PGPASSWORD or its password file) and report what happened."""
    bad = check_fields(settings)
    if bad is not None:
        return bad
    kw: dict[str, object] = {"connect_timeout": timeout, "application_name": "callsheet check"}
    if password:
        kw["password"] = password
    try:
        with psycopg.connect(settings.shared_url(), **kw) as conn:
            version = conn.info.server_version
            trgm = conn.execute(
                "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"
            ).fetchone()[0]
    except psycopg.Error as e:
        return explain(e, settings)
    major, minor = divmod(version, 10000)
    message = Text("Connected: PostgreSQL {major}.{minor} at {host}, database '{dbname}' as"
                   " {user}.", major=major, minor=minor, host=settings.host,
                   dbname=settings.dbname, user=settings.user)
    if not trgm:
        message = Text("{connected} (The pg_trgm extension is not installed on the server:"
                       " search needs it.)", connected=message)
    return CheckResult(True, "", message)
