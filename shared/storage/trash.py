"""Recently deleted: move a company (with its persons) or a person out of the live
tables into one ``trash`` row, restore it with the same ids, purge after 30 days."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from ..collation import last_name_key, sort_key
from ..duplicates import name_key
from ..errors import NotFound, ValidationError
from ..model import COMPANY_FIELDS, PERSON_FIELDS, Actor
from ..texts import Text
from ..timeutil import to_db
from ..trash import KEEP_DAYS, Restored, TrashEntry
from ..words import plural
from .base import Repository
from .rows import company_search_text, person_search_text

_DESK_TABLES = ("notes", "todos")


def _strip_pk(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Row numbers are the database's own business; restored rows get new ones.
    return [{k: v for k, v in r.items() if k != "pk"} for r in rows]


class TrashRepository(Repository):
    """Deleted companies and persons, kept 30 days."""

    def _rows(self, sql: str, params: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in self._all(sql, params)]

    def _columns(self, table: str) -> set[str]:
        cur = self.conn.execute(f"SELECT * FROM {table} LIMIT 0")
        names = {d[0] for d in cur.description}
        cur.fetchall()
        return names

    def _put_back(self, table: str, row: dict[str, Any], columns: set[str], *,
                  ignore: bool = False) -> int:
        # Only columns the table still has: a snapshot may be older than the schema
        # (columns added since get their defaults; derived ones are recomputed after).
        cols = {k: v for k, v in row.items() if k in columns}
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        tail = " ON CONFLICT DO NOTHING" if ignore else ""
        return self.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks}){tail}",
                                 tuple(cols.values())).rowcount

    def move_to_trash(self, kind: str, record_id: str, actor: Actor) -> TrashEntry:
        """Take a company (with its persons) or a person out of the live tables, with
        their tasks and campaign places, into Recently deleted. Raises NotFound. Runs
        inside the caller's write transaction."""
        if kind == "company":
            [company] = self._rows("SELECT * FROM companies WHERE id = ?",
                                   (record_id,)) or [None]
            if company is None:
                raise NotFound(Text(
                        "No company with id {record_id!r}.", record_id=record_id))
            persons = self._rows("SELECT * FROM persons WHERE company_id = ?", (record_id,))
            person_ids = [p["id"] for p in persons]
            label = company["display_name"]
        else:
            [person] = self._rows("SELECT * FROM persons WHERE id = ?", (record_id,)) or [None]
            if person is None:
                raise NotFound(Text(
                        "No person with id {record_id!r}.", record_id=record_id))
            company, persons, person_ids = None, [person], [record_id]
            label = person["name"]
        marks = ", ".join("?" for _ in person_ids)
        company_key = [record_id] if kind == "company" else []
        where = " OR ".join(
            (["company_id = ?"] if company_key else []) + ([f"person_id IN ({marks})"]
                                                             if person_ids else []))
        tasks = self._rows(f"SELECT * FROM tasks WHERE {where}", company_key + person_ids)
        places = self._rows(f"SELECT * FROM campaign_contacts WHERE {where}",
                            company_key + person_ids)
        detail_parts = []
        if kind == "company":
            detail_parts.append(f"with {plural(len(persons), 'person')}")
        if tasks:
            detail_parts.append(plural(len(tasks), "task"))
        if places:
            detail_parts.append(plural(len(places), "campaign place"))
        snapshot = {"company": company, "persons": _strip_pk(persons),
                    "tasks": _strip_pk(tasks), "campaign_contacts": _strip_pk(places),
                    "desk": self._desk_rows(where, company_key + person_ids, person_ids)}
        if company is not None:
            snapshot["company"] = _strip_pk([company])[0]
        now = self._now()
        pk = self._one(
            "INSERT INTO trash (kind, record_id, label, detail, deleted_at, side, client,"
            " snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
            (kind, record_id, label, ", ".join(detail_parts), now, actor.side, actor.client,
             json.dumps(snapshot, ensure_ascii=False, default=str)))[0]
        # The foreign keys take the persons, tasks and campaign places with the record.
        table = "companies" if kind == "company" else "persons"
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        return TrashEntry(pk, kind, record_id, label, ", ".join(detail_parts), now,
                          actor.side, actor.client)

    def _desk_rows(self, where: str, params: list[str], person_ids: list[str],
                   ) -> dict[str, list[dict[str, Any]]]:
        """The desktop's own rows about a contact (issue 13: notes, personal to-dos, a
        person's job title and address): they leave and come back with it."""
        out = {t: _strip_pk(self._rows(f"SELECT * FROM {t} WHERE {where}", params))
               for t in _DESK_TABLES}
        marks = ", ".join("?" for _ in person_ids)
        out["person_details"] = (self._rows(f"SELECT * FROM person_details WHERE person_id IN"
                                            f" ({marks})", person_ids) if person_ids else [])
        return out

    def list_deleted(self) -> list[TrashEntry]:
        """What was deleted in the last 30 days, newest first."""
        return [TrashEntry(r["pk"], r["kind"], r["record_id"], r["label"], r["detail"],
                           r["deleted_at"], r["side"], r["client"])
                for r in self._all(
                    "SELECT pk, kind, record_id, label, detail, deleted_at, side, client"
                    " FROM trash ORDER BY deleted_at DESC, pk DESC")]

    def restore_deleted(self, entry_pk: int, actor: Actor) -> Restored:
        """Put a deleted record back with the same id: the company with the persons
        deleted with it, or the person; their tasks and campaign places (of campaigns
        that still exist). Raises NotFound when the entry is gone (purged, or restored
        already) and ValidationError when the record cannot come back (its company is
        deleted)."""
        with self.write():
            row = self._one("SELECT * FROM trash WHERE pk = ?", (entry_pk,))
            if row is None:
                raise NotFound(Text(
                        "This record is no longer in Recently deleted (restored or purged "
                        "already)."))
            snap = json.loads(row["snapshot"])
            kind, record_id = row["kind"], row["record_id"]
            table = "companies" if kind == "company" else "persons"
            if self._one(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)):
                raise ValidationError(
                    Text("A company with id {record_id!r} exists already.", record_id=record_id)
                    if kind == "company" else
                    Text("A person with id {record_id!r} exists already.", record_id=record_id))
            persons = snap["persons"]
            if kind == "person":
                company_id = persons[0]["company_id"]
                if company_id and not self._one("SELECT 1 FROM companies WHERE id = ?",
                                                 (company_id,)):
                    raise ValidationError(
                        Text(
                            "{row} belonged to a company that is deleted too: restore the company "
                            "first.", row=row['label']))
            result = Restored(kind, record_id, row["label"])
            if snap["company"] is not None:
                self._put_back("companies", snap["company"], self._columns("companies"))
            person_cols = self._columns("persons")
            for p in persons:
                self._put_back("persons", p, person_cols)
            result.persons = len(persons) if kind == "company" else 0
            campaigns = {r[0] for r in self._all("SELECT id FROM campaigns")}
            task_cols = self._columns("tasks")
            for t in snap["tasks"]:
                if t["campaign_id"] in campaigns:
                    result.tasks += self._put_back("tasks", t, task_cols, ignore=True)
                else:
                    result.skipped += 1
            place_cols = self._columns("campaign_contacts")
            for c in snap["campaign_contacts"]:
                if c["campaign_id"] not in campaigns:
                    result.skipped += 1
                    continue
                c = dict(c, handed_out_until="")
                if self._put_back("campaign_contacts", c, place_cols, ignore=True):
                    result.campaign_places += 1
                    # Calls may have been posted for it while it was away.
                    self.uow.campaigns.refresh_call_stats(c["campaign_id"], c["company_id"],
                                                          c["person_id"])
            for desk_table, rows in snap.get("desk", {}).items():
                cols = self._columns(desk_table)
                for r in rows:
                    self._put_back(desk_table, r, cols, ignore=True)
            self.refresh_derived(kind, record_id)
            self.conn.execute("DELETE FROM trash WHERE pk = ?", (entry_pk,))
            self._audit(actor, kind, record_id, "restore",
                        {"persons": result.persons, "tasks": result.tasks,
                         "campaigns": result.campaign_places})
        return result

    def purge_deleted(self, actor: Actor, *, days: int = KEEP_DAYS,
                      now: datetime | None = None) -> int:
        """Forget what was deleted more than ``days`` ago (by the store's clock); returns
        how many entries went."""
        cutoff = to_db((now or self.uow.clock()) - timedelta(days=days))
        with self.write():
            gone = self._all("SELECT kind, record_id FROM trash WHERE deleted_at < ?",
                             (cutoff,))
            self.conn.execute("DELETE FROM trash WHERE deleted_at < ?", (cutoff,))
            for kind, record_id in gone:
                # "Not the same contact" answers about a record that is gone for good.
                self.conn.execute(
                    "DELETE FROM not_duplicates WHERE kind = ? AND ? IN (id_a, id_b)",
                    (kind, record_id))
                self._audit(actor, kind, record_id, "purge")
        return len(gone)

    def refresh_derived(self, kind: str, record_id: str) -> None:
        """Recompute the columns the store derives from a contact's fields (search text,
        name and sort keys) for a record put back as stored, and for a company's persons."""
        contacts = self.uow.contacts
        if kind == "company":
            c = contacts.get_company(record_id)
            cols = {r.column: getattr(c, r.column) for r in COMPANY_FIELDS}
            self.conn.execute(
                "UPDATE companies SET search_text = ?, name_key = ?, sort_key = ? WHERE id = ?",
                (company_search_text(cols), name_key(c.name), sort_key(c.display_name),
                 record_id))
            persons = [p.id for p in contacts.persons_of(record_id)]
        else:
            persons = [record_id]
        for pid in persons:
            p = contacts.get_person(pid)
            cols = {r.column: getattr(p, r.column) for r in PERSON_FIELDS} | {"name": p.name}
            self.conn.execute(
                "UPDATE persons SET search_text = ?, name_key = ?, sort_key = ?,"
                " last_sort_key = ? WHERE id = ?",
                (person_search_text(cols), name_key(p.name), sort_key(p.name),
                 last_name_key(p.last_name, p.first_name, p.name), pid))
