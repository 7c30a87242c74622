"""Moving up (and back): copy a whole Callsheet database to an empty one on either engine.

SQLite file -> empty PostgreSQL database, or PostgreSQL -> new SQLite file (any
pair works). The source is read in one snapshot; the target is written in ONE
transaction, so a failed copy leaves it empty. Rows keep their keys (``pk``
too), so lists, histories and the audit trail come out in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import CallsheetError
from ..settings import API_KEY
from ..texts import Text

# Parents before children (foreign keys), each table whole: every table of the schema
# (tests/pg/test_copy.py checks that none is missing). Screen pops are requests to a
# desktop of the moment, not data: they are not copied.
TABLES: tuple[str, ...] = (
    "companies", "persons", "campaigns", "campaign_contacts", "campaign_calling_hours",
    "tasks", "calls", "call_attempts", "call_tags", "dnc_events", "audit_log",
    "not_duplicates", "notes", "todos", "person_details", "trash",
    # Privacy: consent proofs, the block list of erased persons' numbers (its secret is a
    # setting) and the privacy log must move with the data they belong to.
    "consents", "blocked_numbers", "privacy_log", "settings",
)
NOT_COPIED = ("screen_pops",)
CHUNK = 2000

Progress = Callable[[str, int, int], None]  # (table, rows copied, rows in table)


class TargetNotEmpty(CallsheetError):
    """The target database already has data: copy only into an empty one."""


@dataclass
class CopyReport:
    """How many rows of each table were copied, and whether the API key went along."""

    counts: dict[str, int] = field(default_factory=dict)
    key_copied: bool = False


def count_rows(store: Any) -> dict[str, int]:
    """Rows per copied table."""
    return {t: store._one(f"SELECT count(*) FROM {t}")[0] for t in TABLES}


def _data_present(store: Any) -> dict[str, int]:
    """Rows per table that make a database not empty. The API key does not count: the
    office's service stores one on its first start, which may come before the copy."""
    present = {t: n for t, n in count_rows(store).items() if n}
    if "settings" in present:
        present["settings"] = store._one(
            "SELECT count(*) FROM settings WHERE key <> ?", (API_KEY,))[0]
    return {t: n for t, n in present.items() if n}


def _columns(store: Any, table: str) -> list[str]:
    cur = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    names = [d[0] for d in cur.description]
    cur.fetchall()
    return names


@contextmanager
def _snapshot(store: Any) -> Any:
    """One consistent view of the source for the whole copy (writers may go on)."""
    store.conn.execute(store.dialect.snapshot_sql)
    try:
        yield
    finally:
        if store.conn.in_transaction:
            store.conn.execute("COMMIT")


def copy_database(source: Any, target: Any, *, with_key: bool = False,
                  progress: Progress | None = None) -> CopyReport:
    """Copy every table of ``source`` into ``target`` (two Stores, any engines).

    Raises TargetNotEmpty, naming what it found, when the target has any data (its own
    API key aside: it stays, unless ``with_key`` brings the source's instead). Returns
    the counts copied.
    """
    present = _data_present(target)
    if present:
        found = ", ".join(f"{n} {t}" for t, n in present.items())
        raise TargetNotEmpty(Text(
                "The target database is not empty ({found}); copy only into an empty database or "
                "a new file.", found=found))
    report = CopyReport()
    with _snapshot(source):
        totals = count_rows(source)
        with target.write():
            for table in TABLES:
                columns = _columns(source, table)
                wanted = set(_columns(target, table))
                columns = [c for c in columns if c in wanted]
                # Quoted: calling hours have a column named "end", a keyword.
                names = ", ".join(f'"{c}"' for c in columns)
                cur = source.conn.execute(f"SELECT {names} FROM {table} ORDER BY 1")
                read = copied = 0
                while True:
                    rows = cur.fetchmany(CHUNK)
                    if not rows:
                        break
                    read += len(rows)
                    rows = [tuple(r) for r in rows]
                    if table == "settings":
                        key = columns.index("key")
                        report.key_copied = with_key and (
                            report.key_copied or any(r[key] == API_KEY for r in rows))
                        if not with_key:
                            rows = [r for r in rows if r[key] != API_KEY]
                        elif any(r[key] == API_KEY for r in rows):
                            # The source's key replaces one the target's service made.
                            target.conn.execute("DELETE FROM settings WHERE key = ?",
                                                (API_KEY,))
                    if rows:
                        target.dialect.insert_rows(table, columns, rows)
                    copied += len(rows)
                    if progress is not None:
                        progress(table, read, totals[table])
                target.dialect.after_insert_rows(table, columns)
                report.counts[table] = copied
    return report
