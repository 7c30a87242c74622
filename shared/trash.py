"""Recently deleted: deleted companies and persons wait 30 days before they are gone.

Deleting moves the record, the persons deleted with it, their tasks and campaign
places into one ``trash`` row (JSON) and removes them from the live tables, so
no query elsewhere needs to know about deleted rows: to the API a deleted record
is simply unknown (404). Restoring puts the rows back with the same ids; calls
never left (they keep the contact ids Apollo sent), so the card shows them again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .errors import NotFound, ValidationError
from .model import Actor
from .timeutil import to_db
from .words import plural

if TYPE_CHECKING:
    from .store import Store

KEEP_DAYS = 30


@dataclass
class TrashEntry:
    """One deleted company (with its persons) or person, as Recently deleted lists it."""

    pk: int
    kind: str  # "company" or "person"
    record_id: str
    label: str
    detail: str
    deleted_at: str
    side: str
    client: str | None

    def purge_at(self, days: int = KEEP_DAYS) -> datetime:
        """When it is purged for good."""
        from .timeutil import from_db

        deleted = from_db(self.deleted_at)
        assert deleted is not None
        return deleted + timedelta(days=days)


@dataclass
class Restored:
    """What a restore put back, and what it could not (a campaign deleted since)."""

    kind: str
    record_id: str
    label: str
    persons: int = 0
    tasks: int = 0
    campaign_places: int = 0
    skipped: int = 0

    @property
    def message(self) -> str:
        parts = [plural(self.tasks, "task"), plural(self.campaign_places, "campaign place")]
        if self.kind == "company":
            parts.insert(0, plural(self.persons, "person"))
        text = f"{self.label} is back, with {', '.join(parts)} and its calls."
        if self.skipped:
            what = plural(self.skipped, "task or campaign place", "tasks or campaign places")
            text += f" {what} of campaigns deleted since could not come back."
        return text


def _rows(conn: sqlite3.Connection, sql: str, params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params).fetchall()]


def _strip_pk(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Row numbers are the file's own business; restored rows get new ones.
    return [{k: v for k, v in r.items() if k != "pk"} for r in rows]


def move_to_trash(store: Store, kind: str, record_id: str, actor: Actor) -> TrashEntry:
    """Take a company (with its persons) or a person out of the live tables, with their
    tasks and campaign places, into Recently deleted. Raises NotFound. Runs inside the
    caller's write transaction."""
    conn = store.conn
    if kind == "company":
        [company] = _rows(conn, "SELECT * FROM companies WHERE id = ?", (record_id,)) or [None]
        if company is None:
            raise NotFound(f"No company with id {record_id!r}.")
        persons = _rows(conn, "SELECT * FROM persons WHERE company_id = ?", (record_id,))
        person_ids = [p["id"] for p in persons]
        label = company["display_name"]
    else:
        [person] = _rows(conn, "SELECT * FROM persons WHERE id = ?", (record_id,)) or [None]
        if person is None:
            raise NotFound(f"No person with id {record_id!r}.")
        company, persons, person_ids = None, [person], [record_id]
        label = person["name"]
    marks = ", ".join("?" for _ in person_ids)
    company_key = [record_id] if kind == "company" else []
    where = " OR ".join(
        (["company_id = ?"] if company_key else []) + ([f"person_id IN ({marks})"]
                                                         if person_ids else []))
    tasks = _rows(conn, f"SELECT * FROM tasks WHERE {where}", company_key + person_ids)
    places = _rows(conn, f"SELECT * FROM campaign_contacts WHERE {where}",
                   company_key + person_ids)
    detail_parts = []
    if kind == "company":
        detail_parts.append(f"with {plural(len(persons), 'person')}")
    if tasks:
        detail_parts.append(plural(len(tasks), "task"))
    if places:
        detail_parts.append(plural(len(places), "campaign place"))
    snapshot = {"company": company, "persons": _strip_pk(persons), "tasks": _strip_pk(tasks),
                "campaign_contacts": _strip_pk(places),
                "desk": _desk_rows(conn, where, company_key + person_ids, person_ids)}
    if company is not None:
        snapshot["company"] = _strip_pk([company])[0]
    now = store._now()
    cur = conn.execute(
        "INSERT INTO trash (kind, record_id, label, detail, deleted_at, side, client, snapshot)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, record_id, label, ", ".join(detail_parts), now, actor.side, actor.client,
         json.dumps(snapshot, ensure_ascii=False)))
    # The foreign keys take the persons, tasks and campaign places with the record.
    table = "companies" if kind == "company" else "persons"
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
    return TrashEntry(cur.lastrowid or 0, kind, record_id, label, ", ".join(detail_parts), now,
                      actor.side, actor.client)


# The desktop's own rows about a contact (issue 13: notes, personal to-dos, a person's
# job title and address) leave and come back with it.
_DESK_TABLES = ("notes", "todos")


def _desk_rows(conn: sqlite3.Connection, where: str, params: list[str],
               person_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out = {t: _strip_pk(_rows(conn, f"SELECT * FROM {t} WHERE {where}", params))
           for t in _DESK_TABLES}
    marks = ", ".join("?" for _ in person_ids)
    out["person_details"] = (_rows(conn, f"SELECT * FROM person_details WHERE person_id IN"
                                         f" ({marks})", person_ids) if person_ids else [])
    return out


def list_trash(store: Store) -> list[TrashEntry]:
    """Everything in Recently deleted, newest first."""
    return [TrashEntry(r["pk"], r["kind"], r["record_id"], r["label"], r["detail"],
                       r["deleted_at"], r["side"], r["client"])
            for r in store.conn.execute(
                "SELECT pk, kind, record_id, label, detail, deleted_at, side, client FROM trash"
                " ORDER BY deleted_at DESC, pk DESC").fetchall()]


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})").fetchall()}


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any],
            columns: set[str], *, ignore: bool = False) -> int:
    # Only columns the table still has: a snapshot may be older than the schema
    # (columns added since get their defaults; derived ones are recomputed after).
    cols = {k: v for k, v in row.items() if k in columns}
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return conn.execute(f"{verb} INTO {table} ({names}) VALUES ({marks})",
                        tuple(cols.values())).rowcount


def restore(store: Store, pk: int, actor: Actor) -> Restored:
    """Put a deleted record back with the same id: the company with the persons deleted
    with it, or the person; their tasks and campaign places (of campaigns that still
    exist). Raises NotFound when the entry is gone (purged, or restored already) and
    ValidationError when the record cannot come back (its company is deleted)."""
    conn = store.conn
    with store.write():
        row = conn.execute("SELECT * FROM trash WHERE pk = ?", (pk,)).fetchone()
        if row is None:
            raise NotFound("This record is no longer in Recently deleted (restored or purged"
                           " already).")
        snap = json.loads(row["snapshot"])
        kind, record_id = row["kind"], row["record_id"]
        table = "companies" if kind == "company" else "persons"
        if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone():
            raise ValidationError(f"A {kind} with id {record_id!r} exists already.")
        persons = snap["persons"]
        if kind == "person":
            company_id = persons[0]["company_id"]
            if company_id and not conn.execute("SELECT 1 FROM companies WHERE id = ?",
                                               (company_id,)).fetchone():
                raise ValidationError(
                    f"{row['label']} belonged to a company that is deleted too: restore the"
                    " company first.")
        result = Restored(kind, record_id, row["label"])
        if snap["company"] is not None:
            _insert(conn, "companies", snap["company"], _columns(conn, "companies"))
        person_cols = _columns(conn, "persons")
        for p in persons:
            _insert(conn, "persons", p, person_cols)
        result.persons = len(persons) if kind == "company" else 0
        campaigns = {r[0] for r in conn.execute("SELECT id FROM campaigns").fetchall()}
        task_cols = _columns(conn, "tasks")
        for t in snap["tasks"]:
            if t["campaign_id"] in campaigns:
                result.tasks += _insert(conn, "tasks", t, task_cols, ignore=True)
            else:
                result.skipped += 1
        place_cols = _columns(conn, "campaign_contacts")
        for c in snap["campaign_contacts"]:
            if c["campaign_id"] not in campaigns:
                result.skipped += 1
                continue
            c = dict(c, handed_out_until="")
            if _insert(conn, "campaign_contacts", c, place_cols, ignore=True):
                result.campaign_places += 1
                # Calls may have been posted for it while it was away.
                store._refresh_call_stats(c["campaign_id"], c["company_id"], c["person_id"])
        for table, rows in snap.get("desk", {}).items():
            cols = _columns(conn, table)
            for r in rows:
                _insert(conn, table, r, cols, ignore=True)
        store._refresh_derived(kind, record_id)
        conn.execute("DELETE FROM trash WHERE pk = ?", (pk,))
        store._audit(actor, kind, record_id, "restore",
                     {"persons": result.persons, "tasks": result.tasks,
                      "campaigns": result.campaign_places})
    return result


def purge(store: Store, actor: Actor, *, days: int = KEEP_DAYS,
          now: datetime | None = None) -> int:
    """Forget what was deleted more than ``days`` ago (by the store's clock); returns how
    many entries went."""
    cutoff = to_db((now or store.clock()) - timedelta(days=days))
    with store.write():
        gone = store.conn.execute("SELECT kind, record_id FROM trash WHERE deleted_at < ?",
                                  (cutoff,)).fetchall()
        store.conn.execute("DELETE FROM trash WHERE deleted_at < ?", (cutoff,))
        for kind, record_id in gone:
            # "Not the same contact" answers about a record that is gone for good.
            store.conn.execute("DELETE FROM not_duplicates WHERE kind = ? AND ? IN (id_a, id_b)",
                               (kind, record_id))
            store._audit(actor, kind, record_id, "purge")
    return len(gone)
